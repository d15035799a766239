#!/usr/bin/python3
"""Paths as git prints them (SPEC section 6): run from a subdirectory, messages name files
relative to the working directory (not to -C, not to the repository root), and every
suggested command works as printed. Also `cti help CMD`, which is `cti CMD --help`.

    /usr/bin/python3 tests/cli/test_paths.py     # needs $CTI, else build/cti
"""

import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "lib"))
from e2e import CTI, ROOT, check, failures  # noqa: E402

REPO = os.path.join(ROOT, "tests", "e2e", "repo")
DAY = "2025-04-16"


def run(args, cwd):
    e = {k: v for k, v in os.environ.items() if k not in ("CTI_TODAY", "CTI_CPR_FILE", "COLUMNS", "LC_MESSAGES")}
    e.update(NO_COLOR="1", LC_ALL="C.UTF-8", LANG="C.UTF-8")
    p = subprocess.run([CTI] + args, capture_output=True, env=e, cwd=cwd, timeout=60)
    return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode("utf-8")


def suggested(text):
    """The 'cti validate FILE' commands a message suggests, as argument lists."""
    out = []
    for part in text.split("cti validate ")[1:]:
        word = part.split()[0].rstrip(";,)")
        if word.endswith(".yaml"):
            out.append(["validate", "--today", DAY, word])
    return out


with tempfile.TemporaryDirectory() as tmp:
    repo = os.path.join(tmp, "repo")
    shutil.copytree(REPO, repo)
    sub = os.path.join(repo, "forloeb")
    other = os.path.join(repo, "docs")
    os.mkdir(other)
    with open(os.path.join(sub, "S-0012.yaml"), "w", encoding="utf-8") as f:
        f.write("id: S-0012\nmedarbejder: anna\ndelmålgruppe: [egen-kommune\nopstart: 2025-01-15\n")

    # validate: the diagnostics name the file from where cti runs.
    for cwd, name in ((repo, "forloeb/S-0012.yaml"), (sub, "S-0012.yaml"), (other, "../forloeb/S-0012.yaml")):
        rc, out, _ = run(["validate", "--today", DAY, "--lang", "en"], cwd)
        lines = [line for line in out.splitlines() if "S-0012" in line]
        check(f"validate from {os.path.relpath(cwd, tmp)}", rc == 1 and lines and lines[0].startswith(name + ":4:"),
              out)
        # ... and the name works as an argument from there.
        rc2, out2, _ = run(["validate", "--today", DAY, "--lang", "en", name], cwd)
        check(f"validate {name} from {os.path.relpath(cwd, tmp)}", rc2 == 1 and out2.startswith(name + ":4:"), out2)
    # JSON keeps the repository-relative name wherever cti runs.
    rc, out, _ = run(["validate", "--today", DAY, "--format", "json"], sub)
    check("validate json: repository-relative", '"file": "forloeb/S-0012.yaml"' in out, out)

    # status: the row's hint, run as printed, from forloeb/.
    rc, out, err = run(["status", "--today", DAY], sub)
    row = [line for line in out.splitlines() if line.startswith("S-0012 ")]
    check("status from forloeb/: the hint", len(row) == 1 and row[0].endswith("cti validate S-0012.yaml"), row)
    for args in suggested(row[0] if row else ""):
        rc2, out2, _ = run(args, sub)
        check(f"status hint works as printed: {args}", rc2 == 1 and out2.startswith("S-0012.yaml:4:"), out2)
    # cti.yaml's errors: the note names it from where cti runs, and its command works.
    cfg = os.path.join(repo, "cti.yaml")
    with open(cfg, encoding="utf-8") as f:
        text = f.read()
    with open(cfg, "w", encoding="utf-8") as f:
        f.write(text.replace("årsværk: 0.5", "årsværk: halv", 1))
    rc, out, err = run(["status", "--today", DAY], sub)
    check("status note names ../cti.yaml", "cti validate ../cti.yaml" in err and suggested(err), err)
    for args in suggested(err):
        rc2, out2, _ = run(args, sub)
        check(f"status note works as printed: {args}", rc2 == 1 and out2.startswith(args[-1] + ":"), out2)
    with open(cfg, "w", encoding="utf-8") as f:
        f.write(text)

    # show: its diagnostics, its File line and its hint.
    rc, out, err = run(["show", "S-0012", "--today", DAY], sub)
    check("show from forloeb/", rc == 2 and out.startswith("S-0012.yaml:4:8: error:") and
          "(cti validate S-0012.yaml)" in err, out + err)
    rc, out, err = run(["show", "S-0003", "--today", DAY], sub)
    check("show: File line", "File: S-0003.yaml\n" in out, out)

    # new: "$EDITOR $(cti new)" opens the new file, from anywhere, with or without -C.
    new = ["new", "--today", DAY, "--worker", "anna", "--subgroup", "egen-kommune"]
    for cwd, pre, want in ((sub, [], "S-0013.yaml"), (repo, [], "forloeb/S-0014.yaml"),
                           (other, [], "../forloeb/S-0015.yaml"), (tmp, ["-C", repo], "repo/forloeb/S-0016.yaml")):
        rc, out, err = run(pre + new, cwd)
        check(f"new from {os.path.relpath(cwd, tmp)} {pre}", rc == 0 and out == want + "\n", out + err)
        check(f"new: {want} is the file", os.path.isfile(os.path.join(cwd, out.strip())))
    # A start directory that shares nothing with the repository but / gets the full path.
    rc, out, err = run(["-C", repo] + new, "/")
    check("new from /", rc == 0 and out == os.path.realpath(os.path.join(repo, "forloeb", "S-0017.yaml"))[1:] + "\n",
          out + err)

    # Recording commands: a refusal names the file from where cti runs.
    path = os.path.join(sub, "S-0013.yaml")
    with open(path, encoding="utf-8") as f:
        body = f.read()
    with open(path, "w", encoding="utf-8") as f:
        f.write(body + "<<<<<<< HEAD\n=======\n>>>>>>> other\n")
    rc, out, err = run(["done", "13", "orienteret", "--today", DAY], sub)
    check("done from forloeb/: the refusal names S-0013.yaml", rc == 2 and "(S-0013.yaml)" in err, err)
    rc, out, err = run(["done", "13", "orienteret", "--today", DAY], other)
    check("done from docs/: ../forloeb/S-0013.yaml", rc == 2 and "(../forloeb/S-0013.yaml)" in err, err)

# --- cti help CMD -------------------------------------------------------------------------
with tempfile.TemporaryDirectory() as tmp:
    for cmd in (["status"], ["agenda"], ["hook", "install"], ["done"]):
        rc, out, _ = run(["help"] + cmd, tmp)
        rc2, out2, _ = run(cmd + ["--help"], tmp)
        check(f"help {' '.join(cmd)}", rc == 0 and out == out2 and out.strip() != "", out)
    rc, out, _ = run(["help"], tmp)
    check("help alone", rc == 0 and out == run(["--help"], tmp)[1], out)
    rc, out, _ = run(["--today", DAY, "-C", tmp, "help", "agenda"], tmp)
    check("help after global options", rc == 0 and "--days" in out, out)
    rc, out, err = run(["help", "statsu"], tmp)
    check("help with a misspelt command", rc == 2 and "did you mean 'status'" in err, err)

print(f"{len(failures)} failed")
sys.exit(1 if failures else 0)
