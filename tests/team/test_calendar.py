"""End-to-end tests of `cti calendar` on tests/team/repo at 2026-03-10.

The output is parsed back with Python's icalendar. The expected events, by hand from
the files (points of running forløb on or after today; m(d, n) = n months after d):
  A-02 opstart 2025-09-01: overdragelsesmøder m(8) 2026-05-01, afslutning m(9) 06-01
  A-05, B-03: past their planned end: nothing ahead
  A-06 opstart 2026-01-12, afslutning recorded for 04-30 (flyttet): fase2 04-12,
       then afslutning on 04-30 instead of the later points; fase3 07-12 and
       overdragelsesmøder 09-12 are dropped by that end: written as cancelled
  A-07 opstart 2026-03-16 (ahead): opstart, fase2 06-16, fase3 09-16,
       overdragelsesmøder 11-16, afslutning 12-16
  B-01 opstart 2026-02-02: fase2 05-02, fase3 08-02, overdragelsesmøder 10-02, afslutning 11-02
  B-02 opstart 2025-12-01: fase3 06-01, overdragelsesmøder 08-01, afslutning 09-01
  B-04: no opstart, nothing
  B-05 opstart 2026-03-01: fase2 06-01, fase3 09-01, overdragelsesmøder 11-01, afslutning 12-01
  B-06 opstart 2025-08-15: overdragelsesmøder 04-15, afslutning 05-15
  B-07 opstart 2026-03-05: fase2 06-05, fase3 09-05, overdragelsesmøder 11-05, afslutning 12-05
  A-01, A-03, A-04: ended (A-03 and A-04 early, but more than 90 days ago and their
       dropped points are past: no cancelled events)

DTSTAMP and LAST-MODIFIED are the export time: CTI_NOW, else (as here, --today pinned)
noon UTC of today; SEQUENCE is the minutes from 2020-01-01T00:00Z to it.
"""

import datetime
import os
import re

import icalendar
import pytest
from conftest import ROOT, run_cti

REPO = os.path.join(ROOT, "tests", "team", "repo")
TODAY = "2026-03-10"


def cti(*args, today=TODAY, lang="en"):
    """cti --today TODAY --lang LANG -C tests/team/repo ARGS; the export time is noon UTC
    of --today here (the harness passes no CTI_NOW)."""
    return run_cti("-C", REPO, *args, today=today, lang=lang)


EXPECTED = [  # (date, case id, point, worker), in the order cti writes them
    ("2026-03-16", "A-07", "opstart", "ane"),
    ("2026-04-12", "A-06", "fase2", "ane"),
    ("2026-04-15", "B-06", "overdragelsesmøder", "bo"),
    ("2026-04-30", "A-06", "afslutning", "ane"),
    ("2026-05-01", "A-02", "overdragelsesmøder", "ane"),
    ("2026-05-02", "B-01", "fase2", "bo"),
    ("2026-05-15", "B-06", "afslutning", "bo"),
    ("2026-06-01", "A-02", "afslutning", "ane"),
    ("2026-06-01", "B-02", "fase3", "bo"),
    ("2026-06-01", "B-05", "fase2", "bo"),
    ("2026-06-05", "B-07", "fase2", "bo"),
    ("2026-06-16", "A-07", "fase2", "ane"),
    ("2026-07-12", "A-06", "-fase3", "ane"),
    ("2026-08-01", "B-02", "overdragelsesmøder", "bo"),
    ("2026-08-02", "B-01", "fase3", "bo"),
    ("2026-09-01", "B-02", "afslutning", "bo"),
    ("2026-09-01", "B-05", "fase3", "bo"),
    ("2026-09-05", "B-07", "fase3", "bo"),
    ("2026-09-12", "A-06", "-overdragelsesmøder", "ane"),
    ("2026-09-16", "A-07", "fase3", "ane"),
    ("2026-10-02", "B-01", "overdragelsesmøder", "bo"),
    ("2026-11-01", "B-05", "overdragelsesmøder", "bo"),
    ("2026-11-02", "B-01", "afslutning", "bo"),
    ("2026-11-05", "B-07", "overdragelsesmøder", "bo"),
    ("2026-11-16", "A-07", "overdragelsesmøder", "ane"),
    ("2026-12-01", "B-05", "afslutning", "bo"),
    ("2026-12-05", "B-07", "afslutning", "bo"),
    ("2026-12-16", "A-07", "afslutning", "ane"),
]
# A point starting with '-' is cancelled (STATUS:CANCELLED, "Cancelled: " before the summary).
LABEL = {"opstart": "start (phase 1)", "fase2": "phase 2 begins", "fase3": "phase 3 begins",
         "overdragelsesmøder": "handover meetings", "afslutning": "end"}

