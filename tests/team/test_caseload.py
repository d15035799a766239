"""End-to-end tests of `cti caseload` on tests/team/repo at 2026-03-10.

Capacity is caseload_pr_årsværk 10 x årsværk: ane 1.0 -> 10, bo 0.5 -> 5.
Weights 4:2:1 with phase 1 = 1: fase1 1, fase2 0.5, fase3 0.25, overskredet 0.25.

On 2026-03-10, by hand from the files (m(d, n) = n months after d):
  ane: A-02 opstart 2025-09-01 -> fase3 from 2026-03-01, planned end 06-01
       A-05 opstart 2025-04-01 -> planned end 2026-01-01 passed: overskredet
       A-06 opstart 2026-01-12 -> fase1 until 04-12; afslutning recorded for 04-30
       A-07 kontakt 2026-03-02, opstart 2026-03-16: kontakt today
       A-01, A-03, A-04 ended in 2025
       -> kontakt 1, fase1 1, fase3 1, overskredet 1; active 3, free 10-3 = 7,
          load 1 + 0.25 + 0.25 = 1.5
  bo:  B-01 opstart 2026-02-02 fase1 (until 05-02), fase2 until 08-02, fase3 until 11-02
       B-02 opstart 2025-12-01 fase2 (03-01..06-01), fase3 until 09-01
       B-03 opstart 2025-06-01 planned end 2026-03-01: overskredet
       B-04 kontakt only (indflytning 04-10)
       B-05 opstart 2026-03-01 fase1 until 06-01, fase2 until 09-01; indflytning 03-20
       B-06 opstart 2025-08-15 fase3 (02-15..05-15)
       B-07 opstart 2026-03-05 fase1 until 06-05, fase2 until 09-05; indflytning 03-25
       -> kontakt 1, fase1 3, fase2 1, fase3 1, overskredet 1; active 6 > 5: over
          capacity, free -1; load 3 + 0.5 + 0.25 + 0.25 = 4

Forecast (the first of each month; a forløb that would be overskredet counts as ended;
one without opstart stays in kontakt):
  ane 04-01: A-02 f3 .25, A-06 f1 1, A-07 f1 1 (opstart 03-16)         -> 3 (2.25)
      05-01: A-06 ended 04-30; A-02 f3 .25, A-07 f1 1                  -> 2 (1.25)
      06-01: A-02 reaches its planned end: ended; A-07 f1 (f2 from 06-16) -> 1 (1)
      07-01, 08-01, 09-01: A-07 f2 (f3 from 09-16)                      -> 1 (0.5)
  bo  04-01: B-01 B-05 B-07 f1, B-02 f2, B-06 f3; B-03 ended           -> 5 (3.75)
      05-01: the same (B-01 f1 until 05-02, B-06 f3 until 05-15)       -> 5 (3.75)
      06-01: B-01 f2, B-05 f2, B-07 f1, B-02 f3; B-06 ended            -> 4 (2.25)
      07-01: B-01 f2, B-05 f2, B-07 f2, B-02 f3                        -> 4 (1.75)
      08-01: B-01 f2 (until 08-02), B-05 f2, B-07 f2, B-02 f3          -> 4 (1.75)
      09-01: B-01 f3, B-05 f3, B-07 f2; B-02 ended 09-01               -> 3 (1)
  bo has room (free >= 1) from 2026-06-01; ane now.
  team: sums: 8 (6), 7 (5), 5 (3.25), 5 (2.25), 5 (2.25), 4 (1.5); capacity 15.

Simultaneous move-ins, bo: 3 in phase 1 (more than 5/3, a third of the capacity), and
B-05 and B-07 both move in during 2026-03 (B-04 moves in alone in April).
"""

import json
import os

import pytest
from conftest import ROOT, run_cti, run_on_terminal

REPO = os.path.join(ROOT, "tests", "team", "repo")
TODAY = "2026-03-10"


def cti(*args, repo=REPO, lang="en"):
    """cti --lang LANG --today TODAY -C REPO ARGS."""
    return run_cti("-C", repo, *args, today=TODAY, lang=lang)


EXPECTED_TABLE = """\
Caseload on 2026-03-10

worker  FTE  capacity  contact  phase1  phase2  phase3  overrun  active  free  load  room from
ane       1        10        1       1       0       1        1       3     7   1.5  now
bo      0.5         5        1       3       1       1        1       6    -1     4  2026-06-01
team    1.5        15        2       4       1       2        2       9     6   5.5  now

Forecast: active forløb (weighted load) on the first of each month

worker   2026-04   2026-05   2026-06   2026-07   2026-08   2026-09
ane     3 (2.25)  2 (1.25)  2 (1.25)   1 (0.5)   1 (0.5)   1 (0.5)
bo      5 (3.75)  5 (3.75)  4 (2.25)  4 (1.75)  4 (1.75)  4 (1.25)
team       8 (6)     7 (5)   6 (3.5)  5 (2.25)  5 (2.25)  5 (1.75)

Several moving in at the same time:
  bo: 3 in phase 1 at once: B-01, B-05, B-07
  bo: 2 moving in during 2026-03: B-05, B-07
"""


