#!/usr/bin/python3
"""End-to-end tests of `cti status` and `cti show` (SPEC sections 3, 4 and 6).

Runs the built binary ($CTI) on tests/e2e/repo/ and on examples/demo/ with pinned
days and compares the output byte for byte with the files in tests/e2e/golden/.

tests/e2e/repo/ is built so that 2025-04-14, -15 and -16 are the day before, on
and after a schedule point: S-0003 fase1 -> fase2 (m(opstart,3)), S-0004 fase2 ->
fase3 across a year wrap (m(opstart,6)), S-0005 fase3 -> overskredet (m(opstart,9),
no afslutning), S-0006 overdragelsesmøder (m(opstart,8)), S-0007 afbrudt on the day
of fase2, S-0010 gennemført early with the end recorded ahead (2025-04-16). S-0008 is
flyttet, S-0009 gennemført on the planned end, S-0011 ran over the leap day
(m(2023-11-30, 3) = 2024-02-29), S-0001/S-0002 are in the contact period. Worker
dina has no forløb. Every golden file was checked by hand against the forløb
files (day numbers, day counts, due dates, sort order); each file's noter says what
it is for.

    CTI=build/cti /usr/bin/python3 tests/e2e/test_status.py
"""

import json
import os
import pty
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from e2e import read_terminal  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.environ.get("CTI_SOURCE_DIR") or os.path.join(HERE, "..", ".."))
CTI = os.path.abspath(os.environ.get("CTI") or os.path.join(ROOT, "build", "cti"))
REPO = os.path.join(HERE, "repo")
DEMO = os.path.join(ROOT, "examples", "demo")
GOLDEN = os.path.join(HERE, "golden")

failures = []
checks = 0


def env(**extra):
    e = {k: v for k, v in os.environ.items()
         if k not in ("NO_COLOR", "CTI_TODAY", "LANG", "LANGUAGE", "LC_MESSAGES", "COLUMNS")}
    e.update({"LC_ALL": "C.UTF-8", "NO_COLOR": "1"})
    for k, v in extra.items():
        if v is None:
            e.pop(k, None)
        else:
            e[k] = v
    return e


def run(args, repo=REPO, **extra):
    # From the repository's root: messages name files relative to where cti runs.
    return subprocess.run([CTI, "-C", repo] + args, capture_output=True, env=env(**extra), cwd=repo, timeout=60)


def check(name, cond, msg):
    global checks
    checks += 1
    if not cond:
        failures.append(f"{name}: {msg}")


def golden(name, args, repo=REPO, rc=0):
    """stdout equals tests/e2e/golden/<name>, stderr is empty, exit code rc."""
    r = run(args, repo)
    if os.environ.get("UPDATE") == "1":  # rewrite the golden files; then read every diff
        with open(os.path.join(GOLDEN, name), "wb") as f:
            f.write(r.stdout)
    with open(os.path.join(GOLDEN, name), "rb") as f:
        want = f.read()
    check(name, r.returncode == rc, f"exit {r.returncode}, expected {rc}; stderr {r.stderr.decode()!r}")
    check(name, r.stdout == want, "stdout differs from the golden file:\n" + r.stdout.decode(errors="replace"))
    check(name, r.stderr == b"", f"unexpected stderr {r.stderr.decode()!r}")
    check(name, b"\x1b[" not in r.stdout, "ANSI codes with NO_COLOR")
    return r


# --- golden output: status ---------------------------------------------------
for day in ("2025-04-14", "2025-04-15", "2025-04-16"):
    golden(f"status-{day}.txt", ["status", "--today", day])
golden("status-2025-04-16-all.txt", ["status", "--today", "2025-04-16", "--all"])
golden("status-2025-04-15-anna-h16-da.txt",
       ["status", "--today", "2025-04-15", "--horizon", "16", "--worker", "anna", "--lang", "da"])
