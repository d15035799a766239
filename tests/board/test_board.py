"""End-to-end tests of `cti board` on tests/board/repo at 2026-03-10.

The repository (every forløb's noter says why it is there):
  T-01 ane  fase2 with overdue fase2 items and documentation
  T-02 ane  contact period, no opstart: an open band up to today
  T-03 bo   past its planned end 2026-02-15: overskredet
  T-04 bo   afbrudt recorded ahead for 2026-03-20: bands cut there, later points dropped
  T-05 bo   opstart 2026-02-30: file has errors, a marked row
  T-06 ane  fase1 with fase2 due in 5 days: due-soon items
  T-07 ane  ended in 2025 with nothing owed: not on the board

The golden page (golden/board-da.html) is the exact bytes for --lang da; regenerate it
with CTI_UPDATE_GOLDEN=1 after a deliberate change and read the diff.

    CTI=build/cti python3 -m pytest -c tests/pytest.ini tests/board

The helpers that read the board's elements (the data-* attributes every row, band,
marker and bar carries) are shared with test_browser.py.
"""

import csv
import io
import json
import os
import re
from datetime import date
from html.parser import HTMLParser

import pytest
from conftest import DEMO, run_cti

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.join(HERE, "repo")
TODAY = "2026-03-10"


# --- reading the board ----------------------------------------------------------

def status_json(repo, today):
    r = run_cti("-C", repo, "status", "--format", "json", today=today, lang=None)
    assert r.rc == 0, r
    return json.loads(r.out)


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, {k: (v or "") for k, v in attrs}))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)


def elements(html):
    """-> list of (tag, attrs dict) in document order"""
    c = _Collector()
    c.feed(html)
    return c.found


def rows(els):
    """The timeline rows: data-id -> attrs (a list, to see duplicates)."""
    return [a for t, a in els if t == "g" and "row" in a.get("class", "").split()]


def x_of(body, day):
    """x of a date on the board's axis, from the page's own scale (data-from/to/x0/x1)."""
    f, t = date.fromisoformat(body["data-from"]), date.fromisoformat(body["data-to"])
    x0, x1 = float(body["data-x0"]), float(body["data-x1"])
    return x0 + (x1 - x0) * (date.fromisoformat(day) - f).days / (t - f).days


def board(out, *extra, lang="da", repo=REPO, cwd=None):
    """cti board -o OUT on `repo` at TODAY -> (Result, the page or "")."""
    r = run_cti("-C", repo, "board", "-o", out, *extra, today=TODAY, lang=lang, cwd=cwd)
    html = ""
    if r.rc == 0 and os.path.exists(os.path.join(cwd or "", out)):
        with open(os.path.join(cwd or "", out), encoding="utf-8") as f:
            html = f.read()
    return r, html


# --- the page every test reads --------------------------------------------------

@pytest.fixture(scope="module")
def first(tmp_path_factory):
    """The Danish page: (its path, the Result, the page)."""
    out = str(tmp_path_factory.mktemp("board") / "b0.html")
    r, html = board(out)
    return out, r, html


@pytest.fixture(scope="module")
def html(first):
    return first[2]


@pytest.fixture(scope="module")
def els(html):
    return elements(html)


@pytest.fixture(scope="module")
def body(els):
    return next(a for t, a in els if t == "body")


@pytest.fixture(scope="module")
def status():
    return status_json(REPO, TODAY)


@pytest.fixture(scope="module")
def by_worker(els):
    found = {}
    for r in rows(els):
        found.setdefault(r["data-worker"], []).append(r["data-id"])
    return found


@pytest.fixture(scope="module")
def status_csv():
    """cti status --format csv: id -> row (it has both the overdue and the due-soon count)."""
    r = run_cti("-C", REPO, "status", "--format", "csv", today=TODAY, lang=None)
    return {row["id"]: row for row in csv.DictReader(io.StringIO(r.text.lstrip("\ufeff")), delimiter=";")}


@pytest.fixture(scope="module")
def loads(els):
    return [a for t, a in els if t == "g" and a.get("class") == "load" and a["data-worker"] != "team"]


@pytest.fixture(scope="module")
def bands(els):
    return [a for t, a in els if t == "rect" and "data-band" in a]


# --- the golden page, and the same bytes every time ------------------------------

def test_board_exits_0_and_notes_the_file_the_count_and_the_errors(first):
    out, r, _ = first
    assert r.rc == 0, r
    assert "6 forløb" in r.err and out in r.err, r
    assert "1 forløbsfil med fejl, markeret på tavlen" in r.err, r


def test_the_page_equals_the_golden_page(html, golden):
    golden("board-da.html", html)


def test_a_second_run_gives_the_same_bytes(html, tmp_path):
    assert board(str(tmp_path / "again.html"))[1] == html


# --- self-contained: nothing fetched, nothing run ----------------------------------

