#!/usr/bin/python3
"""The safe writer and the commands that create files never destroy anything (SPEC
sections 6 and 8): -o never over a case file, cti.yaml, the key file or a tracked file,
never through a symbolic link, CPR output never where git would commit it, 0600 under any
umask, complete or absent even when killed; id_præfiks cannot lead out of forloeb/;
`hook install` and `init` keep whatever they find.

    /usr/bin/python3 tests/privacy/test_file_safety.py
"""

import os
import random
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "lib"))
from e2e import CTI, ROOT, check, failures  # noqa: E402

REPORT_REPO = os.path.join(ROOT, "tests", "report", "repo")
KEYS = os.path.join(ROOT, "tests", "report", "cpr-keys.yaml")
TODAY = "2025-08-15"
Q = "2025-Q2"


def env():
    e = dict(os.environ, NO_COLOR="1", LC_ALL="C.UTF-8", LANG="C.UTF-8", CTI_TODAY=TODAY,
             GIT_CONFIG_NOSYSTEM="1", HOME="/nonexistent")
    for k in ("CTI_CPR_FILE", "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"):
        e.pop(k, None)
    return e


def cti(cwd, *args, umask=None, extra_env=None):
    e = env()
    e.update(extra_env or {})
    pre = (lambda: os.umask(umask)) if umask is not None else None
    p = subprocess.run([CTI, "--lang", "en", *args], capture_output=True, env=e, cwd=cwd, timeout=60, preexec_fn=pre)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def git(cwd, *args):
    return subprocess.run(["git", *args], cwd=cwd, env=env(), capture_output=True, check=True).stdout.decode()


def read(path):
    with open(path, "rb") as f:
        return f.read()


def make_repo(parent, name="repo", git_init=True, gitignore="cpr.yaml\n"):
    repo = os.path.join(parent, name)
    shutil.copytree(REPORT_REPO, repo)
    shutil.copy(KEYS, os.path.join(repo, "cpr.yaml"))
    with open(os.path.join(repo, ".gitignore"), "w") as f:
        f.write(gitignore)
    if git_init:
        git(repo, "init", "-q", "-b", "main")
        git(repo, "add", ".")
    return repo


def refused(label, result, *paths_unchanged, text=None):
    rc, out, err = result
    check(f"{label}: refused (exit 2)", rc == 2, f"exit {rc}\n{out}\n{err}")
    if text:
        check(f"{label}: says why", text in err, err)
    for path, before in paths_unchanged:
        after = os.readlink(path) if os.path.islink(path) else read(path) if os.path.exists(path) else None
        check(f"{label}: {os.path.basename(path)} unchanged", after == before, f"{before!r} -> {after!r}")


def snapshot(path):
    return path, (os.readlink(path) if os.path.islink(path) else read(path) if os.path.exists(path) else None)


def no_temp_files(label, directory):
    left = [n for n in os.listdir(directory) if n.startswith(".") and n not in (".git", ".gitignore")]
    check(f"{label}: no temporary file left in {os.path.basename(directory)}", not left, str(left))


