"""Shared by the end-to-end tests of the team views (tests/team/test_*.py).

The repository tests/team/repo/ was written for these tests; each forløb file's noter
says what it is there for. Today is pinned to 2026-03-10.
"""

import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.environ.get("CTI_SOURCE_DIR") or os.path.join(HERE, "..", ".."))
CTI = os.path.abspath(os.environ.get("CTI") or os.path.join(ROOT, "build", "cti"))
REPO = os.path.join(HERE, "repo")
TODAY = "2026-03-10"
CPR_LIKE = re.compile(rb"\b\d{6}-?\d{4}\b")

failures = []
passed = 0
current = ""


def run(*args, today=TODAY, lang="en", env=None):
    """cti -C repo --today TODAY --lang LANG ARGS -> (exit code, stdout bytes, stderr text)."""
    e = dict(os.environ)
    e.update(env or {})
    cmd = [CTI, "-C", REPO, "--today", today]
    if lang:
        cmd += ["--lang", lang]
    p = subprocess.run(cmd + list(args), capture_output=True, env=e, stdin=subprocess.DEVNULL)
    check(not CPR_LIKE.search(p.stdout) and not CPR_LIKE.search(p.stderr), "something like a CPR number in the output")
    return p.returncode, p.stdout, p.stderr.decode("utf-8")


def check(cond, msg):
    if not cond:
        failures.append(f"{current}: {msg}")


def same(got, want, what):
    if got != want:
        failures.append(f"{current}: {what} differs\n--- want\n{want}\n--- got\n{got}")


def test(fn):
    global current, passed
    current = fn.__name__
    before = len(failures)
    try:
        fn()
    except Exception as ex:  # a crash in a test is a failure of that test, not of the run
        failures.append(f"{current}: {type(ex).__name__}: {ex}")
    if len(failures) == before:
        passed += 1
    return fn


def finish():
    for f in failures:
        print("FAIL", f)
    n_failed = len({f.split(":")[0] for f in failures})
    print(f"{passed} passed, {n_failed} failed")
    sys.exit(1 if failures else 0)
