"""Nothing hidden, nothing doubled (SPEC 2, 3, 5): a small repository with every way a
forløb used to vanish or double (a copied file, a duplicate id, an unknown worker, one
broken date, ended but owing, a subfolder, a .yml file, a dangling symlink, the planned
end day), run through every view. Each forløb file appears exactly once, or is named
with the reason it is not; the counts add up across commands.
"""

import json
import os

import pytest
from conftest import run_cti

TODAY = "2026-11-23"

CONFIG = """projekt: Tillidstest
id_præfiks: K-
delmålgrupper: [egen-kommune, anden-kommune]
medarbejdere:
  - id: mette
    navn: Mette Prøve
  - id: jonas
    navn: Jonas Prøve
    årsværk: 0.5
"""


def case(ident, worker="mette", start="2026-09-01", extra=""):
    return f"id: {ident}\nmedarbejder: {worker}\ndelmålgruppe: egen-kommune\nopstart: {start}\n{extra}"


ALL_CLOSING = ("tjekliste:\n  netværk-etableret: 2026-05-01\n  overdragelsesmøder: 2026-04-01\n"
               "  overdragelsesplan: 2026-05-01\n  ansvar-forankret: 2026-05-01\n"
               "dokumentation:\n  afslutning: 2026-05-01\n"
               "afslutning:\n  dato: 2026-05-01\n  status: gennemført\n")

FILES = {
    # valid, running
    "forloeb/K-0001.yaml": case("K-0001"),
    # archived in a subfolder, ended gennemført with all its closing work: off the default board
    "forloeb/afsluttede/K-0002.yaml": case("K-0002", start="2025-08-01", extra=ALL_CLOSING),
    # K-0004 three times: the file, a copy, and another file with the same id
    "forloeb/K-0004.yaml": case("K-0004", worker="jonas"),
    "forloeb/K-0004 (kopi).yaml": case("K-0004", worker="jonas"),
    "forloeb/K-0016.yaml": case("K-0004", worker="jonas"),
    # an unknown worker
    "forloeb/K-0005.yaml": case("K-0005", worker="ukendt"),
    # one small mistake: a Danish date in the checklist
    "forloeb/K-0006.yaml": case("K-0006", extra="tjekliste:\n  økonomi: 03-09-2026\n"),
    # ended early (afbrudt) and still owing its closing documentation
    "forloeb/K-0007.yaml": case("K-0007", extra="afslutning:\n  dato: 2026-10-01\n  status: afbrudt\n"),
    # a .yml file: not read as a forløb, but named
    "forloeb/K-0008.yml": case("K-0008"),
    # the planned end day: m(2026-02-23, 9) = 2026-11-23 = today
    "forloeb/K-0010.yaml": case("K-0010", start="2026-02-23"),
    # an opstart that is no date: its plan cannot be read
    "forloeb/K-0011.yaml": case("K-0011", start="2026-02-30"),
}
CASE_FILES = sorted(p for p in FILES if p.endswith(".yaml"))
WITH_ERRORS = {"forloeb/K-0004.yaml", "forloeb/K-0004 (kopi).yaml", "forloeb/K-0016.yaml",
               "forloeb/K-0005.yaml", "forloeb/K-0006.yaml", "forloeb/K-0011.yaml"}


def make_repo(tmp):
    repo = os.path.join(tmp, "repo")
    os.makedirs(os.path.join(repo, "forloeb", "afsluttede"))
    with open(os.path.join(repo, "cti.yaml"), "w", encoding="utf-8") as f:
        f.write(CONFIG)
    for path, text in FILES.items():
        with open(os.path.join(repo, path), "w", encoding="utf-8") as f:
            f.write(text)
    os.symlink("K-0099.yaml", os.path.join(repo, "forloeb", "K-0009.yaml"))  # dangling
    with open(os.path.join(repo, "forloeb", ".gitkeep"), "w"):
        pass
    return repo


def cti(repo, *args, today=TODAY):
    """cti --lang en --today TODAY -C repo ARGS, started in repo -> (exit code, stdout, stderr)."""
    r = run_cti("-C", repo, *args, cwd=repo, today=today)
    return r.rc, r.text, r.err


@pytest.fixture(scope="module")
def repo(tmp_path_factory):
    """The repository; no test changes it."""
    return make_repo(str(tmp_path_factory.mktemp("trust")))


