#!/usr/bin/python3
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
import shutil
import tempfile

import icalendar

from teamlib import check, finish, run, same, test

os.environ.pop("CTI_NOW", None)  # the export time is noon UTC of --today here

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
    check(data.endswith(b"\r\n"), f"{what}: no CRLF at the end")
    lines = data.split(b"\r\n")[:-1]
    check(all(b"\n" not in l and b"\r" not in l for l in lines), f"{what}: a bare LF or CR")
    for l in lines:
        check(len(l) <= 75, f"{what}: {len(l)} octets: {l[:30]!r}...")
        try:
            l.decode("utf-8")
        except UnicodeDecodeError:
            check(False, f"{what}: a UTF-8 sequence split by a fold: {l!r}")
    return lines


@test
def events_as_expected():
    rc, out, err = run("calendar")
    check(rc == 0 and err == "", f"exit {rc}: {err}")
    evs = events(out)
    got = [(e.decoded("DTSTART").isoformat(), str(e["SUMMARY"]), str(e["STATUS"])) for e in evs]
    want = [(d, f"Cancelled: {i}: {LABEL[p[1:]]} ({w})", "CANCELLED") if p.startswith("-") else
            (d, f"{i}: {LABEL[p]} ({w})", "CONFIRMED") for d, i, p, w in EXPECTED]
    same("\n".join(map(str, got)), "\n".join(map(str, want)), "events")
    noon = datetime.datetime(2026, 3, 10, 12, tzinfo=datetime.timezone.utc)
    for e in evs:
        start = e.decoded("DTSTART")
        check(type(start) is datetime.date, f"DTSTART not an all-day date: {start!r}")
        check(e["DTSTART"].params.get("VALUE") == "DATE", "VALUE=DATE missing")
        check(e.decoded("DTEND") == start + datetime.timedelta(days=1), "DTEND is the next day")
        check(e.decoded("DTSTAMP") == noon, f"DTSTAMP {e.decoded('DTSTAMP')!r}")
        check(e.decoded("LAST-MODIFIED") == noon, f"LAST-MODIFIED {e.decoded('LAST-MODIFIED')!r}")
        check(int(e["SEQUENCE"]) == (noon - EPOCH) // datetime.timedelta(minutes=1), f"SEQUENCE {e['SEQUENCE']}")
        check("VALARM" not in [c.name for c in e.subcomponents], "a VALARM without --alarm")
    cal = icalendar.Calendar.from_ical(out)
    check(str(cal["VERSION"]) == "2.0" and "PRODID" in cal, "VERSION/PRODID")


@test
def descriptions_list_what_is_due():
    _, out, _ = run("calendar")
    by = {(e.decoded("DTSTART").isoformat(), str(e["SUMMARY"]).split(":")[0]): str(e["DESCRIPTION"])
          for e in events(out)}
    # orienteret was done on 03-05 (before today), the other two kontakt items are open.
    same(by[("2026-03-16", "A-07")],
         "Case: A-07\nWorker: ane\nPoint: opstart\nChecklist due: kontakt-etableret, kontaktaftale\n"
         "Documentation due: opstart", "A-07 opstart")
    # A-06 is flyttet on 04-30: only the closing documentation is due then.
    same(by[("2026-04-30", "A-06")], "Case: A-06\nWorker: ane\nPoint: afslutning\nDocumentation due: afslutning",
         "A-06 afslutning")
    # B-01 fase2: the nine fase2 items (eight built in plus peer-støtte-tilbudt from cti.yaml).
    same(by[("2026-05-02", "B-01")],
         "Case: B-01\nWorker: bo\nPoint: fase2\nChecklist due: økonomi, afdækning, langsigtet-plan, "
         "netværk-påbegyndt, koordinering, møder-aftaler, lokale-tilbud, jobcenter, peer-støtte-tilbudt\n"
         "Documentation due: fase2", "B-01 fase2")


@test
def crlf_and_folding():
    _, out, _ = run("calendar")
    lines = check_rfc5545_lines(out, "English")
    check(any(l.startswith(b" ") for l in lines), "no folded line at all (the long descriptions should fold)")
    # Unfolding gives back the long DESCRIPTION line of B-01's fase2, with its æ/ø intact.
    unfolded = re.sub(rb"\r\n ", b"", out).decode("utf-8")
    check("netværk-påbegyndt\\, koordinering\\, møder-aftaler" in unfolded, "escaped commas after unfolding")
    _, da, _ = run("calendar", lang="da")
    check_rfc5545_lines(da, "Danish")
    check("Tjekliste til frist: økonomi" in re.sub(rb"\r\n ", b"", da).decode("utf-8"), "Danish description")
    # The calendar's name (cti.yaml projekt) is long: "X-WR-CALNAME:" and 61 octets of
    # the name take 74 octets, and the 75th would be the first of the two octets of 'ø'
    # in "Nørre": the fold comes one octet early, before the 'ø'.
    name = [l for l in lines if l.startswith(b"X-WR-CALNAME:")][0]
    after = lines[lines.index(name) + 1]
    check(len(name) == 74 and name.endswith(b"Fjordbys og N"), f"fold before 'ø': {name!r}")
    check(after.startswith(" ørre Øbys kommuner".encode()), f"continuation: {after!r}")
    cal = icalendar.Calendar.from_ical(out)
    check(str(cal["X-WR-CALNAME"]) == "CTI testteam - borgere på vej til egen bolig i Fjordbys og Nørre Øbys kommuner",
          "the name unfolds again")


@test
def uids_stable_between_runs_and_days():
    _, a, _ = run("calendar")
    _, b, _ = run("calendar")
    check(a == b, "two runs differ: the output is not reproducible")
    uids = [str(e["UID"]) for e in events(a)]
    check(len(set(uids)) == len(uids), "UIDs not unique")
    check(all(u.isascii() and u.endswith("@cti") for u in uids), "UIDs ASCII, @cti")
    check(uids[0].startswith("A-07-opstart-"), uids[0])
    check(any(u.startswith("B-01-overdragelsesmoeder-") for u in uids), "ø in a UID")
    # A day later: same events, same UIDs, later DTSTAMP and higher SEQUENCE (so calendars take the update).
    _, c, _ = run("calendar", today="2026-03-11")
    later = events(c)
    check([str(e["UID"]) for e in later] == uids, "UIDs changed from one day to the next")
    check(later[0].decoded("DTSTAMP") > events(a)[0].decoded("DTSTAMP"), "DTSTAMP not later")
    check(int(later[0]["SEQUENCE"]) > int(events(a)[0]["SEQUENCE"]), "SEQUENCE not higher")
    # After A-07's opstart (03-16), its opstart event is gone and the rest keep their UIDs.
    _, d, _ = run("calendar", today="2026-03-17")
    check([str(e["UID"]) for e in events(d)] == uids[1:], "UIDs after a point has passed")
    # --lang changes the words, not the UIDs.
    _, da, _ = run("calendar", lang="da")
    check([str(e["UID"]) for e in events(da)] == uids, "UIDs depend on the language")


@test
def output_file_and_worker():
    tmp = tempfile.mkdtemp(prefix="cti-calendar-")
    try:
        path = os.path.join(tmp, "cti.ics")
        rc, out, err = run("calendar", "-o", path)
        check(rc == 0 and out == b"", f"exit {rc}, stdout {out[:40]!r}")
        check(f"wrote 28 event(s) to {path}" in err, f"stderr: {err}")
        _, std, _ = run("calendar")
        with open(path, "rb") as f:
            check(f.read() == std, "file differs from stdout")
        rc, _, _ = run("calendar", "-o", path, "--medarbejder", "ane")  # replaced, not refused
        with open(path, "rb") as f:
            ane = events(f.read())
        check(rc == 0, f"rewrite: exit {rc}")
        want = [(d, i) for d, i, _, w in EXPECTED if w == "ane"]
        check([(e.decoded("DTSTART").isoformat(), str(e["SUMMARY"]).replace("Cancelled: ", "")[:4]) for e in ane] == want,
              "ane's events")
        check(sorted(os.listdir(tmp)) == ["cti.ics"], f"left-over files: {os.listdir(tmp)}")
        rc, _, err = run("calendar", "-o", tmp)
        check(rc == 2 and "is a directory" in err, f"-o DIR: exit {rc}: {err}")
        rc, _, err = run("calendar", "--worker", "anne")
        check(rc == 2 and "did you mean 'ane'?" in err, f"unknown worker: {rc}: {err}")
    finally:
        shutil.rmtree(tmp)



finish()