def test_table():
    r = cti("caseload")
    assert r.rc == 0, r
    assert r.text == EXPECTED_TABLE
    assert r.err == "", r


def test_over_capacity_in_red_only_when_colour_is_on():
    text = cti("caseload", "--color", "always").text
    bo = next(l for l in text.splitlines() if l.startswith("bo ") and "0.5" in l)
    ane = next(l for l in text.splitlines() if l.startswith("ane "))
    assert "\x1b[31m6\x1b[0m" in bo and "\x1b[31m-1\x1b[0m" in bo, f"bo's active and free not red: {bo!r}"
    assert "\x1b[" not in ane, f"ane is not over capacity: {ane!r}"
    # In the forecast bo is at capacity (5 of 5) but not over it: no red there.
    fc = [l for l in text.splitlines() if l.startswith("bo ")][1]
    assert "\x1b[" not in fc, f"forecast row coloured: {fc!r}"
    plain = cti("caseload").out  # NO_COLOR / not a terminal
    assert b"\x1b[" not in plain, "colour without a terminal"


def test_json_numbers():
    r = cti("caseload", "--format", "json")
    assert r.rc == 0, r
    j = json.loads(r.out)
    assert j["today"] == "2026-03-10", "today"
    ane, bo = j["workers"]
    assert (bo["id"], bo["fte"], bo["capacity"]) == ("bo", 0.5, 5), f"bo capacity: {bo['fte']} {bo['capacity']}"
    now = bo["now"]
    assert (now["kontakt"], now["fase1"], now["fase2"], now["fase3"], now["overskredet"]) == (1, 3, 1, 1, 1), \
        f"bo now {now}"
    assert (now["active"], now["free"], now["load"], now["over_capacity"]) == (6, -1, 4, True), f"bo now {now}"
    assert [f["date"] for f in bo["forecast"]] == \
        ["2026-04-01", "2026-05-01", "2026-06-01", "2026-07-01", "2026-08-01", "2026-09-01"], "forecast days"
    assert [f["active"] for f in bo["forecast"]] == [5, 5, 4, 4, 4, 4], "bo forecast active"
    assert [f["load"] for f in bo["forecast"]] == [3.75, 3.75, 2.25, 1.75, 1.75, 1.25], "bo forecast load"
    assert [f["kontakt"] for f in bo["forecast"]] == [1] * 6, "B-04 stays in kontakt"
    assert bo["room_from"] == "2026-06-01", f"bo room_from {bo['room_from']}"
    assert bo["move_ins"] == [{"kind": "phase1", "month": None, "ids": ["B-01", "B-05", "B-07"]},
                              {"kind": "same_month", "month": "2026-03", "ids": ["B-05", "B-07"]}], "bo move-ins"
    assert [f["active"] for f in ane["forecast"]] == [3, 2, 2, 1, 1, 1], "ane forecast active"
    assert [f["load"] for f in ane["forecast"]] == [2.25, 1.25, 1.25, 0.5, 0.5, 0.5], "ane forecast load"
    assert ane["room_from"] == "2026-03-10" and ane["move_ins"] == [], "ane"
    team = j["team"]
    assert (team["fte"], team["capacity"], team["now"]["active"], team["now"]["load"]) == (1.5, 15, 9, 5.5), \
        "team now"
    assert [f["active"] for f in team["forecast"]] == [8, 7, 6, 5, 5, 5], "team forecast"
    assert j["invalid"] == 0 and j["unreadable"] == [], "no file with errors"


def test_csv_rows():
    r = cti("caseload", "--format", "csv", "--months", "2")
    assert r.rc == 0, r
    # The Danish Excel dialect of every cti CSV: BOM, ';', decimal comma, CRLF.
    assert r.text == (
        "\ufeffworker;date;kontakt;fase1;fase2;fase3;overskredet;active;capacity;free;load;over_capacity\r\n"
        "ane;2026-03-10;1;1;0;1;1;3;10;7;1,5;no\r\n"
        "ane;2026-04-01;0;2;0;1;0;3;10;7;2,25;no\r\n"
        "ane;2026-05-01;0;1;0;1;0;2;10;8;1,25;no\r\n"
        "bo;2026-03-10;1;3;1;1;1;6;5;-1;4;yes\r\n"
        "bo;2026-04-01;1;3;1;1;0;5;5;0;3,75;no\r\n"
        "bo;2026-05-01;1;3;1;1;0;5;5;0;3,75;no\r\n"
        "(team);2026-03-10;2;4;1;2;2;9;15;6;5,5;no\r\n"
        "(team);2026-04-01;1;5;1;2;0;8;15;7;6;no\r\n"
        "(team);2026-05-01;1;4;1;2;0;7;15;8;5;no\r\n")


