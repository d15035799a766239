"""`cti hook install` in a temporary git repository, with real commits.

    CTI=build/cti python3 -m pytest -c tests/pytest.ini tests/hook

The repositories are made of tests/bad/base (cti.yaml says sprog: da, so messages are
Danish). The installed hook runs the cti that installed it (else `cti` on PATH); the
built cti's directory is also put on PATH, as a team's machine would have it.
"""

import os
import shutil
import subprocess

import pytest
from conftest import CTI, ROOT, clean_env, run_cti

BASE = os.path.join(ROOT, "tests", "bad", "base")
TODAY = "2026-11-23"
CPR_DIGITS = ["150385", "1503854321"]
# Every run, cti's and git's (whose hook runs cti): the pinned day, and cti on PATH.
ENV = {"CTI_TODAY": TODAY, "PATH": os.path.dirname(CTI) + os.pathsep + os.environ.get("PATH", "/usr/bin:/bin")}

VALID = "id: K-0100\nmedarbejder: mette\ndelmålgruppe: egen-kommune\nkontakt: 2026-11-02\n"
BROKEN = "id: K-0100\nmedarbejder: mette\ndelmalgruppe: egen-kommune\n"
BROKEN_DIAG = ("forloeb/K-0100.yaml:3:1: error: ukendt nøgle 'delmalgruppe' "
               "(mente du 'delmålgruppe'?) [unknown-key]\n")
CPR_LEAK_DIAG = ("docs/møde.md:2:6: error: muligt CPR-nummer; CPR-numre hører kun til i nøglefilen (cpr.yaml) "
                 "[cpr-leak]\n")
KEY_FILE_DIAG = ("cpr.yaml:1:1: error: CPR-nøglefilen er versioneret i git; kør 'git rm --cached cpr.yaml' og "
                 "tilføj cpr.yaml til .gitignore [cpr-file-tracked]\n")
MARKER = "error: git merge-conflict marker; resolve the conflict and remove the marker [merge-conflict]\n"


class Run:
    """A finished git run: rc, and stdout and stderr together as `text`."""

    def __init__(self, p):
        self.rc, self.text = p.returncode, p.stdout + p.stderr

    def __repr__(self):
        return f"exit {self.rc}\n{self.text}"


def git(repo, *args):
    """git in the test environment, its exit code left to the caller (a commit the hook
    refuses fails)."""
    return Run(subprocess.run(["git", *args], cwd=repo, env=clean_env(ENV), capture_output=True, text=True,
                              timeout=60))


def commit(repo, message):
    return git(repo, "commit", "-q", "-m", message)


def cti(repo, *args, lang=None):
    return run_cti(*args, cwd=repo, lang=lang, env=ENV)


