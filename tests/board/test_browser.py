"""The demo board (examples/demo at 2026-11-23) in a real browser: Debian's chromium, headless.

- The DOM chromium builds from the page (--dump-dom) has exactly one row per forløb of
  `cti status --format json`, phase boundaries at x proportional to their dates, the today
  line at today's x, and overdue counts equal to the status JSON.
- A PNG screenshot is not blank, and the red today line is drawn at today's x in pixels.
- A PDF print is A3 landscape and not blank.
- With networking off (a dead proxy, every host unresolvable) the page renders the same, and
  chromium's network log shows no request from the page (checked against a control page
  that does load something, so the check can see a request when there is one).

A missing chromium is a failure, not a skip (apt-get install chromium).
CTI_UPDATE_SCREENSHOT=1 also writes docs/board.png, the README's picture of the board.

    CTI=build/cti python3 -m pytest -c tests/pytest.ini tests/board/test_browser.py
"""

import json
import os
import re
import shutil
import subprocess
import zlib
from datetime import date, timedelta
from html.parser import HTMLParser

import pytest
from conftest import DEMO, ROOT, run_cti
from pnglib import Image, read_png, write_png
from test_board import status_json, x_of

TODAY = "2026-11-23"
WIDTH, HEIGHT = 1380, 1900  # body margin 20px: the 1340-unit drawings show 1:1
MARGIN_X = 20
SCREENSHOT = os.path.join(ROOT, "docs", "board.png")

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--hide-scrollbars", "--mute-audio"]
OFFLINE = ["--proxy-server=127.0.0.1:9", "--host-resolver-rules=MAP * ~NOTFOUND"]


class Dom(HTMLParser):
    """Elements with their attributes and the id of the timeline row they are in."""

    def __init__(self, text):
        super().__init__(convert_charrefs=True)
        self.els, self.g = [], []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        a = {k: (v or "") for k, v in attrs}
        row = next((r for r in reversed(self.g) if r), None)
        if tag == "g":
            self.g.append(a["data-id"] if "row" in a.get("class", "").split() else None)
            row = self.g[-1] or row
        self.els.append((tag, a, row))

    def handle_endtag(self, tag):
        if tag == "g" and self.g:
            self.g.pop()

    def find(self, tag, **want):
        """(attrs, row id) of the `tag` elements whose attributes are `want` (class_ for class,
        data_id for data-id)."""
        def wanted(a):
            return all(a.get(k.rstrip("_").replace("_", "-")) == v for k, v in want.items())
        return [(a, r) for t, a, r in self.els if t == tag and wanted(a)]


def netlog_page_requests(path):
    """URLs the page asked for: requests with an initiator (the browser's own have none)."""
    with open(path) as f:
        d = json.load(f)
    types = {v: k for k, v in d["constants"]["logEventTypes"].items()}
    starts = [e.get("params", {}) for e in d["events"] if types.get(e["type"]) == "URL_REQUEST_START_JOB"]
    return [p["url"] for p in starts if "url" in p and p.get("initiator") != "not an origin"]


def red(p):
    return p[0] > 150 and p[1] < 70 and p[2] < 70


# --- chromium, the board, and what chromium makes of it ---------------------------

def test_chromium_is_installed():
    assert CHROMIUM, "chromium is not installed (apt-get install chromium); the browser test needs it"


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    return tmp_path_factory.mktemp("browser")


@pytest.fixture(scope="module")
def chromium(workdir):
    """chromium(page, *args, offline=False, netlog=None) -> stdout text. A fresh profile each time."""
    if not CHROMIUM:
        pytest.fail("chromium is not installed (apt-get install chromium); the browser test needs it")
    runs = []

    def run(page, *args, offline=False, netlog=None):
        runs.append(page)
        cmd = [CHROMIUM, *FLAGS, f"--user-data-dir={workdir / f'profile{len(runs)}'}"]
        cmd += OFFLINE if offline else []
        cmd += [f"--log-net-log={netlog}"] if netlog else []
        p = subprocess.run(cmd + list(args) + ["file://" + str(page)], capture_output=True, timeout=180,
                           stdin=subprocess.DEVNULL)
        if p.returncode != 0:
            print(p.stderr.decode("utf-8", "replace")[-2000:])
        return p.stdout.decode("utf-8")
    return run


@pytest.fixture(scope="module")
def board(workdir):
    """`cti board` on the demo (no --lang, as a user runs it) -> (the page's path, Result)."""
    page = str(workdir / "demo.html")
    return page, run_cti("-C", DEMO, "board", "-o", page, today=TODAY, lang=None)


@pytest.fixture(scope="module")
def page(board):
    return board[0]


@pytest.fixture(scope="module")
def status():
    return {f["id"]: f for f in status_json(DEMO, TODAY)["forloeb"]}


@pytest.fixture(scope="module")
def dump(chromium, page):
    return chromium(page, "--dump-dom")


@pytest.fixture(scope="module")
def dom(dump):
    return Dom(dump)


@pytest.fixture(scope="module")
def body(dom):
    return dom.find("body")[0][0] if dom.find("body") else {}


