"""End-to-end tests of [cpr-retention] (SPEC section 2): a key line whose forløb ended
more than cti.yaml `cpr_opbevaring_kvartaler` quarters (default 1) after the quarter it
ended in is a warning in `cti report` and `cti validate`, naming the id, never the number.

Uses tests/report/repo/ and tests/report/cpr-keys.yaml (made-up CPR numbers). The
forløb ends used: K-0004 2025-03-31 (Q1), K-0007 2025-04-14, K-0003 2025-05-05 and
K-0008 2025-06-30 (all Q2); the others have not ended.

    CTI=build/cti python3 -m pytest -c tests/pytest.ini tests/report
"""

import os
import re
import shutil

import pytest
from conftest import ROOT, run_cti

SUITE = os.path.join(ROOT, "tests", "report")
with open(os.path.join(SUITE, "cpr-keys.yaml"), encoding="utf-8") as f:
    KEYS_TEXT = f.read()
FORMS = set()
for v in re.findall(r'^K-\d{4}: "([\d-]+)"$', KEYS_TEXT, re.M):
    d = v.replace("-", "")
    FORMS |= {d, d[:6] + "-" + d[6:], d[:9], d[1:]}  # also 9 of the 10 digits
Q2_ENDS = ["K-0003", "K-0004", "K-0007", "K-0008"]


class RetentionRepo:
    """A git repository (`dir`) in `tmp` with the test forløb, the key file unless
    keys=False, and cpr_opbevaring_kvartaler: KEEP in cti.yaml when given."""

    def __init__(self, tmp, git, keys=True, keep=None):
        self.tmp = str(tmp)
        self.dir = os.path.join(self.tmp, "repo")
        shutil.copytree(os.path.join(SUITE, "repo"), self.dir)
        if keep is not None:
            with open(os.path.join(self.dir, "cti.yaml"), "a", encoding="utf-8") as f:
                f.write(f"cpr_opbevaring_kvartaler: {keep}\n")
        if keys:
            path = os.path.join(self.dir, "cpr.yaml")
            with open(path, "w", encoding="utf-8") as f:
                f.write(KEYS_TEXT)
            os.chmod(path, 0o600)
        with open(os.path.join(self.dir, ".gitignore"), "w", encoding="utf-8") as f:
            f.write("cpr.yaml\n")
        git("init", "-q", cwd=self.dir)

    def run(self, today, *args):
        """cti --today TODAY -C repo ARGS (no --lang: the locale's English); no number of
        the key file, nor 9 of its 10 digits, in stdout or stderr."""
        r = run_cti("-C", self.dir, *args, today=today, lang=None)
        for name, text in (("stdout", r.out.decode("utf-8", "replace")), ("stderr", r.err)):
            assert not [x for x in FORMS if x in text], f"a CPR number in the {name} of {' '.join(args)}"
        return r

    def report(self, today, quarter):
        """cti report --quarter QUARTER -o a fresh file -> (the run, whether it was written)."""
        out = os.path.join(self.tmp, "q.csv")
        if os.path.exists(out):
            os.remove(out)
        r = self.run(today, "report", "--quarter", quarter, "-o", out)
        return r, os.path.exists(out)


def flagged(text):
    return sorted(re.findall(r"(K-\d{4}) ended in \S+; its key line can be deleted", text))


@pytest.fixture
def repo(tmp_path, git):
    return RetentionRepo(tmp_path, git)


@pytest.mark.parametrize("today, quarter, want", [
    # K-0004 ended in 2025-Q1: kept through Q2, flagged from 2025-07-01 (the report still written).
    ("2025-06-30", "2025-Q1", []),
    ("2025-07-01", "2025-Q2", ["K-0004"]),
    # The Q2 ends are due on 2025-10-01, except for a report that still lists them.
    ("2025-09-30", "2025-Q3", ["K-0004"]),
    ("2025-10-01", "2025-Q3", Q2_ENDS),
    ("2025-10-01", "2025-Q2", ["K-0004"]),
], ids=["Q1 kept until the end of Q2", "flagged from Q3's first day", "Q2 ends quiet on 2025-09-30",
        "Q2 ends flagged on 2025-10-01", "not the forløb of the report being written"])
def test_report_flags_the_lines_due(repo, today, quarter, want):
    r, wrote = repo.report(today, quarter)
    assert r.rc == 0 and wrote and flagged(r.err) == want, r


def test_report_the_exact_warning(repo):
    r, _ = repo.report("2025-07-01", "2025-Q2")
    assert "cpr.yaml:7:1: warning: K-0004 ended in 2025-Q1; its key line can be deleted " \
           "(cpr_opbevaring_kvartaler: 1) [cpr-retention]" in r.err, r


def test_validate_warns_only(repo):
    # validate: warnings only, exit 0 (the repository has no errors).
    r = repo.run("2025-10-01", "validate")
    assert r.rc == 0 and flagged(r.text) == Q2_ENDS, r
    assert "cpr.yaml:6:1: warning: K-0003 ended in 2025-Q2" in r.text, "the file is the key file"
    r = repo.run("2025-10-01", "validate", "--strict")
    assert r.rc == 1, "validate --strict fails on the warnings"
    r = repo.run("2025-10-01", "validate", "--format", "json")
    assert r.rc == 0 and r.text.count('"rule": "cpr-retention"') == 4, r
    r = repo.run("2025-10-01", "--lang", "da", "validate")
    assert "K-0003 sluttede i 2025-Q2; dets linje i nøglefilen kan slettes (cpr_opbevaring_kvartaler: 1)" \
        in r.text, r
    r = repo.run("2025-09-30", "validate")
    assert r.rc == 0 and flagged(r.text) == ["K-0004"], "validate: one line on 2025-09-30"
    r = repo.run("2025-10-01", "validate", "--list-rules")
    assert r.rc == 0 and re.search(r"^cpr-retention\s+warning ", r.text, re.M), r


def test_validate_without_a_key_file(tmp_path, git):
    r = RetentionRepo(tmp_path, git, keys=False).run("2025-10-01", "validate")
    assert r.rc == 0 and "cpr-retention" not in r.text, "no warning, no failure"


def test_two_quarters_kept(tmp_path, git):
    repo = RetentionRepo(tmp_path, git, keep=2)
    r = repo.run("2025-12-31", "validate")
    assert r.rc == 0 and flagged(r.text) == ["K-0004"], "N = 2: K-0004 (Q1) due 2025-10-01, Q2 ends not yet"
    assert "(cpr_opbevaring_kvartaler: 2)" in r.text, "N = 2 is named"
    r = repo.run("2026-01-01", "validate")
    assert flagged(r.text) == Q2_ENDS, "N = 2: Q2 ends due 2026-01-01"


def test_no_quarter_kept(tmp_path, git):
    r, wrote = RetentionRepo(tmp_path, git, keep=0).report("2025-07-01", "2025-Q3")
    assert r.rc == 0 and wrote and flagged(r.err) == Q2_ENDS, "N = 0: Q2 ends due on Q3's first day"


@pytest.mark.parametrize("bad", ["-1", "1.5", "to", "[1]"])
def test_a_bad_number_of_quarters_is_an_error(tmp_path, git, bad):
    r = RetentionRepo(tmp_path, git, keep=bad).run("2025-10-01", "validate")
    assert r.rc == 1 and re.search(
        r"cti\.yaml:\d+:\d+: error: .*cpr_opbevaring_kvartaler.*\[(invalid-value|wrong-type)\]", r.text), r