@pytest.mark.parametrize("pattern", [
    r"<script", r"\bsrc\s*=", r"\bhref\s*=", r"@import", r"https?:", r"url\((?!#)", r"@font-face",
    r"\bon[a-z]+\s*=",
], ids=["a script", "a src attribute", "a link", "a CSS import", "a URL", "a url() that is not a local pattern",
        "a web font", "an event handler"])
def test_nothing_in_the_page_fetches_or_runs(html, pattern):
    assert not re.search(pattern, html, re.I), re.search(pattern, html, re.I)


def test_no_cpr_shaped_number_in_the_page(html):
    assert not re.search(r"(?<!\d)\d{6}-?\d{4}(?!\d)", html)


@pytest.mark.parametrize("needles", [
    ['<html lang="da">', "Tidslinje", "forsinket"],
    ["CTI testteam &lt;board&gt; &amp; co"],
    ["10. marts 2026"],
    ["@page{size:A3 landscape", "@media print"],
], ids=["a Danish page", "the project name is escaped", "the date is on the page", "print stylesheet for A3 landscape"])
def test_the_page_says(html, needles):
    assert all(n in html for n in needles), [n for n in needles if n not in html]


# --- rows: exactly the status rows (same order within each worker) -------------------

def test_one_row_per_status_row_the_file_with_errors_among_them(els, status):
    ids = [r["data-id"] for r in rows(els)]
    assert sorted(ids) == sorted(f["id"] for f in status["forloeb"]) and "T-05" in ids, ids


def test_no_duplicate_rows(els):
    ids = [r["data-id"] for r in rows(els)]
    assert len(ids) == len(set(ids)), ids


def test_an_ended_forloeb_with_nothing_owed_is_not_on_the_board(els):
    assert "T-07" not in [r["data-id"] for r in rows(els)]


def test_rows_grouped_by_worker_in_cti_yaml_order(by_worker):
    assert list(by_worker) == ["ane", "bo"], by_worker


def test_a_workers_rows_in_the_order_of_cti_status(by_worker, status):
    assert by_worker["ane"] == [f["id"] for f in status["forloeb"] if f["worker"] == "ane"], by_worker


def test_the_file_with_errors_is_a_marked_row_with_its_rule_and_line(els):
    err_rows = [r for r in rows(els) if "row-error" in r["class"]]
    assert len(err_rows) == 1 and err_rows[0]["data-id"] == "T-05" and err_rows[0]["data-error"] == "invalid-date" \
        and err_rows[0]["data-line"] == "5", err_rows


def test_the_error_row_names_the_file_and_says_what_to_do(html):
    assert "forloeb/T-05.yaml linje 5" in html and "cti validate" in html


# --- figures equal cti status -----------------------------------------------------

def test_overdue_and_due_soon_counts_as_cti_status(els, status_csv):
    wrong = [(r, status_csv[r["data-id"]]) for r in rows(els) if "row-error" not in r["class"]
             and (r["data-overdue"], r["data-due-soon"]) != (status_csv[r["data-id"]]["overdue"],
                                                             status_csv[r["data-id"]]["due_soon"])]
    assert not wrong, wrong


def test_phase_and_planned_dates_as_cti_status(els, status_csv):
    def same(r, s):
        return r["data-phase"] == s["phase"] and r.get("data-phase3", "") == s["phase3"] \
            and r.get("data-planned-end", "") == s["planned_end"]
    wrong = [(r, status_csv[r["data-id"]]) for r in rows(els) if "row-error" not in r["class"]
             and not same(r, status_csv[r["data-id"]])]
    assert not wrong, wrong


def test_one_red_badge_per_row_with_overdue_items_with_the_count(els, status_csv):
    badges = [a for t, a in els if t == "g" and a.get("class") == "badge-overdue"]
    assert sorted(int(b["data-count"]) for b in badges) == \
        sorted(int(s["overdue"]) for s in status_csv.values() if s["overdue"] != "0"), badges


# --- geometry: bands and markers at x(date) on the page's scale ----------------------

def test_the_window_is_2026_01_01_to_2026_10_01(body):
    assert body["data-from"] == "2026-01-01" and body["data-to"] == "2026-10-01", body


def test_every_band_is_drawn_at_its_dates(body, bands):
    def at_its_dates(b):
        ok = abs(float(b["data-x"]) - x_of(body, b["data-from"])) < 0.01 \
            and abs(float(b["data-x-end"]) - x_of(body, b["data-to"])) < 0.01
        if b["data-from"] >= body["data-from"] and b["data-to"] <= body["data-to"]:  # inside the window
            ok = ok and abs(float(b["x"]) - float(b["data-x"])) < 0.01 \
                and abs(float(b["x"]) + float(b["width"]) - float(b["data-x-end"])) < 0.02
        return ok
    assert bands
    wrong = [b for b in bands if not at_its_dates(b)]
    assert not wrong, wrong


