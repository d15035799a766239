"""The team fixture: a bare server repository and clones of it, each with cti's hooks and
its own key file outside the repository (CTI_CPR_FILE). Imported by tests/team/test_team_*.py.
"""

import os
import shutil
import subprocess

import pytest
from conftest import ROOT, clean_env, run_cti

TODAY = "2026-11-23"
BASE = os.path.join(ROOT, "tests", "bad", "base")  # a valid Danish repository, workers mette and jonas
CPR_A = "030332-5223"  # made up
CPR_B = "060635-8556"  # made up


def git(*args, cwd, check=True, env=None):
    p = subprocess.run(["git", "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false", *args], cwd=cwd,
                       env=clean_env(env), capture_output=True, text=True, timeout=60)
    if check:
        assert p.returncode == 0, f"git {' '.join(args)}: {p.stdout}{p.stderr}"
    return p


class Clone:
    """A worker's clone of the server, with its own key file outside the repository."""

    def __init__(self, path, keys):
        self.path, self.keys = path, keys

    def cti(self, *args, lang="en", env=None):
        e = {"CTI_TODAY": TODAY, "CTI_CPR_FILE": self.keys}
        e.update(env or {})
        return run_cti(*args, cwd=self.path, lang=lang, env=e)

    def git(self, *args, check=True):
        return git(*args, cwd=self.path, check=check)

    def new(self, worker="mette", group="egen-kommune"):
        r = self.cti("new", "--worker", worker, "--subgroup", group)
        assert r.rc == 0, r
        return os.path.basename(r.text.strip())[:-5]

    def commit_all(self, message):
        self.git("add", "-A")
        self.git("commit", "-q", "-m", message)

    def read(self, rel):
        with open(os.path.join(self.path, rel), encoding="utf-8") as f:
            return f.read()

    def key_text(self):
        with open(self.keys, encoding="utf-8") as f:
            return f.read()


@pytest.fixture
def team(tmp_path):
    """A server holding tests/bad/base, and a function making clones of it."""
    server = str(tmp_path / "server.git")
    seed = str(tmp_path / "seed")
    shutil.copytree(BASE, seed)
    for name, line in ((".gitignore", "cpr.yaml"), (".gitattributes", "forloeb/** merge=cti")):  # as cti init writes
        with open(os.path.join(seed, name), "w", encoding="utf-8") as f:
            f.write(line + "\n")
    git("init", "-q", cwd=seed)
    git("add", "-A", cwd=seed)
    git("commit", "-q", "-m", "start", cwd=seed)
    git("clone", "-q", "--bare", seed, server, cwd=tmp_path)

    def clone(name):
        path = str(tmp_path / name)
        git("clone", "-q", server, path, cwd=tmp_path)
        c = Clone(path, str(tmp_path / f"{name}-cpr.yaml"))
        r = c.cti("hook", "install")
        assert r.rc == 0, r
        return c

    clone.server = server
    return clone
