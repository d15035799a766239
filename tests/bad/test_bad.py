#!/usr/bin/python3
"""The bad-input corpus: every broken file with its exact diagnostics.

    /usr/bin/python3 tests/bad/test_bad.py            # run (needs $CTI, else build/cti)
    UPDATE=1 /usr/bin/python3 tests/bad/test_bad.py   # rewrite the .expected files

Each case starts from a temporary copy of tests/bad/base/ (a valid repository):

- cases/NAME.yaml is copied to forloeb/K-0100.yaml, or to the path named on its
  first line as "# target: PATH".
- cases/NAME/ (a directory) is copied over the base, file by file (a broken
  cti.yaml, two files for a duplicate id, ...).
- cases/NAME.args holds extra arguments for `cti validate`, one per line.
- Generated cases (a 5 MB file, deep nesting) are made here, not committed.

NAME.expected is the exact stdout of
`cti -C REPO validate --today 2026-11-23 --lang en [args]`; NAME.da.expected the same
with --lang da; NAME.json.expected with --format json. The exit code must be 1
when the expected output has an error (or a warning under --strict), else 0. No
case may crash (a signal or an exit code other than 0/1/2), print "internal
error", or print the made-up CPR digits of the corpus.

After UPDATE=1, read every changed .expected file: a golden file that only
records what the code printed is not a test.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.environ.get("CTI_SOURCE_DIR") or os.path.abspath(os.path.join(HERE, "..", ".."))
CTI = os.path.abspath(os.environ.get("CTI") or os.path.join(ROOT, "build", "cti"))
BASE = os.path.join(HERE, "base")
CASES = os.path.join(HERE, "cases")
TODAY = "2026-11-23"
UPDATE = os.environ.get("UPDATE") == "1"
DEFAULT_TARGET = "forloeb/K-0100.yaml"

# The made-up CPR numbers used in the corpus; none may ever be printed.
CPR_DIGITS = ["150385", "280292", "1503854321", "2802921234"]

failures = []


def fail(name, msg):
    failures.append(f"{name}: {msg}")
    print(f"FAIL: {name}: {msg}")


def env():
    e = dict(os.environ, NO_COLOR="1", LC_ALL="C.UTF-8", LANG="C.UTF-8")
    for k in ("CTI_TODAY", "CTI_CPR_FILE"):
        e.pop(k, None)
    return e


def run(args, cwd=None):
    p = subprocess.run([CTI] + args, capture_output=True, env=env(), cwd=cwd, timeout=60)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def check_safe(name, rc, out, err):
    if rc < 0 or rc not in (0, 1, 2):
        fail(name, f"crashed or odd exit code {rc}: {err[-500:]}")
    if "internal error" in err:
        fail(name, f"internal error: {err[-500:]}")
    for d in CPR_DIGITS:
        if d in out or d in err:
            fail(name, f"printed the made-up CPR digits {d}")


# --- building the repositories ----------------------------------------------------

def make_repo(tmp):
    repo = os.path.join(tmp, "repo")
    shutil.copytree(BASE, repo)
    return repo


def apply_file_case(repo, path):
    with open(path, "rb") as f:
        data = f.read()
    target = DEFAULT_TARGET
    first = data.split(b"\n", 1)[0].strip()
    if first.startswith(b"# target:"):
        target = first[len(b"# target:"):].strip().decode()
    dest = os.path.join(repo, target)
    os.makedirs(os.path.dirname(dest), exist_ok=True)
    with open(dest, "wb") as f:
        f.write(data)


def apply_dir_case(repo, path):
    shutil.copytree(path, repo, dirs_exist_ok=True)


def generated_cases():
    """name -> function(repo) writing the case; these are too large to commit."""

    def too_large(repo):
        # 5 MB: a valid head, then a long note. Must be refused quickly, not parsed.
        with open(os.path.join(repo, DEFAULT_TARGET), "w", encoding="utf-8") as f:
            f.write("id: K-0100\nmedarbejder: mette\ndelmålgruppe: egen-kommune\nnoter: |\n")
            line = "  " + "x" * 98 + "\n"
            f.write(line * (5 * 1024 * 1024 // len(line)))

    def deep_flow(repo):
        with open(os.path.join(repo, DEFAULT_TARGET), "w") as f:
            f.write("[" * 100000 + "\n")

    def deep_balanced(repo):
        with open(os.path.join(repo, DEFAULT_TARGET), "w") as f:
            f.write("id: " + "[" * 20000 + "]" * 20000 + "\n")

    def deep_block(repo):
        with open(os.path.join(repo, DEFAULT_TARGET), "w") as f:
            f.write("noter:\n" + "".join(" " * i + "- \n" for i in range(1, 1200)))

    return {"gen-too-large": too_large, "gen-deep-flow": deep_flow,
            "gen-deep-balanced": deep_balanced, "gen-deep-block": deep_block}


def list_cases():
    cases = {}
    for entry in sorted(os.listdir(CASES)):
        path = os.path.join(CASES, entry)
        if os.path.isdir(path):
            cases[entry] = ("dir", path)
        elif entry.endswith(".yaml"):
            cases[entry[:-5]] = ("file", path)
    for name, fn in generated_cases().items():
        cases[name] = ("gen", fn)
    return cases


# --- running one case --------------------------------------------------------------

def read_args(name):
    path = os.path.join(CASES, name + ".args")
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as f:
        return [line.strip() for line in f if line.strip()]


def expected_rc(text, args):
    if any(": error: " in line for line in text.splitlines()):
        return 1
    if "--strict" in args and any(": warning: " in line for line in text.splitlines()):
        return 1
    return 0


def compare(name, variant, out, rc, args):
    path = os.path.join(CASES, f"{name}{variant}.expected")
    if UPDATE and (variant == "" or os.path.exists(path)):
        with open(path, "w", encoding="utf-8") as f:
            f.write(out)
    if not os.path.exists(path):
        if variant == "":
            fail(name, "no .expected file (run with UPDATE=1, then check it by hand)")
        return
    with open(path, encoding="utf-8") as f:
        want = f.read()
    label = name + variant
    if variant == ".json.expected" or variant == ".json":
        try:
            if json.loads(out) != json.loads(want):
                fail(label, f"JSON differs:\n--- want\n{want}--- got\n{out}")
        except ValueError as e:
            fail(label, f"not JSON: {e}")
        return
    if out != want:
        fail(label, f"output differs:\n--- want\n{want}--- got\n{out}")
    if variant == "":
        if rc != expected_rc(want, args):
            fail(label, f"exit code {rc}, want {expected_rc(want, args)}")
        if not want.strip() and rc != 0:
            fail(label, "no diagnostics expected but exit code is not 0")


def run_case(name, kind, what):
    with tempfile.TemporaryDirectory() as tmp:
        repo = make_repo(tmp)
        if kind == "file":
            apply_file_case(repo, what)
        elif kind == "dir":
            apply_dir_case(repo, what)
        else:
            what(repo)
        args = read_args(name)
        base = ["-C", repo, "validate", "--today", TODAY]
        # From the repository's root, so messages name files as forloeb/...
        rc, out, err = run(base + ["--lang", "en"] + args, cwd=repo)
        check_safe(name, rc, out, err)
        compare(name, "", out, rc, args)
        if os.path.exists(os.path.join(CASES, name + ".da.expected")):
            rc2, out2, err2 = run(base + ["--lang", "da"] + args, cwd=repo)
            check_safe(name + " (da)", rc2, out2, err2)
            compare(name, ".da", out2, rc2, args)
            if rc2 != rc:
                fail(name, f"--lang da exit code {rc2} differs from {rc}")
        if os.path.exists(os.path.join(CASES, name + ".json.expected")):
            rc3, out3, err3 = run(base + ["--lang", "en", "--format", "json"] + args, cwd=repo)
            check_safe(name + " (json)", rc3, out3, err3)
            compare(name, ".json", out3, rc3, args)
            if rc3 != rc:
                fail(name, f"--format json exit code {rc3} differs from {rc}")
    print(f"ok: {name}")


# --- command-line and setup errors -------------------------------------------------

def setup_checks():
    with tempfile.TemporaryDirectory() as tmp:
        repo = make_repo(tmp)
        sub = os.path.join(repo, "forloeb")
        checks = [
            ("base is clean", ["-C", repo, "validate", "--today", TODAY], None, 0, ""),
            ("-C after the subcommand", ["validate", "-C", repo, "--today", TODAY], None, 0, ""),
            ("found from a subdirectory", ["validate", "--today", TODAY], sub, 0, ""),
            ("no such -C directory", ["-C", os.path.join(tmp, "nope"), "validate"], None, 2, None),
            ("no cti.yaml", ["validate", "--today", TODAY], tmp, 2, None),
            ("bad --today", ["-C", repo, "validate", "--today", "2026-02-30"], None, 2, None),
            ("unknown option", ["-C", repo, "validate", "--frobnicate"], None, 2, None),
            ("FILE that does not exist", ["-C", repo, "validate", "--today", TODAY, "forloeb/K-9999.yaml"],
             None, 2, None),
            ("FILE outside the repository", ["-C", repo, "validate", "--today", TODAY, "/etc/hostname"],
             None, 2, None),
            ("--staged outside git", ["-C", repo, "validate", "--staged", "--today", TODAY], None, 2, None),
        ]
        for label, args, cwd, want_rc, want_out in checks:
            rc, out, err = run(args, cwd=cwd)
            check_safe(label, rc, out, err)
            if rc != want_rc:
                fail(label, f"exit code {rc}, want {want_rc}; stderr: {err.strip()}")
            elif want_out is not None and out != want_out:
                fail(label, f"stdout {out!r}, want {want_out!r}")
            elif want_rc == 2 and not err.startswith("cti: "):
                fail(label, f"no 'cti: ...' error on stderr: {err!r}")
            else:
                print(f"ok: {label}")

        # FILE arguments narrow the report; a directory stands for the files under it.
        with open(os.path.join(repo, "forloeb", "K-0100.yaml"), "w", encoding="utf-8") as f:
            f.write("id: K-0100\nmedarbejder: mette\n")
        missing = "forloeb/K-0100.yaml:1:1: error: required key 'delmålgruppe' is missing [missing-key]\n"
        # Named relative to where cti runs, as git does: from forloeb/ without the directory.
        for label, args, cwd, want_rc, want_out in [
            ("FILE: the broken file", ["validate", "--today", TODAY, "--lang", "en", "K-0100.yaml"], sub, 1,
             missing[len("forloeb/"):]),
            ("FILE: another file", ["validate", "--today", TODAY, "--lang", "en", "K-0001.yaml"], sub, 0, ""),
            ("FILE: a directory", ["-C", repo, "validate", "--today", TODAY, "--lang", "en", "forloeb"], repo, 1,
             missing),
            ("FILE: cti.yaml only", ["-C", repo, "validate", "--today", TODAY, "--lang", "en", "cti.yaml"], None, 0,
             ""),
        ]:
            rc, out, err = run(args, cwd=cwd)
            check_safe(label, rc, out, err)
            if rc != want_rc or out != want_out:
                fail(label, f"exit code {rc} (want {want_rc}), stdout {out!r} (want {want_out!r})")
            else:
                print(f"ok: {label}")

        # The summary goes to stderr, in the chosen language; stdout stays clean.
        rc, out, err = run(["-C", repo, "validate", "--today", TODAY, "--lang", "da"])
        if "1 fejl" not in err:
            fail("Danish summary", f"stderr {err!r}")
        else:
            print("ok: Danish summary")

        # --list-rules prints the catalogue, one rule a line.
        rc, out, err = run(["validate", "--list-rules", "--lang", "en"], cwd=tmp)
        if rc != 0 or "cpr-leak" not in out:
            fail("--list-rules", f"exit code {rc}, stdout {out[:200]!r}")
        else:
            print("ok: --list-rules")


def main():
    if not os.access(CTI, os.X_OK):
        print(f"FAIL: no cti binary at {CTI}")
        return 1
    cases = list_cases()
    if len(cases) < 40:
        fail("corpus", f"only {len(cases)} cases; the corpus should have at least 40")
    for name, (kind, what) in cases.items():
        run_case(name, kind, what)
    setup_checks()
    print(f"{len(cases)} cases, {len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
