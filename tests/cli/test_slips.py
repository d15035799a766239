#!/usr/bin/python3
"""Slips said in the user's words, and two workers who took the same id.

- In a Danish repository (cti.yaml sprog: da) every command-line mistake is Danish,
  with no --lang: CLI11's English ("Value abc not in range", "... is required",
  "The following argument was not expected") never reaches the user; `cti hook`
  alone names its commands. --lang en gives the same sentences in English.
- `cti new` warns when the branch is behind its upstream as of the last fetch.
- An add/add merge conflict on a forløb file is explained as two forløb with the
  same id, with git commands that work as printed.
"""

import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from e2e import CTI, ROOT, check, failures  # noqa: E402

TODAY = "2026-11-23"
BASE = os.path.join(ROOT, "tests", "bad", "base")  # a valid Danish repository


def env():
    e = dict(os.environ, NO_COLOR="1", LC_ALL="C.UTF-8", LANG="C.UTF-8", CTI_TODAY=TODAY,
             GIT_AUTHOR_NAME="Test", GIT_AUTHOR_EMAIL="t@example.org",
             GIT_COMMITTER_NAME="Test", GIT_COMMITTER_EMAIL="t@example.org")
    for k in ("CTI_CPR_FILE", "LC_MESSAGES", "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"):
        e.pop(k, None)
    return e


def cti(args, cwd):
    p = subprocess.run([CTI] + args, capture_output=True, env=env(), cwd=cwd, timeout=60)
    return p.returncode, p.stdout.decode(), p.stderr.decode()


def git(args, cwd):
    p = subprocess.run(["git", "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false"] + args,
                       capture_output=True, env=env(), cwd=cwd, timeout=60)
    if p.returncode != 0 and args[0] != "merge":
        raise RuntimeError(f"git {args}: {p.stderr.decode()}")
    return p.stdout.decode()


PARSE_ERRORS = [
    # (arguments, Danish stderr, English stderr)
    (["status", "--horizon", "abc"],
     "cti: fejl: '--horizon' skal have et helt tal fra 0 til 3660, ikke 'abc' ('cti status'); se 'cti status --help'",
     "cti: error: '--horizon' takes a whole number from 0 to 3660, not 'abc' ('cti status'); "
     "see 'cti status --help'"),
    (["status", "--format", "xml"],
     "cti: fejl: '--format' skal have én af table, json, csv, ikke 'xml' ('cti status'); se 'cti status --help'",
     "cti: error: '--format' takes one of table, json, csv, not 'xml' ('cti status'); see 'cti status --help'"),
    (["show"],
     "cti: fejl: argumentet ID mangler ('cti show'); se 'cti show --help'",
     "cti: error: the argument ID is missing ('cti show'); see 'cti show --help'"),
    (["end", "7"],
     "cti: fejl: tilvalget '--status' skal med ('cti end'); se 'cti end --help'",
     "cti: error: the option '--status' must be given ('cti end'); see 'cti end --help'"),
    (["status", "extra"],
     "cti: fejl: uventet argument 'extra' ('cti status'); se 'cti status --help'",
     "cti: error: unexpected argument 'extra' ('cti status'); see 'cti status --help'"),
    (["status", "--worker"],
     "cti: fejl: '--worker' skal have en værdi ('cti status'); se 'cti status --help'",
     "cti: error: '--worker' needs a value ('cti status'); see 'cti status --help'"),
    (["done", "1", "økonomi", "--not-relevant", "--date", "2026-01-01"],
     "cti: fejl: '--date' kan ikke bruges sammen med '--not-relevant' ('cti done'); se 'cti done --help'",
     "cti: error: '--date' cannot be used together with '--not-relevant' ('cti done'); see 'cti done --help'"),
    (["hook"],
     "cti: fejl: 'cti hook' skal have en kommando: install; se 'cti hook --help'",
     "cti: error: 'cti hook' needs a command: install; see 'cti hook --help'"),
    (["--color", "sometimes", "status"],
     "cti: fejl: '--color' skal have én af auto, always, never, ikke 'sometimes'; se 'cti --help'",
     "cti: error: '--color' takes one of auto, always, never, not 'sometimes'; see 'cti --help'"),
]


def parse_errors(tmp):
    repo = os.path.join(tmp, "da")
    shutil.copytree(BASE, repo)
    sub = os.path.join(repo, "forloeb")
    for args, da, en in PARSE_ERRORS:
        rc, out, err = cti(args, sub)  # found from a subdirectory: cti.yaml says sprog: da
        check(f"Danish: cti {' '.join(args)}", rc == 2 and out == "" and err == da + "\n", err)
        rc, out, err = cti(["-C", repo] + args, tmp)  # -C names the Danish repository
        check(f"Danish with -C: cti {' '.join(args)}", rc == 2 and err == da + "\n", err)
        rc, out, err = cti(["--lang", "en"] + args, sub)
        check(f"English: cti {' '.join(args)}", rc == 2 and err == en + "\n", err)
        for word in ("not in range", "is required", "not expected", "Requires at least", "excludes"):
            check(f"no CLI11 English in: cti {' '.join(args)}", word not in err, err)