def write(repo, rel, text):
    path = os.path.join(repo, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def hook_path(repo):
    return os.path.join(repo, ".git", "hooks", "pre-commit")


@pytest.fixture
def new_repo(tmp_path):
    """new_repo(name) -> a git repository of tests/bad/base, everything committed."""
    def make(name="repo"):
        repo = str(tmp_path / name)
        shutil.copytree(BASE, repo)
        git(repo, "init", "-q", "-b", "main")
        git(repo, "config", "user.name", "Test Bruger")
        git(repo, "config", "user.email", "test@example.org")
        git(repo, "config", "commit.gpgsign", "false")
        git(repo, "add", ".")
        r = commit(repo, "start")
        assert r.rc == 0, "the base repository does not commit without a hook\n" + repr(r)
        return repo
    return make


@pytest.fixture
def repo(new_repo):
    """A repository with the hook installed."""
    path = new_repo()
    r = cti(path, "hook", "install")
    assert r.rc == 0, r
    return path


def test_install_writes_an_executable_hook_that_runs_validate_staged(new_repo):
    repo = new_repo()
    r = cti(repo, "hook", "install")
    assert r.rc == 0, r
    assert "pre-commit" in r.err, "does not say where\n" + repr(r)
    hook = hook_path(repo)
    assert os.access(hook, os.X_OK), "no executable hook"
    with open(hook, encoding="utf-8") as f:
        script = f.read()
    assert "validate --staged" in script, script
    assert CTI in script or os.path.realpath(CTI) in script, "the hook does not name the cti that installed it\n" \
        + script


def test_a_broken_file_is_refused_until_fixed(repo):
    write(repo, "forloeb/K-0100.yaml", BROKEN)
    git(repo, "add", "forloeb/K-0100.yaml")
    r = commit(repo, "broken")
    assert r.rc != 0, r
    assert BROKEN_DIAG in r.text, "the diagnostic is not shown\n" + repr(r)
    log = git(repo, "log", "--format=%s")
    assert log.text.split() == ["start"], "something was committed\n" + repr(log)
    write(repo, "forloeb/K-0100.yaml", VALID)
    git(repo, "add", "forloeb/K-0100.yaml")
    r = commit(repo, "fixed")
    assert r.rc == 0, r


def test_only_the_staged_content_counts(repo):
    write(repo, "forloeb/K-0100.yaml", VALID)
    git(repo, "add", "forloeb/K-0100.yaml")
    assert commit(repo, "valid").rc == 0
    # A broken file only in the work tree does not block a valid staged commit...
    write(repo, "forloeb/K-0101.yaml", BROKEN.replace("K-0100", "K-0101"))
    write(repo, "forloeb/K-0100.yaml", VALID + "opstart: 2026-11-16\n")
    git(repo, "add", "forloeb/K-0100.yaml")
    r = commit(repo, "valid with an untracked broken file")
    assert r.rc == 0, "work tree only: a valid commit is refused\n" + repr(r)
    # ...nor does a broken edit that is not staged.
    write(repo, "forloeb/K-0100.yaml", BROKEN)
    with open(os.path.join(BASE, "forloeb", "K-0002.yaml"), encoding="utf-8") as f:
        write(repo, "forloeb/K-0002.yaml", f.read() + "noter: Afsluttet.\n")
    git(repo, "add", "forloeb/K-0002.yaml")
    r = commit(repo, "valid with an unstaged broken edit")
    assert r.rc == 0, "unstaged edit: a valid commit is refused\n" + repr(r)
    r = cti(repo, "validate", "--today", TODAY)
    assert r.rc == 1, "unstaged edit: the work tree itself is not invalid\n" + repr(r)
    # ...and the reverse: a broken forløb staged, then fixed in the work tree only, is
    # still refused (the staged content is read, not the work tree's copy).
    git(repo, "add", "forloeb/K-0100.yaml")
    write(repo, "forloeb/K-0100.yaml", VALID + "opstart: 2026-11-16\n")
    r = cti(repo, "validate", "--staged", "--today", TODAY)
    assert r.rc == 1 and BROKEN_DIAG in r.text, r


def test_a_staged_cpr_number_is_refused_and_never_printed(repo):
    write(repo, "forloeb/K-0100.yaml", VALID + "noter: CPR 150385-4321\n")
    git(repo, "add", "forloeb/K-0100.yaml")
    r = commit(repo, "cpr")
    assert r.rc != 0, r
    assert "[cpr-leak]" in r.text, r
    assert not any(d in r.text for d in CPR_DIGITS), r


def test_a_cpr_number_in_any_tracked_text_file(repo):
    """Not only the case files; the text of binary files too."""
    write(repo, "docs/møde.md", "Møde med borgeren.\nCPR: 150385-4321\n")
    with open(os.path.join(repo, "docs", "scan.bin"), "wb") as f:
        f.write(b"PK\x00\x03 1503854321")
    r = cti(repo, "validate", "--today", TODAY)
    assert r.rc == 0 and r.text == "", "reported while untracked\n" + repr(r)
    git(repo, "add", "docs")
    r = commit(repo, "notes with a cpr")
    assert r.rc != 0, r
    assert CPR_LEAK_DIAG in r.text and "scan.bin" in r.text, \
        "no [cpr-leak] at its line:col, or the binary file not reported\n" + repr(r)
    assert not any(d in r.text for d in CPR_DIGITS), r
    git(repo, "rm", "-q", "--cached", "docs/scan.bin")
    os.remove(os.path.join(repo, "docs", "scan.bin"))
    r = cti(repo, "validate", "--today", TODAY)
    assert r.rc == 1 and r.text == CPR_LEAK_DIAG, "tracked, so the work tree check should report it\n" + repr(r)
    write(repo, "docs/møde.md", "Møde med borgeren.\n")
    r = cti(repo, "validate", "--staged", "--today", TODAY)
    assert r.rc == 1 and r.text == CPR_LEAK_DIAG, "fixed in the work tree only, --staged should refuse\n" + repr(r)
    git(repo, "add", "docs")
    r = commit(repo, "notes")
    assert r.rc == 0, "fixed and staged, the commit is refused\n" + repr(r)


def test_a_tracked_key_file_is_refused_its_content_never_printed(repo):
    write(repo, "cpr.yaml", 'K-0100: "150385-4321"\n')
    git(repo, "add", "-f", "cpr.yaml")
    r = commit(repo, "key file")
    assert r.rc != 0, r
    assert KEY_FILE_DIAG in r.text, r
    assert not any(d in r.text for d in CPR_DIGITS), r


def test_installing_again_replaces_our_own_hook_quietly(repo):
    r = cti(repo, "hook", "install")
    assert r.rc == 0, r
    assert not os.path.exists(hook_path(repo) + ".before-cti"), "a backup was made"


def test_validate_staged_from_a_subdirectory(repo):
    """As the hook and the pre-commit framework's entry run it."""
    r = cti(os.path.join(repo, "forloeb"), "validate", "--staged", "--today", TODAY)
    assert r.rc == 0 and r.text == "", r


def test_a_merge_conflict(repo):
    """Markers in the work tree (one hunk over lines 3-7), unmerged paths in the index."""
    write(repo, "forloeb/K-0100.yaml", VALID + "opstart: 2026-11-16\n")
    git(repo, "add", "forloeb/K-0100.yaml")
    assert commit(repo, "K-0100").rc == 0
    git(repo, "checkout", "-q", "-b", "other")
    write(repo, "forloeb/K-0100.yaml", VALID.replace("mette", "jonas") + "opstart: 2026-11-16\n")
    git(repo, "commit", "-q", "-am", "jonas")
    git(repo, "checkout", "-q", "main")
    write(repo, "forloeb/K-0100.yaml", VALID.replace("egen-kommune", "anden-kommune") + "opstart: 2026-11-16\n")
    git(repo, "commit", "-q", "-am", "anden")
    r = git(repo, "merge", "-q", "other")
    assert r.rc != 0, "no conflict\n" + repr(r)
    r = cti(repo, "validate", "--staged", "--today", TODAY)
    assert r.rc == 1 and r.text == \
        "forloeb/K-0100.yaml:1:1: error: uløst flettekonflikt i git-indekset [merge-conflict]\n", r
    r = cti(repo, "validate", "--today", TODAY, lang="en")
    assert r.rc == 1 and r.text == "".join(f"forloeb/K-0100.yaml:{n}:1: {MARKER}" for n in (2, 5, 8)), r
    git(repo, "merge", "--abort")


def test_a_foreign_hook_is_never_replaced_without_force(new_repo):
    repo = new_repo()
    hook = hook_path(repo)
    foreign = "#!/bin/sh\necho foreign hook\nexit 0\n"
    os.makedirs(os.path.dirname(hook), exist_ok=True)
    with open(hook, "w") as f:
        f.write(foreign)
    os.chmod(hook, 0o755)
    r = cti(repo, "hook", "install")
    assert r.rc == 2, r
    assert r.err.startswith("cti: fejl: ") and "--force" in r.err, r
    with open(hook) as f:
        assert f.read() == foreign, "the foreign hook changed"
    # With --force it is kept beside.
    r = cti(repo, "hook", "install", "--force")
    assert r.rc == 0, r
    with open(hook + ".before-cti") as f:
        assert f.read() == foreign, "the old hook is not kept as pre-commit.before-cti"
    with open(hook) as f:
        assert "validate --staged" in f.read(), "the hook is not ours"


def test_outside_a_git_repository(copy_tree):
    plain = copy_tree(BASE, "plain")
    r = cti(plain, "hook", "install", lang="en")
    assert r.rc == 2 and r.err.startswith("cti: error: "), r
    r = cti(plain, "hook")
    assert r.rc == 2 and r.err == "cti: fejl: 'cti hook' skal have en kommando: install; se 'cti hook --help'\n", \
        "hook without install should name its command, in Danish in a Danish repository\n" + repr(r)
