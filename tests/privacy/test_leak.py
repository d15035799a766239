#!/usr/bin/python3
"""No channel leaks a CPR number (SPEC section 8).

A made-up CPR number is planted in every input channel: a forløb file *named* by it
(both forms), a case id, a worker id and name, a delmålgruppe, the projekt, values written
with YAML escapes and line continuations, over-long values cut for messages, a value at an
iCalendar fold, and every command-line argument. Then every command (read from `cti
--help`, so new commands are covered) runs in every output format and with the number as
the value of each of its options; neither stdout nor stderr may hold the digits: not all
ten, not nine of them, not split by a dash or a space.

    /usr/bin/python3 tests/privacy/test_leak.py
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "lib"))
from e2e import CTI, ROOT, check, failures  # noqa: E402

BASE = os.path.join(ROOT, "tests", "bad", "base")
TODAY = "2026-11-23"
CPR = "2411354312"        # made up: 24 Nov 2035 (7th digit 4), no one has it
DASHED = "241135-4312"
ESCAPED = "".join(f"\\x{ord(c):02x}" for c in CPR)
FORMATS = ["table", "json", "csv", "text", "ics", "html"]


def windows(digits, n=9):
    return {digits[i:i + n] for i in range(len(digits) - n + 1)}


LEAKS = windows(CPR)


def leaked(text, typed=""):
    """The CPR's digits in text: nine or ten in a row, once dashes, spaces, quotes and
    line folds are taken out. Nine digits the user typed as an argument may be echoed
    (they are not a CPR number); a completion of them to ten may not."""
    squeezed = re.sub(r"[\s\-\"'\\]", "", text)
    return any(w in squeezed for w in (LEAKS if not leaked_in(typed) else {CPR}))


def leaked_in(typed):
    return any(w in typed for w in LEAKS)


def env():
    e = dict(os.environ, NO_COLOR="1", LC_ALL="C.UTF-8", LANG="C.UTF-8", CTI_TODAY=TODAY,
             GIT_CONFIG_NOSYSTEM="1", HOME="/nonexistent")
    for k in ("CTI_CPR_FILE", "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"):
        e.pop(k, None)
    return e


RUNS = []


def run(args, cwd, stdin=None):
    p = subprocess.run([CTI, *args], capture_output=True, env=env(), cwd=cwd, timeout=60, input=stdin)
    out = p.stdout.decode("utf-8", "replace")
    err = p.stderr.decode("utf-8", "replace")
    RUNS.append(args)
    label = "cti " + " ".join(a.replace(CPR, "<cpr>").replace(DASHED, "<cpr->") for a in args)
    typed = " ".join(a for a in args if CPR not in a.replace("-", ""))
    check(f"no CPR digits from: {label}", not leaked(out, typed) and not leaked(err, typed),
          f"exit {p.returncode}\n--- stdout\n{out[:3000]}\n--- stderr\n{err[:3000]}")
    check(f"no crash: {label}", p.returncode in (0, 1, 2), f"exit {p.returncode}\n{err[-2000:]}")
    return p.returncode, out, err


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def plant(repo):
    """Every channel at once."""
    long_name = "Anna " + "a" * 33 + CPR + " Hansen"  # the number straddles the 40-character cut
    fold = "F" * 60 + CPR                               # and an iCalendar line fold
    write(os.path.join(repo, "cti.yaml"), f"""projekt: "Projekt {DASHED}"
id_præfiks: K-
caseload_pr_årsværk: 10
delmålgrupper: [egen-kommune, anden-kommune, "gruppe-{CPR}"]
medarbejdere:
  - id: mette
    navn: Mette Hansen
    årsværk: 1.0
  - id: jonas
    navn: "Jonas {ESCAPED}"
    årsværk: 0.5
  - id: "m{CPR}"
    navn: "{long_name}"
    årsværk: 0.5
  - id: "{fold}"
    navn: "Navn \\
      {CPR}"
    årsværk: 0.2
