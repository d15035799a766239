#!/usr/bin/python3
"""`cti hook install` in a temporary git repository, with real commits.

    /usr/bin/python3 tests/hook/test_hook.py     # needs $CTI, else build/cti

The installed hook runs the cti that installed it (else `cti` on PATH); the
built cti's directory is also put on PATH, as a team's machine would have it.
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
TODAY = "2026-11-23"
CPR_DIGITS = ["150385", "1503854321"]


def env():
    e = dict(os.environ, NO_COLOR="1", LC_ALL="C.UTF-8", LANG="C.UTF-8", CTI_TODAY=TODAY,
             GIT_CONFIG_NOSYSTEM="1", HOME=os.environ.get("CTI_TEST_HOME", "/nonexistent"))
    e["PATH"] = os.path.dirname(CTI) + os.pathsep + e.get("PATH", "/usr/bin:/bin")
    for k in ("CTI_CPR_FILE", "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"):
        e.pop(k, None)
    return e


def run(args, cwd):
    p = subprocess.run(args, capture_output=True, env=env(), cwd=cwd, timeout=60)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def git(repo, *args):
    return run(["git", *args], repo)


def commit(repo, message):
    return git(repo, "commit", "-q", "-m", message)


def write(repo, rel, text):
    path = os.path.join(repo, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


VALID = "id: K-0100\nmedarbejder: mette\ndelmålgruppe: egen-kommune\nkontakt: 2026-11-02\n"
BROKEN = "id: K-0100\nmedarbejder: mette\ndelmalgruppe: egen-kommune\n"
# The base repository says sprog: da, so messages are Danish.
BROKEN_DIAG = ("forloeb/K-0100.yaml:3:1: error: ukendt nøgle 'delmalgruppe' "
               "(mente du 'delmålgruppe'?) [unknown-key]\n")


def new_repo(tmp, name="repo"):
    repo = os.path.join(tmp, name)
    shutil.copytree(BASE, repo)
    git(repo, "init", "-q", "-b", "main")
    git(repo, "config", "user.name", "Test Bruger")
    git(repo, "config", "user.email", "test@example.org")
    git(repo, "config", "commit.gpgsign", "false")
    git(repo, "add", ".")
    rc, out, err = commit(repo, "start")
    check("the base repository commits without a hook", rc == 0, err)
    return repo


def hook_path(repo):
    return os.path.join(repo, ".git", "hooks", "pre-commit")


def main():
    if not os.access(CTI, os.X_OK):
        print(f"FAIL: no cti binary at {CTI}")
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        repo = new_repo(tmp)

        # Installing writes an executable pre-commit hook that runs validate --staged.
        rc, out, err = run([CTI, "hook", "install"], repo)
        check("install: exit 0", rc == 0, err)
        check("install: says where", "pre-commit" in err, err)
        hook = hook_path(repo)
        check("install: hook exists and is executable", os.access(hook, os.X_OK))
        with open(hook, encoding="utf-8") as f:
            script = f.read()
        check("install: hook runs validate --staged", "validate --staged" in script, script)
        check("install: hook names the cti that installed it", CTI in script or os.path.realpath(CTI) in script,
              script)

        # A broken file is refused, with the diagnostic on the terminal.
        write(repo, "forloeb/K-0100.yaml", BROKEN)
        git(repo, "add", "forloeb/K-0100.yaml")
        rc, out, err = commit(repo, "broken")
        check("broken: commit refused", rc != 0, out + err)
        check("broken: the diagnostic is shown", BROKEN_DIAG in out + err, out + err)
        rc, out, _ = git(repo, "log", "--format=%s")
        check("broken: nothing committed", out.split() == ["start"], out)

        # Fixed, it goes through.
        write(repo, "forloeb/K-0100.yaml", VALID)
        git(repo, "add", "forloeb/K-0100.yaml")
        rc, out, err = commit(repo, "fixed")
        check("fixed: commit goes through", rc == 0, out + err)

        # A broken file only in the work tree does not block a valid staged commit...
        write(repo, "forloeb/K-0101.yaml", BROKEN.replace("K-0100", "K-0101"))
        write(repo, "forloeb/K-0100.yaml", VALID + "opstart: 2026-11-16\n")
        git(repo, "add", "forloeb/K-0100.yaml")
        rc, out, err = commit(repo, "valid with an untracked broken file")
        check("work tree only: a valid commit goes through", rc == 0, out + err)
        # ...nor does a broken edit that is not staged.
        write(repo, "forloeb/K-0100.yaml", BROKEN)
        write(repo, "forloeb/K-0002.yaml", open(os.path.join(BASE, "forloeb", "K-0002.yaml"), encoding="utf-8").read()
              + "noter: Afsluttet.\n")
        git(repo, "add", "forloeb/K-0002.yaml")
        rc, out, err = commit(repo, "valid with an unstaged broken edit")
        check("unstaged edit: a valid commit goes through", rc == 0, out + err)
        rc, out, err = run([CTI, "validate", "--today", TODAY], repo)
        check("unstaged edit: the work tree itself is still invalid", rc == 1, out + err)
        # ...and the reverse: a broken forløb staged, then fixed in the work tree only,
        # is still refused (the staged content is read, not the work tree's copy).
        git(repo, "add", "forloeb/K-0100.yaml")
        write(repo, "forloeb/K-0100.yaml", VALID + "opstart: 2026-11-16\n")
        rc, out, err = run([CTI, "validate", "--staged", "--today", TODAY], repo)
        check("staged broken, fixed in the work tree only: --staged still refuses",
              rc == 1 and BROKEN_DIAG in out, out + err)
        git(repo, "add", "forloeb/K-0100.yaml")
        os.remove(os.path.join(repo, "forloeb", "K-0101.yaml"))

        # A staged CPR number is refused and never printed.
        write(repo, "forloeb/K-0100.yaml", VALID + "noter: CPR 150385-4321\n")
        git(repo, "add", "forloeb/K-0100.yaml")
        rc, out, err = commit(repo, "cpr")
        check("cpr: commit refused", rc != 0, out + err)
        check("cpr: [cpr-leak] shown", "[cpr-leak]" in out + err, out + err)
        check("cpr: digits never printed", not any(d in out + err for d in CPR_DIGITS), out + err)
        write(repo, "forloeb/K-0100.yaml", VALID + "opstart: 2026-11-16\n")
        git(repo, "add", "forloeb/K-0100.yaml")

        # ...in any tracked text file, not only the case files; binary files are skipped.
        write(repo, "docs/møde.md", "Møde med borgeren.\nCPR: 150385-4321\n")
        with open(os.path.join(repo, "docs", "scan.bin"), "wb") as f:
            f.write(b"PK\x00\x03 1503854321")
        rc, out, err = run([CTI, "validate", "--today", TODAY], repo)
        check("other file: not reported while untracked", rc == 0 and out == "", out + err)
        git(repo, "add", "docs")
        rc, out, err = commit(repo, "notes with a cpr")
        want = "docs/møde.md:2:6: error: muligt CPR-nummer; CPR-numre hører kun til i nøglefilen (cpr.yaml) [cpr-leak]\n"
        check("other file: commit refused", rc != 0, out + err)
        check("other file: [cpr-leak] at its line:col, binary file not reported", want in out + err
              and "scan.bin" not in out + err, out + err)
        check("other file: digits never printed", not any(d in out + err for d in CPR_DIGITS), out + err)
        rc, out, err = run([CTI, "validate", "--today", TODAY], repo)
        check("other file: tracked, so the work tree check reports it too", rc == 1 and out == want, out + err)
        write(repo, "docs/møde.md", "Møde med borgeren.\n")
        rc, out, err = run([CTI, "validate", "--staged", "--today", TODAY], repo)
        check("other file: fixed in the work tree only, --staged still refuses", rc == 1 and out == want, out + err)
        git(repo, "add", "docs")
        rc, out, err = commit(repo, "notes")
        check("other file: fixed and staged, commit goes through", rc == 0, out + err)

        # A tracked CPR key file is refused ([cpr-file-tracked]), its content never printed.
        write(repo, "cpr.yaml", 'K-0100: "150385-4321"\n')
        git(repo, "add", "-f", "cpr.yaml")
        rc, out, err = commit(repo, "key file")
        want = "cpr.yaml:1:1: error: CPR-nøglefilen er versioneret i git; kør 'git rm --cached cpr.yaml' og " \
               "tilføj cpr.yaml til .gitignore [cpr-file-tracked]\n"
        check("cpr.yaml: commit refused", rc != 0, out + err)
        check("cpr.yaml: [cpr-file-tracked] shown", want in out + err, out + err)
        check("cpr.yaml: digits never printed", not any(d in out + err for d in CPR_DIGITS), out + err)
        git(repo, "rm", "-q", "--cached", "cpr.yaml")

        # Installing again replaces our own hook quietly.
        rc, out, err = run([CTI, "hook", "install"], repo)
        check("reinstall over our own hook: exit 0", rc == 0, err)
        check("reinstall: no backup made", not os.path.exists(hook + ".before-cti"))

        # The hook also works from a subdirectory and for the pre-commit framework's entry.
        rc, out, err = run([CTI, "validate", "--staged", "--today", TODAY], os.path.join(repo, "forloeb"))
        check("validate --staged from a subdirectory: clean", rc == 0 and out == "", out + err)

        # A merge conflict: markers in the work tree (one hunk over lines 3-7), unmerged paths in the index.
        git(repo, "checkout", "-q", "-b", "other")
        write(repo, "forloeb/K-0100.yaml", VALID.replace("mette", "jonas") + "opstart: 2026-11-16\n")
        git(repo, "commit", "-q", "-am", "jonas")
        git(repo, "checkout", "-q", "main")
        write(repo, "forloeb/K-0100.yaml", VALID.replace("egen-kommune", "anden-kommune") + "opstart: 2026-11-16\n")
        git(repo, "commit", "-q", "-am", "anden")
        rc, out, err = git(repo, "merge", "-q", "other")
        check("merge: a conflict", rc != 0, out + err)
        rc, out, err = run([CTI, "validate", "--staged", "--today", TODAY], repo)
        check("merge: --staged reports the unmerged path", rc == 1 and out ==
              "forloeb/K-0100.yaml:1:1: error: uløst flettekonflikt i git-indekset [merge-conflict]\n", out + err)
        rc, out, err = run([CTI, "--lang", "en", "validate", "--today", TODAY], repo)
        check("merge: the work tree check reports the markers", rc == 1 and out ==
              "forloeb/K-0100.yaml:2:1: error: git merge-conflict marker; resolve the conflict and remove the marker "
              "[merge-conflict]\n"
              "forloeb/K-0100.yaml:5:1: error: git merge-conflict marker; resolve the conflict and remove the marker "
              "[merge-conflict]\n"
              "forloeb/K-0100.yaml:8:1: error: git merge-conflict marker; resolve the conflict and remove the marker "
              "[merge-conflict]\n", out + err)
        git(repo, "merge", "--abort")

        # A foreign hook is never replaced without --force; with --force it is kept beside.
        repo2 = new_repo(tmp, "repo2")
        foreign = "#!/bin/sh\necho foreign hook\nexit 0\n"
        os.makedirs(os.path.dirname(hook_path(repo2)), exist_ok=True)
        with open(hook_path(repo2), "w") as f:
            f.write(foreign)
        os.chmod(hook_path(repo2), 0o755)
        rc, out, err = run([CTI, "hook", "install"], repo2)
        check("foreign hook: refused with exit 2", rc == 2, err)
        check("foreign hook: cti: fejl: on stderr, naming --force",
              err.startswith("cti: fejl: ") and "--force" in err, err)
        with open(hook_path(repo2)) as f:
            check("foreign hook: unchanged", f.read() == foreign)
        rc, out, err = run([CTI, "hook", "install", "--force"], repo2)
        check("--force: exit 0", rc == 0, err)
        with open(hook_path(repo2) + ".before-cti") as f:
            check("--force: the old hook is kept as pre-commit.before-cti", f.read() == foreign)
        with open(hook_path(repo2)) as f:
            check("--force: the hook is now ours", "validate --staged" in f.read())

        # Outside a git repository: a clear setup error.
        plain = os.path.join(tmp, "plain")
        shutil.copytree(BASE, plain)
        rc, out, err = run([CTI, "--lang", "en", "hook", "install"], plain)
        check("no git: exit 2 with cti: error:", rc == 2 and err.startswith("cti: error: "), err)
        rc, out, err = run([CTI, "hook"], plain)
        check("hook without install: names its command, in Danish in a Danish repository",
              rc == 2 and err == "cti: fejl: 'cti hook' skal have en kommando: install; se 'cti hook --help'\n", err)

    print(f"{len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
