"""The safe writer and the commands that create files never destroy anything (SPEC
sections 6 and 8): -o never over a case file, cti.yaml, the key file or a tracked file,
never through a symbolic link, CPR output never where git would commit it, 0600 under any
umask, complete or absent even when killed; id_præfiks cannot lead out of forloeb/;
`hook install` and `init` keep whatever they find.

    CTI=build/cti python3 -m pytest -c tests/pytest.ini tests/privacy/test_file_safety.py

The repositories are copies of tests/report/repo with its made-up key file
tests/report/cpr-keys.yaml as cpr.yaml.
"""

import os
import random
import re
import signal
import shutil
import stat
import subprocess
import time

import pytest
from conftest import CTI, ROOT, clean_env

REPORT_REPO = os.path.join(ROOT, "tests", "report", "repo")
KEYS = os.path.join(ROOT, "tests", "report", "cpr-keys.yaml")
TODAY = "2025-08-15"
Q = "2025-Q2"


def read(path):
    with open(path, "rb") as f:
        return f.read()


@pytest.fixture
def make_repo(tmp_path, git):
    """make_repo(name, parent=tmp_path, git_init=True) -> a copy of the report repository
    with its key file and a .gitignore for it, in git with everything added."""
    def make(name="repo", parent=None, git_init=True):
        repo = os.path.join(parent or str(tmp_path), name)
        shutil.copytree(REPORT_REPO, repo)
        shutil.copy(KEYS, os.path.join(repo, "cpr.yaml"))
        with open(os.path.join(repo, ".gitignore"), "w") as f:
            f.write("cpr.yaml\n")
        if git_init:
            git("init", "-q", "-b", "main", cwd=repo)
            git("add", ".", cwd=repo)
        return repo
    return make


@pytest.fixture
def cti(run_cti):
    """cti(cwd, *args): cti in English on the pinned day."""
    def run(cwd, *args):
        return run_cti(*args, cwd=cwd, today=TODAY)
    return run


def snapshot(path):
    return path, (os.readlink(path) if os.path.islink(path) else read(path) if os.path.exists(path) else None)


def assert_refused(r, *snapshots, text=None):
    """Exit 2, `text` in the message, and every snapshotted path as it was."""
    assert r.rc == 2, r
    if text:
        assert text in r.err, f"does not say why ({text!r})\n{r!r}"
    for path, before in snapshots:
        _, after = snapshot(path)
        assert after == before, f"{os.path.basename(path)} changed: {before!r} -> {after!r}"


def assert_no_temp_files(directory):
    left = [n for n in os.listdir(directory) if n.startswith(".") and n not in (".git", ".gitignore")]
    assert not left, f"temporary files left in {directory}: {left}"


@pytest.fixture
def protected(make_repo, git):
    repo = make_repo("protected")
    git("add", "-f", "--", "forloeb", cwd=repo)
    return repo


@pytest.mark.parametrize("cmd", [["calendar", "-o", "TARGET"], ["calendar", "--worker", "mette", "-o", "TARGET"],
                                 ["report", "--quarter", Q, "-o", "TARGET", "--force"]], ids=" ".join)
@pytest.mark.parametrize("target, text", [("cpr.yaml", "key file"), ("cti.yaml", "case repository"),
                                          ("forloeb/K-0001.yaml", "case repository"), ("forloeb", "directory")])
def test_o_never_over_a_protected_file(protected, cti, cmd, target, text):
    path = os.path.join(protected, target)
    watched = os.path.join(path, "K-0001.yaml") if os.path.isdir(path) else path
    assert_refused(cti(protected, *[target if a == "TARGET" else a for a in cmd]), snapshot(watched), text=text)


def test_o_never_inside_git(protected, cti):
    assert_refused(cti(protected, "calendar", "-o", ".git/config"),
                   snapshot(os.path.join(protected, ".git", "config")), text=".git")