@pytest.fixture(scope="module")
def rows(dom):
    return [a for a, _ in dom.find("g") if "row" in a.get("class", "").split()]


@pytest.fixture(scope="module")
def ids(rows):
    """The ids of the rows without file errors."""
    return [a["data-id"] for a in rows if "row-error" not in a["class"]]


@pytest.fixture(scope="module")
def screenshot(chromium, page, workdir):
    png = str(workdir / "board.png")
    chromium(page, f"--screenshot={png}", f"--window-size={WIDTH},{HEIGHT}")
    return png


@pytest.fixture(scope="module")
def img(screenshot):
    return read_png(screenshot) if os.path.exists(screenshot) else Image(0, 0, [])


@pytest.fixture(scope="module")
def pdf(chromium, page, workdir):
    path = str(workdir / "board.pdf")
    chromium(page, f"--print-to-pdf={path}", "--no-pdf-header-footer")
    if not os.path.exists(path):
        return b""
    with open(path, "rb") as f:
        return f.read()


@pytest.fixture(scope="module")
def offline(chromium, page, workdir):
    """The DOM with networking off, and what the page asked for."""
    log = str(workdir / "net.json")
    return chromium(page, "--dump-dom", offline=True, netlog=log), netlog_page_requests(log)


@pytest.fixture(scope="module")
def with_opstart(status):
    """(id, status entry) of the first four forløb (by id) with an opstart."""
    return [(fid, f) for fid, f in sorted(status.items()) if f["start"]][:4]


def bands_of(dom, fid):
    return {a["data-band"]: a for a, r in dom.find("rect") if r == fid and "data-band" in a}


def days(a, b):
    return (date.fromisoformat(b) - date.fromisoformat(a)).days


# --- the DOM as chromium built it ----------------------------------------------------

def test_cti_board_on_the_demo_exits_0(board):
    assert board[1].rc == 0, board[1]


def test_chromium_dumped_the_boards_dom(body, dump):
    assert "data-today" in body and body.get("data-today") == TODAY, dump[:300]


def test_exactly_one_row_per_forloeb_of_cti_status_json(ids, status):
    assert sorted(ids) == sorted(status), (ids, list(status))


def test_no_forloeb_twice(ids):
    assert len(ids) == len(set(ids)), ids


def test_rows_with_file_errors_as_the_page_says(rows, ids, body):
    assert len(rows) - len(ids) == int(body.get("data-errors", "-1")), (len(rows), len(ids), body)


def test_overdue_counts_as_in_status_json(rows, dom, status):
    wrong = []
    for a in rows:
        if a["data-id"] in status:
            f = status[a["data-id"]]
            n = len(f["overdue"]) + len(f["documentation_overdue"])
            badge = [b for b, r in dom.find("g", class_="badge-overdue") if r == a["data-id"]]
            badge_ok = len(badge) == 1 and int(badge[0]["data-count"]) == n if n else not badge
            if not (int(a["data-overdue"]) == n and badge_ok):
                wrong.append((a["data-id"], n, a, badge))
    assert not wrong, wrong


# --- phase boundaries in proportion to their dates, for a few forløb with an opstart ---

def test_phase_boundaries_checked_for_four_forloeb(with_opstart):
    assert len(with_opstart) == 4, with_opstart


def test_a_phase_begins_at_x_of_its_date(with_opstart, dom, body):
    x0, x1 = float(body["data-x0"]), float(body["data-x1"])
    span = days(body["data-from"], body["data-to"])
    wrong = []
    for fid, f in with_opstart:
        bands = bands_of(dom, fid)
        for band, day in [("fase2", f["phase2"]), ("fase3", f["phase3"])]:
            if band in bands and body["data-from"] <= day < body["data-to"]:
                x = float(bands[band]["x"])
                want = x0 + (x1 - x0) * days(body["data-from"], day) / span
                if not (abs(x - want) < 0.01 and abs(x - x_of(body, day)) < 0.01):
                    wrong.append(f"{fid}: {band} begins at {x}, not at x({day}) = {want}")
    assert not wrong, wrong


def test_phase_2_is_as_wide_as_its_days_on_the_scale(with_opstart, dom, body):
    x0, x1 = float(body["data-x0"]), float(body["data-x1"])
    span = days(body["data-from"], body["data-to"])
    wrong = []
    for fid, _ in with_opstart:
        bands = bands_of(dom, fid)
        if "fase2" in bands and "fase3" in bands and bands["fase2"]["data-from"] >= body["data-from"]:
            b2 = bands["fase2"]
            days2 = days(b2["data-from"], b2["data-to"])
            w2 = float(b2["data-x-end"]) - float(b2["data-x"])
            if not abs(w2 - (x1 - x0) * days2 / span) < 0.02:
                wrong.append(f"{fid}: phase 2 is {w2} wide for its {days2} days")
    assert not wrong, wrong