golden("status-2025-04-15-dina.txt", ["status", "--today", "2025-04-15", "--horizon", "0", "--medarbejder", "dina"])
golden("status-2025-04-15-all-h1.json", ["status", "--today", "2025-04-15", "--all", "--horizon", "1", "--format", "json"])
golden("status-2025-04-15-all-h1.csv", ["status", "--today", "2025-04-15", "--all", "--horizon", "1", "--format", "csv"])
golden("status-2025-04-16.json", ["status", "--today", "2025-04-16", "--format", "json"])
# CTI_TODAY pins the day as --today does; global options may come before the command.
r = subprocess.run([CTI, "-C", REPO, "--today", "2025-04-14", "status"], capture_output=True, env=env(), timeout=60)
with open(os.path.join(GOLDEN, "status-2025-04-14.txt"), "rb") as f:
    want14 = f.read()
check("--today before the command", r.stdout == want14, r.stdout.decode())
r = run(["status"], CTI_TODAY="2025-04-14")
check("CTI_TODAY", r.stdout == want14, r.stdout.decode())

# --- golden output: show -----------------------------------------------------
for ident, day in [("S-0003", "2025-04-14"), ("S-0003", "2025-04-16"), ("S-0007", "2025-04-16"),
                   ("S-0005", "2025-04-15"), ("S-0008", "2025-04-14"), ("S-0010", "2025-04-15"),
                   ("S-0001", "2025-04-15"), ("S-0011", "2024-02-28"), ("S-0011", "2024-02-29"),
                   ("S-0011", "2024-03-01")]:
    golden(f"show-{ident}-{day}.txt", ["show", ident, "--today", day])
golden("show-S-0002-2025-04-15-h16.txt", ["show", "S-0002", "--today", "2025-04-15", "--horizon", "16"])
golden("show-S-0009-2025-04-15-da.txt", ["show", "S-0009", "--today", "2025-04-15", "--lang", "da"])
# The same forløb by number and by file name.
with open(os.path.join(GOLDEN, "show-S-0007-2025-04-16.txt"), "rb") as f:
    want7 = f.read()
for arg in ("7", "0007", "forloeb/S-0007.yaml", "S-0007.yaml"):
    r = run(["show", arg, "--today", "2025-04-16"])
    check(f"show {arg}", r.returncode == 0 and r.stdout == want7, r.stdout.decode() + r.stderr.decode())

# --- the demo ----------------------------------------------------------------
DEMO_DAY = ["--today", "2026-11-23"]
golden("demo-status.txt", ["status"] + DEMO_DAY, DEMO)
golden("demo-status.json", ["status", "--format", "json"] + DEMO_DAY, DEMO)
golden("demo-status.csv", ["status", "--format", "csv"] + DEMO_DAY, DEMO)
golden("demo-show-K-0008.txt", ["show", "K-0008"] + DEMO_DAY, DEMO)
golden("demo-show-K-0005.txt", ["show", "K-0005"] + DEMO_DAY, DEMO)

# --- the JSON contract: SPEC section 6, key for key --------------------------
SPEC_KEYS = ["id", "worker", "subgroup", "phase", "start", "phase2", "phase3", "handover_meetings", "planned_end",
             "end", "end_status", "next", "overdue", "due_soon", "documentation_overdue",
             "documentation_due_soon", "errors", "file"]
PHASES = {"kontakt", "fase1", "fase2", "fase3", "overskredet", "afsluttet"}
for repo, day in ((REPO, "2025-04-15"), (DEMO, "2026-11-23")):
    r = run(["status", "--all", "--format", "json", "--today", day], repo)
    doc = json.loads(r.stdout)
    check("json", list(doc) == ["today", "forloeb", "invalid"], f"top-level keys {list(doc)}")
    check("json", doc["invalid"] == sum(1 for f in doc["forloeb"] if f["errors"]), "invalid count")
    check("json", doc["today"] == day, doc["today"])
    for f in doc["forloeb"]:
        check("json", list(f) == SPEC_KEYS, f"keys of {f['id']}: {list(f)}")
        check("json", f["phase"] in PHASES or (f["phase"] is None and f["errors"]), f["phase"])
        if f["next"] is not None:
            check("json", list(f["next"]) == ["point", "date", "days"], f"next of {f['id']}")
        for item in f["overdue"] + f["due_soon"]:
            # The contact item (kontaktlog) adds the days since the last held contact.
            keys = ["point", "item", "due"] + (["days_since"] if item["item"] == "kontakt" else [])
            check("json", list(item) == keys, f"item of {f['id']}: {item}")
            points = ("fase1", "fase2", "fase3") if item["item"] == "kontakt" else ("kontakt", "fase2", "fase3", "afslutning")
            check("json", item["point"] in points, item)
        for p in f["documentation_overdue"] + f["documentation_due_soon"]:
            check("json", p in ("opstart", "fase2", "fase3", "afslutning"), p)

