#!/usr/bin/python3
"""`cti validate --staged` judges exactly what git would commit (SPEC section 8),
whatever git's stat cache says (assume-unchanged, skip-worktree, core.ignoreStat) and
with GIT_DIR / GIT_WORK_TREE exported and the case repository in a subfolder of a larger
work tree.

    /usr/bin/python3 tests/privacy/test_staged.py
"""

import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "lib"))
from e2e import CTI, ROOT, check, failures  # noqa: E402

BASE = os.path.join(ROOT, "tests", "bad", "base")
CPR = "2411354312"  # made up
CLEAN = "id: K-0100\nmedarbejder: mette\ndelmålgruppe: egen-kommune\nkontakt: 2026-11-02\n"
LEAKY = CLEAN + f"noter: borger {CPR}\n"
BROKEN = "id: K-0100\nmedarbejder: mette\ndelmalgruppe: egen-kommune\n"


def env(extra=None):
    e = dict(os.environ, NO_COLOR="1", LC_ALL="C.UTF-8", LANG="C.UTF-8", CTI_TODAY="2026-11-23",
             GIT_CONFIG_NOSYSTEM="1", HOME="/nonexistent")
    for k in ("CTI_CPR_FILE", "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"):
        e.pop(k, None)
    e.update(extra or {})
    return e


def git(cwd, *args):
    p = subprocess.run(["git", *args], cwd=cwd, env=env(), capture_output=True)
    if p.returncode != 0:
        raise RuntimeError(f"git {args}: {p.stderr.decode()}")
    return p.stdout.decode()


def cti(cwd, *args, extra=None):
    p = subprocess.run([CTI, "--lang", "en", *args], cwd=cwd, env=env(extra), capture_output=True, timeout=60)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def new_repo(parent, name, sub=None):
    top = os.path.join(parent, name)
    os.makedirs(top)
    git(top, "init", "-q", "-b", "main")
    git(top, "config", "user.name", "Test")
    git(top, "config", "user.email", "test@example.org")
    repo = os.path.join(top, sub) if sub else top
    shutil.copytree(BASE, repo, dirs_exist_ok=True)
    write(os.path.join(repo, ".gitignore"), "cpr.yaml\n")
    git(top, "add", ".")
    git(top, "commit", "-q", "-m", "start")
    return top, repo


def stat_cache_lies(tmp):
    for how in ("assume-unchanged", "skip-worktree", "core.ignoreStat"):
        for rel, leaky, clean in (("forloeb/K-0100.yaml", LEAKY, CLEAN), ("bilag/noter.txt", f"x {CPR}\n", "x\n")):
            top, repo = new_repo(tmp, f"{how}-{rel.replace('/', '-')}")
            path = os.path.join(repo, rel)
            write(path, clean)
            git(top, "add", rel)
            git(top, "commit", "-q", "-m", "clean")
            if how == "core.ignoreStat":
                git(top, "config", "core.ignoreStat", "true")
            # The CPR number is staged, then the work-tree copy is cleaned and git told not to look.
            write(path, leaky)
            git(top, "add", rel)
            if how != "core.ignoreStat":
                git(top, "update-index", f"--{how}", rel)
            write(path, clean)
            st = os.stat(path)
            os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
            diff = git(top, "diff-files", "--name-only")
            rc, out, err = cti(repo, "validate", "--staged")
            check(f"{how} ({rel}): git's stat cache says unchanged", rel not in diff or how == "core.ignoreStat",
                  diff)
            check(f"{how} ({rel}): the staged CPR number is found", rc == 1 and f"{rel}:" in out and "[cpr-leak]" in out,
                  f"exit {rc}\n{out}{err}")
            check(f"{how} ({rel}): never echoed", CPR not in out + err)
            rc, out, err = cti(repo, "validate")
            check(f"{how} ({rel}): the work tree itself is clean", rc == 0, out + err)


def git_dir_and_subfolder(tmp):
    top, repo = new_repo(tmp, "big", sub="cases")
    write(os.path.join(repo, "forloeb", "K-0100.yaml"), BROKEN)
    git(top, "add", ".")
    write(os.path.join(repo, "forloeb", "K-0100.yaml"), CLEAN)  # fixed in the work tree only
    abs_git = os.path.join(top, ".git")
    for label, cwd, extra in (
            ("subfolder, no GIT_DIR", repo, {}),
            ("GIT_DIR absolute", repo, {"GIT_DIR": abs_git}),
            ("GIT_DIR relative, started at the top (as a hook is)", top, {"GIT_DIR": ".git"}),
            ("GIT_DIR and GIT_WORK_TREE", repo, {"GIT_DIR": abs_git, "GIT_WORK_TREE": top}),
            ("GIT_DIR, GIT_WORK_TREE and GIT_INDEX_FILE relative", top,
             {"GIT_DIR": ".git", "GIT_WORK_TREE": ".", "GIT_INDEX_FILE": ".git/index"})):
        rc, out, err = cti(cwd, "-C", repo, "validate", "--staged", extra=extra)
        check(f"{label}: the staged broken forløb is refused",
              rc == 1 and "forloeb/K-0100.yaml:3:1:" in out and "[unknown-key]" in out, f"exit {rc}\n{out}{err}")
        check(f"{label}: every forløb was loaded", "in 4 file(s)" in err, err)
        rc, out, err = cti(cwd, "-C", repo, "validate", extra=extra)
        check(f"{label}: the work tree is clean", rc == 0, out + err)
    # A real commit through the hook, from the top of the larger work tree.
    rc, out, err = cti(repo, "hook", "install")
    check("hook install in a subfolder repository", rc == 0, err)
    e = env()
    e["PATH"] = os.path.dirname(CTI) + os.pathsep + e.get("PATH", "/usr/bin:/bin")
    p = subprocess.run(["git", "commit", "-q", "-m", "broken"], cwd=top, env=e, capture_output=True)
    check("git commit of the staged broken forløb is refused", p.returncode != 0, p.stderr.decode())


def main():
    tmp = tempfile.mkdtemp(prefix="cti-staged-")
    try:
        stat_cache_lies(tmp)
        git_dir_and_subfolder(tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    if failures:
        print(f"{len(failures)} failure(s)")
        sys.exit(1)


if __name__ == "__main__":
    main()