def protected_targets(tmp):
    repo = make_repo(tmp, "protected")
    git(repo, "add", "-f", "--", "forloeb")
    for target, text in (("cpr.yaml", "key file"), ("cti.yaml", "case repository"),
                         ("forloeb/K-0001.yaml", "case repository"), ("forloeb", "directory")):
        path = os.path.join(repo, target)
        watched = os.path.join(path, "K-0001.yaml") if os.path.isdir(path) else path
        for cmd in (["calendar", "-o", target], ["calendar", "--worker", "mette", "-o", target],
                    ["report", "--quarter", Q, "-o", target, "--force"]):
            refused(" ".join(cmd), cti(repo, *cmd), snapshot(watched), text=text)
    # Inside .git.
    refused("calendar -o .git/config", cti(repo, "calendar", "-o", ".git/config"),
            snapshot(os.path.join(repo, ".git", "config")), text=".git")
    # A tracked file, also one that a pattern ignores; with --force too.
    notes = os.path.join(repo, "noter.txt")
    with open(notes, "w") as f:
        f.write("tracked\n")
    git(repo, "add", "noter.txt")
    refused("calendar over a tracked file", cti(repo, "calendar", "-o", "noter.txt"), snapshot(notes), text="tracked")
    with open(os.path.join(repo, ".gitignore"), "a") as f:
        f.write("*.csv\n")
    tracked_csv = os.path.join(repo, "gammel.csv")
    with open(tracked_csv, "w") as f:
        f.write("tracked but ignored by a pattern\n")
    git(repo, "add", "-f", "gammel.csv")
    refused("report over a tracked file that a pattern ignores",
            cti(repo, "report", "--quarter", Q, "-o", "gammel.csv", "--force"), snapshot(tracked_csv), text="tracked")
    # An ignored, untracked path inside the repository is fine for the report.
    rc, out, err = cti(repo, "report", "--quarter", Q, "-o", "ny.csv")
    check("report -o an ignored path in the repository works", rc == 0 and os.path.isfile(os.path.join(repo, "ny.csv")),
          err)
    no_temp_files("report", repo)


def symlinks(tmp):
    repo = make_repo(tmp, "links")
    outside = os.path.join(tmp, "outside")
    os.mkdir(outside)
    # A link in the repository pointing out, and one outside pointing in.
    link_out = os.path.join(repo, "q.csv")
    os.symlink(os.path.join(outside, "target.csv"), link_out)
    refused("report -o a link in the repository", cti(repo, "report", "--quarter", Q, "-o", "q.csv", "--force"),
            snapshot(link_out), text="symbolic link")
    check("nothing written through the link", not os.path.exists(os.path.join(outside, "target.csv")))
    link_in = os.path.join(outside, "in.csv")
    os.symlink(os.path.join(repo, "cpr-copy.csv"), link_in)
    refused("report -o a link into the repository", cti(outside, "-C", repo, "report", "--quarter", Q, "-o", "in.csv"),
            snapshot(link_in), text="symbolic link")
    check("nothing written into the repository", not os.path.exists(os.path.join(repo, "cpr-copy.csv")))
    dangling = os.path.join(outside, "dangling.ics")
    os.symlink(os.path.join(outside, "nowhere.ics"), dangling)
    refused("calendar -o a dangling link", cti(outside, "-C", repo, "calendar", "-o", "dangling.ics"),
            snapshot(dangling), text="symbolic link")
    # A linked folder is resolved: a path through it into the repository is inside the repository.
    os.symlink(repo, os.path.join(outside, "dir-link"))
    rc, out, err = cti(outside, "-C", repo, "report", "--quarter", Q, "-o", "dir-link/via.csv")
    check("report through a folder link into the repository: refused", rc == 2 and "git does not ignore" in err, err)
    check("report through a folder link: nothing written", not os.path.exists(os.path.join(repo, "via.csv")))


def subfolder_and_relative(tmp):
    big = os.path.join(tmp, "big")
    os.mkdir(big)
    git(big, "init", "-q", "-b", "main")
    repo = make_repo(big, "cti", git_init=False)
    git(big, "add", ".")
    rc, out, err = cti(repo, "report", "--quarter", Q, "-o", "../q.csv")
    check("report -o ../q.csv into the larger work tree: refused", rc == 2 and "git does not ignore" in err, err)
    check("report -o ../q.csv: nothing written", not os.path.exists(os.path.join(big, "q.csv")))
    # Relative -o is relative to where cti was started, not to -C.
    elsewhere = os.path.join(tmp, "elsewhere")
    os.mkdir(elsewhere)
    rc, out, err = cti(elsewhere, "-C", repo, "report", "--quarter", Q, "-o", "rel.csv")
    check("relative -o lands in the start directory", rc == 0 and os.path.isfile(os.path.join(elsewhere, "rel.csv")),
          err)
    check("the message names the file as typed", "rel.csv" in err and elsewhere not in err, err)
    rc, out, err = cti(elsewhere, "-C", repo, "calendar", "-o", "cal.ics")
    check("calendar: relative -o lands in the start directory", rc == 0 and os.path.isfile(
        os.path.join(elsewhere, "cal.ics")), err)
    rc, out, err = cti(elsewhere, "-C", repo, "calendar", "-o", "cal.ics")
    check("calendar replaces its own earlier file", rc == 0, err)


