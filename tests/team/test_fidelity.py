"""End-to-end tests of `cti fidelity` on tests/team/repo at 2026-03-10.

Each figure's numerator and denominator, counted by hand from the files (E = the
evaluation day = today; a transition is dated by the latest due date of its items):

ane, 6 forløb in scope (A-07 starts 03-16, after E):
  A-01 gennemført 2025-11-01: transitions kontakt ok, fase2 ok (jobcenter ikke relevant),
       fase3 late (evaluering 08-10 > 08-01), afslutning ok: 3/4. Documentation: fase2
       late: 3/4. Overdragelsesmøder 09-25 <= 10-01: 1/1. Contact 01-01 -> 02-01 = 31 days,
       length 02-01 -> 11-01 = 273 days. Peer support offered.
  A-02 running, opstart 2025-09-01: kontakt ok, fase2 incomplete (jobcenter missing), fase3
       (03-01) nothing: 1/3; afslutning (06-01) not yet. Documentation opstart ok, fase2
       late, fase3 missing: 1/3. Overdragelsesmøder due 05-01: not yet. Peer offered.
  A-03 afbrudt 2025-05-15: only kontakt due (done 03-10): 1/1. Documentation opstart ok,
       afslutning (due at the end) missing: 1/2. Contact 14, length 61 days. Peer: ikke
       relevant, so not counted.
  A-04 flyttet 2025-10-01: kontakt, fase2 ok: 2/2 (fase3 10-07 is after the end).
       Documentation opstart, fase2, afslutning ok: 3/3. Length 04-07 -> 10-01 = 177 days.
       Peer offered (item done 05-01).
  A-05 overskredet since 2026-01-01, nothing recorded: 0/4, documentation 0/4,
       overdragelsesmøder (2025-12-01) 0/1. Contact 31 days. Past 9 months. No peer.
  A-06 running, afslutning recorded ahead for 04-30: kontakt ok 1/1, documentation opstart
       ok 1/1. Contact 12-15 -> 01-12 = 28 days. No peer.
  => checklists 3+1+1+2+0+1 = 8 / 4+3+1+2+4+1 = 15; documentation 3+1+1+3+0+1 = 9 /
     4+3+2+3+4+1 = 17; handover 1/2; ended 3: gennemført 1, afbrudt 1, flyttet 1
     (completed 1/3); contact median of 14, 28, 31, 31 = 29.5; length median of 61, 177,
     273 = 177; past 9 months 1/6; peer support 3/5 (A-01, A-02, A-04 of all but A-03).
bo, 6 in scope (B-04 has no opstart), nothing recorded anywhere:
  transitions due by E: B-01 kontakt; B-02 kontakt, fase2 (03-01); B-03 all four; B-05
  kontakt; B-06 kontakt, fase2, fase3 (02-15); B-07 kontakt = 12, none complete; the same
  12 documentation points, none; overdragelsesmøder B-03 (02-01) 0/1; contact B-05 02-16 ->
  03-01 = 13, B-07 02-20 -> 03-05 = 13; past 9 months B-03: 1/6; peer 0/6.
team: checklists 8/27, documentation 9/29, handover 1/3, completed 1/3, contact median of
  13, 13, 14, 28, 31, 31 = 21, length 177, past 9 months 2/12, peer 3/11.

The method's figures (this repository has no contact logs, focus areas, goals or roles;
tests/team/test_fidelity_method.py has a repository that does):
  time-limited: ane's three ended forløb all ended by m(opstart,9)+14 and A-01's
    gennemført is on m(opstart,9) itself: 3/3.
  contact figures: no forløb has kontakter, so all 12 are left out ("-", and the note).
  phases with 1-3 focus areas: phases begun by E before the end: ane A-01 3, A-02 3, A-03 1,
    A-04 2 (fase3 10-07 after the end), A-05 3, A-06 1 = 13; bo B-01 1, B-02 2, B-03 3, B-05 1,
    B-06 3, B-07 1 = 11; none has fokusområder: 0/13, 0/11, 0/24.
  plans with 2-3 goals: langsigtet-plan done in A-01, A-02, A-04, none with mål: 0/3.
  peer matched when wanted: only A-01 has ønsket: ja, no tilknyttet: 0/1.
  anchored: A-01 is the only gennemført, no ansvar_forankret_hos: 0/1.
  caseload on E: ane A-02, A-05, A-06 active of 1.0 x 10 = 3/10; bo B-01, B-02, B-03, B-05,
    B-06, B-07 of 0.5 x 10 = 6/5; team 9/15.
  With --from 2025-10-01: time-limited A-01, A-04 2/2; focus phases begun in the period:
    A-02 fase2 (12-01), fase3 (03-01), A-05 fase3 (10-01), A-06 fase1 = 0/4.

With --from 2025-10-01 --medarbejder ane (A-03 ended before it: out of scope):
  A-01 afslutning 1/1, documentation afslutning 1/1, overdragelsesmøder (10-01) 1/1,
  ended; A-02 fase2, fase3 0/2, documentation 0/2; A-04 ended 10-01: no transitions in
  the period, documentation afslutning 1/1; A-05 fase3 (2025-10-01), afslutning
  (2026-01-01) 0/2, documentation 0/2, overdragelsesmøder 0/1; A-06 1/1 and 1/1, contact
  28 (the only opstart in the period).
  => 2/6, 3/7, 1/2, ended 2 (gennemført, flyttet), contact 28 (n=1), length median of
     177 and 273 = 225, past 9 months 1/5, peer 3/5.
"""

