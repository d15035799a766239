"""End-to-end tests of how `cti calendar` updates strict clients (tests/team/repo at 2026-03-10).

Each export is stamped with its time (CTI_NOW, else noon UTC of --today) in DTSTAMP and
LAST-MODIFIED, SEQUENCE is the minutes since 2020-01-01T00:00Z, the points an early end
drops come back as STATUS:CANCELLED under their old UIDs, and --alarm adds a VALARM.
Parsed back with python3-icalendar, and when installed python3-vobject and khal (khal
imports two exports into one calendar, as a user would).
"""

import datetime
import os
import re
import shutil
import subprocess

import icalendar
import pytest
from conftest import ROOT, clean_env, run_cti

REPO = os.path.join(ROOT, "tests", "team", "repo")
TODAY = "2026-03-10"
EPOCH = datetime.datetime(2020, 1, 1, tzinfo=datetime.timezone.utc)
N_EVENTS = 28  # test_calendar.py's EXPECTED: 26 coming points, A-06's 2 cancelled ones


def cti(*args, repo=REPO, today=TODAY, env=None):
    """cti --lang en --today TODAY -C REPO ARGS (the harness passes no CTI_NOW: the tests
    set the export time themselves)."""
    return run_cti("-C", repo, *args, today=today, env=env)


def events(data):
    cal = icalendar.Calendar.from_ical(data)
    return [c for c in cal.walk() if c.name == "VEVENT"]


def lines_ok(data):
    """CRLF line ends, at most 75 octets a physical line."""
    return data.endswith(b"\r\n") and all(len(l) <= 75 and b"\n" not in l for l in data.split(b"\r\n")[:-1])


def utc(text):
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))


def test_export_time_and_sequence_from_cti_now():
    t1, t2 = "2026-03-10T08:00:00Z", "2026-03-10T08:07:30Z"
    r = cti("calendar", env={"CTI_NOW": t1})
    assert r.rc == 0 and r.err == "", r
    a = r.out
    b = cti("calendar", env={"CTI_NOW": t2}).out
    first, second = events(a), events(b)
    assert len(first) == N_EVENTS and [str(e["UID"]) for e in first] == [str(e["UID"]) for e in second], \
        "same events"
    for e in first:
        assert e.decoded("DTSTAMP") == utc(t1) and e.decoded("LAST-MODIFIED") == utc(t1), "stamps are CTI_NOW"
        assert int(e["SEQUENCE"]) == (utc(t1) - EPOCH) // datetime.timedelta(minutes=1), f"SEQUENCE {e['SEQUENCE']}"
    for x, y in zip(first, second):
        assert int(y["SEQUENCE"]) > int(x["SEQUENCE"]), f"{x['UID']}: SEQUENCE {x['SEQUENCE']} -> {y['SEQUENCE']}"
        assert y.decoded("DTSTAMP") > x.decoded("DTSTAMP"), "DTSTAMP not later"
    # CTI_NOW sets only the stamps: the events still come from --today.
    pinned = cti("calendar").out
    strip = lambda data: re.sub(rb"(DTSTAMP|LAST-MODIFIED|SEQUENCE):[^\r]*\r\n", b"", data)  # noqa: E731
    assert strip(a) == strip(pinned), "CTI_NOW changed more than the stamps"


@pytest.mark.parametrize("bad", ["2026-03-10", "2026-03-10T08:00:00", "2026-02-30T08:00:00Z", "now"])
def test_a_bad_cti_now_is_refused(bad):
    r = cti("calendar", env={"CTI_NOW": bad})
    assert r.rc == 2 and r.out == b"" and \
        f"CTI_NOW must be a UTC time like 2026-11-23T08:00:00Z, not '{bad}'" in r.err, r


def b01(data):
    return {str(e["UID"]): e for e in events(data) if str(e["UID"]).startswith("B-01-")}