# --- --check -----------------------------------------------------------------
for args, rc in [(["--today", "2025-04-14", "--worker", "anna"], 0),  # only due-soon items
                 (["--today", "2025-04-14"], 1),             # S-0008 ended but owes its afslutning form
                 (["--today", "2025-04-16"], 1),             # S-0003, S-0004, S-0005, S-0006 overdue
                 (["--today", "2025-04-14", "--all"], 1),    # S-0008 (flyttet) owes its afslutning form
                 (["--today", "2025-04-16", "--worker", "cai"], 1),
                 (["--today", "2025-04-16", "--worker", "dina"], 0),
                 (["--today", "2025-04-16", "--format", "json"], 1)]:
    r = run(["status", "--check"] + args)
    check(f"--check {args}", r.returncode == rc, f"exit {r.returncode}, expected {rc}")
    if rc == 1:
        check(f"--check {args}", b"overdue item(s)" in r.stderr, r.stderr.decode())
r = run(["status", "--today", "2025-04-16"])
check("no --check", r.returncode == 0, f"exit {r.returncode} without --check")

# --- colour ------------------------------------------------------------------
RED, YELLOW = b"\x1b[31m", b"\x1b[33m"
r = run(["status", "--today", "2025-04-16", "--color", "always"])
check("--color always", RED in r.stdout, "no red with --color always")
plain = r.stdout.replace(RED, b"").replace(YELLOW, b"").replace(b"\x1b[0m", b"")
with open(os.path.join(GOLDEN, "status-2025-04-16.txt"), "rb") as f:
    check("--color always", plain == f.read(), "the coloured table differs from the plain one beyond the codes")
r = run(["status", "--today", "2025-04-14", "--color", "always", "--worker", "anna"])
check("--color always, due soon", YELLOW in r.stdout and RED not in r.stdout, r.stdout.decode())
r = run(["show", "S-0003", "--today", "2025-04-16", "--color", "always"])
check("show --color always", RED in r.stdout, r.stdout.decode())
r = run(["status", "--today", "2025-04-16", "--color", "never"], NO_COLOR=None)
check("--color never", b"\x1b[" not in r.stdout, "ANSI codes with --color never")
r = run(["status", "--today", "2025-04-16"], NO_COLOR=None)
check("not a terminal", b"\x1b[" not in r.stdout, "ANSI codes into a pipe")


def on_terminal(args, **extra):
    """Runs cti with stdout on a pseudo-terminal; returns what it printed there."""
    master, slave = pty.openpty()
    p = subprocess.Popen([CTI, "-C", REPO] + args, stdout=slave, stderr=subprocess.PIPE, env=env(**extra))
    os.close(slave)
    return read_terminal(master, p)


out = on_terminal(["status", "--today", "2025-04-16"], NO_COLOR=None)
check("terminal", RED in out, "no colour on a terminal")
out = on_terminal(["status", "--today", "2025-04-16"], NO_COLOR="1")
check("terminal, NO_COLOR", b"\x1b[" not in out and b"S-0003" in out, "colour on a terminal despite NO_COLOR")
out = on_terminal(["status", "--today", "2025-04-16", "--color", "never"], NO_COLOR=None)
check("terminal, --color never", b"\x1b[" not in out and b"S-0003" in out, "colour despite --color never")
out = on_terminal(["show", "S-0003", "--today", "2025-04-16"], NO_COLOR="1")
check("show on a terminal, NO_COLOR", b"\x1b[" not in out and b"OVERDUE" in out, out.decode(errors="replace"))


# --- errors ------------------------------------------------------------------
def error(name, args, rc, *needles, repo=REPO):
    r = run(args, repo)
    check(name, r.returncode == rc, f"exit {r.returncode}, expected {rc}")
    check(name, r.stdout == b"", f"stdout {r.stdout.decode()!r}")
    err = r.stderr.decode()
    for n in needles:
        check(name, n in err, f"{n!r} not in {err!r}")
    check(name, "terminate" not in err and "what()" not in err, f"exception text: {err!r}")
    return err