def test_o_never_over_a_tracked_file(protected, cti, git):
    """Also one that a pattern ignores; with --force too. An ignored, untracked path
    inside the repository is fine for the report."""
    notes = os.path.join(protected, "noter.txt")
    with open(notes, "w") as f:
        f.write("tracked\n")
    git("add", "noter.txt", cwd=protected)
    assert_refused(cti(protected, "calendar", "-o", "noter.txt"), snapshot(notes), text="tracked")
    with open(os.path.join(protected, ".gitignore"), "a") as f:
        f.write("*.csv\n")
    tracked_csv = os.path.join(protected, "gammel.csv")
    with open(tracked_csv, "w") as f:
        f.write("tracked but ignored by a pattern\n")
    git("add", "-f", "gammel.csv", cwd=protected)
    assert_refused(cti(protected, "report", "--quarter", Q, "-o", "gammel.csv", "--force"), snapshot(tracked_csv),
                   text="tracked")
    r = cti(protected, "report", "--quarter", Q, "-o", "ny.csv")
    assert r.rc == 0 and os.path.isfile(os.path.join(protected, "ny.csv")), r
    assert_no_temp_files(protected)


@pytest.fixture
def links(make_repo, tmp_path):
    repo = make_repo("links")
    outside = str(tmp_path / "outside")
    os.mkdir(outside)
    return repo, outside


def test_o_never_through_a_link_in_the_repository_pointing_out(links, cti):
    repo, outside = links
    link_out = os.path.join(repo, "q.csv")
    os.symlink(os.path.join(outside, "target.csv"), link_out)
    assert_refused(cti(repo, "report", "--quarter", Q, "-o", "q.csv", "--force"), snapshot(link_out),
                   text="symbolic link")
    assert not os.path.exists(os.path.join(outside, "target.csv")), "written through the link"


def test_o_never_through_a_link_outside_pointing_in(links, cti):
    repo, outside = links
    link_in = os.path.join(outside, "in.csv")
    os.symlink(os.path.join(repo, "cpr-copy.csv"), link_in)
    assert_refused(cti(outside, "-C", repo, "report", "--quarter", Q, "-o", "in.csv"), snapshot(link_in),
                   text="symbolic link")
    assert not os.path.exists(os.path.join(repo, "cpr-copy.csv")), "written into the repository"


def test_o_never_through_a_dangling_link(links, cti):
    repo, outside = links
    dangling = os.path.join(outside, "dangling.ics")
    os.symlink(os.path.join(outside, "nowhere.ics"), dangling)
    assert_refused(cti(outside, "-C", repo, "calendar", "-o", "dangling.ics"), snapshot(dangling),
                   text="symbolic link")


def test_a_linked_folder_into_the_repository_is_inside_it(links, cti):
    repo, outside = links
    os.symlink(repo, os.path.join(outside, "dir-link"))
    r = cti(outside, "-C", repo, "report", "--quarter", Q, "-o", "dir-link/via.csv")
    assert r.rc == 2 and "git does not ignore" in r.err, r
    assert not os.path.exists(os.path.join(repo, "via.csv")), "written through the folder link"


@pytest.fixture
def subfolder(make_repo, tmp_path, git):
    """A case repository in the subfolder cti/ of a larger git work tree."""
    big = str(tmp_path / "big")
    os.mkdir(big)
    git("init", "-q", "-b", "main", cwd=big)
    repo = make_repo("cti", parent=big, git_init=False)
    git("add", ".", cwd=big)
    return big, repo


def test_report_never_into_the_larger_work_tree(subfolder, cti):
    big, repo = subfolder
    r = cti(repo, "report", "--quarter", Q, "-o", "../q.csv")
    assert r.rc == 2 and "git does not ignore" in r.err, r
    assert not os.path.exists(os.path.join(big, "q.csv")), "../q.csv written"