def test_one_worker():
    r = cti("caseload", "--medarbejder", "bo", "--months", "1")
    assert r.rc == 0, r
    # bo alone, one month (no room within it: '-')
    assert r.text == """\
Caseload on 2026-03-10

worker  FTE  capacity  contact  phase1  phase2  phase3  overrun  active  free  load  room from
bo      0.5         5        1       3       1       1        1       6    -1     4  -

Forecast: active forløb (weighted load) on the first of each month

worker   2026-04
bo      5 (3.75)

Several moving in at the same time:
  bo: 3 in phase 1 at once: B-01, B-05, B-07
  bo: 2 moving in during 2026-03: B-05, B-07
"""


def test_a_misspelt_worker_and_a_bad_months():
    r = cti("caseload", "--worker", "bob")
    assert r.rc == 2 and r.out == b"", r
    assert "unknown worker 'bob'" in r.err and "did you mean 'bo'?" in r.err, r
    r = cti("caseload", "--months", "0")
    assert r.rc == 2, r


def test_danish():
    text = cti("caseload", "--months", "1", lang="da").text
    assert text.startswith("Caseload pr. 2026-03-10\n"), text[:40]
    assert "\nbo               0,5          5        1      3      1      1            1       6      -1           4  -\n" \
        in text, "Danish headings are wider; decimal comma"
    assert "Flere flytter ind på samme tid:\n  bo: 3 i fase 1 på samme tid: B-01, B-05, B-07\n" in text, text


@pytest.fixture
def broken(copy_tree):
    """A copy of the repository with one more forløb for bo: B-08's opstart is no date (its
    plan cannot be read: named apart, the figures as before)."""
    repo = copy_tree(REPO)
    with open(os.path.join(repo, "forloeb", "B-08.yaml"), "w", encoding="utf-8") as f:
        f.write("id: B-08\nmedarbejder: bo\ndelmålgruppe: egen-kommune\nopstart: 2026-02-30\n")
    return repo


@pytest.mark.parametrize("command", ["caseload", "calendar", "fidelity"])
def test_an_unreadable_file_is_named_apart(broken, command):
    # Run from the repository: files are named from where cti was started, as status names them.
    r = run_cti(command, cwd=broken, today=TODAY)
    assert r.rc == 0, r
    assert r.err == ("cti: 1 forløb file with errors; cti validate lists it\n"
                     "cti: forloeb/B-08.yaml: the dates cannot be read, so it is not in the figures; "
                     "run cti validate forloeb/B-08.yaml\n")


def test_a_broken_file_is_named_and_counted_or_named_apart(broken):
    # B-09 has a misspelt key (an error, but its dates are read: counted in bo's figures and
    # in the invalid count).
    assert cti("caseload", repo=broken).text == EXPECTED_TABLE, "table with an unreadable file"
    with open(os.path.join(broken, "forloeb", "B-09.yaml"), "w", encoding="utf-8") as f:
        f.write("id: B-09\nmedarbejder: bo\ndelmålgruppe: egen-kommune\nopstart: 2026-02-01\nnoterr: x\n")
    j = json.loads(cti("caseload", "--format", "json", repo=broken, lang=None).out)
    assert j["invalid"] == 2 and j["unreadable"] == ["forloeb/B-08.yaml"], f"counts {j['invalid']} {j['unreadable']}"
    bo = [w for w in j["workers"] if w["id"] == "bo"][0]
    assert bo["now"]["active"] == 7, f"B-09 counted in bo's active forløb: {bo['now']['active']}"


EXPECTED_80_DA = """\
Caseload pr. 2026-03-10

medarb.   åv  kap.  kont.  f1  f2  f3  overskr.  akt.  ledig  belast.  plads fra
ane        1    10      1   1   0   1         1     3      7      1,5  nu
bo       0,5     5      1   3   1   1         1     6     -1        4  -
team     1,5    15      2   4   1   2         2     9      6      5,5  nu
"""


@pytest.mark.parametrize("lang", ["en", "da"])
@pytest.mark.parametrize("cols", [80, 60, 50])
def test_fits_the_terminal_like_status(lang, cols):
    """On a terminal the table abbreviates its headings, then leaves out capacity, load
    and room from, to fit; in a pipe it has every column (test_table)."""
    out = run_on_terminal(["--lang", lang, "--today", TODAY, "-C", REPO, "caseload", "--months", "1"], cols=cols)
    lines = out.decode("utf-8").replace("\r\n", "\n").splitlines()
    assert all(len(l) <= cols for l in lines[:6]), "\n".join(l for l in lines[:6] if len(l) > cols)
    table = [l for l in lines if l.startswith(("ane ", "bo ", "team "))][:3]
    assert [l.split()[0] for l in table] == ["ane", "bo", "team"], "a worker's name is cut\n" + "\n".join(lines)
    if cols == 80 and lang == "da":
        assert "\n".join(lines[:6]) + "\n" == EXPECTED_80_DA
