"""End-to-end tests of the method's figures of `cti fidelity` on tests/team/method_repo
at 2026-03-10 (kontaktlog 7/14/28, dokumentation_frist_dage 7).

Every numerator and denominator counted by hand from the files. Phase days are
fase1 [opstart, m3), fase2 [m3, m6), fase3 [m6, m9], cut at E (2026-03-10) and at the end.
Only held contacts med borger count (aflyst, udeblevet, netværk, myndighed do not).

ane:
  M-01 opstart 2025-01-06, gennemført 2025-10-06 (= m9).
       fase1 01-06..04-05: 26+28+31+5 = 90 days, 12 weekly contacts 01-07..03-25 (the aflyst
       02-12, netværk 02-13 and myndighed 03-13 entries do not count);
       fase2 04-06..07-05: 25+31+30+5 = 91 days, 6 contacts 04-08..06-17;
       fase3 07-06..10-06: 26+31+30+6 = 93 days, 3 contacts 07-08, 08-05, 09-02.
       Places: fase1 cycle hjemme, hjemme, lokalsamfund, kontor x3 -> 9 of 12; fase2 hjemme,
       lokalsamfund, telefon x2 -> 4 of 6; fase3 3 of 3: 16/21.
       Focus: fase1, fase2 written, fase3 not: 2/3. Plan done 03-20 with 3 goals: 1/1; goals
       reached 2 of 3. Peer wanted, matched 03-01: 1/1. Gennemført with a role: 1/1.
       Time-limited: ends on m9: yes.
  M-02 opstart 2025-11-03, running in fase2 (from 2026-02-03).
       fase1 11-03..02-02: 28+31+31+2 = 92 days, 13 weekly contacts 11-04..01-27, places
       hjemme, lokalsamfund, kontor, hjemme repeated -> kontor 3 times: 10 of 13;
       fase2 02-03..E: 26+10 = 36 days, held 02-06 hjemme, 02-13 telefon, 02-20 lokalsamfund
       (02-18 udeblevet): 3, at home/community 2 of 3. Together 12/16.
       Focus fase1, fase2 (both begun by E): 2/2. Plan done with 1 goal: 0/1 (and a
       goal-count warning). Peer wanted, not matched: 0/1. Active on E.
       Contact item: last held 02-20 + 14 = due 03-06; on 03-10 18 days: overdue.
  M-03 opstart 2025-03-03, afbrudt 2025-05-20, no kontakter key: left out of the contact
       figures (1). Focus: only fase1 begun before the end, none written: 0/1. No goals.
       Time-limited: yes.
  => time-limited 2/2; contacts fase1 25/182 days = 0.96/week, fase2 9/127 = 0.5,
     fase3 3/93 = 0.23; intensity 0.96/0.23 : 0.5/0.23 : 1 = 4.26:2.2:1; home/community
     28/37; focus 4/6; plans 1/2; goals reached 2/3; peer matched 1/2; anchored 1/1;
     caseload 1 active / 1.0 x 10.
bo:
  M-04 opstart 2025-02-03, gennemført 2025-09-15: before m9 (11-03) - 14 = 10-20: not
       time-limited. fase1 02-03..05-02: 26+31+30+2 = 89 days, 8 contacts (the netværk one on
       03-01 not); fase2 05-03..08-02: 29+30+31+2 = 92 days, 4 contacts; fase3 08-03..09-15:
       29+15 = 44 days, 2 contacts. hjemme 02-05, 02-24, 03-19, 04-15, 09-09 and lokalsamfund
       05-20, 07-01: 7/14. Focus 3/3. Plan with 2 goals: 1/1; goals reached 0/2. Gennemført
       without a role: 0/1.
  M-05 opstart 2025-01-13, flyttet 2025-11-10, after m9 (10-13) + 14 = 10-27: not
       time-limited. kontakter: [] is a log with no contacts: fase1 01-13..04-12: 19+28+31+12
       = 90 days, fase2 04-13..07-12: 18+31+30+12 = 91, fase3 07-13..10-13: 19+31+30+13 = 93.
       Focus 0/3. Peer not wanted: not in the matched figure.
  => time-limited 0/2; contacts 8/179 = 0.31, 4/183 = 0.15, 2/137 = 0.1; intensity
     3.06:1.5:1; home 7/14; focus 3/6; plans 1/1; reached 0/2; matched -; anchored 0/1;
     caseload 0 / 0.5 x 10 = 0/5.
team: time-limited 2/4; contacts 33/361 = 0.64, 13/310 = 0.29, 5/230 = 0.15, intensity
  4.2:1.93:1; home 35/51; focus 7/12; plans 2/3; reached 2/5; matched 1/2; anchored 1/2;
  caseload 1/15; 1 forløb without a contact log.
"""

