"""Output hygiene (SPEC sections 2, 7, 8): a key file others can read is warned about;
report, status and caseload CSV cells that a spreadsheet would run as a formula are
neutralised; every JSON output is valid UTF-8, even for a file name that is not.
"""

import json
import os
import shutil

import pytest
from conftest import ROOT

REPORT_REPO = os.path.join(ROOT, "tests", "report", "repo")
KEYS = os.path.join(ROOT, "tests", "report", "cpr-keys.yaml")
TODAY = "2025-08-15"


@pytest.fixture
def repo(copy_tree):
    path = copy_tree(REPORT_REPO)
    shutil.copy(KEYS, os.path.join(path, "cpr.yaml"))
    return path


def test_a_key_file_readable_by_others_is_warned_about(repo, run_cti, tmp_path):
    keys = os.path.join(repo, "cpr.yaml")
    out = tmp_path / "q.csv"
    os.chmod(keys, 0o644)
    r = run_cti("report", "--quarter", "2025-Q2", "-o", out, cwd=repo, today=TODAY)
    assert r.rc == 0 and "chmod 600 cpr.yaml" in r.err, r
    os.chmod(keys, 0o600)
    r = run_cti("report", "--quarter", "2025-Q2", "-o", out, "--force", cwd=repo, today=TODAY)
    assert r.rc == 0 and "chmod" not in r.err, r


def plant_formulas(repo):
    """A delmålgruppe and a worker id that a spreadsheet would run as formulas."""
    cfg = os.path.join(repo, "cti.yaml")
    with open(cfg, encoding="utf-8") as f:
        text = f.read()
    with open(cfg, "w", encoding="utf-8") as f:
        f.write(text.replace("egen-kommune", "=HYPERLINK(\"http://x\")").replace("  - id: mette", "  - id: \"@mette\""))
    for name in os.listdir(os.path.join(repo, "forloeb")):
        p = os.path.join(repo, "forloeb", name)
        with open(p, encoding="utf-8") as f:
            t = f.read()
        with open(p, "w", encoding="utf-8") as f:
            f.write(t.replace("egen-kommune", "\"=HYPERLINK(\\\"http://x\\\")\"").replace(
                "medarbejder: mette", "medarbejder: \"@mette\""))


def cells(out):
    return [c.strip('"') for line in out.decode("utf-8-sig").splitlines() for c in line.split(";")]


def test_no_csv_cell_starts_like_a_formula(repo, run_cti):
    plant_formulas(repo)
    r = run_cti("report", "--quarter", "2025-Q2", "--pseudonym", cwd=repo, today=TODAY)
    report = cells(r.out)
    assert any("HYPERLINK" in c for c in report), r
    assert not [c for c in report if c[:1] in ("=", "+", "-", "@")], r

    r = run_cti("caseload", "--format", "csv", cwd=repo, today=TODAY)
    caseload = cells(r.out)
    assert any("@mette" in c for c in caseload), r
    # A negative number stays a number.
    assert not [c for c in caseload if c[:1] in ("=", "+", "@") or (c[:1] == "-" and not c[1:2].isdigit())], r

    r = run_cti("status", "--format", "csv", "--all", cwd=repo, today=TODAY)
    assert not [c for c in cells(r.out) if c[:1] in ("=", "+", "@")], r


def test_report_json_parses(repo, run_cti):
    r = run_cti("report", "--quarter", "2025-Q2", "--pseudonym", "--format", "json", cwd=repo, today=TODAY)
    assert r.rc == 0 and json.loads(r.out.decode("utf-8", "strict")) is not None, r


@pytest.mark.parametrize("args", [["validate", "--format", "json"], ["status", "--format", "json", "--all"],
                                  ["caseload", "--format", "json"], ["fidelity", "--format", "json"]],
                         ids=lambda a: a[0])
def test_json_is_valid_utf8_for_a_file_name_that_is_not(repo, run_cti, args):
    with open(os.path.join(repo.encode(), b"forloeb", b"K-\xff\xfe.yaml"), "wb") as f:
        f.write(b"id: K-1\n")
    r = run_cti(*args, cwd=repo, today=TODAY)
    json.loads(r.out.decode("utf-8", "strict"))