EPOCH = datetime.datetime(2020, 1, 1, tzinfo=datetime.timezone.utc)


def events(data):
    cal = icalendar.Calendar.from_ical(data)
    return [c for c in cal.walk() if c.name == "VEVENT"]


def check_rfc5545_lines(data, what):
    """CRLF after every line, no bare LF or CR, at most 75 octets a line, every
    physical line valid UTF-8 on its own (no sequence split by a fold)."""
    assert data.endswith(b"\r\n"), f"{what}: no CRLF at the end"
    lines = data.split(b"\r\n")[:-1]
    assert all(b"\n" not in l and b"\r" not in l for l in lines), f"{what}: a bare LF or CR"
    for l in lines:
        assert len(l) <= 75, f"{what}: {len(l)} octets: {l[:30]!r}..."
        try:
            l.decode("utf-8")
        except UnicodeDecodeError:
            raise AssertionError(f"{what}: a UTF-8 sequence split by a fold: {l!r}") from None
    return lines


def test_events_as_expected():
    r = cti("calendar")
    assert r.rc == 0 and r.err == "", r
    evs = events(r.out)
    got = [(e.decoded("DTSTART").isoformat(), str(e["SUMMARY"]), str(e["STATUS"])) for e in evs]
    want = [(d, f"Cancelled: {i}: {LABEL[p[1:]]} ({w})", "CANCELLED") if p.startswith("-") else
            (d, f"{i}: {LABEL[p]} ({w})", "CONFIRMED") for d, i, p, w in EXPECTED]
    assert got == want
    noon = datetime.datetime(2026, 3, 10, 12, tzinfo=datetime.timezone.utc)
    for e in evs:
        start = e.decoded("DTSTART")
        assert type(start) is datetime.date, f"DTSTART not an all-day date: {start!r}"
        assert e["DTSTART"].params.get("VALUE") == "DATE", "VALUE=DATE missing"
        assert e.decoded("DTEND") == start + datetime.timedelta(days=1), "DTEND is the next day"
        assert e.decoded("DTSTAMP") == noon, f"DTSTAMP {e.decoded('DTSTAMP')!r}"
        assert e.decoded("LAST-MODIFIED") == noon, f"LAST-MODIFIED {e.decoded('LAST-MODIFIED')!r}"
        assert int(e["SEQUENCE"]) == (noon - EPOCH) // datetime.timedelta(minutes=1), f"SEQUENCE {e['SEQUENCE']}"
        assert "VALARM" not in [c.name for c in e.subcomponents], "a VALARM without --alarm"
    cal = icalendar.Calendar.from_ical(r.out)
    assert str(cal["VERSION"]) == "2.0" and "PRODID" in cal, "VERSION/PRODID"


@pytest.fixture(scope="module")
def descriptions():
    """(DTSTART, case id) -> DESCRIPTION of every event."""
    return {(e.decoded("DTSTART").isoformat(), str(e["SUMMARY"]).split(":")[0]): str(e["DESCRIPTION"])
            for e in events(cti("calendar").out)}


@pytest.mark.parametrize("day, case, want", [
    # orienteret was done on 03-05 (before today), the other two kontakt items are open.
    ("2026-03-16", "A-07", "Case: A-07\nWorker: ane\nPoint: opstart\nChecklist due: kontakt-etableret, kontaktaftale\n"
                           "Documentation due: opstart"),
    # A-06 is flyttet on 04-30: only the closing documentation is due then.
    ("2026-04-30", "A-06", "Case: A-06\nWorker: ane\nPoint: afslutning\nDocumentation due: afslutning"),
    # B-01 fase2: the nine fase2 items (eight built in plus peer-støtte-tilbudt from cti.yaml).
    ("2026-05-02", "B-01", "Case: B-01\nWorker: bo\nPoint: fase2\nChecklist due: økonomi, afdækning, langsigtet-plan, "
                           "netværk-påbegyndt, koordinering, møder-aftaler, lokale-tilbud, jobcenter, peer-støtte-tilbudt\n"
                           "Documentation due: fase2"),
], ids=["A-07 opstart", "A-06 afslutning", "B-01 fase2"])
def test_descriptions_list_what_is_due(descriptions, day, case, want):
    assert descriptions[(day, case)] == want


