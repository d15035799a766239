#!/usr/bin/python3
"""End-to-end tests of `cti agenda` (SPEC sections 3 and 6).

Runs the built binary ($CTI) on tests/e2e/repo/ (see tests/e2e/test_status.py for what
each of its forløb is for) at pinned days and compares the output byte for byte with
tests/agenda/golden/. Beyond the goldens it checks the agenda against the status board
of the same day: the same forløb, and every overdue and due-soon item of the board
(checklist and documentation) exactly once, with its due date and days.

    CTI=build/cti /usr/bin/python3 tests/agenda/test_agenda.py
    CTI_UPDATE_GOLDEN=1 ...   # rewrite the golden files (then check them by hand)
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "lib"))
from e2e import CTI, ROOT, check, failures  # noqa: E402

REPO = os.path.join(ROOT, "tests", "e2e", "repo")
DEMO = os.path.join(ROOT, "examples", "demo")
GOLDEN = os.path.join(HERE, "golden")
UPDATE = os.environ.get("CTI_UPDATE_GOLDEN") == "1"


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


def run(args, repo=REPO, cwd=None, **extra):
    pre = ["-C", repo] if repo else []
    p = subprocess.run([CTI] + pre + args, capture_output=True, env=env(**extra), cwd=cwd, timeout=60)
    return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode("utf-8")


def golden(name, args, repo=REPO, **extra):
    rc, out, err = run(args, repo, **extra)
    path = os.path.join(GOLDEN, name)
    if UPDATE:
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(out)
    with open(path, encoding="utf-8", newline="") as f:
        want = f.read()
    check(f"{name}: exit 0, nothing on stderr", rc == 0 and err == "", f"exit {rc}, stderr {err!r}")
    check(f"{name}: as the golden file", out == want, out)
    return out


def widths_fit(label, out, columns):
    bad = [line for line in out.splitlines() if len(line) > columns]
    check(f"{label}: every line within {columns} columns", not bad, "\n".join(bad))


# --- goldens -----------------------------------------------------------------------------
golden("agenda-2025-04-15.txt", ["agenda", "--today", "2025-04-15"])
golden("agenda-2025-04-16.txt", ["agenda", "--today", "2025-04-16"])
golden("agenda-2025-04-16-da.txt", ["agenda", "--today", "2025-04-16", "--lang", "da"])
golden("agenda-2025-04-16-bo-d30.txt", ["agenda", "--today", "2025-04-16", "--worker", "bo", "--days", "30"])
golden("agenda-2025-04-15-bo-d0.txt", ["agenda", "--today", "2025-04-15", "--medarbejder", "bo", "--days", "0"])
golden("agenda-2025-04-16.json", ["agenda", "--today", "2025-04-16", "--format", "json"])
out = golden("agenda-2025-04-16-c80.txt", ["agenda", "--today", "2025-04-16"], COLUMNS="80")
widths_fit("COLUMNS=80", out, 80)
out = golden("demo-agenda-c80-da.txt", ["agenda", "--today", "2026-11-23"], DEMO, COLUMNS="80")
widths_fit("demo, COLUMNS=80", out, 80)
golden("demo-agenda.json", ["agenda", "--today", "2026-11-23", "--format", "json"], DEMO)
# Only the item texts are cut, with an ellipsis; the rest of each row is whole.
wide = run(["agenda", "--today", "2026-11-23"], DEMO)[1].splitlines()
narrow = run(["agenda", "--today", "2026-11-23"], DEMO, COLUMNS="80")[1].splitlines()
check("COLUMNS=80: as many lines", len(wide) == len(narrow), f"{len(wide)} != {len(narrow)}")
for w, n in zip(wide, narrow):
    if n.endswith("\u2026"):
        # Same due date and case; the cut text goes on in the full line.
        check("COLUMNS=80: the date and case whole, the text cut at its end",
              n.split()[0] == w.split()[0] and n.split()[2] in w.split() and n[-21:-1] in w, f"{w!r}\n{n!r}")

# --- the agenda against the board ----------------------------------------------------------
STATUS_KEYS = ["today", "days", "workers"]
ITEM_KEYS = ["id", "file", "worker", "kind", "point", "item", "text", "due", "days", "state"]
for repo, day, days in ((REPO, "2025-04-14", 14), (REPO, "2025-04-15", 1), (REPO, "2025-04-16", 30),
                        (DEMO, "2026-11-23", 14), (DEMO, "2027-03-01", 7)):
    label = f"{os.path.basename(repo)} {day} --days {days}"
    rc, out, err = run(["agenda", "--today", day, "--days", str(days), "--format", "json"], repo)
    doc = json.loads(out)
    rc2, out2, _ = run(["status", "--today", day, "--horizon", str(days), "--format", "json"], repo)
    board = json.loads(out2)
    check(f"{label}: keys", list(doc) == STATUS_KEYS and doc["today"] == day and doc["days"] == days, list(doc))
    want, ids = [], set()
    for f in board["forloeb"]:
        ids.add(f["id"])
        for key, state in (("overdue", "overdue"), ("due_soon", "due_soon")):
            want += [(f["id"], "checklist", i["item"], i["due"], state) for i in f[key]]
        for key, state in (("documentation_overdue", "overdue"), ("documentation_due_soon", "due_soon")):
            want += [(f["id"], "documentation", p, None, state) for p in f[key]]
    got = []
    for w in doc["workers"]:
        items = w["items"]
        check(f"{label}: oldest first", [i["due"] for i in items] == sorted(i["due"] for i in items), items)
        states = [i["state"] for i in items]
        check(f"{label}: overdue first", states == sorted(states, key=lambda s: s != "overdue"), states)
        for i in items:
            check(f"{label}: item keys", list(i) == ITEM_KEYS, list(i))
            check(f"{label}: {i['id']} belongs to {w['worker']}", w["worker"] is None or i["worker"] == w["worker"])
            check(f"{label}: days", (i["days"] < 0) == (i["state"] == "overdue") and i["days"] <= days, i)
            check(f"{label}: a text", i["text"] != "", i)
            got.append((i["id"], i["kind"], i["item"], i["due"] if i["kind"] == "checklist" else None, i["state"]))
    check(f"{label}: the board's items, each once", sorted(got) == sorted(want),
          f"agenda {sorted(got)}\nboard {sorted(want)}")
    check(f"{label}: only the board's forløb", {g[0] for g in got} <= ids)

# --- files with errors, an unknown worker, paths as the shell sees them ---------------------
with tempfile.TemporaryDirectory() as tmp:
    repo = os.path.join(tmp, "repo")
    shutil.copytree(REPO, repo)
    with open(os.path.join(repo, "forloeb", "S-0012.yaml"), "w", encoding="utf-8") as f:
        f.write("id: S-0012\nmedarbejder: anna\ndelmålgruppe: [egen-kommune\nopstart: 2025-01-15\n")
    # A readable file with an error: its items stay, under a worker cti.yaml does not know.
    with open(os.path.join(REPO, "forloeb", "S-0003.yaml"), encoding="utf-8") as f:
        text = f.read()
    with open(os.path.join(repo, "forloeb", "S-0013.yaml"), "w", encoding="utf-8") as f:
        f.write(text.replace("id: S-0003", "id: S-0013").replace("medarbejder: bo", "medarbejder: ukendt"))
    rc, out, err = run(["agenda", "--today", "2025-04-16"], None, cwd=repo)
    check("broken files: exit 0", rc == 0 and err == "", f"{rc} {err}")
    lines = out.splitlines()
    unknown = lines.index(next(line for line in lines if line.startswith("(unknown worker)")))
    check("unknown worker last", all(not line or line.startswith(" ") for line in lines[unknown + 1:]), out)
    check("unknown worker: counted", "with file errors" in lines[unknown], lines[unknown])
    err_lines = [line for line in lines if "error [" in line]
    check("one line per file with errors", len(err_lines) == 2, err_lines)
    check("its first error and the command", any(
        "S-0012  error [yaml-syntax]" in line and line.endswith("cti validate forloeb/S-0012.yaml")
        for line in err_lines), err_lines)
    s13 = [line for line in lines[unknown:] if "S-0013" in line]
    check("a readable file with errors keeps its items", len(s13) > 1, s13)
    # From inside forloeb/, the command names the file from there, and works as printed.
    rc, out, _ = run(["agenda", "--today", "2025-04-16"], None, cwd=os.path.join(repo, "forloeb"))
    hint = [line for line in out.splitlines() if "S-0012" in line]
    check("from forloeb/: the file as the shell sees it", len(hint) == 1 and hint[0].endswith(
        "cti validate S-0012.yaml"), hint)
    rc, out, _ = run(["validate", "--today", "2025-04-16", "S-0012.yaml"], None, cwd=os.path.join(repo, "forloeb"))
    check("the printed command works", rc == 1 and out.startswith("S-0012.yaml:"), out)
    # JSON names files from the repository root, wherever cti runs.
    rc, out, _ = run(["agenda", "--today", "2025-04-16", "--format", "json"], None, cwd=os.path.join(repo, "forloeb"))
    doc = json.loads(out)
    errs = [e for w in doc["workers"] for e in w["errors"]]
    check("json errors", sorted((e["id"], e["file"], e["rule"]) for e in errs) ==
          [("S-0012", "forloeb/S-0012.yaml", "yaml-syntax"), ("S-0013", "forloeb/S-0013.yaml", "unknown-worker")], errs)
    check("json: unknown group", doc["workers"][-1]["worker"] is None and not doc["workers"][-1]["known"])

# --- usage errors --------------------------------------------------------------------------
rc, out, err = run(["agenda", "--today", "2025-04-15", "--worker", "ana"])
check("unknown worker", rc == 2 and out == "" and "unknown worker 'ana' (did you mean 'anna'?)" in err, err)
rc, out, err = run(["agenda", "--today", "2025-04-15", "--days", "-1"])
check("negative --days", rc == 2 and out == "" and "--days" in err, err)
rc, out, err = run(["agenda", "--today", "2025-04-15", "--format", "csv"])
check("bad --format", rc == 2 and out == "" and "--format" in err, err)

if UPDATE:
    print("golden files rewritten; check them by hand")
print(f"{len(failures)} failed")
sys.exit(1 if failures else 0)
