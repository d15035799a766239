"""The one harness of the end-to-end suites (tests/<suite>/test_*.py), run by pytest.

ctest runs each file as `python3 -m pytest -c tests/pytest.ini FILE` with CTI (the built
binary) and CTI_SOURCE_DIR set; by hand, from the source tree:

    CTI=build/cti python3 -m pytest -c tests/pytest.ini tests/agenda
    CTI_UPDATE_GOLDEN=1 ...   # rewrite golden files (then read the diff by hand)

What a test gets from here, as fixtures:

    run_cti(*args, cwd=, today=, lang=, env=, input=, may_show_cpr=) -> Result
        the binary in a clean environment: no CTI_* or GIT_* variables from the caller,
        C.UTF-8, NO_COLOR, no COLUMNS, HOME pointing nowhere. Every run fails the test
        when something shaped like a CPR number reaches stdout or stderr, unless the test
        says that output may carry one (the quarterly report it asked for).
    golden(path, text)      compares with a file under the suite, or rewrites it
    copy_tree(src) -> path  a private copy of a repository under tmp_path
    git(*args, cwd=)        git with a fixed identity and no user or system config
    terminal(args, cols=)   cti on a pseudo-terminal of a given width -> bytes
    terminal_rc(args, cols=)  the same -> (exit code, bytes)
    root, demo              the source tree and examples/demo

And as functions: read_text(repo, rel) / write_text(repo, rel, text), a file's text
byte for byte (CRLF and BOM kept).
"""

import fcntl
import os
import pty
import re
import select
import shutil
import struct
import subprocess
import termios

import pytest

ROOT = os.path.abspath(os.environ.get("CTI_SOURCE_DIR") or os.path.join(os.path.dirname(__file__), ".."))
CTI = os.path.abspath(os.environ.get("CTI") or os.path.join(ROOT, "build", "cti"))
DEMO = os.path.join(ROOT, "examples", "demo")
UPDATE_GOLDEN = os.environ.get("CTI_UPDATE_GOLDEN") == "1"

# Ten digits, with or without the dash, not inside a longer run of digits.
CPR_LIKE = re.compile(rb"(?<![0-9])[0-9]{6}-?[0-9]{4}(?![0-9])")

# What the caller's environment may not leak into a test run.
_DROPPED = ("NO_COLOR", "COLUMNS", "LINES", "LANG", "LANGUAGE", "LC_MESSAGES", "EDITOR", "VISUAL", "HOME")


def clean_env(extra=None):
    """The environment cti runs in: the caller's without CTI_* and GIT_* settings; a key
    given as None in `extra` is removed."""
    e = {k: v for k, v in os.environ.items()
         if k not in _DROPPED and not k.startswith("CTI_") and not k.startswith("GIT_")}
    e.update({"LC_ALL": "C.UTF-8", "NO_COLOR": "1", "HOME": "/nonexistent", "GIT_CONFIG_NOSYSTEM": "1",
              "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org",
              "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.org",
              # The suites' scratch repositories have no hooks; cti's notice about that
              # is tested by tests/team, which removes this setting.
              "GIT_CONFIG_COUNT": "1", "GIT_CONFIG_KEY_0": "cti.hookNotice", "GIT_CONFIG_VALUE_0": "false"})
    for k, v in (extra or {}).items():
        if v is None:
            e.pop(k, None)
        else:
            e[k] = str(v)
    return e


class Result:
    """One run: the exit code, stdout as bytes (`out`) and as text (`text`), stderr as text."""

    def __init__(self, p):
        self.rc = p.returncode
        self.out = p.stdout
        self.err = p.stderr.decode("utf-8", "replace")

    @property
    def text(self):
        return self.out.decode("utf-8")

    def __repr__(self):
        return f"exit {self.rc}\n--- stdout\n{self.out.decode('utf-8', 'replace')}\n--- stderr\n{self.err}"