sprog: da
""")
    case = "medarbejder: {w}\ndelmålgruppe: {g}\nkontakt: 2026-05-04\nopstart: 2026-06-01\n"
    write(os.path.join(repo, "forloeb", f"{CPR}.yaml"), "id: K-0010\n" + case.format(w="mette", g="egen-kommune"))
    write(os.path.join(repo, "forloeb", f"{DASHED}.yaml"), f"id: {DASHED}\n" + case.format(w="mette", g="egen-kommune"))
    write(os.path.join(repo, "forloeb", f"K-{CPR}.yaml"), f"id: K-{CPR}\n" + case.format(w=f"m{CPR}", g=f"gruppe-{CPR}"))
    write(os.path.join(repo, "forloeb", "K-0011.yaml"),
          "id: K-0011\n" + case.format(w=f'"{ESCAPED}"', g=f'"{"x" * 35}{CPR}yyyy"'))
    write(os.path.join(repo, "forloeb", "K-0012.yaml"),
          "id: K-0012\n" + case.format(w=f'"{fold}"', g="anden-kommune") + f"noter: \"{CPR[:5]}\\\n  {CPR[5:]}\"\n")
    write(os.path.join(repo, "forloeb", "K-0013.yaml"),
          "id: K-0013\n" + case.format(w="jonas", g="egen-kommune") + f"tjekliste:\n  x{CPR}: 2026-06-02\n")
    write(os.path.join(repo, "cpr.yaml"), f'K-0001: "{DASHED}"\nK-0013: "{CPR}"\n')
    write(os.path.join(repo, ".gitignore"), "cpr.yaml\n")
    write(os.path.join(repo, "noter.csv"), f"a;b\n1;{DASHED}\n")


def git(repo, *args):
    subprocess.run(["git", *args], cwd=repo, env=env(), capture_output=True, check=False)


def help_words(args, cwd, pattern):
    p = subprocess.run([CTI, *args, "--help"], capture_output=True, env=env(), cwd=cwd, timeout=60)
    return p.stdout.decode("utf-8", "replace"), pattern


def commands(cwd):
    out, _ = help_words([], cwd, None)
    part = out.split("Subcommands:", 1)[-1]
    return re.findall(r"^  ([a-z][a-z-]*)\s", part, re.M)


def subcommands(cmd, cwd):
    out, _ = help_words([cmd], cwd, None)
    if "Subcommands:" not in out:
        return []
    return re.findall(r"^  ([a-z][a-z-]*)\s", out.split("Subcommands:", 1)[1], re.M)


def options(cmd, cwd):
    out, _ = help_words(cmd, cwd, None)
    opts = set()
    for line in out.splitlines():
        m = re.match(r"\s+((?:-\w,)?--[\w-]+(?:,--[\w-]+)*)\s*(\S*)", line)
        if m:
            for o in m.group(1).split(","):
                if o.startswith("--") and o not in ("--help", "--version"):
                    opts.add((o, m.group(2) != "" and not m.group(2)[0].isupper() or bool(m.group(2))))
    return sorted(opts)


def main():
    if not os.access(CTI, os.X_OK):
        print(f"FAIL: no cti binary at {CTI}")
        sys.exit(1)
    tmp = tempfile.mkdtemp(prefix="cti-leak-")
    try:
        repo = os.path.join(tmp, "repo")
        shutil.copytree(BASE, repo)
        plant(repo)
        git(repo, "init", "-q", "-b", "main")
        git(repo, "add", ".")
        cmds = commands(repo)
        check("commands are read from cti --help", {"status", "validate", "report"} <= set(cmds), str(cmds))
        invocations = []
        for cmd in cmds:
            subs = subcommands(cmd, repo)
            for path in ([[cmd, s] for s in subs] or [[cmd]]):
                invocations.append(path)
        for path in invocations:
            run(path, repo)
            for fmt in FORMATS:
                run([*path, "--format", fmt], repo)
            for opt, takes_value in options(path, repo):
                if opt in ("--force",):
                    continue
                for value in (CPR, DASHED, CPR[:9], "m" + CPR[:9]):
                    run([*path, opt, value] if takes_value else [*path, opt, value], repo)
            run([*path, CPR], repo)
            run([*path, DASHED, "--format", "json"], repo)
            run([*path, f"--{CPR}"], repo)
        # Arguments to the whole program and as the command.
        for args in ([CPR], [DASHED], ["-C", CPR, "status"], ["--today", CPR, "status"], ["--lang", CPR, "status"],
                     ["--color", CPR, "status"], ["--cpr-file", CPR, "report", "-o", os.path.join(tmp, "r.csv")],
                     ["stat" + CPR], [f"--{CPR}", "status"], ["status", "--worker", f"m{CPR[:9]}"],
                     ["show", f"K-{CPR[:9]}"], ["show", CPR[:9]], ["show", f"{CPR}.yaml"],
                     ["show", f"forloeb/{DASHED}.yaml"], ["report", "--quarter", CPR],
                     ["report", "--quarter", "2026-Q2", "--pseudonym"],
                     ["report", "--quarter", "2026-Q2", "--pseudonym", "--format", "json"],
                     ["report", "--quarter", "2026-Q2", "-o", os.path.join(tmp, f"{CPR}.csv")],
                     ["report", "--quarter", "2026-Q2", "-o", os.path.join(tmp, "out.csv")],
                     ["calendar", "-o", os.path.join(tmp, f"{DASHED}.ics")],
                     ["fidelity", "--from", CPR], ["fidelity", "--to", DASHED],
                     ["new", "--contact", CPR], ["new", "--worker", CPR[:9]], ["new", "--subgroup", f"gruppe-{CPR[:9]}"],
                     ["validate", "--staged"], ["validate", "--staged", "--format", "json"],
                     ["validate", f"forloeb/{CPR}.yaml"], ["validate", f"forloeb/{CPR}9.yaml"],
                     ["init", os.path.join(tmp, CPR)], ["status", "--worker", "w" * 5000 + CPR]):
            run(list(args), repo)
        # Each forløb shown on its own, whatever its id.
        for f in sorted(os.listdir(os.path.join(repo, "forloeb"))):
            run(["show", f[:-5]], repo)
            run(["show", os.path.join("forloeb", f)], repo)
        check("many runs", len(RUNS) > 100, str(len(RUNS)))
        # The one place a CPR may go: the report file the user asked for.
        out_csv = os.path.join(tmp, "out.csv")
        if os.path.exists(out_csv):
            with open(out_csv, encoding="utf-8-sig") as f:
                check("the report file the user asked for does hold the CPR", DASHED in f.read())
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    if failures:
        print(f"{len(failures)} failure(s)")
        sys.exit(1)
    print(f"{len(RUNS)} runs, no leak")


if __name__ == "__main__":
    main()