import json
import os
import re

import pytest
from conftest import ROOT, run_cti

REPO = os.path.join(ROOT, "tests", "team", "method_repo")
TODAY = "2026-03-10"


def cti(*args, today=TODAY, lang="en"):
    """cti --lang LANG --today TODAY -C tests/team/method_repo ARGS."""
    return run_cti("-C", REPO, *args, today=today, lang=lang)


EXPECTED_METHOD_ROWS = """\
time-limited (9 months ±14 d)         2/2 (100%)      0/2 (0%)      2/4 (50%)
contacts/week phase 1 (n/days)     0.96 (25/182)  0.31 (8/179)  0.64 (33/361)
contacts/week phase 2 (n/days)       0.5 (9/127)  0.15 (4/183)  0.29 (13/310)
contacts/week phase 3 (n/days)       0.23 (3/93)   0.1 (2/137)   0.15 (5/230)
intensity 1:2:3 (manual 4:2:1)        4.26:2.2:1    3.06:1.5:1     4.2:1.93:1
contacts at home/in community        28/37 (76%)    7/14 (50%)    35/51 (69%)
phases with 1-3 focus areas            4/6 (67%)     3/6 (50%)     7/12 (58%)
plans with 2-3 goals                   1/2 (50%)    1/1 (100%)      2/3 (67%)
goals reached (ended forløb)           2/3 (67%)      0/2 (0%)      2/5 (40%)
peer support matched when wanted       1/2 (50%)             -      1/2 (50%)
responsibility anchored               1/1 (100%)      0/1 (0%)      1/2 (50%)
caseload: active/capacity                   1/10           0/5           1/15

forløb without a contact log (kontakter), left out of the contact figures: 1
"""


def nd(r):
    return (r["numerator"], r["denominator"])


def test_table_rows():
    r = cti("fidelity")
    assert r.rc == 0 and r.err == "", r
    text = r.text
    assert text.startswith("Fidelity up to 2026-03-10\n"), text[:40]
    assert text[text.index("time-limited"):] == EXPECTED_METHOD_ROWS, "the method's rows"
    assert max(len(line) for line in text.splitlines()) <= 80, "wider than 80 columns"


@pytest.fixture(scope="module")
def figures():
    r = cti("fidelity", "--format", "json")
    assert r.rc == 0, r
    j = json.loads(r.out)
    return j["workers"][0], j["workers"][1], j["team"]


@pytest.mark.parametrize("key, ane, bo, team", [  # figure: ane, bo, team
    ("time_limited", (2, 2), (0, 2), (2, 4)),
    ("home_or_community", (28, 37), (7, 14), (35, 51)),
    ("focus_areas_1_to_3", (4, 6), (3, 6), (7, 12)),
    ("goals_2_to_3", (1, 2), (1, 1), (2, 3)),
    ("goals_reached", (2, 3), (0, 2), (2, 5)),
    ("peer_support_matched", (1, 2), (0, 0), (1, 2)),
    ("responsibility_anchored", (1, 1), (0, 1), (1, 2)),
])
def test_json_ratios(figures, key, ane, bo, team):
    assert tuple(nd(w[key]) for w in figures) == (ane, bo, team)


@pytest.mark.parametrize("key, ane, bo, team", [  # (contacts, days) per phase: ane, bo, team
    ("contacts_phase1", (25, 182), (8, 179), (33, 361)),
    ("contacts_phase2", (9, 127), (4, 183), (13, 310)),
    ("contacts_phase3", (3, 93), (2, 137), (5, 230)),
])
def test_json_contacts_per_phase(figures, key, ane, bo, team):
    assert tuple((w[key]["contacts"], w[key]["days"]) for w in figures) == (ane, bo, team)