def run_cti(*args, cwd=None, today=None, lang="en", env=None, input=None, may_show_cpr=False, timeout=60):
    cmd = [CTI]
    if lang:
        cmd += ["--lang", lang]
    if today:
        cmd += ["--today", today]
    p = subprocess.run(cmd + [str(a) for a in args], cwd=cwd, env=clean_env(env), capture_output=True,
                       input=input, stdin=None if input is not None else subprocess.DEVNULL, timeout=timeout)
    r = Result(p)
    if not may_show_cpr:
        assert not CPR_LIKE.search(p.stdout) and not CPR_LIKE.search(p.stderr), \
            f"something shaped like a CPR number in the output of {args}:\n{r!r}"
    return r


def read_text(repo, rel):
    """A repository file's text, byte for byte (no newline translation)."""
    with open(os.path.join(repo, rel), "rb") as f:
        return f.read().decode("utf-8")


def write_text(repo, rel, text):
    """Writes a repository file's text exactly as given (CRLF stays CRLF)."""
    with open(os.path.join(repo, rel), "wb") as f:
        f.write(text.encode("utf-8"))


def git_run(*args, cwd):
    p = subprocess.run(["git", *args], cwd=cwd, env=clean_env(), capture_output=True, text=True, timeout=60)
    assert p.returncode == 0, f"git {' '.join(args)}: {p.stderr}"
    return p.stdout


def read_terminal(master, proc, timeout=30):
    """Everything a process wrote to the pseudo-terminal `master` until it closed (or
    `timeout` seconds of silence); waits for the process and closes `master`."""
    out = b""
    while True:
        ready, _, _ = select.select([master], [], [], timeout)
        if not ready:
            break
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    proc.wait(timeout=timeout)
    os.close(master)
    return out


def run_on_terminal_rc(args, cols=80, rows=24, cwd=None, env=None):
    """cti ARGS with stdout and stderr on a pseudo-terminal of `cols` columns ->
    (exit code, bytes), line ends as the terminal gives them (\\r\\n)."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    proc = subprocess.Popen([CTI, *[str(a) for a in args]], stdin=subprocess.DEVNULL, stdout=slave, stderr=slave,
                            cwd=cwd, env=clean_env(env))
    os.close(slave)
    out = read_terminal(master, proc)
    return proc.returncode, out


def run_on_terminal(args, cols=80, rows=24, cwd=None, env=None):
    """As run_on_terminal_rc, the output only."""
    return run_on_terminal_rc(args, cols, rows, cwd, env)[1]


@pytest.fixture(scope="session", autouse=True)
def _temporary_folders_outside_git(tmp_path_factory):
    """Tests create repositories and need folders outside any git work tree (hook
    install, --commit and -o refusals): a --basetemp inside one is a setup error."""
    base = tmp_path_factory.getbasetemp().resolve()
    for folder in [base, *base.parents]:
        assert not (folder / ".git").exists(), f"temporary folder {base} is inside the git work tree {folder}"


@pytest.fixture
def root():
    return ROOT


@pytest.fixture
def demo():
    return DEMO


@pytest.fixture(name="run_cti")
def run_cti_fixture():
    return run_cti


@pytest.fixture
def git():
    return git_run


@pytest.fixture
def terminal():
    return run_on_terminal


@pytest.fixture
def terminal_rc():
    return run_on_terminal_rc


@pytest.fixture
def copy_tree(tmp_path):
    """copy_tree(src, name=None) -> a copy of the directory `src` under tmp_path."""
    def copy(src, name=None):
        dst = tmp_path / (name or os.path.basename(os.path.normpath(src)))
        shutil.copytree(src, dst, symlinks=True)
        return str(dst)
    return copy


@pytest.fixture
def golden(request):
    """golden(name, text): `text` equals tests/<suite>/golden/<name>, or with
    CTI_UPDATE_GOLDEN=1 becomes it."""
    folder = os.path.join(os.path.dirname(str(request.fspath)), "golden")

    def compare(name, text):
        path = os.path.join(folder, name)
        if UPDATE_GOLDEN:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8", newline="") as f:
                f.write(text)
            return
        with open(path, encoding="utf-8", newline="") as f:
            want = f.read()
        assert text == want, f"differs from {os.path.relpath(path, ROOT)} (CTI_UPDATE_GOLDEN=1 rewrites it)"
    return compare
