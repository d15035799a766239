"""Slips said in the user's words, and two workers who took the same id.

- In a Danish repository (cti.yaml sprog: da) every command-line mistake is Danish,
  with no --lang: CLI11's English ("Value abc not in range", "... is required",
  "The following argument was not expected") never reaches the user; `cti hook`
  alone names its commands. --lang en gives the same sentences in English.
- `cti new` warns when the branch is behind its upstream as of the last fetch.
(Two clones that made the same id: tests/team/test_team_git.py.)

The repositories are copies of tests/bad/base/ (a valid Danish repository); the day is
pinned with CTI_TODAY, and cti runs without --lang unless a case gives it.

    CTI=build/cti python3 -m pytest -c tests/pytest.ini tests/cli
"""

import os
import shutil
import subprocess

import pytest
from conftest import ROOT, clean_env, run_cti

TODAY = "2026-11-23"
BASE = os.path.join(ROOT, "tests", "bad", "base")  # a valid Danish repository
DAY = {"CTI_TODAY": TODAY}


def cti(*args, cwd):
    return run_cti(*args, cwd=cwd, lang=None, env=DAY)


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
CLI11_ENGLISH = ("not in range", "is required", "not expected", "Requires at least", "excludes")


@pytest.fixture(scope="module")
def danish(tmp_path_factory):
    """A copy of the base repository that the parse errors only read."""
    repo = str(tmp_path_factory.mktemp("slips") / "da")
    shutil.copytree(BASE, repo)
    return repo


@pytest.mark.parametrize("args, da, en", PARSE_ERRORS, ids=[" ".join(c[0]) for c in PARSE_ERRORS])
def test_parse_error_in_the_users_words(danish, args, da, en):
    sub = os.path.join(danish, "forloeb")
    r = cti(*args, cwd=sub)  # found from a subdirectory: cti.yaml says sprog: da
    assert r.rc == 2 and r.text == "" and r.err == da + "\n", r
    r = cti("-C", danish, *args, cwd=os.path.dirname(danish))  # -C names the Danish repository
    assert r.rc == 2 and r.err == da + "\n", r
    r = cti("--lang", "en", *args, cwd=sub)
    assert r.rc == 2 and r.err == en + "\n", r
    for word in CLI11_ENGLISH:
        assert word not in r.err, f"CLI11's English {word!r}: {r!r}"


def git_main(git, *args, cwd):
    return git("-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false", *args, cwd=cwd)


def make_repo(git, path):
    shutil.copytree(BASE, path)
    git_main(git, "init", "-q", cwd=path)
    git_main(git, "add", "-A", cwd=path)
    git_main(git, "commit", "-q", "-m", "start", cwd=path)


def test_new_warns_when_behind_upstream(git, tmp_path):
    upstream = str(tmp_path / "upstream")
    make_repo(git, upstream)
    mine = str(tmp_path / "mine")
    git_main(git, "clone", "-q", upstream, mine, cwd=tmp_path)
    args = ["--lang", "en", "new", "--worker", "mette", "--subgroup", "egen-kommune"]
    new_file = os.path.join(mine, "forloeb", "K-METT-001.yaml")
    r = cti(*args, cwd=mine)
    assert r.rc == 0 and r.text == "forloeb/K-METT-001.yaml\n" and r.err == "", f"up to date, no warning: {r!r}"
    os.remove(new_file)
    # A colleague's commit reaches the upstream; the last fetch saw it, the branch did not merge it.
    with open(os.path.join(upstream, "forloeb", "K-METT-001.yaml"), "w", encoding="utf-8") as f:
        f.write("id: K-METT-001\nmedarbejder: jonas\ndelmålgruppe: egen-kommune\nkontakt: 2026-11-20\n")
    git_main(git, "add", "-A", cwd=upstream)
    git_main(git, "commit", "-q", "-m", "K-METT-001", cwd=upstream)
    git_main(git, "fetch", "-q", cwd=mine)
    r = cti(*args, cwd=mine)
    assert r.rc == 0 and r.text == "forloeb/K-METT-001.yaml\n" and r.err == (
        "cti: warning: this branch is 1 commit behind its upstream (as of the last fetch); "
        "run 'git pull' first, or K-METT-001 may be taken already\n"), r
    os.remove(new_file)
    r = cti(*args[2:], cwd=mine)
    assert r.rc == 0 and "advarsel: denne gren er 1 commit bagud" in r.err, f"the warning in Danish: {r!r}"
    os.remove(new_file)
    r = cti(*args, cwd=upstream)
    assert r.rc == 0 and r.err == "", f"a branch with no upstream, no warning: {r!r}"


def test_hints_know_the_programmes_own_checklist_items(copy_tree):
    # tests/e2e/repo adds bolig-besøg to fase2 and removes afdækning: the hints for an
    # item written at the top level, or under noter, follow cti.yaml's checklist.
    repo = copy_tree(os.path.join(ROOT, "tests", "e2e", "repo"))
    path = os.path.join(repo, "forloeb", "S-0001.yaml")
    with open(path, encoding="utf-8") as f:
        text = f.read()
    with open(path, "w", encoding="utf-8") as f:
        f.write("bolig-besøg: 2025-04-10\nafdækning: 2025-04-10\n" + text.replace(
            "noter: |\n", "noter: |\n  bolig-besøg: 2025-04-11\n  afdækning: 2025-04-11\n"))
    r = run_cti("validate", "forloeb/S-0001.yaml", cwd=repo, today="2025-04-15")
    assert "unknown key 'bolig-besøg' (a checklist item: indent it under tjekliste:)" in r.text, r
    assert "unknown key 'afdækning' [unknown-key]" in r.text, r
    assert "'bolig-besøg' is note text here" in r.text and "'afdækning' is note text" not in r.text, r
