"""The pre-commit hook judges what git will commit (SPEC section 8): entries added with
`git add -N` are skipped as git skips them, and a case repository in a subfolder of a
larger work tree still has every staged path of that work tree scanned.

    CTI=build/cti python3 -m pytest -c tests/pytest.ini tests/hook/test_hook_scan.py

Every number here is made up. The helpers are those of test_hook.py.
"""

import os
import shutil

from test_hook import BASE, CPR_DIGITS, VALID, commit, cti, git, write
from test_hook import new_repo, repo  # noqa: F401  (the fixtures)


def test_an_intent_to_add_entry_does_not_block_a_valid_commit(repo):
    write(repo, "udkast.md", "Et udkast, ikke klar.\n")
    write(repo, "forloeb/K-0101.yaml", VALID.replace("K-0100", "K-0101"))
    git(repo, "add", "-N", "udkast.md", "forloeb/K-0101.yaml")
    write(repo, "forloeb/K-0100.yaml", VALID)
    git(repo, "add", "forloeb/K-0100.yaml")
    r = commit(repo, "a new forløb")
    assert r.rc == 0 and "empty-file" not in r.text, r
    # Staged for real later, its content is judged then.
    write(repo, "udkast.md", "CPR: 150385-4321\n")
    git(repo, "add", "udkast.md")
    r = commit(repo, "the draft")
    assert r.rc != 0 and "udkast.md:1:6:" in r.text and "[cpr-leak]" in r.text, r
    assert not any(d in r.text for d in CPR_DIGITS), r


def test_a_subfolder_repository_judges_the_whole_work_tree(tmp_path):
    top = str(tmp_path / "kommune")
    os.makedirs(top)
    team = os.path.join(top, "cti")
    shutil.copytree(BASE, team)
    git(top, "init", "-q", "-b", "main")
    git(top, "config", "user.name", "Test Bruger")
    git(top, "config", "user.email", "test@example.org")
    git(top, "config", "commit.gpgsign", "false")
    write(top, "README.md", "Kommunens repository.\n")
    git(top, "add", ".")
    assert commit(top, "start").rc == 0
    r = cti(team, "hook", "install")
    assert r.rc == 0, r
    # A file outside the case repository, committed from the top of the work tree.
    write(top, "noter.txt", "Ring til borgeren, cpr 150385-4321.\n")
    git(top, "add", "noter.txt")
    r = commit(top, "notes")
    assert r.rc != 0 and "noter.txt:1:" in r.text and "[cpr-leak]" in r.text, r
    assert not any(d in r.text for d in CPR_DIGITS), r
    # Judged from inside the subfolder too, named relative to it.
    r = cti(team, "validate", "--staged")
    assert r.rc == 1 and "../noter.txt:1:" in r.text, r
    write(top, "noter.txt", "Ring til borgeren.\n")
    git(top, "add", "noter.txt")
    r = commit(top, "notes without the number")
    assert r.rc == 0, r