def test_crlf_and_folding():
    out = cti("calendar").out
    lines = check_rfc5545_lines(out, "English")
    assert any(l.startswith(b" ") for l in lines), "no folded line at all (the long descriptions should fold)"
    # Unfolding gives back the long DESCRIPTION line of B-01's fase2, with its æ/ø intact.
    unfolded = re.sub(rb"\r\n ", b"", out).decode("utf-8")
    assert "netværk-påbegyndt\\, koordinering\\, møder-aftaler" in unfolded, "escaped commas after unfolding"
    da = cti("calendar", lang="da").out
    check_rfc5545_lines(da, "Danish")
    assert "Tjekliste til frist: økonomi" in re.sub(rb"\r\n ", b"", da).decode("utf-8"), "Danish description"
    # The calendar's name (cti.yaml projekt) is long: "X-WR-CALNAME:" and 61 octets of
    # the name take 74 octets, and the 75th would be the first of the two octets of 'ø'
    # in "Nørre": the fold comes one octet early, before the 'ø'.
    name = [l for l in lines if l.startswith(b"X-WR-CALNAME:")][0]
    after = lines[lines.index(name) + 1]
    assert len(name) == 74 and name.endswith(b"Fjordbys og N"), f"fold before 'ø': {name!r}"
    assert after.startswith(" ørre Øbys kommuner".encode()), f"continuation: {after!r}"
    cal = icalendar.Calendar.from_ical(out)
    assert str(cal["X-WR-CALNAME"]) == \
        "CTI testteam - borgere på vej til egen bolig i Fjordbys og Nørre Øbys kommuner", "the name unfolds again"


def test_uids_stable_between_runs_and_days():
    a = cti("calendar").out
    b = cti("calendar").out
    assert a == b, "two runs differ: the output is not reproducible"
    uids = [str(e["UID"]) for e in events(a)]
    assert len(set(uids)) == len(uids), "UIDs not unique"
    assert all(u.isascii() and u.endswith("@cti") for u in uids), "UIDs ASCII, @cti"
    assert uids[0].startswith("A-07-opstart-"), uids[0]
    assert any(u.startswith("B-01-overdragelsesmoeder-") for u in uids), "ø in a UID"
    # A day later: same events, same UIDs, later DTSTAMP and higher SEQUENCE (so calendars take the update).
    later = events(cti("calendar", today="2026-03-11").out)
    assert [str(e["UID"]) for e in later] == uids, "UIDs changed from one day to the next"
    assert later[0].decoded("DTSTAMP") > events(a)[0].decoded("DTSTAMP"), "DTSTAMP not later"
    assert int(later[0]["SEQUENCE"]) > int(events(a)[0]["SEQUENCE"]), "SEQUENCE not higher"
    # After A-07's opstart (03-16), its opstart event is gone and the rest keep their UIDs.
    d = cti("calendar", today="2026-03-17").out
    assert [str(e["UID"]) for e in events(d)] == uids[1:], "UIDs after a point has passed"
    # --lang changes the words, not the UIDs.
    da = cti("calendar", lang="da").out
    assert [str(e["UID"]) for e in events(da)] == uids, "UIDs depend on the language"


def test_output_file_and_worker(tmp_path):
    tmp = str(tmp_path)
    path = os.path.join(tmp, "cti.ics")
    r = cti("calendar", "-o", path)
    assert r.rc == 0 and r.out == b"", r
    assert f"wrote 28 events to {path}" in r.err, r
    std = cti("calendar").out
    with open(path, "rb") as f:
        assert f.read() == std, "file differs from stdout"
    r = cti("calendar", "-o", path, "--medarbejder", "ane")  # replaced, not refused
    with open(path, "rb") as f:
        ane = events(f.read())
    assert r.rc == 0, r
    want = [(d, i) for d, i, _, w in EXPECTED if w == "ane"]
    assert [(e.decoded("DTSTART").isoformat(), str(e["SUMMARY"]).replace("Cancelled: ", "")[:4])
            for e in ane] == want, "ane's events"
    assert sorted(os.listdir(tmp)) == ["cti.ics"], f"left-over files: {os.listdir(tmp)}"
    r = cti("calendar", "-o", tmp)
    assert r.rc == 2 and "is a directory" in r.err, r
    r = cti("calendar", "--worker", "anne")
    assert r.rc == 2 and "did you mean 'ane'?" in r.err, r