import json
import os
import re

import pytest
from conftest import DEMO, ROOT, run_cti

REPO = os.path.join(ROOT, "tests", "team", "repo")
TODAY = "2026-03-10"


def cti(*args, lang="en"):
    """cti --lang LANG --today TODAY -C tests/team/repo ARGS."""
    return run_cti("-C", REPO, *args, today=TODAY, lang=lang)


EXPECTED_TABLE = """\
Fidelity up to 2026-03-10

                                          ane         bo        team
forløb in scope                             6          6          12
checklists complete by due date    8/15 (53%)  0/12 (0%)  8/27 (30%)
documentation on time              9/17 (53%)  0/12 (0%)  9/29 (31%)
handover meetings by m(opstart,8)   1/2 (50%)   0/1 (0%)   1/3 (33%)
ended                                       3          0           3
  completed                         1/3 (33%)          -   1/3 (33%)
  interrupted (afbrudt)                     1          0           1
  moved (flyttet)                           1          0           1
median contact period, days        29.5 (n=4)   13 (n=2)    21 (n=6)
median length of forløb, days       177 (n=3)          -   177 (n=3)
past 9 months                       1/6 (17%)  1/6 (17%)  2/12 (17%)
peer support offered                3/5 (60%)   0/6 (0%)  3/11 (27%)
time-limited (9 months ±14 d)      3/3 (100%)          -  3/3 (100%)
contacts/week phase 1 (n/days)              -          -           -
contacts/week phase 2 (n/days)              -          -           -
contacts/week phase 3 (n/days)              -          -           -
intensity 1:2:3 (manual 4:2:1)              -          -           -
contacts at home/in community               -          -           -
phases with 1-3 focus areas         0/13 (0%)  0/11 (0%)   0/24 (0%)
plans with 2-3 goals                 0/3 (0%)          -    0/3 (0%)
goals reached (ended forløb)                -          -           -
peer support matched when wanted     0/1 (0%)          -    0/1 (0%)
responsibility anchored              0/1 (0%)          -    0/1 (0%)
caseload: active/capacity                3/10        6/5        9/15

forløb without a contact log (kontakter), left out of the contact figures: 12
"""

EXPECTED_FROM = """\
Fidelity 2025-10-01 to 2026-03-10

                                          ane
forløb in scope                             5
checklists complete by due date     2/6 (33%)
documentation on time               3/7 (43%)
handover meetings by m(opstart,8)   1/2 (50%)
ended                                       2
  completed                         1/2 (50%)
  interrupted (afbrudt)                     0
  moved (flyttet)                           1
median contact period, days          28 (n=1)
median length of forløb, days       225 (n=2)
past 9 months                       1/5 (20%)
peer support offered                3/5 (60%)
time-limited (9 months ±14 d)      2/2 (100%)
contacts/week phase 1 (n/days)              -
contacts/week phase 2 (n/days)              -
contacts/week phase 3 (n/days)              -
intensity 1:2:3 (manual 4:2:1)              -
contacts at home/in community               -
phases with 1-3 focus areas          0/4 (0%)
plans with 2-3 goals                 0/3 (0%)
goals reached (ended forløb)                -
peer support matched when wanted     0/1 (0%)
responsibility anchored              0/1 (0%)
caseload: active/capacity                3/10

forløb without a contact log (kontakter), left out of the contact figures: 5
"""