def test_a_phase_2_band_ends_at_a_recorded_end(bands):
    t04 = [b for b in bands if b["class"].endswith("fase2") and b["data-to"] == "2026-03-20"]
    assert len(t04) == 1, bands


def test_a_contact_period_runs_open_to_today(bands):
    t02 = [b for b in bands if b.get("data-open") == "true" and b["data-band"] == "kontakt"]
    assert len(t02) == 1 and t02[0]["data-to"] == "2026-03-11", t02


def test_overskredet_from_the_day_after_the_planned_end(bands):
    t03 = [b for b in bands if b["data-band"] == "overskredet"]
    assert len(t03) == 1 and t03[0]["data-from"] == "2026-02-16", t03


def test_a_today_line_in_each_workers_timeline_at_x_today(els, body):
    todays = [a for t, a in els if t == "g" and a.get("class") == "today"]
    assert len(todays) == 2 and all(abs(float(a["data-x"]) - x_of(body, TODAY)) < 0.01 for a in todays), todays


def test_markers_at_x_date(els, body):
    descs = [a for t, a in els if t == "desc" and "data-date" in a]
    assert descs and all(abs(float(a["data-x"]) - x_of(body, a["data-date"])) < 0.01 for a in descs), descs


@pytest.mark.parametrize("kind", ["phase2", "phase3", "handover_meetings", "planned_end", "end"])
def test_a_marker_of_each_kind_on_the_board(html, kind):
    assert kind in re.findall(r'data-marker="(\w+)"', html)


# --- caseload: the numbers of cti caseload, now and each month ------------------------

def test_a_caseload_column_per_worker_for_today_and_6_months(loads):
    assert len(loads) == 2 * 7, len(loads)


def test_caseload_json_has_the_workers():
    r = run_cti("-C", REPO, "caseload", "--format", "json", today=TODAY, lang=None)
    flat = json.dumps(json.loads(r.out))
    assert '"ane"' in flat and '"bo"' in flat, r


def test_caseload_today(loads):
    now = {a["data-worker"]: a for a in loads if a["data-now"] == "true"}
    assert now["ane"]["data-active"] == "2" and now["ane"]["data-load"] == "1.5" \
        and now["ane"]["data-capacity"] == "10", "ane today: 2 active, load 1.5, capacity 10"
    assert now["bo"]["data-active"] == "2" and now["bo"]["data-capacity"] == "5", "bo today: 2 active, capacity 5"


# --- the command line -------------------------------------------------------------

def test_refuses_to_overwrite_without_force(first):
    r, _ = board(first[0])
    assert r.rc == 2 and "--force" in r.err, r


def test_force_replaces_the_file(first):
    r, again = board(first[0], "--force")
    assert r.rc == 0 and again == first[2], r


def test_o_is_required():
    r = run_cti("-C", REPO, "board", today=TODAY, lang=None)
    assert r.rc == 2, r


def test_worker_shows_that_workers_rows_only(by_worker, tmp_path):
    r, page = board(str(tmp_path / "ane.html"), "--worker", "ane")
    assert r.rc == 0 and sorted(x["data-id"] for x in rows(elements(page))) == sorted(by_worker["ane"]), r


def test_an_unknown_worker_is_a_usage_error_with_a_suggestion(tmp_path):
    r, _ = board(str(tmp_path / "anne.html"), "--worker", "anne")
    assert r.rc == 2 and "ane" in r.err, r


def test_months_3_ends_the_window_after_june(tmp_path):
    r, page = board(str(tmp_path / "m3.html"), "--months", "3")
    assert r.rc == 0 and 'data-to="2026-07-01"' in page, r


def test_months_0_is_a_usage_error(tmp_path):
    r, _ = board(str(tmp_path / "m0.html"), "--months", "0")
    assert r.rc == 2, r


def test_an_english_page_with_lang_en(tmp_path):
    r, page = board(str(tmp_path / "en.html"), lang="en")
    assert r.rc == 0 and '<html lang="en">' in page and "Timeline" in page and "overdue" in page, r


def test_a_relative_o_is_relative_to_where_cti_was_started_not_to_C(tmp_path):
    r, _ = board("rel.html", cwd=str(tmp_path))
    assert r.rc == 0 and os.path.exists(tmp_path / "rel.html") and not os.path.exists(os.path.join(REPO, "rel.html")), r


def test_o_a_directory_is_refused(tmp_path):
    r, _ = board(str(tmp_path))
    assert r.rc == 2, r


def test_the_demo_sprog_da_is_danish_without_lang(tmp_path):
    r, page = board(str(tmp_path / "demo.html"), lang=None, repo=DEMO)
    assert r.rc == 0 and '<html lang="da">' in page, r
