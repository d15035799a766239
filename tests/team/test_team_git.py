"""A team with a git server: a bare repository and clones that work offline.

- One worker on two machines makes the same id twice: the pull stops at the add/add
  conflict, `cti validate` names `cti renumber OLD NEXT`, and that command moves the
  forløb that was never pushed (and its key-file line), never the pushed one, after a
  merge and after a rebase alike; a pushed forløb is never renumbered.

Every clone is made by `git clone` from the bare server; the day is pinned.

    CTI=build/cti python3 -m pytest -c tests/pytest.ini tests/team/test_team_git.py
"""

import os
import subprocess

import pytest
from conftest import clean_env
from teamlib import CPR_A, CPR_B, Clone, git, team  # noqa: F401 (team is a fixture)

def clash(team, rebase, record_later):
    """Mette on two machines: the laptop makes K-METT-001 offline, the desk pushes its own."""
    desk, laptop = team("desk"), team("laptop")
    assert desk.new(group="anden-kommune") == "K-METT-001"
    desk.commit_all("new K-METT-001")
    desk.git("push", "-q")
    assert laptop.new(group="egen-kommune") == "K-METT-001"
    with open(laptop.keys, "w", encoding="utf-8") as f:
        f.write(f'K-METT-001: "{CPR_A}"\n')
    laptop.commit_all("new K-METT-001 (laptop)")
    if record_later:
        assert laptop.cti("contact", "K-METT-001", "--where", "hjemme", "--commit").rc == 0
    p = laptop.git("pull", "--rebase" if rebase else "--no-rebase", "-q", check=False)
    assert p.returncode != 0, "the pull stops at the add/add conflict"
    return desk, laptop


def subgroup(clone, rel):
    return [line for line in clone.read(rel).splitlines() if line.startswith("delmålgruppe")][0]


@pytest.mark.parametrize("rebase", [False, True], ids=["merge", "rebase"])
def test_renumber_moves_the_unpushed_forloeb_and_its_key_line(team, rebase):
    desk, laptop = clash(team, rebase, record_later=False)
    r = laptop.cti("validate")
    assert r.rc == 1 and ("give the one not yet pushed the next free id: cti renumber K-METT-001 K-METT-002"
                          in r.text), r
    r = laptop.cti("renumber", "K-METT-001", "K-METT-002")
    assert r.rc == 0 and "K-METT-002" in r.text and "key-file line moved" in r.text, r
    assert ("git rebase --continue" if rebase else "git commit") in r.text, r
    assert laptop.key_text() == f'K-METT-002: "{CPR_A}"\n', "the key line follows its borger"
    assert "anden-kommune" in subgroup(laptop, "forloeb/K-METT-001.yaml"), "the pushed forløb keeps its id"
    assert "egen-kommune" in subgroup(laptop, "forloeb/K-METT-002.yaml"), "the laptop's forløb moved"
    assert "id: K-METT-002" in laptop.read("forloeb/K-METT-002.yaml")
    if rebase:
        p = subprocess.run(["git", "rebase", "--continue"], cwd=laptop.path, capture_output=True, text=True,
                           env=clean_env({"GIT_EDITOR": "true"}), timeout=60)
        assert p.returncode == 0, p.stderr
    else:
        laptop.git("commit", "-q", "--no-edit")
    r = laptop.cti("validate")
    assert r.rc == 0, r
    laptop.git("push", "-q")
    desk.git("pull", "-q", "--no-rebase")
    assert "anden-kommune" in subgroup(desk, "forloeb/K-METT-001.yaml"), "the desk's forløb never changed id"
    assert desk.cti("validate").rc == 0