@pytest.fixture(scope="module")
def status(repo):
    """cti status --format json."""
    _, out, _ = cti(repo, "status", "--format", "json")
    return json.loads(out)


@pytest.fixture(scope="module")
def active(status):
    """Active forløb per worker, from the status rows."""
    counts = {}
    for f in status["forloeb"]:
        if f["phase"] in ("fase1", "fase2", "fase3", "overskredet"):
            counts[f["worker"]] = counts.get(f["worker"], 0) + 1
    return counts


ON_BOARD = set(CASE_FILES) - {"forloeb/afsluttede/K-0002.yaml"}


def test_validate_accounts_for_every_entry_of_the_tree(repo):
    rc, out, err = cti(repo, "validate", "--format", "json")
    diags = json.loads(out)["diagnostics"]
    rules_by_file = {}
    for d in diags:
        rules_by_file.setdefault(d["file"], set()).add(d["rule"])
    assert rc == 1, err
    assert all("duplicate-id" in rules_by_file.get(f, ()) for f in
               ("forloeb/K-0004.yaml", "forloeb/K-0004 (kopi).yaml", "forloeb/K-0016.yaml")), \
        f"duplicate id on each of the three files: {rules_by_file}"
    assert "file-name" in rules_by_file.get("forloeb/K-0008.yml", ()), f"the .yml file is named: {rules_by_file}"
    assert "broken-link" in rules_by_file.get("forloeb/K-0009.yaml", ()), \
        f"the dangling symlink is named: {rules_by_file}"
    assert "forloeb/.gitkeep" not in rules_by_file, f".gitkeep is not: {rules_by_file}"
    assert "forloeb/afsluttede/K-0002.yaml" not in rules_by_file \
        and "past-planned-end" not in rules_by_file.get("forloeb/K-0010.yaml", set()), \
        f"the subfolder is read: {rules_by_file}"
    assert {f for f, r in rules_by_file.items() if f in CASE_FILES and any(
        d["severity"] == "error" for d in diags if d["file"] == f)} == WITH_ERRORS, \
        f"errors exactly where expected: {rules_by_file}"


def test_status_json_has_every_case_file_once(status):
    files = [f["file"] for f in status["forloeb"]]
    assert len(files) == len(set(files)), f"no file twice: {files}"
    assert set(files) == ON_BOARD, f"every file on the board once, the archived one off: {files}"
    assert status["invalid"] == len(WITH_ERRORS) + 2, "invalid counts the files with errors, the .yml and the link too"
    assert [n["file"] for n in status["not_read"]] == ["forloeb/K-0008.yml", "forloeb/K-0009.yaml"], status["not_read"]
    for f in status["forloeb"]:
        assert bool(f["errors"]) == (f["file"] in WITH_ERRORS), f"errors of {f['file']}: {f['errors']}"


def test_status_json_phases(repo, status):
    k7 = [f for f in status["forloeb"] if f["id"] == "K-0007"][0]
    assert k7["phase"] == "afsluttet" and "afslutning" in k7["documentation_overdue"], \
        f"ended but owing: on the board: {k7}"
    k10 = [f for f in status["forloeb"] if f["id"] == "K-0010"][0]
    assert k10["phase"] == "fase3" and k10["next"]["days"] == 0, f"planned end day: fase3, afslutning today: {k10}"
    k11 = [f for f in status["forloeb"] if f["id"] == "K-0011"][0]
    assert k11["phase"] is None and k11["errors"][0]["rule"] == "invalid-date", \
        f"unreadable dates: phase null, error named: {k11}"
    rc, out, err = cti(repo, "status", "--format", "json", "--all")
    assert sorted(f["file"] for f in json.loads(out)["forloeb"]) == CASE_FILES, \
        f"--all adds the archived forløb: {out}"
    rc, out, err = cti(repo, "status", "--format", "json", today="2026-11-24")
    k10 = [f for f in json.loads(out)["forloeb"] if f["id"] == "K-0010"][0]
    assert k10["phase"] == "overskredet", f"the day after the planned end: overskredet: {k10}"


