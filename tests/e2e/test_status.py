"""End-to-end tests of `cti status` and `cti show` (SPEC sections 3, 4 and 6).

Runs the built binary ($CTI) on tests/e2e/repo/ and on examples/demo/ with pinned
days and compares the output byte for byte with the files in tests/e2e/golden/.

tests/e2e/repo/ is built so that 2025-04-14, -15 and -16 are the day before, on
and after a schedule point: S-0003 fase1 -> fase2 (m(opstart,3)), S-0004 fase2 ->
fase3 across a year wrap (m(opstart,6)), S-0005 fase3 -> overskredet (m(opstart,9),
no afslutning), S-0006 overdragelsesmøder (m(opstart,8)), S-0007 afbrudt on the day
of fase2, S-0010 gennemført early with the end recorded ahead (2025-04-16). S-0008 is
flyttet, S-0009 gennemført on the planned end, S-0011 ran over the leap day
(m(2023-11-30, 3) = 2024-02-29), S-0001/S-0002 are in the contact period. Worker
dina has no forløb. Every golden file was checked by hand against the forløb
files (day numbers, day counts, due dates, sort order); each file's noter says what
it is for.

cti runs without --lang (English by default) unless a case gives it.

    CTI=build/cti python3 -m pytest -c tests/pytest.ini tests/e2e
    CTI_UPDATE_GOLDEN=1 ...   # rewrite the golden files (then check them by hand)
"""

import json
import os

import pytest
from conftest import DEMO, ROOT, run_cti

REPO = os.path.join(ROOT, "tests", "e2e", "repo")
GOLDEN = os.path.join(ROOT, "tests", "e2e", "golden")
RED, YELLOW = b"\x1b[31m", b"\x1b[33m"


def run(*args, repo=REPO, env=None):
    # From the repository's root: messages name files relative to where cti runs.
    return run_cti("-C", repo, *args, cwd=repo, lang=None, env=env)


def golden_bytes(name):
    with open(os.path.join(GOLDEN, name), "rb") as f:
        return f.read()


# --- golden output -----------------------------------------------------------

DEMO_DAY = ["--today", "2026-11-23"]
GOLDENS = [(f"status-{day}.txt", ["status", "--today", day], REPO)
           for day in ("2025-04-14", "2025-04-15", "2025-04-16")] + [
    ("status-2025-04-16-all.txt", ["status", "--today", "2025-04-16", "--all"], REPO),
    ("status-2025-04-15-anna-h16-da.txt",
     ["status", "--today", "2025-04-15", "--horizon", "16", "--worker", "anna", "--lang", "da"], REPO),
    ("status-2025-04-15-dina.txt", ["status", "--today", "2025-04-15", "--horizon", "0", "--medarbejder", "dina"],
     REPO),
    ("status-2025-04-15-all-h1.json",
     ["status", "--today", "2025-04-15", "--all", "--horizon", "1", "--format", "json"], REPO),
    ("status-2025-04-15-all-h1.csv",
     ["status", "--today", "2025-04-15", "--all", "--horizon", "1", "--format", "csv"], REPO),
    ("status-2025-04-16.json", ["status", "--today", "2025-04-16", "--format", "json"], REPO),
] + [(f"show-{ident}-{day}.txt", ["show", ident, "--today", day], REPO)
     for ident, day in [("S-0003", "2025-04-14"), ("S-0003", "2025-04-16"), ("S-0007", "2025-04-16"),
                        ("S-0005", "2025-04-15"), ("S-0008", "2025-04-14"), ("S-0010", "2025-04-15"),
                        ("S-0001", "2025-04-15"), ("S-0011", "2024-02-28"), ("S-0011", "2024-02-29"),
                        ("S-0011", "2024-03-01")]] + [
    ("show-S-0002-2025-04-15-h16.txt", ["show", "S-0002", "--today", "2025-04-15", "--horizon", "16"], REPO),
    ("show-S-0009-2025-04-15-da.txt", ["show", "S-0009", "--today", "2025-04-15", "--lang", "da"], REPO),
    ("demo-status.txt", ["status"] + DEMO_DAY, DEMO),
    ("demo-status.json", ["status", "--format", "json"] + DEMO_DAY, DEMO),
    ("demo-status.csv", ["status", "--format", "csv"] + DEMO_DAY, DEMO),
    ("demo-show-K-0008.txt", ["show", "K-0008"] + DEMO_DAY, DEMO),
    ("demo-show-K-0005.txt", ["show", "K-0005"] + DEMO_DAY, DEMO),
]