def test_json_figures(figures):
    ane, bo, t = figures
    assert ane["contacts_phase1"]["per_week"] == 0.96, f"per week {ane['contacts_phase1']}"
    assert ane["intensity_ratio"] == [4.26, 2.2, 1], f"ratio {ane['intensity_ratio']}"
    assert t["intensity_ratio"] == [4.2, 1.93, 1], f"team ratio {t['intensity_ratio']}"
    assert (t["with_contact_log"], t["without_contact_log"]) == (4, 1), "contact logs"
    assert (ane["caseload"], bo["caseload"]) == ({"active": 1, "capacity": 10}, {"active": 0, "capacity": 5}), \
        f"caseload {ane['caseload']} {bo['caseload']}"
    assert (t["ended"], t["completed"], t["interrupted"], t["moved"]) == (4, 2, 1, 1), "outcomes"


def test_period():
    # --from 2026-01-01: only M-02 is still in scope (the others ended before it). Its
    # days from 01-01: fase1 01-01..02-02 = 33 days, contacts 01-06..01-27 = 4; fase2 as
    # before 36 days, 3 contacts. Focus: only fase2 begun in the period: 1/1.
    a = json.loads(cti("fidelity", "--from", "2026-01-01", "--worker", "ane", "--format", "json").out)["workers"][0]
    assert a["in_scope"] == 1, f"in scope {a['in_scope']}"
    assert (a["contacts_phase1"]["contacts"], a["contacts_phase1"]["days"]) == (4, 33), f"{a['contacts_phase1']}"
    assert (a["contacts_phase2"]["contacts"], a["contacts_phase2"]["days"]) == (3, 36), f"{a['contacts_phase2']}"
    assert a["contacts_phase3"]["days"] == 0 and a["intensity_ratio"] is None, "no phase 3 yet"
    assert nd(a["focus_areas_1_to_3"]) == (1, 1), f"focus {a['focus_areas_1_to_3']}"
    assert a["without_contact_log"] == 0, "M-03 is out of scope"


def test_contact_item_in_status():
    rows = {r["id"]: r for r in json.loads(cti("status", "--format", "json").out)["forloeb"]}
    kontakt = [o for o in rows["M-02"]["overdue"] if o["item"] == "kontakt"]
    assert kontakt == [{"point": "fase2", "item": "kontakt", "due": "2026-03-06", "days_since": 18}], f"{kontakt}"
    # On 2026-03-06 the limit is reached: due today, not overdue.
    out = cti("status", "--format", "json", today="2026-03-06").out
    m02 = [r for r in json.loads(out)["forloeb"] if r["id"] == "M-02"][0]
    assert not [o for o in m02["overdue"] if o["item"] == "kontakt"], "not overdue on the limit day"
    assert [o["due"] for o in m02["due_soon"] if o["item"] == "kontakt"] == ["2026-03-06"], f"{m02['due_soon']}"


@pytest.mark.parametrize("case, want", [
    ("M-02", "  contact: 18 d (max 14)    OVERDUE by 4 days\n"),
    ("M-02", "Contacts held:\n  fase1        13, last 2026-01-27\n  fase2         3, last 2026-02-20\n"
             "  cancelled or missed: 1\n"),
    ("M-02", "Focus areas:\n  fase1  bolig\n  fase2  netværk, økonomi\n"),
    ("M-01", "Goals:\n  bolig                  reached 2025-06-01\n  økonomi                reached 2025-09-01\n"
             "  netværk\n"),
    ("M-01", "Peer support: offered 2025-02-01, wanted: yes, matched 2025-03-01 (en-til-en)\n"),
    ("M-01", "Long-term support anchored with: sagsbehandler\n"),
    ("M-03", "Contacts: no contact log\n"),
], ids=["M-02 contact", "M-02 contacts held", "M-02 focus areas", "M-01 goals", "M-01 peer support",
        "M-01 anchored", "M-03 no contact log"])
def test_show(case, want):
    text = cti("show", case).text
    assert want in text, text


def test_danish():
    text = cti("fidelity", "--worker", "bo", lang="da").text
    assert re.search(r"^kontakter/uge fase 1 \(n/dage\) +0,31 \(8/179\)$", text, re.M), text
    assert re.search(r"^intensitet 1:2:3 \(manual 4:2:1\) +3,06:1,5:1$", text, re.M), text
    assert text.endswith("faser med 1-3 fokusområder                 3/6 (50%)\n"
                         "planer med 2-3 mål                        1/1 (100%)\n"
                         "mål nået (afsluttede forløb)                0/2 (0%)\n"
                         "peer-støtte tilknyttet når ønsket                  -\n"
                         "ansvar forankret                            0/1 (0%)\n"
                         "caseload: aktive/kapacitet                       0/5\n"), text[-400:]