def test_status_table(repo, active):
    rc, table, err = cti(repo, "status")
    rows = [line for line in table.splitlines() if line.startswith("K-")]
    assert len(rows) == len(ON_BOARD), f"one row per file on the board: {table}"
    assert len([r for r in rows if r.startswith("K-0004 ")]) == 3 \
        and all("error [duplicate-id]" in r for r in rows if r.startswith("K-0004 ")), \
        f"K-0004 three times, each marked duplicate-id: {table}"
    assert any(r.startswith("K-0006 ") and "error [invalid-date]: cti validate forloeb/K-0006.yaml" in r
               for r in rows), f"K-0006 marked with its broken date: {table}"
    assert "(unknown worker):" in table, f"the unknown worker has its line: {table}"
    assert "forloeb/K-0008.yml has errors" in err and "forloeb/K-0009.yaml has errors" in err, \
        f"the stray entries are named on stderr: {err}"
    # The status summary agrees with the status rows.
    assert f"mette:            {active['mette']} active" in table \
        or f"mette:  {active['mette']} active" in table or f" {active['mette']} active" in \
        [line for line in table.splitlines() if line.startswith("mette:")][0], f"mette's active forløb: {table}"


def test_status_check_fails_with_files_in_error(repo):
    rc, _, _ = cti(repo, "status", "--check")
    assert rc == 1, rc


def test_caseload_agrees_with_status(repo, status, active):
    rc, out, err = cti(repo, "caseload", "--format", "json")
    cl = json.loads(out)
    for w in cl["workers"]:
        assert w["now"]["active"] == active.get(w["id"], 0), \
            f"caseload active of {w['id']} equals status: {(w['id'], w['now'], active)}"
    assert cl["invalid"] == status["invalid"], f"the same invalid count as status: {cl['invalid']}"
    assert cl["unreadable"] == ["forloeb/K-0011.yaml"], f"the unreadable file named: {cl['unreadable']}"
    assert "forloeb/K-0011.yaml: the dates cannot be read" in err, f"K-0011 named on stderr: {err}"
    assert cl["team"]["now"]["active"] == sum(active.values()), \
        f"the team's active forløb add up: {(cl['team']['now'], active)}"


def test_fidelity_agrees_with_status(repo, status):
    rc, out, err = cti(repo, "fidelity", "--format", "json")
    fi = json.loads(out)
    assert fi["invalid"] == status["invalid"], f"the same invalid count: {fi.get('invalid')}"
    assert fi["unreadable"] == ["forloeb/K-0011.yaml"], f"the unreadable file named: {fi.get('unreadable')}"


def test_calendar(repo):
    rc, ics, err = cti(repo, "calendar")
    for ident in ("K-0001", "K-0004", "K-0005", "K-0006", "K-0010"):
        assert f"SUMMARY:{ident}" in ics or f"{ident} " in ics, f"{ident} has its events"
    assert "forloeb/K-0011.yaml" in err, f"the unreadable file named: {err}"


def test_report(repo):
    rc, out, err = cti(repo, "report", "--quarter", "2026-Q3", "--pseudonym")
    ids = [line.split(";")[0] for line in out.splitlines()[1:]]
    assert ids.count("K-0001") == 1 and ids.count("K-0004") == 3 and len(ids) == 8, \
        f"K-0001 once, K-0004 once per file: {out}"
    assert rc == 1 and "[duplicate-id]" in err, f"errors named, exit 1: {err}"
    rc, out, err = cti(repo, "report", "--quarter", "2026-Q2", "--pseudonym")
    ids = [line.split(";")[0] for line in out.splitlines()[1:]]
    assert ids == ["K-0002", "K-0010"], f"the archived K-0002 in its quarter: {out}"
    # Errors in forløb outside the quarter are counted in a note; files that may belong in
    # it (the .yml file, the dangling link, the unreadable K-0011) are named and stop it.
    assert rc == 1 and "5 forløb outside 2026-Q2 have errors" in err and "[file-name]" in err \
        and "[broken-link]" in err and "forloeb/K-0011.yaml:4:10" in err, err


def test_show(repo):
    # A file with errors shows its diagnostics and the timeline; files sharing an id both.
    rc, out, err = cti(repo, "show", "K-0006")
    assert rc == 0 and out.startswith("forloeb/K-0006.yaml:") and "opstart (fase1)" in out, \
        f"diagnostics on top, then the timeline: {out + err}"
    rc, out, err = cti(repo, "show", "K-0004")
    assert rc == 0 and out.count("File: forloeb/K-0004") == 2 and "File: forloeb/K-0016.yaml" in out, \
        f"each file of a duplicated id: {out + err}"
    rc, out, err = cti(repo, "show", "K-0011")
    assert rc == 2 and "the dates cannot be read" in err, f"refuses only unreadable dates: {out + err}"
