"""The status board fits the terminal (SPEC section 6): COLUMNS=80, 100 and 200, a pipe,
and a pseudo-terminal of a given size; goldens in tests/e2e/golden/width-*.txt.

Every line's display width is at most the width; rows keep their order and their id,
deadline, phase and overdue count; a row whose file has errors keeps its error mark.
Runs on tests/e2e/repo/ (see test_status.py) and examples/demo/, without --lang unless
a case gives it.

    CTI=build/cti python3 -m pytest -c tests/pytest.ini tests/e2e
    CTI_UPDATE_GOLDEN=1 ...   # rewrite the golden files (then check them by hand)
"""

import os
import unicodedata

import pytest
from conftest import DEMO, ROOT, run_cti

REPO = os.path.join(ROOT, "tests", "e2e", "repo")
GOLDEN = os.path.join(ROOT, "tests", "e2e", "golden")
BROKEN = "id: S-0012\nmedarbejder: anna\ndelmålgruppe: [egen-kommune\nopstart: 2025-01-15\n"


def run(args, repo, columns=None):
    return run_cti("-C", repo, *args, lang=None, env={"COLUMNS": columns} if columns else None)


def width(line):
    """Terminal columns: none for combining marks, two for East Asian wide letters."""
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1
               for c in line)


def too_wide(out, columns):
    return [line for line in out.splitlines() if width(line) > columns]


def rows(out):
    """The board's rows: (id, deadline) per row, in order."""
    lines = out.splitlines()
    body = lines[2:lines.index("")] if "" in lines else lines[2:]
    return [tuple(line.split()[:2]) for line in body]


def golden_text(name):
    with open(os.path.join(GOLDEN, name), encoding="utf-8", newline="") as f:
        return f.read()


CASES = [("e2e", REPO, ["--today", "2025-04-16"]),
         ("e2e-da", REPO, ["--today", "2025-04-15", "--lang", "da", "--all"]),
         ("demo", DEMO, ["--today", "2026-11-23"])]
CASE_IDS = [c[0] for c in CASES]


@pytest.mark.parametrize("name, repo, args", CASES, ids=CASE_IDS)
def test_pipe(golden, name, repo, args):
    r = run(["status"] + args, repo)
    assert r.rc == 0 and r.err == "", r
    golden(f"width-{name}-pipe.txt", r.text)


@pytest.mark.parametrize("columns", [80, 100, 200])
@pytest.mark.parametrize("name, repo, args", CASES, ids=CASE_IDS)
def test_columns(golden, name, repo, args, columns):
    full = run(["status"] + args, repo).text
    r = run(["status"] + args, repo, columns)
    assert r.rc == 0 and r.err == "", r
    golden(f"width-{name}-{columns}.txt", r.text)
    assert not too_wide(r.text, columns), "\n".join(too_wide(r.text, columns))
    # The same rows in the same order, the deadline shown.
    assert rows(r.text) == rows(full), f"{rows(r.text)}\n{rows(full)}"


@pytest.mark.parametrize("name, repo, args", CASES, ids=CASE_IDS)
def test_200_columns_is_the_full_board(name, repo, args):
    """200 columns is more than the board needs: exactly the pipe's output."""
    assert run(["status"] + args, repo, 200).text == run(["status"] + args, repo).text


def test_sorted_by_the_shown_deadline():
    """The deadline is the sort key."""
    r = run(["status", "--today", "2025-04-16"], REPO, 80)
    deadlines = [d for _, d in rows(r.text)]
    dated = [d for d in deadlines if d[:2] == "20"]
    assert dated == sorted(dated) and deadlines[:len(dated)] == dated, deadlines


def test_the_most_urgent_cell_says_how_late():
    r = run(["status", "--today", "2025-04-16"], REPO, 80)
    assert any(line.endswith("+1d") for line in r.text.splitlines()), r


def test_columns_not_a_number_is_ignored():
    """COLUMNS=abc: the full board in a pipe."""
    assert run(["status", "--today", "2025-04-16"], REPO, "abc").text == run(["status", "--today", "2025-04-16"],
                                                                             REPO).text


# --- a row with errors fits too, cut with an ellipsis but never before its error mark ----

@pytest.fixture
def broken(copy_tree):
    repo = copy_tree(REPO)
    with open(os.path.join(repo, "forloeb", "S-0012.yaml"), "w", encoding="utf-8") as f:
        f.write(BROKEN)
    return repo


@pytest.mark.parametrize("columns", [60, 80, 100])
def test_a_row_with_errors_fits_and_keeps_its_mark(broken, columns):
    r = run(["status", "--today", "2025-04-16"], broken, columns)
    assert not too_wide(r.text, columns), "\n".join(too_wide(r.text, columns))
    row = [line for line in r.text.splitlines() if line.startswith("S-0012 ")]
    assert len(row) == 1 and "error [yaml-syntax]" in row[0], row


def test_a_row_with_errors_in_danish_is_cut_after_the_mark(broken):
    r = run(["status", "--today", "2025-04-16", "--lang", "da"], broken, 80)
    row = [line for line in r.text.splitlines() if line.startswith("S-0012 ")]
    assert len(row) == 1 and "fejl [yaml-syntax]: " in row[0] and row[0].endswith("\u2026"), row


# --- on a terminal the width is the terminal's; COLUMNS, when set, wins -------------------

def on_terminal(terminal, cols, env=None):
    """cti status on a pseudo-terminal `cols` wide, the lines as written (LF, not CR LF)."""
    out = terminal(["-C", REPO, "status", "--today", "2025-04-16"], cols=cols, env=env)
    return out.replace(b"\r\n", b"\n").decode("utf-8")


@pytest.mark.parametrize("cols", [80, 100])
def test_the_terminals_width(terminal, cols):
    out = on_terminal(terminal, cols)
    assert out == golden_text(f"width-e2e-{cols}.txt"), out


def test_columns_over_the_terminals_width(terminal):
    out = on_terminal(terminal, 80, env={"COLUMNS": "200"})
    assert out == run(["status", "--today", "2025-04-16"], REPO).text, out
