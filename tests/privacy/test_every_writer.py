"""Every file cti writes with -o goes through the one safe writer (SPEC sections 6 and 8):
board, calendar and report refuse the same protected targets, with and without --force,
with a clear message and exit 2; and the writer fails closed when git cannot answer
(a repository git refuses for its owner), never taking that as "not in a work tree".

    CTI=build/cti python3 -m pytest -c tests/pytest.ini tests/privacy/test_every_writer.py
"""

import os
import shutil
import subprocess

import pytest
from conftest import ROOT

REPORT_REPO = os.path.join(ROOT, "tests", "report", "repo")
KEYS = os.path.join(ROOT, "tests", "report", "cpr-keys.yaml")
TODAY = "2025-08-15"
Q = "2025-Q2"

COMMANDS = {
    "board": ["board", "-o", "TARGET"],
    "calendar": ["calendar", "-o", "TARGET"],
    "report": ["report", "--quarter", Q, "-o", "TARGET"],
}


def read(path):
    with open(path, "rb") as f:
        return f.read()


def snapshot(path):
    if os.path.islink(path):
        return ("link", os.readlink(path))
    if os.path.isfile(path):
        return ("file", read(path))
    return ("other", os.path.exists(path))


@pytest.fixture
def repo(tmp_path, git):
    repo = str(tmp_path / "repo")
    shutil.copytree(REPORT_REPO, repo)
    shutil.copy(KEYS, os.path.join(repo, "cpr.yaml"))
    with open(os.path.join(repo, ".gitignore"), "w") as f:
        f.write("cpr.yaml\n")
    with open(os.path.join(repo, "README.md"), "w") as f:
        f.write("tracked\n")
    git("init", "-q", "-b", "main", cwd=repo)
    git("add", ".", cwd=repo)
    return repo


# calendar always replaces its earlier file (as if --force were given): it has no --force.
ALWAYS_REPLACES = {"calendar"}


def run(run_cti, cwd, cmd, target, force):
    flag = ["--force"] if force and cmd not in ALWAYS_REPLACES else []
    args = [target if a == "TARGET" else a for a in COMMANDS[cmd]] + flag
    return run_cti(*args, cwd=cwd, today=TODAY)


def prepare(repo, tmp_path, kind):
    """The target of `kind` in `repo`: (the -o argument, the path to watch, what the
    message says)."""
    if kind == "key file":
        return "cpr.yaml", os.path.join(repo, "cpr.yaml"), "key file"
    if kind == "case file":
        return "forloeb/K-0001.yaml", os.path.join(repo, "forloeb", "K-0001.yaml"), "case repository"
    if kind == "new case file":
        return "forloeb/K-0099.yaml", os.path.join(repo, "forloeb", "K-0099.yaml"), "case repository"
    if kind == "cti.yaml":
        return "cti.yaml", os.path.join(repo, "cti.yaml"), "case repository"
    if kind == "tracked":
        return "README.md", os.path.join(repo, "README.md"), "tracked"
    if kind == ".git":
        return ".git/config", os.path.join(repo, ".git", "config"), ".git"
    if kind == "symlink":
        outside = str(tmp_path / "outside.html")
        link = os.path.join(repo, "out.html")
        os.symlink(outside, link)
        return "out.html", link, "symbolic link"
    if kind == "fifo":
        fifo = str(tmp_path / "pipe")
        os.mkfifo(fifo)
        return fifo, fifo, "not a regular file"
    if kind == "empty":
        return "", os.path.join(repo, "cti.yaml"), "file name"
    raise AssertionError(kind)


KINDS = ["key file", "case file", "new case file", "cti.yaml", "tracked", ".git", "symlink", "fifo", "empty"]


@pytest.mark.parametrize("force", [False, True], ids=["", "--force"])
@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("cmd", sorted(COMMANDS))
def test_every_o_refuses_every_protected_target(repo, tmp_path, run_cti, cmd, kind, force):
    if force and cmd in ALWAYS_REPLACES:
        pytest.skip(f"{cmd} has no --force")
    given, watched, text = prepare(repo, tmp_path, kind)
    before = snapshot(watched)
    r = run(run_cti, repo, cmd, given, force)
    assert r.rc == 2, r
    assert text in r.err, f"does not say why ({text!r})\n{r!r}"
    assert "internal error" not in r.err, r
    assert snapshot(watched) == before, f"{watched} changed"
    assert not os.path.exists(str(tmp_path / "outside.html")), "written through the link"
    left = [n for n in os.listdir(repo) if n.startswith(".") and n not in (".git", ".gitignore")]
    assert not left, f"temporary files left: {left}"


def test_board_writes_and_replaces_only_with_force(repo, tmp_path, run_cti):
    out = str(tmp_path / "tavle.html")
    r = run(run_cti, repo, "board", out, False)
    assert r.rc == 0 and read(out).startswith(b"<!DOCTYPE html>") or b"<html" in read(out), r
    r = run(run_cti, repo, "board", out, False)
    assert r.rc == 2 and "--force" in r.err, r
    r = run(run_cti, repo, "board", out, True)
    assert r.rc == 0, r


@pytest.fixture
def foreign_owned(repo, git):
    """The repository owned by another user: git (run as root, with no safe.directory)
    refuses to read it ("dubious ownership")."""
    if os.geteuid() != 0:
        pytest.skip("needs root to give the repository to another user")
    git("commit", "-q", "-m", "start", cwd=repo)
    for dirpath, dirs, files in os.walk(repo):
        for name in dirs + files + ["."]:
            os.lchown(os.path.join(dirpath, name), 65534, 65534)
    p = subprocess.run(["git", "status"], cwd=repo, capture_output=True, text=True,
                       env={"PATH": os.environ["PATH"], "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1"})
    if p.returncode == 0:
        pytest.skip("git reads a repository of another owner here")
    return repo


@pytest.mark.parametrize("cmd", sorted(COMMANDS))
def test_git_failing_is_cannot_tell_not_outside_a_work_tree(foreign_owned, run_cti, cmd):
    repo = foreign_owned
    readme = os.path.join(repo, "README.md")
    before = read(readme)
    r = run(run_cti, repo, cmd, "README.md", True)
    assert r.rc == 2 and "git cannot tell" in r.err, r
    assert read(readme) == before, "a tracked file was overwritten"
    r = run(run_cti, repo, cmd, "new-file.out", True)
    assert r.rc == 2 and "git cannot tell" in r.err, r
    assert not os.path.exists(os.path.join(repo, "new-file.out")), "written into a work tree git cannot read"


def test_git_failing_in_a_larger_work_tree_keeps_the_report_out(foreign_owned, run_cti, tmp_path):
    r = run_cti("report", "--quarter", Q, "-o", "../q.csv", cwd=os.path.join(foreign_owned, "forloeb"),
                today=TODAY)
    assert r.rc == 2, r
    assert not os.path.exists(os.path.join(foreign_owned, "q.csv"))
