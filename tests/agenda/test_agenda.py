"""End-to-end tests of `cti agenda` (SPEC sections 3 and 6).

Runs the built binary ($CTI) on tests/e2e/repo/ (see tests/e2e/test_status.py for what
each of its forløb is for) at pinned days and compares the output byte for byte with
tests/agenda/golden/. Beyond the goldens it checks the agenda against the status board
of the same day: the same forløb, and every overdue and due-soon item of the board
(checklist and documentation) exactly once, with its due date and days. cti runs
without --lang unless a case gives it.

    CTI=build/cti python3 -m pytest -c tests/pytest.ini tests/agenda
    CTI_UPDATE_GOLDEN=1 ...   # rewrite the golden files (then check them by hand)
"""

import json
import os

import pytest
from conftest import DEMO, ROOT, run_cti

REPO = os.path.join(ROOT, "tests", "e2e", "repo")


def run(*args, repo=REPO, cwd=None, columns=None):
    pre = ["-C", repo] if repo else []
    return run_cti(*pre, *args, cwd=cwd, lang=None, env={"COLUMNS": columns} if columns else None)


def too_wide(out, columns):
    return [line for line in out.splitlines() if len(line) > columns]


# --- goldens -----------------------------------------------------------------------------

# (golden file, arguments, repository, COLUMNS)
GOLDENS = [
    ("agenda-2025-04-15.txt", ["agenda", "--today", "2025-04-15"], REPO, None),
    ("agenda-2025-04-16.txt", ["agenda", "--today", "2025-04-16"], REPO, None),
    ("agenda-2025-04-16-da.txt", ["agenda", "--today", "2025-04-16", "--lang", "da"], REPO, None),
    ("agenda-2025-04-16-bo-d30.txt", ["agenda", "--today", "2025-04-16", "--worker", "bo", "--days", "30"], REPO,
     None),
    ("agenda-2025-04-15-bo-d0.txt", ["agenda", "--today", "2025-04-15", "--medarbejder", "bo", "--days", "0"], REPO,
     None),
    ("agenda-2025-04-16.json", ["agenda", "--today", "2025-04-16", "--format", "json"], REPO, None),
    ("agenda-2025-04-16-c80.txt", ["agenda", "--today", "2025-04-16"], REPO, 80),
    ("demo-agenda-c80-da.txt", ["agenda", "--today", "2026-11-23"], DEMO, 80),
    ("demo-agenda.json", ["agenda", "--today", "2026-11-23", "--format", "json"], DEMO, None),
]


@pytest.mark.parametrize("name, args, repo, columns", GOLDENS, ids=[g[0] for g in GOLDENS])
def test_golden(golden, name, args, repo, columns):
    r = run(*args, repo=repo, columns=columns)
    assert r.rc == 0 and r.err == "", r
    golden(name, r.text)
    if columns:
        assert not too_wide(r.text, columns), "\n".join(too_wide(r.text, columns))


def test_only_the_item_texts_are_cut():
    """With COLUMNS=80 only the item texts are cut, with an ellipsis; the rest of each row is whole."""
    wide = run("agenda", "--today", "2026-11-23", repo=DEMO).text.splitlines()
    narrow = run("agenda", "--today", "2026-11-23", repo=DEMO, columns=80).text.splitlines()
    assert len(wide) == len(narrow), f"{len(wide)} != {len(narrow)}"
    for w, n in zip(wide, narrow):
        if n.endswith("\u2026"):
            # Same due date and case; the cut text goes on in the full line.
            assert n.split()[0] == w.split()[0] and n.split()[2] in w.split() and n[-21:-1] in w, f"{w!r}\n{n!r}"


# --- the agenda against the board ----------------------------------------------------------

STATUS_KEYS = ["today", "days", "workers", "invalid", "unreadable", "not_read"]
ITEM_KEYS = ["id", "file", "worker", "kind", "point", "item", "text", "due", "days", "state", "command"]
AGAINST = [(REPO, "2025-04-14", 14), (REPO, "2025-04-15", 1), (REPO, "2025-04-16", 30),
           (DEMO, "2026-11-23", 14), (DEMO, "2027-03-01", 7)]


@pytest.mark.parametrize("repo, day, days", AGAINST,
                         ids=[f"{os.path.basename(r)} {d} --days {n}" for r, d, n in AGAINST])
def test_the_agenda_has_the_boards_items(repo, day, days):
    doc = json.loads(run("agenda", "--today", day, "--days", str(days), "--format", "json", repo=repo).out)
    board = json.loads(run("status", "--today", day, "--horizon", str(days), "--format", "json", repo=repo).out)
    assert list(doc) == STATUS_KEYS and doc["today"] == day and doc["days"] == days, list(doc)
    want, ids = [], set()
    for f in board["forloeb"]:
        ids.add(f["id"])
        for key, state in (("overdue", "overdue"), ("due_soon", "due_soon")):
            want += [(f["id"], "checklist", i["item"], i["due"], state) for i in f[key]]
        for key, state in (("documentation_overdue", "overdue"), ("documentation_due_soon", "due_soon")):
            want += [(f["id"], "documentation", p, None, state) for p in f[key]]
    got = []
    for w in doc["workers"]:
        items = w["items"]
        assert [i["due"] for i in items] == sorted(i["due"] for i in items), f"not oldest first: {items}"
        states = [i["state"] for i in items]
        assert states == sorted(states, key=lambda s: s != "overdue"), f"not overdue first: {states}"
        for i in items:
            assert list(i) == ITEM_KEYS, list(i)
            assert w["worker"] is None or i["worker"] == w["worker"], f"{i['id']} does not belong to {w['worker']}"
            assert (i["days"] < 0) == (i["state"] == "overdue") and i["days"] <= days, i
            assert i["text"] != "", i
            number = i["id"].split("-")[-1].lstrip("0")
            verb = {"checklist": "done", "documentation": "doc", "contact": "contact", "start": "start"}[i["kind"]]
            typed = f"cti {verb} {number}" + ("" if verb in ("contact", "start") else f" {i['item']}")
            assert (i["kind"] == "contact") == (i["item"] == "kontakt"), i
            assert (i["kind"] == "start") == (i["item"] == "opstart" and i["kind"] != "documentation"), i
            assert i["command"] == typed, i
            kind = "documentation" if i["kind"] == "documentation" else "checklist"  # as the board groups them
            got.append((i["id"], kind, i["item"], i["due"] if kind == "checklist" else None, i["state"]))
    assert sorted(got) == sorted(want), f"the board's items, each once:\nagenda {sorted(got)}\nboard {sorted(want)}"
    assert {g[0] for g in got} <= ids, "only the board's forløb"