@pytest.mark.parametrize("name, args, repo", GOLDENS, ids=[g[0] for g in GOLDENS])
def test_golden(golden, name, args, repo):
    """stdout equals tests/e2e/golden/<name>, stderr is empty, exit code 0, no colour."""
    r = run(*args, repo=repo)
    assert r.rc == 0, r
    golden(name, r.text)
    assert r.err == "", r
    assert b"\x1b[" not in r.out, f"ANSI codes with NO_COLOR: {r!r}"


def test_today_before_the_command():
    """Global options may come before the command."""
    r = run_cti("-C", REPO, "--today", "2025-04-14", "status", lang=None)
    assert r.out == golden_bytes("status-2025-04-14.txt"), r


def test_cti_today_pins_the_day_as_today_does():
    r = run("status", env={"CTI_TODAY": "2025-04-14"})
    assert r.out == golden_bytes("status-2025-04-14.txt"), r


@pytest.mark.parametrize("arg", ["7", "0007", "forloeb/S-0007.yaml", "S-0007.yaml"])
def test_show_by_number_and_by_file_name(arg):
    r = run("show", arg, "--today", "2025-04-16")
    assert r.rc == 0 and r.out == golden_bytes("show-S-0007-2025-04-16.txt"), r


# --- the JSON contract: SPEC section 6, key for key --------------------------

SPEC_KEYS = ["id", "worker", "subgroup", "phase", "start", "phase2", "phase3", "handover_meetings", "planned_end",
             "end", "end_status", "next", "overdue", "due_soon", "documentation_overdue",
             "documentation_due_soon", "errors", "file"]
PHASES = {"kontakt", "fase1", "fase2", "fase3", "overskredet", "afsluttet"}


@pytest.mark.parametrize("repo, day", [(REPO, "2025-04-15"), (DEMO, "2026-11-23")], ids=["e2e", "demo"])
def test_json_contract(repo, day):
    r = run("status", "--all", "--format", "json", "--today", day, repo=repo)
    doc = json.loads(r.out)
    # What the board could not count, as every view says it (cti-status(1)).
    assert list(doc) == ["today", "forloeb", "invalid", "unreadable", "not_read"], f"top-level keys {list(doc)}"
    assert doc["invalid"] == sum(1 for f in doc["forloeb"] if f["errors"]) + len(doc["not_read"]), "invalid count"
    assert doc["unreadable"] == [f["file"] for f in doc["forloeb"] if f["phase"] is None], "unreadable dates"
    assert doc["today"] == day, doc["today"]
    for f in doc["forloeb"]:
        assert list(f) == SPEC_KEYS, f"keys of {f['id']}: {list(f)}"
        assert f["phase"] in PHASES or (f["phase"] is None and f["errors"]), f["phase"]
        if f["next"] is not None:
            assert list(f["next"]) == ["point", "date", "days"], f"next of {f['id']}"
        for item in f["overdue"] + f["due_soon"]:
            # The contact item (kontaktlog) adds the days since the last held contact.
            keys = ["point", "item", "due"] + (["days_since"] if item["item"] == "kontakt" else [])
            assert list(item) == keys, f"item of {f['id']}: {item}"
            points = (("fase1", "fase2", "fase3") if item["item"] == "kontakt"
                      else ("kontakt", "fase2", "fase3", "afslutning"))
            assert item["point"] in points, item
        for p in f["documentation_overdue"] + f["documentation_due_soon"]:
            assert p in ("opstart", "fase2", "fase3", "afslutning"), p


