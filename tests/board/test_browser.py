#!/usr/bin/python3
"""The demo board (examples/demo at 2026-11-23) in a real browser: Debian's chromium, headless.

- The DOM chromium builds from the page (--dump-dom) has exactly one row per forløb of
  `cti status --format json`, phase boundaries at x proportional to their dates, the today
  line at today's x, and overdue counts equal to the status JSON.
- A PNG screenshot is not blank, and the red today line is drawn at today's x in pixels.
- A PDF print is A3 landscape and not blank.
- With networking off (a dead proxy, every host unresolvable) the page renders the same, and
  chromium's network log shows no request from the page (checked against a control page
  that does load something, so the check can see a request when there is one).

CTI_UPDATE_SCREENSHOT=1 also writes docs/board.png, the README's picture of the board.
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile
import zlib
from datetime import date, timedelta
from html.parser import HTMLParser

from boardlib import DEMO, ROOT, check, cti, finish, status_json, x_of
from pnglib import Image, read_png, write_png

TODAY = "2026-11-23"
WIDTH, HEIGHT = 1380, 1900  # body margin 20px: the 1340-unit drawings show 1:1
MARGIN_X = 20
SCREENSHOT = os.path.join(ROOT, "docs", "board.png")
tmp = tempfile.mkdtemp(prefix="cti-browser-")

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
if not CHROMIUM:
    print("FAIL: chromium is not installed (apt-get install chromium); the browser test needs it")
    sys.exit(1)

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--hide-scrollbars", "--mute-audio"]
OFFLINE = ["--proxy-server=127.0.0.1:9", "--host-resolver-rules=MAP * ~NOTFOUND"]
runs = 0


def chromium(page, *args, offline=False, netlog=None):
    """Runs chromium on a file; -> stdout text. A fresh profile each time."""
    global runs
    runs += 1
    cmd = [CHROMIUM, *FLAGS, f"--user-data-dir={os.path.join(tmp, f'profile{runs}')}"]
    cmd += OFFLINE if offline else []
    cmd += [f"--log-net-log={netlog}"] if netlog else []
    p = subprocess.run(cmd + list(args) + ["file://" + page], capture_output=True, timeout=180,
                       stdin=subprocess.DEVNULL)
    if p.returncode != 0:
        print(p.stderr.decode("utf-8", "replace")[-2000:])
    return p.stdout.decode("utf-8")


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
        return [(a, r) for t, a, r in self.els if t == tag and all(a.get(k.rstrip("_").replace("_", "-")) == v for k, v in want.items())]


def netlog_page_requests(path):
    """URLs the page asked for: requests with an initiator (the browser's own have none)."""
    import json

    d = json.load(open(path))
    types = {v: k for k, v in d["constants"]["logEventTypes"].items()}
    starts = [e.get("params", {}) for e in d["events"] if types.get(e["type"]) == "URL_REQUEST_START_JOB"]
    return [p["url"] for p in starts if "url" in p and p.get("initiator") != "not an origin"]


# The board, the status rows it must show.
page = os.path.join(tmp, "demo.html")
code, _, err = cti("-C", DEMO, "--today", TODAY, "board", "-o", page)
check("cti board on the demo exits 0", code == 0, err)
st = {f["id"]: f for f in status_json(DEMO, TODAY)["forloeb"]}

# --- The DOM as chromium built it.
dump = chromium(page, "--dump-dom")
dom = Dom(dump)
body = dom.find("body")[0][0] if dom.find("body") else {}
check("chromium dumped the board's DOM", "data-today" in body and body.get("data-today") == TODAY, dump[:300])
rows = [a for a, _ in dom.find("g") if "row" in a.get("class", "").split()]
ids = [a["data-id"] for a in rows if "row-error" not in a["class"]]
check("exactly one row per forløb of cti status --format json", sorted(ids) == sorted(st), (ids, list(st)))
check("no forløb twice", len(ids) == len(set(ids)))
check("rows with file errors as the page says", len(rows) - len(ids) == int(body.get("data-errors", "-1")))
for a in rows:
    if a["data-id"] in st:
        f = st[a["data-id"]]
        n = len(f["overdue"]) + len(f["documentation_overdue"])
        badge = [b for b, r in dom.find("g", class_="badge-overdue") if r == a["data-id"]]
        check(f"{a['data-id']}: overdue count {n} as in status JSON",
              int(a["data-overdue"]) == n and (len(badge) == 1 and int(badge[0]["data-count"]) == n if n else not badge),
              (a, f, badge))

# Phase boundaries in proportion to their dates, for a few forløb with an opstart.
x0, x1 = float(body["data-x0"]), float(body["data-x1"])
span = (date.fromisoformat(body["data-to"]) - date.fromisoformat(body["data-from"])).days
checked = 0
for fid, f in sorted(st.items()):
    if not f["start"] or checked >= 4:
        continue
    bands = {a["data-band"]: a for a, r in dom.find("rect") if r == fid and "data-band" in a}
    edges = [("fase2", f["phase2"]), ("fase3", f["phase3"])]
    for band, day in edges:
        if band in bands and body["data-from"] <= day < body["data-to"]:
            x = float(bands[band]["x"])
            want = x0 + (x1 - x0) * (date.fromisoformat(day) - date.fromisoformat(body["data-from"])).days / span
            check(f"{fid}: {band} begins at x({day})", abs(x - want) < 0.01 and abs(x - x_of(body, day)) < 0.01, (x, want))
    if "fase2" in bands and "fase3" in bands and bands["fase2"]["data-from"] >= body["data-from"]:
        b2, b3 = bands["fase2"], bands["fase3"]
        days2 = (date.fromisoformat(b2["data-to"]) - date.fromisoformat(b2["data-from"])).days
        w2 = float(b2["data-x-end"]) - float(b2["data-x"])
        check(f"{fid}: phase 2's width is its {days2} days on the scale", abs(w2 - (x1 - x0) * days2 / span) < 0.02)
    end = f["planned_end"]
    if "fase3" in bands and body["data-from"] <= end < body["data-to"]:
        after = (date.fromisoformat(end) + timedelta(days=1)).isoformat()
        check(f"{fid}: phase 3 ends after the planned end day {end}",
              bands["fase3"]["data-to"] == after and abs(float(bands["fase3"]["data-x-end"]) - x_of(body, after)) < 0.01)
    checked += 1
check("phase boundaries checked for four forløb", checked == 4)

todays = [a for a, _ in dom.find("g", class_="today")]
xt = x_of(body, TODAY)
check("a today line in every worker's timeline, at x(today)",
      todays and all(abs(float(a["data-x"]) - xt) < 0.01 for a in todays), (todays, xt))
lines = [a for a, _ in dom.find("path", class_="today-line")]
check("the today line is drawn at x(today)", lines and all(re.match(rf"M{re.escape(todays[0]['data-x'])} ", a["d"]) for a in lines))

# --- Screenshot: not blank; the red line at today's x in pixels.
png = os.path.join(tmp, "board.png")
chromium(page, f"--screenshot={png}", f"--window-size={WIDTH},{HEIGHT}")
check("a PNG screenshot was written", os.path.exists(png) and os.path.getsize(png) > 10000)
img = read_png(png) if os.path.exists(png) else Image(0, 0, [])
white = sum(row.count(b"\xff\xff\xff") for row in img.rows)  # rough: runs of white bytes
inked = sum(1 for row in img.rows[::4] for i in range(0, len(row), 12) if row[i:i + 3] != b"\xff\xff\xff")
check("the screenshot is not blank", img.height and inked > 0.08 * (img.width // 4) * (img.height // 4), inked)
colours = {img.rows[y][i:i + 3] for y in range(0, img.height, 7) for i in range(0, 3 * img.width, 21)}
check("the screenshot has colour (more than a few shades)", len(colours) > 30, len(colours))


def red(p):
    return p[0] > 150 and p[1] < 70 and p[2] < 70


def red_in_column(x):
    return sum(1 for y in range(img.height) if red(img.pixel(x, y)))


px = round(MARGIN_X + xt)
at_line = max(red_in_column(x) for x in (px - 1, px, px + 1)) if img.width else 0
beside = red_in_column(px + 30) if img.width else 0
check("the red today line is drawn at today's x in the screenshot", at_line > 300 and beside < at_line / 4, (at_line, beside))

# --- PDF print: A3 landscape, not blank.
pdf = os.path.join(tmp, "board.pdf")
chromium(page, f"--print-to-pdf={pdf}", "--no-pdf-header-footer")
data = open(pdf, "rb").read() if os.path.exists(pdf) else b""
check("a PDF was printed", data.startswith(b"%PDF"))
boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", data)
check("every page is A3 landscape (420 x 297 mm)",
      boxes and all(abs(float(w) - 1190.55) < 2 and abs(float(h) - 841.89) < 2 for w, h in boxes), boxes)
content = b""
for m in re.finditer(rb"stream\r?\n(.*?)endstream", data, re.S):
    try:
        content += zlib.decompress(m.group(1))
    except zlib.error:
        pass
check("the PDF draws text and shapes", content.count(b"Tj") + content.count(b"TJ") > 50 and len(content) > 20000,
      (len(content), content.count(b"TJ")))

# --- Networking off: the same DOM and the same picture, and no request from the page.
log = os.path.join(tmp, "net.json")
offline_dump = chromium(page, "--dump-dom", offline=True, netlog=log)
check("offline: the same DOM", offline_dump == dump)
check("offline: the page asked for nothing", netlog_page_requests(log) == [], netlog_page_requests(log))
png2 = os.path.join(tmp, "board-offline.png")
chromium(page, f"--screenshot={png2}", f"--window-size={WIDTH},{HEIGHT}", offline=True)
same = os.path.exists(png2) and read_png(png2).rows == img.rows
check("offline: the same screenshot, pixel for pixel", same)
control = os.path.join(tmp, "control.html")
with open(control, "w", encoding="utf-8") as f:
    f.write(open(page, encoding="utf-8").read().replace("<body ", '<body><img src="http://example.invalid/x.png"><div ', 1))
log2 = os.path.join(tmp, "net-control.json")
chromium(control, "--dump-dom", offline=True, netlog=log2)
check("control: the network log does show a page's request", "http://example.invalid/x.png" in netlog_page_requests(log2))

# --- The README's picture: regenerated on request, else it must be there.
if os.environ.get("CTI_UPDATE_SCREENSHOT") and img.height:
    last = max(y for y in range(img.height) if img.rows[y].count(255) < len(img.rows[y]))
    h = min(img.height, last + 16)
    os.makedirs(os.path.dirname(SCREENSHOT), exist_ok=True)
    write_png(SCREENSHOT, Image(img.width, h, img.rows[:h]))
    print(f"wrote {SCREENSHOT} ({img.width}x{h})")
check("docs/board.png is a PNG picture of the board", os.path.exists(SCREENSHOT) and read_png(SCREENSHOT).width == WIDTH)

finish("browser")