def make_repo(path):
    shutil.copytree(BASE, path)
    git(["init", "-q"], path)
    git(["add", "-A"], path)
    git(["commit", "-q", "-m", "start"], path)


def behind_upstream(tmp):
    upstream = os.path.join(tmp, "upstream")
    make_repo(upstream)
    mine = os.path.join(tmp, "mine")
    git(["clone", "-q", upstream, mine], tmp)
    args = ["--lang", "en", "new", "--worker", "mette", "--subgroup", "egen-kommune"]
    rc, out, err = cti(args, mine)
    check("new: up to date, no warning", rc == 0 and out == "forloeb/K-0003.yaml\n" and err == "", err)
    os.remove(os.path.join(mine, "forloeb", "K-0003.yaml"))
    # A colleague's commit reaches the upstream; the last fetch saw it, the branch did not merge it.
    with open(os.path.join(upstream, "forloeb", "K-0003.yaml"), "w", encoding="utf-8") as f:
        f.write("id: K-0003\nmedarbejder: jonas\ndelmålgruppe: egen-kommune\nkontakt: 2026-11-20\n")
    git(["add", "-A"], upstream)
    git(["commit", "-q", "-m", "K-0003"], upstream)
    git(["fetch", "-q"], mine)
    rc, out, err = cti(args, mine)
    check("new: behind upstream warns", rc == 0 and out == "forloeb/K-0003.yaml\n" and
          err == "cti: warning: this branch is 1 commit(s) behind its upstream (as of the last fetch); "
                 "run 'git pull' first, or K-0003 may be taken already\n", err)
    os.remove(os.path.join(mine, "forloeb", "K-0003.yaml"))
    rc, out, err = cti(args[2:], mine)
    check("new: the warning in Danish", rc == 0 and "advarsel: denne gren er 1 commit(s) bagud" in err, err)
    os.remove(os.path.join(mine, "forloeb", "K-0003.yaml"))
    rc, out, err = cti(args, os.path.join(tmp, "upstream"))
    check("new: a branch with no upstream, no warning", rc == 0 and err == "", err)


def same_id(tmp):
    repo = os.path.join(tmp, "conflict")
    make_repo(repo)
    git(["checkout", "-q", "-b", "other"], repo)
    rc, out, err = cti(["new", "--worker", "jonas", "--subgroup", "anden-kommune"], repo)
    git(["add", "-A"], repo)
    git(["commit", "-q", "-m", "jonas: K-0003"], repo)
    git(["checkout", "-q", "main"], repo)
    rc, out, err = cti(["new", "--worker", "mette", "--subgroup", "egen-kommune"], repo)
    check("both workers got K-0003", out == "forloeb/K-0003.yaml\n", out + err)
    git(["add", "-A"], repo)
    git(["commit", "-q", "-m", "mette: K-0003"], repo)
    git(["merge", "-q", "other"], repo)
    want_en = ("forloeb/K-0003.yaml:1:1: error: two forløb got the same id K-0003 (both branches added "
               "forloeb/K-0003.yaml); keep ours and give theirs the next free id: "
               "git show :3:forloeb/K-0003.yaml > forloeb/K-0004.yaml; change 'id: K-0003' to 'id: K-0004' in "
               "forloeb/K-0004.yaml; git checkout --ours forloeb/K-0003.yaml; "
               "git add forloeb/K-0003.yaml forloeb/K-0004.yaml [merge-conflict]")
    for args in (["--lang", "en", "validate"], ["--lang", "en", "validate", "--staged"]):
        rc, out, err = cti(args, repo)
        check(f"{' '.join(args)}: the add/add conflict explained", rc == 1 and want_en in out.splitlines(), out + err)
    rc, out, err = cti(["validate"], repo)
    check("Danish: to forløb har fået samme id", rc == 1 and "to forløb har fået samme id K-0003" in out, out)
    # The commands work as printed.
    subprocess.run("git show :3:forloeb/K-0003.yaml > forloeb/K-0004.yaml", shell=True, cwd=repo, env=env(),
                   check=True)
    path = os.path.join(repo, "forloeb", "K-0004.yaml")
    with open(path, encoding="utf-8") as f:
        text = f.read().replace("id: K-0003", "id: K-0004")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    git(["checkout", "--ours", "forloeb/K-0003.yaml"], repo)
    git(["add", "forloeb/K-0003.yaml", "forloeb/K-0004.yaml"], repo)
    rc, out, err = cti(["validate", "--staged"], repo)
    check("after the commands: valid, both forløb kept", rc == 0 and "merge-conflict" not in out, out + err)
    rc, out, err = cti(["--lang", "en", "show", "K-0004"], repo)
    check("theirs is K-0004 (jonas)", rc == 0 and "jonas" in out, out + err)


def main():
    with tempfile.TemporaryDirectory() as tmp:
        parse_errors(tmp)
        behind_upstream(tmp)
        same_id(tmp)
    print(f"{len(failures)} failure(s)")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