def modes(tmp):
    repo = make_repo(tmp, "modes")
    out_dir = os.path.join(tmp, "out")
    os.mkdir(out_dir)
    for umask in (0, 0o022, 0o077):
        target = os.path.join(out_dir, f"q-{umask:o}.csv")
        rc, out, err = cti(repo, "report", "--quarter", Q, "-o", target, umask=umask)
        mode = stat.S_IMODE(os.stat(target).st_mode) if os.path.exists(target) else None
        check(f"report is 0600 under umask {umask:03o}", rc == 0 and mode == 0o600, f"{err} mode {mode}")
        rc, out, err = cti(repo, "report", "--quarter", Q, "-o", target, "--force", umask=umask)
        mode = stat.S_IMODE(os.stat(target).st_mode)
        check(f"report --force is 0600 under umask {umask:03o}", rc == 0 and mode == 0o600, f"{err} mode {mode}")
    no_temp_files("modes", out_dir)


def killed(tmp):
    # A repository large enough that the write takes a moment; killed at random points,
    # the report is either complete or absent, and no temporary name is left.
    repo = make_repo(tmp, "big-report")
    with open(os.path.join(repo, "cpr.yaml"), "a") as keys:
        for i in range(1, 3001):
            cid = f"K-{5000 + i}"
            with open(os.path.join(repo, "forloeb", cid + ".yaml"), "w") as f:
                f.write(f"id: {cid}\nmedarbejder: mette\ndelmålgruppe: egen-kommune\nkontakt: 2025-01-06\n"
                        f"opstart: 2025-02-03\n")
            keys.write(f'{cid}: "0101{30 + i % 20}-{4000 + i % 5000:04d}"\n')
    out_dir = os.path.join(tmp, "killed")
    os.mkdir(out_dir)
    rc, out, err = cti(repo, "report", "--quarter", Q, "-o", os.path.join(out_dir, "full.csv"))
    if rc != 0:
        check("the big report runs", False, err[-2000:])
        return
    full = read(os.path.join(out_dir, "full.csv"))
    start = time.monotonic()
    cti(repo, "report", "--quarter", Q, "-o", os.path.join(out_dir, "timing.csv"))
    took = time.monotonic() - start
    rnd = random.Random(7)
    outcomes = set()
    for i in range(40):
        target = os.path.join(out_dir, f"k{i}.csv")
        p = subprocess.Popen([CTI, "report", "--quarter", Q, "-o", target], cwd=repo, env=env(),
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rnd.uniform(0, took * 1.1))
        p.send_signal(signal.SIGKILL if i % 2 == 0 else signal.SIGTERM)
        p.wait()
        if os.path.exists(target):
            outcomes.add("complete")
            check(f"kill {i}: the file that exists is complete", read(target) == full)
        else:
            outcomes.add("absent")
    print(f"kill outcomes: {sorted(outcomes)} (a run took {took:.3f} s)")
    no_temp_files("after kills", out_dir)


def id_prefix(tmp):
    repo = make_repo(tmp, "prefix")
    text = read(os.path.join(repo, "cti.yaml")).decode()
    import re
    text = re.sub(r"^id_præfiks:.*$", 'id_præfiks: "../../x/K-"', text, flags=re.M)
    if "id_præfiks" not in text:
        text += 'id_præfiks: "../../x/K-"\n'
    with open(os.path.join(repo, "cti.yaml"), "w") as f:
        f.write(text)
    rc, out, err = cti(repo, "validate")
    check("an id_præfiks with a '/' is an [invalid-value] error", "cti.yaml:" in out and "[invalid-value]" in out
          and "id_præfiks" in out, out + err)
    before = sorted(os.listdir(tmp))
    rc, out, err = cti(repo, "new", "--worker", "mette", "--subgroup", "egen-kommune")
    check("cti new refuses the prefix", rc == 2 and "forloeb/" in err, err)
    check("cti new wrote nothing outside", sorted(os.listdir(tmp)) == before and not os.path.exists(
        os.path.join(tmp, "x")))