def test_relative_o_is_relative_to_the_start_directory_not_to_C(subfolder, cti, tmp_path):
    _, repo = subfolder
    elsewhere = str(tmp_path / "elsewhere")
    os.mkdir(elsewhere)
    r = cti(elsewhere, "-C", repo, "report", "--quarter", Q, "-o", "rel.csv")
    assert r.rc == 0 and os.path.isfile(os.path.join(elsewhere, "rel.csv")), r
    assert "rel.csv" in r.err and elsewhere not in r.err, "the message does not name the file as typed\n" + repr(r)
    r = cti(elsewhere, "-C", repo, "calendar", "-o", "cal.ics")
    assert r.rc == 0 and os.path.isfile(os.path.join(elsewhere, "cal.ics")), r
    r = cti(elsewhere, "-C", repo, "calendar", "-o", "cal.ics")
    assert r.rc == 0, "calendar does not replace its own earlier file\n" + repr(r)


def with_umask(mask, run):
    """run() with the process umask `mask` (which the cti it starts inherits)."""
    old = os.umask(mask)
    try:
        return run()
    finally:
        os.umask(old)


@pytest.mark.parametrize("umask", [0, 0o022, 0o077], ids=lambda m: f"umask {m:03o}")
def test_the_report_is_0600_under_any_umask(make_repo, cti, tmp_path, umask):
    repo = make_repo("modes")
    out_dir = str(tmp_path / "out")
    os.mkdir(out_dir)
    target = os.path.join(out_dir, f"q-{umask:o}.csv")
    r = with_umask(umask, lambda: cti(repo, "report", "--quarter", Q, "-o", target))
    mode = stat.S_IMODE(os.stat(target).st_mode) if os.path.exists(target) else None
    assert r.rc == 0 and mode == 0o600, f"mode {mode}\n{r!r}"
    r = with_umask(umask, lambda: cti(repo, "report", "--quarter", Q, "-o", target, "--force"))
    mode = stat.S_IMODE(os.stat(target).st_mode)
    assert r.rc == 0 and mode == 0o600, f"--force: mode {mode}\n{r!r}"
    assert_no_temp_files(out_dir)