# --- files with errors, an unknown worker, paths as the shell sees them ---------------------

@pytest.fixture
def broken(copy_tree):
    """tests/e2e/repo with an unreadable S-0012 and a readable S-0013 whose worker cti.yaml does not know."""
    repo = copy_tree(REPO)
    with open(os.path.join(repo, "forloeb", "S-0012.yaml"), "w", encoding="utf-8") as f:
        f.write("id: S-0012\nmedarbejder: anna\ndelmålgruppe: [egen-kommune\nopstart: 2025-01-15\n")
    with open(os.path.join(REPO, "forloeb", "S-0003.yaml"), encoding="utf-8") as f:
        text = f.read()
    with open(os.path.join(repo, "forloeb", "S-0013.yaml"), "w", encoding="utf-8") as f:
        f.write(text.replace("id: S-0003", "id: S-0013").replace("medarbejder: bo", "medarbejder: ukendt"))
    return repo


def test_files_with_errors_and_an_unknown_worker(broken):
    r = run("agenda", "--today", "2025-04-16", repo=None, cwd=broken)
    assert r.rc == 0 and r.err == "", r
    lines = r.text.splitlines()
    unknown = lines.index(next(line for line in lines if line.startswith("(unknown worker)")))
    assert all(not line or line.startswith(" ") for line in lines[unknown + 1:]), f"unknown worker not last: {r!r}"
    assert "with file errors" in lines[unknown], lines[unknown]
    err_lines = [line for line in lines if "error [" in line]
    assert len(err_lines) == 2, f"not one line per file with errors: {err_lines}"
    assert any("S-0012  error [yaml-syntax]" in line and line.endswith("cti validate forloeb/S-0012.yaml")
               for line in err_lines), f"its first error and the command: {err_lines}"
    s13 = [line for line in lines[unknown:] if "S-0013" in line]
    assert len(s13) > 1, f"a readable file with errors keeps its items: {s13}"


def test_from_forloeb_the_command_names_the_file_from_there_and_works(broken):
    sub = os.path.join(broken, "forloeb")
    r = run("agenda", "--today", "2025-04-16", repo=None, cwd=sub)
    hint = [line for line in r.text.splitlines() if "S-0012" in line]
    assert len(hint) == 1 and hint[0].endswith("cti validate S-0012.yaml"), hint
    r = run("validate", "--today", "2025-04-16", "S-0012.yaml", repo=None, cwd=sub)
    assert r.rc == 1 and r.text.startswith("S-0012.yaml:"), f"the printed command does not work: {r!r}"


def test_json_names_files_from_the_repository_root(broken):
    r = run("agenda", "--today", "2025-04-16", "--format", "json", repo=None, cwd=os.path.join(broken, "forloeb"))
    doc = json.loads(r.out)
    errs = [e for w in doc["workers"] for e in w["errors"]]
    assert sorted((e["id"], e["file"], e["rule"]) for e in errs) == [
        ("S-0012", "forloeb/S-0012.yaml", "yaml-syntax"), ("S-0013", "forloeb/S-0013.yaml", "unknown-worker")], errs
    assert doc["workers"][-1]["worker"] is None and not doc["workers"][-1]["known"], "json: no unknown group last"


# --- usage errors --------------------------------------------------------------------------

@pytest.mark.parametrize("args, needle", [
    (["--worker", "ana"], "unknown worker 'ana' (did you mean 'anna'?)"),
    (["--days", "-1"], "--days"),
    (["--format", "csv"], "--format"),
], ids=["unknown worker", "negative --days", "bad --format"])
def test_usage_error(args, needle):
    r = run("agenda", "--today", "2025-04-15", *args)
    assert r.rc == 2 and r.text == "" and needle in r.err, r


def test_every_line_carries_the_command_that_records_it(run_cti, copy_tree):
    """What the agenda shows, the user can type: running a line's command records that line."""
    repo = copy_tree(REPO, "repo")
    items = json.loads(run("agenda", "--today", "2025-04-16", "--format", "json", repo=repo).text)["workers"]
    items = [i for w in items for i in w["items"]]
    table = run("agenda", "--today", "2025-04-16", repo=repo).text
    picked = [next(i for i in items if i["kind"] == k) for k in ("checklist", "documentation")]
    for i in picked:
        assert i["command"] in table, i
        r = run(*i["command"].split()[1:], "--today", "2025-04-16", repo=repo)
        assert r.rc == 0, r
    after = json.loads(run("agenda", "--today", "2025-04-16", "--format", "json", repo=repo).text)["workers"]
    left = {i["command"] for w in after for i in w["items"]}
    assert not left & {i["command"] for i in picked}, "a recorded line is still on the agenda"