def hooks(tmp):
    repo = make_repo(tmp, "hooks")
    hooks_dir = os.path.join(repo, ".git", "hooks")
    os.makedirs(hooks_dir, exist_ok=True)
    hook = os.path.join(hooks_dir, "pre-commit")
    cases = {
        "a dangling symlink": lambda: os.symlink("/nonexistent/hook", hook),
        "a symlink to a foreign hook": lambda: (open(os.path.join(tmp, "shared-hook"), "w").write("#!/bin/sh\n"),
                                                os.symlink(os.path.join(tmp, "shared-hook"), hook)),
        "an unreadable foreign hook": lambda: (open(hook, "w").write("#!/bin/sh\necho mine\n"), os.chmod(hook, 0)),
        "a directory": lambda: os.mkdir(hook),
    }
    for label, make in cases.items():
        for p in os.listdir(hooks_dir):
            full = os.path.join(hooks_dir, p)
            if os.path.isdir(full) and not os.path.islink(full):
                shutil.rmtree(full)
            else:
                os.remove(full)
        make()
        was_link = os.readlink(hook) if os.path.islink(hook) else None
        rc, out, err = cti(repo, "hook", "install")
        check(f"hook install refuses {label}", rc == 2 and "--force" in err, err)
        check(f"{label} is left as it was", (os.readlink(hook) if os.path.islink(hook) else None) == was_link and
              os.path.lexists(hook))
        rc, out, err = cti(repo, "hook", "install", "--force")
        check(f"hook install --force over {label} works", rc == 0, err)
        backups = [p for p in os.listdir(hooks_dir) if p.startswith("pre-commit.before-cti")]
        check(f"--force keeps {label} as a backup", len(backups) == 1, str(backups))
        if backups and was_link:
            check(f"the backup of {label} is still the link",
                  os.readlink(os.path.join(hooks_dir, backups[0])) == was_link)
        check(f"the new hook is cti's ({label})", "cti hook install" in read(hook).decode())
        rc, out, err = cti(repo, "hook", "install")
        check(f"re-installing over cti's own hook needs no --force ({label})", rc == 0, err)


def init(tmp):
    shared = os.path.join(tmp, "shared-gitignore")
    with open(shared, "w") as f:
        f.write("*.log\n")
    d = os.path.join(tmp, "init-link")
    os.mkdir(d)
    os.symlink(shared, os.path.join(d, ".gitignore"))
    rc, out, err = cti(tmp, "init", d)
    check("init with a symlinked .gitignore works", rc == 0, err)
    check("the .gitignore is still a link", os.path.islink(os.path.join(d, ".gitignore")))
    check("cpr.yaml was appended through the link", read(shared) == b"*.log\ncpr.yaml\n", repr(read(shared)))
    d2 = os.path.join(tmp, "init-dangling")
    os.mkdir(d2)
    os.symlink("/nonexistent/gitignore", os.path.join(d2, ".gitignore"))
    rc, out, err = cti(tmp, "init", d2)
    check("init with a dangling .gitignore link says what to add", rc == 2 and "cpr.yaml" in err, err)
    check("the dangling link is left alone", os.readlink(os.path.join(d2, ".gitignore")) == "/nonexistent/gitignore")


def main():
    tmp = tempfile.mkdtemp(prefix="cti-safety-")
    try:
        for part in (protected_targets, symlinks, subfolder_and_relative, modes, killed, id_prefix, hooks, init):
            sub = os.path.join(tmp, part.__name__)
            os.mkdir(sub)
            part(sub)
    finally:
        for dirpath, dirnames, filenames in os.walk(tmp):
            for n in filenames:
                path = os.path.join(dirpath, n)
                if not os.path.islink(path):
                    os.chmod(path, 0o600)
        shutil.rmtree(tmp, ignore_errors=True)
    if failures:
        print(f"{len(failures)} failure(s)")
        sys.exit(1)


if __name__ == "__main__":
    main()