def test_a_killed_report_is_complete_or_absent(make_repo, cti, tmp_path):
    """A repository large enough that the write takes a moment; killed at random points,
    the report is either complete or absent, and no temporary name is left."""
    repo = make_repo("big-report")
    with open(os.path.join(repo, "cpr.yaml"), "a") as keys:
        for i in range(1, 3001):
            cid = f"K-{5000 + i}"
            with open(os.path.join(repo, "forloeb", cid + ".yaml"), "w") as f:
                f.write(f"id: {cid}\nmedarbejder: mette\ndelmålgruppe: egen-kommune\nkontakt: 2025-01-06\n"
                        f"opstart: 2025-02-03\n")
            keys.write(f'{cid}: "0101{30 + i % 20}-{4000 + i % 5000:04d}"\n')
    out_dir = str(tmp_path / "killed")
    os.mkdir(out_dir)
    r = cti(repo, "report", "--quarter", Q, "-o", os.path.join(out_dir, "full.csv"))
    assert r.rc == 0, "the big report does not run\n" + repr(r)
    full = read(os.path.join(out_dir, "full.csv"))
    start = time.monotonic()
    cti(repo, "report", "--quarter", Q, "-o", os.path.join(out_dir, "timing.csv"))
    took = time.monotonic() - start
    rnd = random.Random(7)
    for i in range(40):
        target = os.path.join(out_dir, f"k{i}.csv")
        p = subprocess.Popen([CTI, "report", "--quarter", Q, "-o", target], cwd=repo,
                             env=clean_env({"CTI_TODAY": TODAY}), stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
        time.sleep(rnd.uniform(0, took * 1.1))
        p.send_signal(signal.SIGKILL if i % 2 == 0 else signal.SIGTERM)
        p.wait()
        if os.path.exists(target):
            assert read(target) == full, f"kill {i}: the file that exists is not complete"
    assert_no_temp_files(out_dir)


def test_id_prefix_cannot_lead_out_of_forloeb(make_repo, cti, tmp_path):
    repo = make_repo("prefix")
    text = read(os.path.join(repo, "cti.yaml")).decode()
    text = re.sub(r"^id_præfiks:.*$", 'id_præfiks: "../../x/K-"', text, flags=re.M)
    if "id_præfiks" not in text:
        text += 'id_præfiks: "../../x/K-"\n'
    with open(os.path.join(repo, "cti.yaml"), "w") as f:
        f.write(text)
    r = cti(repo, "validate")
    assert "cti.yaml:" in r.text and "[invalid-value]" in r.text and "id_præfiks" in r.text, r
    before = sorted(os.listdir(tmp_path))
    r = cti(repo, "new", "--worker", "mette", "--subgroup", "egen-kommune")
    assert r.rc == 2 and "forloeb/" in r.err, r
    assert sorted(os.listdir(tmp_path)) == before and not os.path.exists(tmp_path / "x"), "wrote outside"


def dangling_link(hook, tmp):
    os.symlink("/nonexistent/hook", hook)


def link_to_a_foreign_hook(hook, tmp):
    shared = os.path.join(tmp, "shared-hook")
    with open(shared, "w") as f:
        f.write("#!/bin/sh\n")
    os.symlink(shared, hook)


def unreadable_foreign_hook(hook, tmp):
    with open(hook, "w") as f:
        f.write("#!/bin/sh\necho mine\n")
    os.chmod(hook, 0)


def directory(hook, tmp):
    os.mkdir(hook)


@pytest.mark.parametrize("make", [dangling_link, link_to_a_foreign_hook, unreadable_foreign_hook, directory],
                         ids=lambda f: f.__name__.replace("_", " "))
def test_hook_install_keeps_what_it_finds(make_repo, cti, tmp_path, make):
    repo = make_repo("hooks")
    hooks_dir = os.path.join(repo, ".git", "hooks")
    os.makedirs(hooks_dir, exist_ok=True)
    for p in os.listdir(hooks_dir):
        full = os.path.join(hooks_dir, p)
        if os.path.isdir(full) and not os.path.islink(full):
            shutil.rmtree(full)
        else:
            os.remove(full)
    hook = os.path.join(hooks_dir, "pre-commit")
    make(hook, str(tmp_path))
    was_link = os.readlink(hook) if os.path.islink(hook) else None
    r = cti(repo, "hook", "install")
    assert r.rc == 2 and "--force" in r.err, r
    assert (os.readlink(hook) if os.path.islink(hook) else None) == was_link and os.path.lexists(hook), \
        "not left as it was"
    r = cti(repo, "hook", "install", "--force")
    assert r.rc == 0, r
    backups = [p for p in os.listdir(hooks_dir) if p.startswith("pre-commit.before-cti")]
    assert len(backups) == 1, f"--force does not keep it as a backup: {backups}"
    if was_link:
        assert os.readlink(os.path.join(hooks_dir, backups[0])) == was_link, "the backup is not the link"
    assert "cti hook install" in read(hook).decode(), "the new hook is not cti's"
    r = cti(repo, "hook", "install")
    assert r.rc == 0, "re-installing over cti's own hook needs --force\n" + repr(r)


def test_init_appends_through_a_symlinked_gitignore(cti, tmp_path):
    shared = tmp_path / "shared-gitignore"
    shared.write_text("*.log\n")
    d = tmp_path / "init-link"
    d.mkdir()
    os.symlink(shared, d / ".gitignore")
    r = cti(tmp_path, "init", d)
    assert r.rc == 0, r
    assert os.path.islink(d / ".gitignore"), "the .gitignore is no longer a link"
    assert read(shared) == b"*.log\ncpr.yaml\n", "cpr.yaml was not appended through the link"


def test_init_leaves_a_dangling_gitignore_link_alone(cti, tmp_path):
    d = tmp_path / "init-dangling"
    d.mkdir()
    os.symlink("/nonexistent/gitignore", d / ".gitignore")
    r = cti(tmp_path, "init", d)
    assert r.rc == 2 and "cpr.yaml" in r.err, "does not say what to add\n" + repr(r)
    assert os.readlink(d / ".gitignore") == "/nonexistent/gitignore", "the dangling link changed"