error("unknown worker", ["status", "--today", "2025-04-15", "--worker", "ana"], 2,
      "unknown worker 'ana' (did you mean 'anna'?)")
error("unknown worker, no suggestion", ["status", "--today", "2025-04-15", "--medarbejder", "zzzzzz"], 2,
      "unknown worker 'zzzzzz'; the workers in cti.yaml are: anna, bo, cai, dina")
error("unknown worker, Danish", ["status", "--today", "2025-04-15", "--worker", "ana", "--lang", "da"], 2,
      "ukendt medarbejder 'ana' (mente du 'anna'?)")
error("unknown id", ["show", "s-0011", "--today", "2025-04-15"], 2,
      "no forløb 's-0011' in forloeb/ (did you mean 'S-0011'?)")
error("unknown id, no suggestion", ["show", "nothing-like-it", "--today", "2025-04-15"], 2,
      "no forløb 'nothing-like-it' in forloeb/; cti status lists the 11 forløb")
error("show without id", ["show", "--today", "2025-04-15"], 2, "ID is missing")
error("negative horizon", ["status", "--horizon", "-1", "--today", "2025-04-15"], 2, "--horizon")
error("bad format", ["status", "--format", "xml", "--today", "2025-04-15"], 2, "--format")
error("bad today", ["status", "--today", "2025-02-30"], 2, "--today must be a date YYYY-MM-DD")
error("no repository", ["status", "--today", "2025-04-15"], 2, "no cti.yaml", repo=tempfile.gettempdir())
# A CPR-shaped argument is never echoed (made-up number: 15 July 2025 is after the
# test repository's dates, so no real person has it).
CPR = "150725-4321"
err = error("CPR-shaped id", ["show", CPR, "--today", "2025-04-15"], 2, "no forløb")
check("CPR-shaped id", CPR not in err and CPR.replace("-", "") not in err, err)
err = error("CPR-shaped id, digits", ["show", CPR.replace("-", ""), "--today", "2025-04-15"], 2, "no forløb")
check("CPR-shaped id, digits", CPR.replace("-", "") not in err, err)

# --- a broken case file is left out, named, and fails --check -----------------
with tempfile.TemporaryDirectory() as tmp:
    repo = os.path.join(tmp, "repo")
    shutil.copytree(REPO, repo)
    with open(os.path.join(repo, "forloeb", "S-0012.yaml"), "w", encoding="utf-8") as f:
        f.write("id: S-0012\nmedarbejder: anna\ndelmålgruppe: [egen-kommune\nopstart: 2025-01-15\n")
    r = run(["status", "--today", "2025-04-14"], repo)
    out = r.stdout.decode()
    # The unreadable file keeps its row, marked with its first error and the command that explains it.
    rows = [l for l in out.splitlines() if l.startswith("S-0012 ")]
    check("broken file", r.returncode == 0 and len(rows) == 1, out)
    check("broken file", rows and " ? " in rows[0] and rows[0].endswith(
        "error [yaml-syntax]: cti validate forloeb/S-0012.yaml"), rows)
    # Its medarbejder cannot be read either: it is counted under "unknown worker".
    check("broken file", "(unknown worker):  0 active, 1 unreadable  nothing overdue  1 with file errors" in out, out)
    for line in want14.decode().splitlines()[1:-6]:  # every other row is as before
        check("broken file", line in out.splitlines(), line)
    check("broken file", r.stderr.decode() ==
          "cti: 1 forløb file(s) with errors, marked on the board; cti validate lists them\n", r.stderr.decode())
    r = run(["status", "--today", "2025-04-14", "--check"], repo)
    check("broken file, --check", r.returncode == 1, f"exit {r.returncode}")
    r = run(["show", "S-0012", "--today", "2025-04-14"], repo)
    check("show broken file", r.returncode == 2 and r.stdout.decode().startswith("forloeb/S-0012.yaml:4:8: error:"),
          r.stdout.decode())
    check("show broken file", "the dates cannot be read" in r.stderr.decode(), r.stderr.decode())

print(f"{checks - len(failures)} passed, {len(failures)} failed")
for f in failures:
    print("FAIL", f)
sys.exit(1 if failures else 0)