def test_phase_3_ends_after_the_planned_end_day(with_opstart, dom, body):
    wrong = []
    for fid, f in with_opstart:
        bands, end = bands_of(dom, fid), f["planned_end"]
        if "fase3" in bands and body["data-from"] <= end < body["data-to"]:
            after = (date.fromisoformat(end) + timedelta(days=1)).isoformat()
            if not (bands["fase3"]["data-to"] == after
                    and abs(float(bands["fase3"]["data-x-end"]) - x_of(body, after)) < 0.01):
                wrong.append(f"{fid}: phase 3 does not end after the planned end day {end}: {bands['fase3']}")
    assert not wrong, wrong


def test_a_today_line_in_every_workers_timeline_at_x_today(dom, body):
    todays = [a for a, _ in dom.find("g", class_="today")]
    xt = x_of(body, TODAY)
    assert todays and all(abs(float(a["data-x"]) - xt) < 0.01 for a in todays), (todays, xt)


def test_the_today_line_is_drawn_at_x_today(dom):
    todays = [a for a, _ in dom.find("g", class_="today")]
    lines = [a for a, _ in dom.find("path", class_="today-line")]
    assert lines and todays and all(re.match(rf"M{re.escape(todays[0]['data-x'])} ", a["d"]) for a in lines), \
        (todays, lines)


# --- screenshot: not blank; the red line at today's x in pixels ---------------------------

def test_a_png_screenshot_was_written(screenshot):
    assert os.path.exists(screenshot) and os.path.getsize(screenshot) > 10000


def test_the_screenshot_is_not_blank(img):
    inked = sum(1 for row in img.rows[::4] for i in range(0, len(row), 12) if row[i:i + 3] != b"\xff\xff\xff")
    assert img.height and inked > 0.08 * (img.width // 4) * (img.height // 4), inked


def test_the_screenshot_has_colour_more_than_a_few_shades(img):
    colours = {img.rows[y][i:i + 3] for y in range(0, img.height, 7) for i in range(0, 3 * img.width, 21)}
    assert len(colours) > 30, len(colours)


def test_the_red_today_line_is_drawn_at_todays_x_in_the_screenshot(img, body):
    def red_in_column(x):
        return sum(1 for y in range(img.height) if red(img.pixel(x, y)))

    px = round(MARGIN_X + x_of(body, TODAY))
    at_line = max(red_in_column(x) for x in (px - 1, px, px + 1)) if img.width else 0
    beside = red_in_column(px + 30) if img.width else 0
    assert at_line > 300 and beside < at_line / 4, (at_line, beside)


# --- PDF print: A3 landscape, not blank ----------------------------------------------------

def test_a_pdf_was_printed(pdf):
    assert pdf.startswith(b"%PDF"), pdf[:20]


def test_every_page_is_a3_landscape_420_x_297_mm(pdf):
    boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)
    assert boxes and all(abs(float(w) - 1190.55) < 2 and abs(float(h) - 841.89) < 2 for w, h in boxes), boxes


def test_the_pdf_draws_text_and_shapes(pdf):
    content = b""
    for m in re.finditer(rb"stream\r?\n(.*?)endstream", pdf, re.S):
        try:
            content += zlib.decompress(m.group(1))
        except zlib.error:
            pass
    assert content.count(b"Tj") + content.count(b"TJ") > 50 and len(content) > 20000, \
        (len(content), content.count(b"TJ"))


# --- networking off: the same DOM and the same picture, and no request from the page ---------

def test_offline_the_same_dom(offline, dump):
    assert offline[0] == dump


def test_offline_the_page_asked_for_nothing(offline):
    assert offline[1] == [], offline[1]


def test_offline_the_same_screenshot_pixel_for_pixel(chromium, page, workdir, img):
    png = str(workdir / "board-offline.png")
    chromium(page, f"--screenshot={png}", f"--window-size={WIDTH},{HEIGHT}", offline=True)
    assert os.path.exists(png) and read_png(png).rows == img.rows


def test_control_the_network_log_does_show_a_pages_request(chromium, page, workdir):
    control = str(workdir / "control.html")
    with open(page, encoding="utf-8") as f:
        text = f.read()
    with open(control, "w", encoding="utf-8") as f:
        f.write(text.replace("<body ", '<body><img src="http://example.invalid/x.png"><div ', 1))
    log = str(workdir / "net-control.json")
    chromium(control, "--dump-dom", offline=True, netlog=log)
    assert "http://example.invalid/x.png" in netlog_page_requests(log)


# --- the README's picture: regenerated on request, else it must be there -------------------

def test_docs_board_png_is_a_png_picture_of_the_board(img):
    if os.environ.get("CTI_UPDATE_SCREENSHOT") and img.height:
        last = max(y for y in range(img.height) if img.rows[y].count(255) < len(img.rows[y]))
        h = min(img.height, last + 16)
        os.makedirs(os.path.dirname(SCREENSHOT), exist_ok=True)
        write_png(SCREENSHOT, Image(img.width, h, img.rows[:h]))
        print(f"wrote {SCREENSHOT} ({img.width}x{h})")
    assert os.path.exists(SCREENSHOT) and read_png(SCREENSHOT).width == WIDTH
