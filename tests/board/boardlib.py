"""Shared by the board tests (tests/board/test_*.py): running cti, and reading the board's
elements (the data-* attributes every row, band, marker and bar carries) from HTML.

    elements(html) -> list of (tag, attrs dict) in document order
"""

import json
import os
import subprocess
import sys
from html.parser import HTMLParser

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from e2e import CTI, ROOT, check, failures  # noqa: E402,F401

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.join(HERE, "repo")
DEMO = os.path.join(ROOT, "examples", "demo")


def cti(*args, cwd=None):
    """-> (exit code, stdout text, stderr text)"""
    p = subprocess.run([CTI, *args], capture_output=True, cwd=cwd, stdin=subprocess.DEVNULL)
    return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode("utf-8")


def status_json(repo, today):
    code, out, err = cti("-C", repo, "--today", today, "status", "--format", "json")
    assert code == 0, err
    return json.loads(out)


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, {k: (v or "") for k, v in attrs}))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)


def elements(html):
    c = _Collector()
    c.feed(html)
    return c.found


def rows(els):
    """The timeline rows: data-id -> attrs (a list, to see duplicates)."""
    return [a for t, a in els if t == "g" and "row" in a.get("class", "").split()]


def x_of(body, date):
    """x of a date on the board's axis, from the page's own scale (data-from/to/x0/x1)."""
    from datetime import date as D

    f, t = D.fromisoformat(body["data-from"]), D.fromisoformat(body["data-to"])
    x0, x1 = float(body["data-x0"]), float(body["data-x1"])
    return x0 + (x1 - x0) * (D.fromisoformat(date) - f).days / (t - f).days


def finish(name):
    if failures:
        print(f"{name}: {len(failures)} failure(s)")
        sys.exit(1)
    print(f"{name}: all passed")