def test_a_rebase_that_would_replay_records_onto_the_other_file_says_merge(team):
    desk, laptop = clash(team, rebase=True, record_later=True)
    r = laptop.cti("validate")
    want = "git rebase --abort; git merge @{u}; cti renumber K-METT-001 K-METT-002"
    assert r.rc == 1 and want in r.text, r
    r = laptop.cti("renumber", "K-METT-001")
    assert r.rc == 2 and "git rebase --abort; git merge @{u}" in r.err, r
    assert laptop.key_text() == f'K-METT-001: "{CPR_A}"\n', "nothing moved"
    # As printed: abort, merge, renumber; the later contact stays with the laptop's borger.
    laptop.git("rebase", "--abort")
    assert laptop.git("merge", "-q", "@{u}", check=False).returncode != 0
    r = laptop.cti("renumber", "K-METT-001", "K-METT-002")
    assert r.rc == 0, r
    laptop.git("commit", "-q", "--no-edit")
    assert "2026-11-23, med: borger, sted: hjemme}" in laptop.read("forloeb/K-METT-002.yaml"), "the later contact stays with its borger"
    assert "2026-11-23, med: borger, sted: hjemme}" not in laptop.read("forloeb/K-METT-001.yaml")
    assert laptop.key_text() == f'K-METT-002: "{CPR_A}"\n'
    assert laptop.cti("validate").rc == 0


def test_renumber_outside_a_conflict_never_moves_a_pushed_forloeb(team):
    desk = team("desk")
    desk.new()
    desk.commit_all("new")
    with open(desk.keys, "w", encoding="utf-8") as f:
        f.write(f'K-METT-001: "{CPR_A}"\nK-JONA-001: "{CPR_B}"\n')
    desk.git("push", "-q")
    r = desk.cti("renumber", "K-METT-001", "K-METT-009")
    assert r.rc == 2 and "on the server already" in r.err, r
    assert os.path.exists(os.path.join(desk.path, "forloeb", "K-METT-001.yaml"))
    # Not pushed yet: renamed, staged, the id line changed and nothing else, the key line moved.
    before = desk.read("forloeb/K-METT-001.yaml")
    assert desk.new() == "K-METT-002"
    desk.commit_all("second")
    with open(desk.keys, "a", encoding="utf-8") as f:
        f.write(f'"K-METT-002": "111111-1118"\n')
    r = desk.cti("renumber", "METT2", "K-METT-001")
    assert r.rc == 2 and "in use already" in r.err, r
    r = desk.cti("renumber", "METT2")
    assert r.rc == 0 and "K-METT-002 is now K-METT-003" in r.text, r
    new = desk.read("forloeb/K-METT-003.yaml")
    assert not os.path.exists(os.path.join(desk.path, "forloeb", "K-METT-002.yaml"))
    assert new == before.replace("K-METT-001", "K-METT-003"), "only the id line changed"
    assert '"K-METT-003": "111111-1118"' in desk.key_text() and "K-METT-002" not in desk.key_text()
    staged = desk.git("diff", "--cached", "--name-status", "-M").stdout
    assert "forloeb/K-METT-003.yaml" in staged, staged


def test_commit_refuses_a_file_with_any_error_and_leaves_the_index_as_it_was(team):
    desk = team("desk")
    desk.new()
    desk.commit_all("new")
    path = os.path.join(desk.path, "forloeb", "K-METT-001.yaml")
    with open(path, "a", encoding="utf-8") as f:
        f.write(f"noter: borgerens nummer er {CPR_A}\n")
    before = desk.read("forloeb/K-METT-001.yaml")
    r = desk.cti("contact", "K-METT-001", "--commit")
    assert r.rc == 1 and "--commit would commit a file with an error" in r.err and "[cpr-leak]" in r.err, r
    assert desk.read("forloeb/K-METT-001.yaml") == before, "nothing was changed"
    assert desk.git("diff", "--cached", "--name-only").stdout == ""
    # Without --commit the recording itself is allowed (it adds no error).
    assert desk.cti("contact", "K-METT-001").rc == 0
    desk.git("checkout", "--", "forloeb/K-METT-001.yaml")

    # The hook refuses the commit (another file with an error slipped in past it): the
    # index is put back as it was, the file keeps the recording, and the message says so.
    with open(path, "a", encoding="utf-8") as f:
        f.write("opstart: 2026-13-01\n")
    desk.git("commit", "-q", "--no-verify", "-am", "broken opstart")
    assert desk.new() == "K-METT-002"
    desk.git("add", "forloeb/K-METT-002.yaml")
    desk.git("commit", "-q", "--no-verify", "-m", "second")
    staged_before = desk.git("ls-files", "-s").stdout
    r = desk.cti("contact", "K-METT-002", "--commit")
    assert r.rc == 2 and "not committed (the index is as it was)" in r.err, r
    assert desk.git("ls-files", "-s").stdout == staged_before
    assert "med: borger" in desk.read("forloeb/K-METT-002.yaml").split("kontakter:")[1].split("\n")[1]