# --- --check -----------------------------------------------------------------

CHECKS = [(["--today", "2025-04-14", "--worker", "anna"], 0),  # only due-soon items
          (["--today", "2025-04-14"], 1),             # S-0008 ended but owes its afslutning form
          (["--today", "2025-04-16"], 1),             # S-0003, S-0004, S-0005, S-0006 overdue
          (["--today", "2025-04-14", "--all"], 1),    # S-0008 (flyttet) owes its afslutning form
          (["--today", "2025-04-16", "--worker", "cai"], 1),
          (["--today", "2025-04-16", "--worker", "dina"], 0),
          (["--today", "2025-04-16", "--format", "json"], 1)]


@pytest.mark.parametrize("args, rc", CHECKS, ids=[" ".join(a) for a, _ in CHECKS])
def test_check(args, rc):
    r = run("status", "--check", *args)
    assert r.rc == rc, r
    if rc == 1:
        assert "overdue item" in r.err and "(s)" not in r.err, r


def test_no_check_exits_0_with_overdue_items():
    r = run("status", "--today", "2025-04-16")
    assert r.rc == 0, r


# --- colour ------------------------------------------------------------------

def test_color_always():
    r = run("status", "--today", "2025-04-16", "--color", "always")
    assert RED in r.out, f"no red with --color always: {r!r}"
    plain = r.out.replace(RED, b"").replace(YELLOW, b"").replace(b"\x1b[0m", b"")
    assert plain == golden_bytes("status-2025-04-16.txt"), \
        "the coloured table differs from the plain one beyond the codes"


def test_color_always_due_soon_is_yellow():
    r = run("status", "--today", "2025-04-14", "--color", "always", "--worker", "anna")
    assert YELLOW in r.out and RED not in r.out, r


def test_show_color_always():
    r = run("show", "S-0003", "--today", "2025-04-16", "--color", "always")
    assert RED in r.out, r


def test_color_never():
    r = run("status", "--today", "2025-04-16", "--color", "never", env={"NO_COLOR": None})
    assert b"\x1b[" not in r.out, f"ANSI codes with --color never: {r!r}"


def test_no_color_into_a_pipe():
    r = run("status", "--today", "2025-04-16", env={"NO_COLOR": None})
    assert b"\x1b[" not in r.out, f"ANSI codes into a pipe: {r!r}"


def test_colour_on_a_terminal(terminal):
    out = terminal(["-C", REPO, "status", "--today", "2025-04-16"], env={"NO_COLOR": None})
    assert RED in out, f"no colour on a terminal: {out!r}"


@pytest.mark.parametrize("args, no_color, shown", [
    (["status", "--today", "2025-04-16"], "1", b"S-0003"),
    (["status", "--today", "2025-04-16", "--color", "never"], None, b"S-0003"),
    (["show", "S-0003", "--today", "2025-04-16"], "1", b"OVERDUE"),
], ids=["NO_COLOR", "--color never", "show, NO_COLOR"])
def test_no_colour_on_a_terminal_when_told(terminal, args, no_color, shown):
    out = terminal(["-C", REPO, *args], env={"NO_COLOR": no_color})
    assert b"\x1b[" not in out and shown in out, out.decode(errors="replace")


# --- errors ------------------------------------------------------------------