def nd(r):
    return (r["numerator"], r["denominator"])


def test_table():
    r = cti("fidelity")
    assert r.rc == 0 and r.err == "", r
    assert r.text == EXPECTED_TABLE


def test_from_and_worker():
    r = cti("fidelity", "--from", "2025-10-01", "--medarbejder", "ane")
    assert r.rc == 0, r
    assert r.text == EXPECTED_FROM


@pytest.fixture(scope="module")
def figures():
    r = cti("fidelity", "--format", "json")
    assert r.rc == 0, r
    return json.loads(r.out)


@pytest.mark.parametrize("key, ane, bo, team", [  # figure: ane, bo, team
    ("checklists_complete", (8, 15), (0, 12), (8, 27)),
    ("documentation_on_time", (9, 17), (0, 12), (9, 29)),
    ("handover_meetings_on_time", (1, 2), (0, 1), (1, 3)),
    ("completed_share", (1, 3), (0, 0), (1, 3)),
    ("past_nine_months", (1, 6), (1, 6), (2, 12)),
    ("peer_support_offered", (3, 5), (0, 6), (3, 11)),
])
def test_json_ratios(figures, key, ane, bo, team):
    a, b = figures["workers"]
    t = figures["team"]
    assert (nd(a[key]), nd(b[key]), nd(t[key])) == (ane, bo, team)


def test_json_figures(figures):
    j = figures
    assert (j["from"], j["to"], j["peer_support_tracked"]) == (None, "2026-03-10", True), "period"
    ane, bo = j["workers"]
    t = j["team"]
    assert ane["checklists_complete"]["share"] == 0.5333, "share rounded to 4 decimals"
    assert bo["completed_share"]["share"] is None, "no share over 0"
    assert (t["ended"], t["completed"], t["interrupted"], t["moved"]) == (3, 1, 1, 1), "outcomes"
    assert t["contact_period"] == {"n": 6, "median_days": 21}, f"contact {t['contact_period']}"
    assert ane["contact_period"] == {"n": 4, "median_days": 29.5}, f"contact {ane['contact_period']}"
    assert t["length"] == {"n": 3, "median_days": 177}, f"length {t['length']}"
    assert bo["length"] == {"n": 0, "median_days": None}, "no length for bo"
    assert (ane["in_scope"], bo["in_scope"], t["in_scope"]) == (6, 6, 12), "in scope"


def test_to_in_the_past():
    # --to 2025-10-31: A-01 (ends 11-01) counts as running; A-02's fase2 (12-01) is not due yet.
    j = json.loads(cti("fidelity", "--to", "2025-10-31", "--worker", "ane", "--format", "json").out)
    a = j["workers"][0]
    assert j["to"] == "2025-10-31", "to"
    assert (a["ended"], a["moved"], a["interrupted"]) == (2, 1, 1), "A-03, A-04 ended by then"
    # A-01 kontakt, fase2 ok, fase3 late (afslutning 11-01 not yet): 2/3; A-02 kontakt 1/1;
    # A-03 kontakt 1/1; A-04 kontakt, fase2 2/2; A-05 kontakt, fase2, fase3 (10-01) 0/3;
    # A-06 starts after --to => 6/10
    assert nd(a["checklists_complete"]) == (6, 10), f"checklists {nd(a['checklists_complete'])}"


def test_danish():
    text = cti("fidelity", "--medarbejder", "bo", lang="da").text
    assert text.startswith("Metodetroskab til og med 2026-03-10\n"), text[:50]
    assert re.search(r"^tjeklister komplette ved fristen +0/12 \(0%\)$", text, re.M), text