def write_khal_conf(conf, cal, db):
    """A khal configuration of its own: one calendar (a vdir), its own cache, ISO dates."""
    with open(conf, "w") as f:
        f.write(f"[calendars]\n[[cti]]\npath = {cal}\n[sqlite]\npath = {db}\n[locale]\n"
                "dateformat = %Y-%m-%d\nlongdateformat = %Y-%m-%d\n"
                "datetimeformat = %Y-%m-%d %H:%M\nlongdatetimeformat = %Y-%m-%d %H:%M\n")


def khal(*args):
    return subprocess.run(["khal", *args], capture_output=True, env=clean_env({"TZ": "UTC"}), timeout=120)


needs_khal = pytest.mark.skipif(not shutil.which("khal"), reason="khal not installed")


@pytest.fixture(scope="module")
def early_end(tmp_path_factory):
    """A copy of the repository exported before and after B-01 ends early (afbrudt
    2026-04-01): (the copy, the first export, the second export)."""
    repo = str(tmp_path_factory.mktemp("early-end") / "repo")
    shutil.copytree(REPO, repo, symlinks=True)
    r = cti("calendar", repo=repo, env={"CTI_NOW": "2026-03-10T08:00:00Z"})
    assert r.rc == 0, r
    before = r.out
    r = cti("end", "B-01", "--status", "afbrudt", "--date", "2026-04-01", "--force",
            repo=repo)  # an end planned ahead: more than 7 days, so --force (SPEC 6)
    assert r.rc == 0, r
    r = cti("calendar", repo=repo, env={"CTI_NOW": "2026-03-11T08:00:00Z"})
    assert r.rc == 0, r
    return repo, before, r.out


def test_early_end_cancels_the_dropped_points(early_end):
    _, before, after = early_end
    old = b01(before)
    assert sorted(u.split("-")[2] for u in old) == ["afslutning", "fase2", "fase3", "overdragelsesmoeder"], \
        f"B-01 before: {sorted(old)}"
    new = b01(after)
    assert set(new) == set(old), f"B-01's UIDs changed: {sorted(old)} -> {sorted(new)}"
    before_uids = {str(e["UID"]) for e in events(before)}
    assert before_uids <= {str(e["UID"]) for e in events(after)}, "an event of the first export vanished"
    for uid, e in new.items():
        assert int(e["SEQUENCE"]) > int(old[uid]["SEQUENCE"]), f"{uid}: SEQUENCE not higher"
        if "-afslutning-" in uid:  # moved to the end date: an update
            assert str(e["STATUS"]) == "CONFIRMED" and e.decoded("DTSTART") == datetime.date(2026, 4, 1), \
                f"afslutning: {e['STATUS']} {e.decoded('DTSTART')}"
        else:  # dropped: cancelled where it was
            assert str(e["STATUS"]) == "CANCELLED", f"{uid}: {e['STATUS']}"
            assert e.decoded("DTSTART") == old[uid].decoded("DTSTART"), f"{uid}: date moved"
            assert str(e["SUMMARY"]).startswith("Cancelled: B-01: "), str(e["SUMMARY"])
            assert "Cancelled: the forløb ends early (afslutning 2026-04-01)" in str(e["DESCRIPTION"]), \
                str(e["DESCRIPTION"])


def test_cancelled_for_90_days_then_until_each_point(early_end):
    repo = early_end[0]
    # Still cancelled 90 days after the end (06-30); then only until each point's own date.
    d1 = cti("calendar", repo=repo, today="2026-06-30").out
    assert sorted(str(e["STATUS"]) for e in b01(d1).values()) == ["CANCELLED"] * 3, "on end + 90 days"
    d2 = cti("calendar", repo=repo, today="2026-09-01").out
    assert [e.decoded("DTSTART").isoformat() for e in b01(d2).values()] == ["2026-10-02"], "after 90 days"
    d3 = cti("calendar", repo=repo, today="2026-10-03").out
    assert b01(d3) == {}, "B-01 still in the calendar after its last dropped point"