def test_who_am_i_and_the_files_with_errors_that_might_be_mine(team):
    desk = team("desk")
    mine, jonas = desk.new(), desk.new(worker="jonas")
    spare = [desk.new() for _ in range(3)]
    desk.git("config", "cti.worker", "mette")
    r = desk.cti("status", "--format", "json", "--all")
    assert r.rc == 0 and mine in r.text and jonas not in r.text, r
    assert "showing mette's forløb (git config cti.worker); --all-workers shows everyone" in r.err, r
    r = desk.cti("status", "--format", "json", "--all", "--all-workers")
    assert mine in r.text and jonas in r.text and "showing" not in r.err, r
    r = desk.cti("agenda", env={"CTI_WORKER": "jonas"})
    assert "showing jonas's forløb (CTI_WORKER)" in r.err and mine not in r.text, r
    assert desk.cti("status", "--worker", "jonas").err == "", "--worker itself says nothing more"

    # Files with errors that might be mette's: a misspelt key, a near miss, conflict markers.
    def rewrite(fid, old, new):
        path = os.path.join(desk.path, "forloeb", fid + ".yaml")
        text = desk.read(f"forloeb/{fid}.yaml")
        assert old in text
        with open(path, "w", encoding="utf-8") as f:
            f.write(text.replace(old, new, 1))
    rewrite(spare[0], "medarbejder: mette", "medarbejer: mette")
    rewrite(spare[1], "medarbejder: mette", "medarbejder: Mete")
    rewrite(spare[2], "delmålgruppe:", "<<<<<<< HEAD\ndelmålgruppe:")
    rewrite(jonas, "delmålgruppe:", "delmålgrupe:")  # jonas's own error: not mette's
    for args in (["status", "--format", "json", "--all"], ["agenda", "--format", "json"]):
        r = desk.cti(*args)
        for fid in spare:
            assert fid in r.text, (args, fid, r)
        assert jonas not in r.text, (args, r)
    r = desk.cti("board", "-o", os.path.join(os.path.dirname(desk.path), "tavle.html"))
    assert r.rc == 0, r
    with open(os.path.join(os.path.dirname(desk.path), "tavle.html"), encoding="utf-8") as f:
        board = f.read()
    assert all(fid in board for fid in spare) and jonas not in board

    desk.git("config", "cti.worker", "mete")
    r = desk.cti("status")
    assert r.rc == 2 and "unknown worker 'mete'" in r.err and "came from git config cti.worker" in r.err, r


def test_the_worker_from_git_config_is_the_last_value_as_git_gives_it(team):
    """cti.worker is read in the same git run as the guards: the answer must match
    `git config --get` (the last value counts), with or without the hooks installed."""
    desk = team("desk")
    mine, jonas = desk.new(), desk.new(worker="jonas")
    desk.git("config", "--add", "cti.worker", "jonas")
    desk.git("config", "--add", "cti.worker", "mette")
    r = desk.cti("status", "--format", "json", "--all")
    assert mine in r.text and jonas not in r.text, r
    assert "showing mette's forløb (git config cti.worker)" in r.err, r
    desk.git("config", "--unset-all", "cti.worker")
    r = desk.cti("status", "--format", "json", "--all")
    assert mine in r.text and jonas in r.text and "showing" not in r.err, r
