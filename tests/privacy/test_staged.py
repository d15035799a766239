"""`cti validate --staged` judges exactly what git would commit (SPEC section 8),
whatever git's stat cache says (assume-unchanged, skip-worktree, core.ignoreStat) and
with GIT_DIR / GIT_WORK_TREE exported and the case repository in a subfolder of a larger
work tree. The repositories are made of tests/bad/base, the valid repository of the
bad-input suite.

    CTI=build/cti python3 -m pytest -c tests/pytest.ini tests/privacy/test_staged.py
"""

import os
import shutil
import subprocess

import pytest
from conftest import CTI, ROOT, clean_env

BASE = os.path.join(ROOT, "tests", "bad", "base")
TODAY = "2026-11-23"
CPR = "2411354312"  # made up
CLEAN = "id: K-0100\nmedarbejder: mette\ndelmålgruppe: egen-kommune\nkontakt: 2026-11-02\n"
LEAKY = CLEAN + f"noter: borger {CPR}\n"
BROKEN = "id: K-0100\nmedarbejder: mette\ndelmalgruppe: egen-kommune\n"


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


@pytest.fixture
def new_repo(tmp_path, git):
    """new_repo(name, sub=None) -> (top, repo): a committed git work tree with the case
    repository at its top or in the subfolder `sub`."""
    def make(name, sub=None):
        top = str(tmp_path / name)
        os.makedirs(top)
        git("init", "-q", "-b", "main", cwd=top)
        git("config", "user.name", "Test", cwd=top)
        git("config", "user.email", "test@example.org", cwd=top)
        repo = os.path.join(top, sub) if sub else top
        shutil.copytree(BASE, repo, dirs_exist_ok=True)
        write(os.path.join(repo, ".gitignore"), "cpr.yaml\n")
        git("add", ".", cwd=top)
        git("commit", "-q", "-m", "start", cwd=top)
        return top, repo
    return make


@pytest.mark.parametrize("rel, leaky, clean", [("forloeb/K-0100.yaml", LEAKY, CLEAN),
                                               ("bilag/noter.txt", f"x {CPR}\n", "x\n")],
                         ids=["case file", "other file"])
@pytest.mark.parametrize("how", ["assume-unchanged", "skip-worktree", "core.ignoreStat"])
def test_the_staged_cpr_number_is_found_whatever_the_stat_cache_says(new_repo, git, run_cti, how, rel, leaky, clean):
    top, repo = new_repo("repo")
    path = os.path.join(repo, rel)
    write(path, clean)
    git("add", rel, cwd=top)
    git("commit", "-q", "-m", "clean", cwd=top)
    if how == "core.ignoreStat":
        git("config", "core.ignoreStat", "true", cwd=top)
    # The CPR number is staged, then the work-tree copy is cleaned and git told not to look.
    write(path, leaky)
    git("add", rel, cwd=top)
    if how != "core.ignoreStat":
        git("update-index", f"--{how}", rel, cwd=top)
    write(path, clean)
    st = os.stat(path)
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    diff = git("diff-files", "--name-only", cwd=top)
    assert rel not in diff or how == "core.ignoreStat", f"git's stat cache does not say unchanged: {diff}"
    r = run_cti("validate", "--staged", cwd=repo, today=TODAY)
    assert r.rc == 1 and f"{rel}:" in r.text and "[cpr-leak]" in r.text, r
    assert CPR not in r.text + r.err, r
    r = run_cti("validate", cwd=repo, today=TODAY)
    assert r.rc == 0, "the work tree itself is not clean\n" + repr(r)


GIT_SETUPS = {
    "subfolder, no GIT_DIR": ("repo", {}),
    "GIT_DIR absolute": ("repo", {"GIT_DIR": "{top}/.git"}),
    "GIT_DIR relative, started at the top (as a hook is)": ("top", {"GIT_DIR": ".git"}),
    "GIT_DIR and GIT_WORK_TREE": ("repo", {"GIT_DIR": "{top}/.git", "GIT_WORK_TREE": "{top}"}),
    "GIT_DIR, GIT_WORK_TREE and GIT_INDEX_FILE relative": (
        "top", {"GIT_DIR": ".git", "GIT_WORK_TREE": ".", "GIT_INDEX_FILE": ".git/index"}),
}


@pytest.fixture
def big(new_repo, git):
    """A case repository in the subfolder cases/ of a larger work tree, with a broken
    forløb staged and fixed in the work tree only."""
    top, repo = new_repo("big", sub="cases")
    write(os.path.join(repo, "forloeb", "K-0100.yaml"), BROKEN)
    git("add", ".", cwd=top)
    write(os.path.join(repo, "forloeb", "K-0100.yaml"), CLEAN)
    return top, repo


@pytest.mark.parametrize("start, git_env", GIT_SETUPS.values(), ids=GIT_SETUPS.keys())
def test_git_dir_and_a_subfolder(big, run_cti, start, git_env):
    top, repo = big
    cwd = top if start == "top" else repo
    env = {k: v.replace("{top}", top) for k, v in git_env.items()}
    r = run_cti("-C", repo, "validate", "--staged", cwd=cwd, today=TODAY, env=env)
    assert r.rc == 1 and "forloeb/K-0100.yaml:3:1:" in r.text and "[unknown-key]" in r.text, \
        "the staged broken forløb is not refused\n" + repr(r)
    assert "in 4 files" in r.err, "not every forløb was loaded\n" + repr(r)
    r = run_cti("-C", repo, "validate", cwd=cwd, today=TODAY, env=env)
    assert r.rc == 0, "the work tree is not clean\n" + repr(r)


def test_the_hook_refuses_a_commit_from_the_top_of_the_larger_work_tree(big, run_cti):
    top, repo = big
    r = run_cti("hook", "install", cwd=repo, today=TODAY)
    assert r.rc == 0, r
    # The hook runs cti as a team's machine would: the built cti's directory on PATH.
    env = clean_env({"CTI_TODAY": TODAY,
                     "PATH": os.path.dirname(CTI) + os.pathsep + os.environ.get("PATH", "/usr/bin:/bin")})
    p = subprocess.run(["git", "commit", "-q", "-m", "broken"], cwd=top, env=env, capture_output=True, text=True)
    assert p.returncode != 0, f"git commit of the staged broken forløb went through:\n{p.stdout}{p.stderr}"