@needs_khal
def test_khal_imports_the_update_into_one_calendar(early_end, tmp_path):
    """Strict clients: khal imports the two exports into one calendar and lists the
    dropped points as cancelled, with one entry per UID."""
    _, before, after = early_end
    tmp = str(tmp_path)
    cal = os.path.join(tmp, "khal-cal")
    os.mkdir(cal)
    conf = os.path.join(tmp, "khal.conf")
    write_khal_conf(conf, cal, os.path.join(tmp, "khal.db"))
    for i, data in enumerate((before, after)):
        ics = os.path.join(tmp, f"export{i}.ics")
        with open(ics, "wb") as f:
            f.write(data)
        p = khal("-c", conf, "import", "--batch", ics)
        assert p.returncode == 0 and b"rror" not in p.stderr, f"khal import: {p.returncode}: {p.stderr!r}"
    assert len(os.listdir(cal)) == len(events(after)), f"khal: {len(os.listdir(cal))} files, not one per UID"
    p = khal("-c", conf, "list", "--format", "{status}{title}", "2026-03-10", "2026-12-31")
    listed = p.stdout.decode("utf-8")
    for title in ("B-01: phase 2 begins (bo)", "B-01: phase 3 begins (bo)", "B-01: handover meetings (bo)"):
        assert f"CANCELLED Cancelled: {title}" in listed, f"khal list: {title} not cancelled:\n{listed}"
    assert "CONFIRMED B-01: end (bo)" in listed, f"khal list: B-01's end:\n{listed}"


def test_alarm_adds_a_reminder_to_each_live_event():
    r = cti("calendar", "--alarm", "2")
    assert r.rc == 0 and r.err == "", r
    evs = events(r.out)
    assert len(evs) == N_EVENTS, "the same events"
    for e in evs:
        alarms = [c for c in e.subcomponents if c.name == "VALARM"]
        if str(e["STATUS"]) == "CANCELLED":
            assert alarms == [], f"{e['UID']}: a reminder on a cancelled event"
            continue
        assert len(alarms) == 1, f"{e['UID']}: {len(alarms)} VALARM"
        a = alarms[0]
        assert str(a["ACTION"]) == "DISPLAY", f"ACTION {a['ACTION']}"
        assert a.decoded("TRIGGER") == -datetime.timedelta(days=2), f"TRIGGER {a.decoded('TRIGGER')!r}"
        assert str(a["DESCRIPTION"]) == str(e["SUMMARY"]), f"DESCRIPTION {a['DESCRIPTION']}"
    assert b"TRIGGER:-P2D\r\n" in r.out, "TRIGGER:-P2D as written"
    assert lines_ok(r.out), "--alarm: CRLF and folding"


@pytest.mark.parametrize("bad", ["-1", "366", "x"])
def test_a_bad_alarm_is_refused(bad):
    r = cti("calendar", "--alarm", bad)
    assert r.rc == 2 and r.out == b"", r


@pytest.fixture(scope="module")
def with_alarm():
    return cti("calendar", "--alarm", "1").out


def test_vobject_reads_it(with_alarm):
    vobject = pytest.importorskip("vobject", reason="python3-vobject not installed")
    cal = vobject.readOne(with_alarm.decode("utf-8"))
    assert cal.validate(), "vobject: validate() failed"
    evs = cal.vevent_list
    assert len(evs) == N_EVENTS, f"vobject: {len(evs)} events"
    for e in evs:
        assert int(e.sequence.value) > 0 and e.dtstamp.value == e.last_modified.value, "vobject: stamps"
        if e.status.value == "CONFIRMED":
            assert e.valarm.trigger.value == -datetime.timedelta(days=1), "vobject: TRIGGER"
    assert [e.status.value for e in evs].count("CANCELLED") == 2, "vobject: two cancelled events"


@needs_khal
def test_khal_reads_it(with_alarm, tmp_path):
    conf, ics = str(tmp_path / "khal.conf"), str(tmp_path / "cti.ics")
    write_khal_conf(conf, str(tmp_path), str(tmp_path / "khal.db"))
    with open(ics, "wb") as f:
        f.write(with_alarm)
    p = khal("-c", conf, "printics", ics)
    text = p.stdout.decode("utf-8")
    assert p.returncode == 0 and f"{N_EVENTS} events found" in text, f"khal printics: {text[:200]}"
    assert "Nørre" not in text and "netværk-påbegyndt" in text, "khal: æøå in the descriptions"