def test_errors():
    r = cti("fidelity", "--from", "2026-03-11")
    assert r.rc == 2 and r.out == b"" and "--from is after" in r.err, r
    r = cti("fidelity", "--to", "2026-02-30")
    assert r.rc == 2 and "--to: 2026-02-30 does not exist: February 2026 has 28 days" in r.err, r
    r = cti("fidelity", "--to", "2026-2-3")
    assert r.rc == 2 and "--to must be a date" in r.err, r
    r = cti("fidelity", "--format", "xml")
    assert r.rc == 2, r


@pytest.fixture(scope="module")
def csv_lines():
    r = cti("fidelity", "--format", "csv")
    assert r.rc == 0, r
    return r.text.split("\r\n")


def test_csv_figures(csv_lines):
    # The figures counted by hand above, one line per worker and the team, in the Danish
    # Excel dialect (BOM, ';', decimal comma, CRLF); a ratio is two columns.
    lines = csv_lines
    head = ("\ufeffworker;from;to;in_scope;checklists_complete;checklists_due;documentation_on_time;"
            "documentation_due;handover_meetings_on_time;handover_meetings_due;ended;completed;interrupted;"
            "moved;contact_period_n;contact_period_median_days;length_n;length_median_days;"
            "past_nine_months;past_nine_months_of;peer_support_offered;peer_support_of;")
    assert lines[0].startswith(head), lines[0]
    # The hand-counted figures above, in the first 22 columns.
    for want in ("ane;;2026-03-10;6;8;15;9;17;1;2;3;1;1;1;4;29,5;3;177;1;6;3;5;",
                 "bo;;2026-03-10;6;0;12;0;12;0;1;0;0;0;0;2;13;0;;1;6;0;6;",
                 "(team);;2026-03-10;12;8;27;9;29;1;3;3;1;1;1;6;21;3;177;2;12;3;11;"):
        assert any(line.startswith(want) for line in lines), f"{want} in {lines!r}"


def test_csv_method_figures_as_in_the_json(csv_lines, figures):
    # The method figures: the same numerators and denominators as the JSON.
    lines = csv_lines
    j = figures
    cols = lines[0].lstrip("\ufeff").split(";")
    for w in j["workers"] + [j["team"]]:
        row = next(line.split(";") for line in lines if line.split(";")[0] in (w["worker"], "(team)")
                   and (line.split(";")[0] == w["worker"] or w is j["team"]))
        cell = dict(zip(cols, row))
        for key, col in (("time_limited", "time_limited"), ("home_or_community", "home_or_community"),
                         ("focus_areas_1_to_3", "focus_areas_1_to_3"), ("goals_reached", "goals_reached"),
                         ("responsibility_anchored", "responsibility_anchored")):
            assert cell[col] == str(w[key]["numerator"]), f"{w['worker']} {col}: {cell[col]} vs {w[key]}"
        assert cell["active"] == str(w["caseload"]["active"]), f"{w['worker']} active"
        assert cell["phase1_contacts"] == str(w["contacts_phase1"]["contacts"]), f"{w['worker']} phase1"


@pytest.mark.parametrize("columns", [60, 80, 200])
def test_table_fits_the_terminal(columns):
    # The demo's three workers and the team are wider than 80 columns. Given a width,
    # workers that do not fit continue in another block below, with the labels repeated:
    # every table line fits, every worker is shown once, every figure once per block.
    wide = run_cti("-C", DEMO, "fidelity", today="2026-11-30").text
    r = run_cti("-C", DEMO, "fidelity", today="2026-11-30", env={"COLUMNS": columns})
    assert r.rc == 0, r
    table = r.text.split("\nforløb without a contact log")[0].splitlines()
    assert max(len(line) for line in table) <= columns, r.text
    names = {"birte", "kasper", "lise", "team"}
    heads = [line.split() for line in table if line.split() and set(line.split()) <= names]
    assert sorted(w for h in heads for w in h) == sorted(names), heads
    assert r.text.count("caseload: active/capacity") == len(heads), r.text
    if max(len(line) for line in wide.splitlines()) <= columns:
        assert r.text == wide
    else:
        assert len(heads) >= 2, r.text