ERRORS = [
    ("unknown worker", ["status", "--today", "2025-04-15", "--worker", "ana"],
     ["unknown worker 'ana' (did you mean 'anna'?)"]),
    ("unknown worker, no suggestion", ["status", "--today", "2025-04-15", "--medarbejder", "zzzzzz"],
     ["unknown worker 'zzzzzz'; the workers in cti.yaml are: anna, bo, cai, dina"]),
    ("unknown worker, Danish", ["status", "--today", "2025-04-15", "--worker", "ana", "--lang", "da"],
     ["ukendt medarbejder 'ana' (mente du 'anna'?)"]),
    ("unknown id", ["show", "s-0011", "--today", "2025-04-15"],
     ["no forløb 's-0011' in forloeb/ (did you mean 'S-0011'?)"]),
    ("unknown id, no suggestion", ["show", "nothing-like-it", "--today", "2025-04-15"],
     ["no forløb 'nothing-like-it' in forloeb/; cti status lists the 11 forløb"]),
    ("show without id", ["show", "--today", "2025-04-15"], ["ID is missing"]),
    ("negative horizon", ["status", "--horizon", "-1", "--today", "2025-04-15"], ["--horizon"]),
    ("bad format", ["status", "--format", "xml", "--today", "2025-04-15"], ["--format"]),
    ("bad today", ["status", "--today", "2025-02-30"], ["--today: 2025-02-30 does not exist: February 2025 has 28 days"]),
    ("badly written today", ["status", "--today", "2025-2-3"], ["--today must be a date YYYY-MM-DD"]),
]


def error(args, needles, repo=REPO):
    """Exit 2, nothing on stdout, every needle on stderr, no exception text; -> stderr."""
    r = run(*args, repo=repo)
    assert r.rc == 2, r
    assert r.out == b"", r
    for n in needles:
        assert n in r.err, r
    assert "terminate" not in r.err and "what()" not in r.err, f"exception text: {r!r}"
    return r.err


@pytest.mark.parametrize("args, needles", [e[1:] for e in ERRORS], ids=[e[0] for e in ERRORS])
def test_error(args, needles):
    error(args, needles)


def test_error_no_repository(tmp_path):
    error(["status", "--today", "2025-04-15"], ["no cti.yaml"], repo=str(tmp_path))


# A CPR-shaped argument is never echoed (made-up number: 15 July 2025 is after the
# test repository's dates, so no real person has it).
CPR = "150725-4321"


@pytest.mark.parametrize("arg", [CPR, CPR.replace("-", "")], ids=["with dash", "digits"])
def test_a_cpr_shaped_id_is_not_echoed(arg):
    err = error(["show", arg, "--today", "2025-04-15"], ["no forløb"])
    assert arg not in err and CPR.replace("-", "") not in err, err


# --- a broken case file is left out, named, and fails --check -----------------

@pytest.fixture
def broken(copy_tree):
    """tests/e2e/repo with an unreadable forloeb/S-0012.yaml."""
    repo = copy_tree(REPO)
    with open(os.path.join(repo, "forloeb", "S-0012.yaml"), "w", encoding="utf-8") as f:
        f.write("id: S-0012\nmedarbejder: anna\ndelmålgruppe: [egen-kommune\nopstart: 2025-01-15\n")
    return repo


def test_a_broken_file_keeps_its_row(broken):
    r = run("status", "--today", "2025-04-14", repo=broken)
    out = r.text
    # The unreadable file keeps its row, marked with its first error and the command that explains it.
    rows = [line for line in out.splitlines() if line.startswith("S-0012 ")]
    assert r.rc == 0 and len(rows) == 1, r
    assert " ? " in rows[0] and rows[0].endswith("error [yaml-syntax]: cti validate forloeb/S-0012.yaml"), rows
    # Its medarbejder cannot be read either: it is counted under "unknown worker".
    assert "(unknown worker):  0 active, 1 unreadable  nothing overdue  1 with file errors" in out, r
    for line in golden_bytes("status-2025-04-14.txt").decode().splitlines()[1:-6]:  # every other row as before
        assert line in out.splitlines(), f"{line!r} is missing: {r!r}"
    assert r.err == "cti: 1 forløb file with errors, marked on the board; cti validate lists it\n", r


def test_a_broken_file_fails_check(broken):
    r = run("status", "--today", "2025-04-14", "--check", repo=broken)
    assert r.rc == 1, r


def test_show_a_broken_file(broken):
    r = run("show", "S-0012", "--today", "2025-04-14", repo=broken)
    assert r.rc == 2 and r.text.startswith("forloeb/S-0012.yaml:4:8: error:"), r
    assert "the dates cannot be read" in r.err, r
