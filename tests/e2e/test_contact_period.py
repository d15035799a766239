"""The contact period on the board (SPEC 3, cti.yaml kontakt_højst_dage): before opstart
the kontakt checklist is shown and owed by kontakt + kontakt_højst_dage (default 60), and
a forløb in contact for longer is flagged with an item `opstart` that `cti start` records.

    CTI=build/cti python3 -m pytest -c tests/pytest.ini tests/e2e/test_contact_period.py

The demo's K-0019 has kontakt 2026-11-04, no opstart, two of three kontakt items done.
"""

import json
import os

from conftest import run_cti

DAY_60 = "2027-01-03"
DAY_61 = "2027-01-04"


def agenda_items(cwd, today):
    r = run_cti("agenda", "--format", "json", cwd=cwd, today=today)
    assert r.rc in (0, 1), r
    rows = [i for w in json.loads(r.text)["workers"] for i in w["items"]]
    return [(i["item"], i["command"]) for i in rows if i["id"] == "K-0019"]


def test_the_kontakt_checklist_is_shown_and_owed_before_opstart(demo):
    r = run_cti("show", "K-0019", cwd=demo, today="2026-12-20")
    assert r.rc == 0, r
    for item in ("kontakt-etableret", "orienteret", "kontaktaftale"):
        assert item in r.text, f"{item} not shown before opstart\n{r!r}"
    assert "opstart: 46 d since kontakt (max 60)" in r.text and "due soon (in 14 days)" in r.text, r
    assert ("kontaktaftale", "cti done 19 kontaktaftale") in agenda_items(demo, "2026-12-20")


def test_day_60_is_not_flagged_day_61_is(demo):
    on_60 = agenda_items(demo, DAY_60)
    assert ("opstart", "cti start 19") in on_60  # due today: in the agenda, not late
    r = run_cti("status", "--format", "json", cwd=demo, today=DAY_60)
    row = next(c for c in json.loads(r.text)["forloeb"] if c["id"] == "K-0019")
    assert not any(i["item"] == "opstart" for i in row["overdue"]), row
    r = run_cti("status", "--format", "json", cwd=demo, today=DAY_61)
    row = next(c for c in json.loads(r.text)["forloeb"] if c["id"] == "K-0019")
    late = [i for i in row["overdue"] if i["item"] == "opstart"]
    assert late and late[0]["days_since"] == 61, row
    r = run_cti("agenda", cwd=demo, today=DAY_61, lang="da")
    assert "opstart: 61 dage siden kontakt (højst 60)" in r.text and "cti start 19" in r.text, r


def test_kontakt_hoejst_dage_sets_the_limit_and_is_validated(demo, copy_tree):
    repo = copy_tree(demo, "repo")
    path = os.path.join(repo, "cti.yaml")
    with open(path, encoding="utf-8") as f:
        text = f.read()
    with open(path, "w", encoding="utf-8") as f:
        f.write(text + "kontakt_højst_dage: 30\n")
    r = run_cti("agenda", cwd=repo, today="2026-12-05")
    assert "opstart: 31 days since kontakt (at most 30)" in r.text, r
    with open(path, "w", encoding="utf-8") as f:
        f.write(text + "kontakt_højst_dage: 0\n")
    r = run_cti("validate", cwd=repo, today="2026-12-05")
    assert r.rc == 1 and "cti.yaml:" in r.text and "kontakt_højst_dage" in r.text, r


def test_a_started_or_ended_forloeb_owes_no_opstart(demo):
    r = run_cti("status", "--all", "--format", "json", cwd=demo, today="2027-06-01")
    for c in json.loads(r.text)["forloeb"]:
        if c["start"] or c["end"]:
            assert not any(i["item"] == "opstart" for i in c["overdue"]), c
