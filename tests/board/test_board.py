#!/usr/bin/python3
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
"""

import csv
import difflib
import io
import os
import re
import tempfile

from boardlib import HERE, REPO, DEMO, check, cti, elements, finish, rows, status_json, x_of

TODAY = "2026-03-10"
GOLDEN = os.path.join(HERE, "golden", "board-da.html")
tmp = tempfile.mkdtemp(prefix="cti-board-")


def board(*extra, lang="da", out=None, repo=REPO, cwd=None):
    out = out or os.path.join(tmp, f"b{len(os.listdir(tmp))}.html")
    args = ["-C", repo, "--today", TODAY] + (["--lang", lang] if lang else []) + ["board", "-o", out, *extra]
    code, _, err = cti(*args, cwd=cwd)
    html = open(out, encoding="utf-8").read() if code == 0 and os.path.exists(out) else ""
    return code, html, err, out


# The golden page, and the same bytes every time.
code, html, err, first = board()
check("board exits 0", code == 0, err)
check("the note names the file and the count", "6 forløb" in err and first in err, err)
check("the note says one forløb has file errors", "1 forløb har fejl" in err, err)
if os.environ.get("CTI_UPDATE_GOLDEN"):
    os.makedirs(os.path.dirname(GOLDEN), exist_ok=True)
    with open(GOLDEN, "w", encoding="utf-8", newline="") as f:
        f.write(html)
golden = open(GOLDEN, encoding="utf-8").read()
diff = "".join(list(difflib.unified_diff(golden.splitlines(True), html.splitlines(True), "golden", "now"))[:60])
check("the page equals golden/board-da.html", html == golden, diff)
check("a second run gives the same bytes", board()[1] == html)

# Self-contained: nothing fetched, nothing run.
for pattern, what in [
    (r"<script", "a script"),
    (r"\bsrc\s*=", "a src attribute"),
    (r"\bhref\s*=", "a link"),
    (r"@import", "a CSS import"),
    (r"https?:", "a URL"),
    (r"url\((?!#)", "a url() that is not a local pattern"),
    (r"@font-face", "a web font"),
    (r"\bon[a-z]+\s*=", "an event handler"),
]:
    check(f"no {what} in the page", not re.search(pattern, html, re.I), pattern)
check("no CPR-shaped number in the page", not re.search(r"(?<!\d)\d{6}-?\d{4}(?!\d)", html))
check("Danish page", '<html lang="da">' in html and "Tidslinje" in html and "forsinket" in html)
check("the project name is escaped", "CTI testteam &lt;board&gt; &amp; co" in html)
check("the date is on the page", "10. marts 2026" in html)
check("print stylesheet for A3 landscape", "@page{size:A3 landscape" in html and "@media print" in html)

# Rows: exactly the status rows (same order within each worker); the file with errors is one of them.
els = elements(html)
body = next(a for t, a in els if t == "body")
rs = rows(els)
ids = [r["data-id"] for r in rs]
st = status_json(REPO, TODAY)
want = [f["id"] for f in st["forloeb"]]
check("one row per status row, the file with errors among them", sorted(ids) == sorted(want) and "T-05" in ids, ids)
check("no duplicate rows", len(ids) == len(set(ids)), ids)
check("T-07 (ended, nothing owed) is not on the board", "T-07" not in ids)
by_worker = {}
for r in rs:
    by_worker.setdefault(r["data-worker"], []).append(r["data-id"])
check("rows grouped by worker in cti.yaml order", list(by_worker) == ["ane", "bo"], by_worker)
check("ane's rows in the order of cti status", by_worker["ane"] == [f["id"] for f in st["forloeb"] if f["worker"] == "ane"])
err_rows = [r for r in rs if "row-error" in r["class"]]
check("T-05 is a marked row with its rule and line",
      len(err_rows) == 1 and err_rows[0]["data-id"] == "T-05" and err_rows[0]["data-error"] == "invalid-date"
      and err_rows[0]["data-line"] == "5", err_rows)
check("the error row names the file and says what to do", "forloeb/T-05.yaml linje 5" in html and "cti validate" in html)

# Figures equal cti status: overdue and due-soon counts (CSV has both), phase, plan dates.
code, out, _ = cti("-C", REPO, "--today", TODAY, "status", "--format", "csv")
table = {r["id"]: r for r in csv.DictReader(io.StringIO(out.lstrip("\ufeff")), delimiter=";")}
for r in rs:
    if "row-error" in r["class"]:
        continue
    s = table[r["data-id"]]
    check(f"{r['data-id']}: overdue and due-soon counts as cti status",
          r["data-overdue"] == s["overdue"] and r["data-due-soon"] == s["due_soon"], (r, s))
    check(f"{r['data-id']}: phase and planned dates as cti status",
          r["data-phase"] == s["phase"] and r.get("data-phase3", "") == s["phase3"]
          and r.get("data-planned-end", "") == s["planned_end"], (r, s))
badges = [a for t, a in els if t == "g" and a.get("class") == "badge-overdue"]
check("one red badge per row with overdue items, with the count",
      sorted(int(b["data-count"]) for b in badges) == sorted(int(s["overdue"]) for s in table.values() if s["overdue"] != "0"))

# Geometry: bands and markers at x(date) on the page's scale; today's line at x(today).
check("window from 2026-01-01 to 2026-10-01", body["data-from"] == "2026-01-01" and body["data-to"] == "2026-10-01")
bands = [a for t, a in els if t == "rect" and "data-band" in a]
for b in bands:
    ok = abs(float(b["data-x"]) - x_of(body, b["data-from"])) < 0.01 and abs(float(b["data-x-end"]) - x_of(body, b["data-to"])) < 0.01
    inside = b["data-from"] >= body["data-from"] and b["data-to"] <= body["data-to"]
    if inside:
        ok = ok and abs(float(b["x"]) - float(b["data-x"])) < 0.01 and abs(float(b["x"]) + float(b["width"]) - float(b["data-x-end"])) < 0.02
    check(f"band {b['data-band']} {b['data-from']}..{b['data-to']} at its dates", ok, b)
t04 = [b for b in bands if b["class"].endswith("fase2") and b["data-to"] == "2026-03-20"]
check("T-04's phase 2 band ends at its recorded end", len(t04) == 1)
t02 = [b for b in bands if b.get("data-open") == "true" and b["data-band"] == "kontakt"]
check("T-02's contact period runs open to today", len(t02) == 1 and t02[0]["data-to"] == "2026-03-11", t02)
t03 = [b for b in bands if b["data-band"] == "overskredet"]
check("T-03 has an overskredet band from the day after its planned end",
      len(t03) == 1 and t03[0]["data-from"] == "2026-02-16", t03)
todays = [a for t, a in els if t == "g" and a.get("class") == "today"]
check("a today line in each worker's timeline at x(today)",
      len(todays) == 2 and all(abs(float(a["data-x"]) - x_of(body, TODAY)) < 0.01 for a in todays), todays)
descs = [a for t, a in els if t == "desc" and "data-date" in a]
check("markers at x(date)", descs and all(abs(float(a["data-x"]) - x_of(body, a["data-date"])) < 0.01 for a in descs))
kinds = re.findall(r'data-marker="(\w+)"', html)
for k in ["phase2", "phase3", "handover_meetings", "planned_end", "end"]:
    check(f"a {k} marker on the board", k in kinds)

# Caseload: the numbers of cti caseload, now and each month.
code, out, _ = cti("-C", REPO, "--today", TODAY, "caseload", "--format", "json")
import json  # noqa: E402

cl = json.loads(out)
loads = [a for t, a in els if t == "g" and a.get("class") == "load" and a["data-worker"] != "team"]
check("a caseload column per worker for today and 6 months", len(loads) == 2 * 7, len(loads))
flat = json.dumps(cl)
check("caseload JSON has the workers", '"ane"' in flat and '"bo"' in flat)
now = {a["data-worker"]: a for a in loads if a["data-now"] == "true"}
check("ane today: 2 active, load 1.5, capacity 10",
      now["ane"]["data-active"] == "2" and now["ane"]["data-load"] == "1.5" and now["ane"]["data-capacity"] == "10")
check("bo today: 2 active, capacity 5", now["bo"]["data-active"] == "2" and now["bo"]["data-capacity"] == "5")

# The command line.
code, again, err, _ = board(out=first)
check("refuses to overwrite without --force (exit 2)", code == 2 and "--force" in err, err)
code, again, err, _ = board("--force", out=first)
check("--force replaces the file", code == 0 and again == html, err)
code, _, err = cti("-C", REPO, "--today", TODAY, "board")
check("-o is required", code == 2, err)
code, page, err, _ = board("--worker", "ane")
check("--worker ane: ane's rows only",
      code == 0 and sorted(r["data-id"] for r in rows(elements(page))) == sorted(by_worker["ane"]), err)
code, _, err, _ = board("--worker", "anne")
check("--worker anne: unknown, with a suggestion", code == 2 and "ane" in err, err)
code, page, err, _ = board("--months", "3")
check("--months 3 ends the window after June", code == 0 and 'data-to="2026-07-01"' in page, err)
code, page, err, _ = board("--months", "0")
check("--months 0 is a usage error", code == 2, err)
code, page, err, _ = board(lang="en")
check("English page with --lang en", code == 0 and '<html lang="en">' in page and "Timeline" in page and "overdue" in page)
os.makedirs(os.path.join(tmp, "rel"))
code, _, err, _ = board(out="rel.html", cwd=os.path.join(tmp, "rel"))
check("a relative -o is relative to where cti was started, not to -C",
      code == 0 and os.path.exists(os.path.join(tmp, "rel", "rel.html")) and not os.path.exists(os.path.join(REPO, "rel.html")), err)
code, _, err, _ = board(out=tmp)
check("-o a directory is refused", code == 2, err)
code, page, err, _ = board(lang=None, repo=DEMO)
check("the demo (sprog: da) is Danish without --lang", code == 0 and '<html lang="da">' in page, err)

finish("board")
