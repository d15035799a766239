#!/usr/bin/python3
"""The status board fits the terminal (SPEC section 6): COLUMNS=80, 100 and 200, a pipe,
and a pseudo-terminal of a given size; goldens in tests/e2e/golden/width-*.txt.

Every line's display width is at most the width; rows keep their order and their id,
deadline, phase and overdue count; a row whose file has errors keeps its error mark.

    CTI=build/cti /usr/bin/python3 tests/e2e/test_width.py
    CTI_UPDATE_GOLDEN=1 ...   # rewrite the golden files (then check them by hand)
"""

import fcntl
import os
import pty
import shutil
import struct
import subprocess
import sys
import tempfile
import termios
import unicodedata

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from e2e import read_terminal  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "lib"))
from e2e import CTI, ROOT, check, failures  # noqa: E402

REPO = os.path.join(HERE, "repo")
DEMO = os.path.join(ROOT, "examples", "demo")
GOLDEN = os.path.join(HERE, "golden")
UPDATE = os.environ.get("CTI_UPDATE_GOLDEN") == "1"


def env(**extra):
    e = {k: v for k, v in os.environ.items()
         if k not in ("NO_COLOR", "CTI_TODAY", "LANG", "LANGUAGE", "LC_MESSAGES", "COLUMNS")}
    e.update({"LC_ALL": "C.UTF-8", "NO_COLOR": "1"})
    e.update(extra)
    return e


def run(args, repo, **extra):
    p = subprocess.run([CTI, "-C", repo] + args, capture_output=True, env=env(**extra), timeout=60)
    return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode("utf-8")


def width(line):
    """Terminal columns: none for combining marks, two for East Asian wide letters."""
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1
               for c in line)


def fits(label, out, columns):
    bad = [line for line in out.splitlines() if width(line) > columns]
    check(f"{label}: every line within {columns} columns", not bad, "\n".join(bad))


def rows(out):
    """The board's rows: (id, deadline) per row, in order."""
    lines = out.splitlines()
    body = lines[2:lines.index("")] if "" in lines else lines[2:]
    return [tuple(line.split()[:2]) for line in body]


def golden(name, out):
    path = os.path.join(GOLDEN, name)
    if UPDATE:
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(out)
    with open(path, encoding="utf-8", newline="") as f:
        check(f"{name}: as the golden file", out == f.read(), out)


CASES = [("e2e", REPO, ["--today", "2025-04-16"]),
         ("e2e-da", REPO, ["--today", "2025-04-15", "--lang", "da", "--all"]),
         ("demo", DEMO, ["--today", "2026-11-23"])]
for name, repo, args in CASES:
    rc, full, err = run(["status"] + args, repo)
    check(f"{name}: pipe", rc == 0 and err == "", err)
    golden(f"width-{name}-pipe.txt", full)
    for columns in (80, 100, 200):
        rc, out, err = run(["status"] + args, repo, COLUMNS=str(columns))
        check(f"{name} {columns}: exit 0", rc == 0 and err == "", err)
        golden(f"width-{name}-{columns}.txt", out)
        fits(f"{name} {columns}", out, columns)
        check(f"{name} {columns}: the same rows in the same order, deadline shown", rows(out) == rows(full),
              f"{rows(out)}\n{rows(full)}")
    # 200 columns is more than the board needs: exactly the pipe's output.
    check(f"{name}: 200 columns is the full board", run(["status"] + args, repo, COLUMNS="200")[1] == full)

# The deadline is the sort key, and the most urgent item says how late it is.
rc, out, _ = run(["status", "--today", "2025-04-16"], REPO, COLUMNS="80")
deadlines = [d for _, d in rows(out)]
dated = [d for d in deadlines if d[:2] == "20"]
check("sorted by the shown deadline", dated == sorted(dated) and deadlines[:len(dated)] == dated, deadlines)
check("days overdue in the most urgent cell", any(line.endswith("+1d") for line in out.splitlines()), out)

# COLUMNS that is not a number is ignored (the full board in a pipe).
check("COLUMNS=abc", run(["status", "--today", "2025-04-16"], REPO, COLUMNS="abc")[1] ==
      run(["status", "--today", "2025-04-16"], REPO)[1])

# A row with errors fits too, cut with an ellipsis but never before its error mark.
with tempfile.TemporaryDirectory() as tmp:
    repo = os.path.join(tmp, "repo")
    shutil.copytree(REPO, repo)
    with open(os.path.join(repo, "forloeb", "S-0012.yaml"), "w", encoding="utf-8") as f:
        f.write("id: S-0012\nmedarbejder: anna\ndelmålgruppe: [egen-kommune\nopstart: 2025-01-15\n")
    for columns in (60, 80, 100):
        rc, out, _ = run(["status", "--today", "2025-04-16"], repo, COLUMNS=str(columns))
        fits(f"errors {columns}", out, columns)
        row = [line for line in out.splitlines() if line.startswith("S-0012 ")]
        check(f"errors {columns}: the mark kept", len(row) == 1 and "error [yaml-syntax]" in row[0], row)
    rc, out, _ = run(["status", "--today", "2025-04-16", "--lang", "da"], repo, COLUMNS="80")
    row = [line for line in out.splitlines() if line.startswith("S-0012 ")]
    check("errors, Danish: cut with an ellipsis after the mark",
          len(row) == 1 and "fejl [yaml-syntax]: " in row[0] and row[0].endswith("\u2026"), row)


def on_terminal(args, cols, **extra):
    """Runs cti with stdout on a pseudo-terminal `cols` wide; returns what it printed."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, cols, 0, 0))
    # No output processing: the lines come back as written (LF, not CR LF).
    attrs = termios.tcgetattr(slave)
    attrs[1] &= ~termios.OPOST
    termios.tcsetattr(slave, termios.TCSANOW, attrs)
    p = subprocess.Popen([CTI, "-C", REPO] + args, stdout=slave, stderr=subprocess.PIPE, env=env(**extra))
    os.close(slave)
    return read_terminal(master, p).decode("utf-8")


# On a terminal the width is the terminal's; COLUMNS, when set, wins.
for cols in (80, 100):
    out = on_terminal(["status", "--today", "2025-04-16"], cols)
    with open(os.path.join(GOLDEN, f"width-e2e-{cols}.txt"), encoding="utf-8") as f:
        check(f"terminal {cols} wide", out == f.read(), out)
out = on_terminal(["status", "--today", "2025-04-16"], 80, COLUMNS="200")
check("COLUMNS over the terminal's width", out == run(["status", "--today", "2025-04-16"], REPO)[1], out)

if UPDATE:
    print("golden files rewritten; check them by hand")
print(f"{len(failures)} failed")
sys.exit(1 if failures else 0)
