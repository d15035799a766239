"""`cti sync` (SPEC 9): fetch, integrate (merge, or rebase with --rebase or pull.rebase),
validate, push; a stop explained with the exact commands, nothing pushed that has errors,
and the server's pre-receive hook as the last guard.

    CTI=build/cti python3 -m pytest -c tests/pytest.ini tests/team/test_team_sync.py
"""

import os

import pytest
from conftest import clean_env, run_cti
from teamlib import CPR_A, TODAY, git, team  # noqa: F401 (team is a fixture)


def ids_on_server(team):
    """The ids the server's main has beyond tests/bad/base's own (K-0001, K-0002)."""
    out = git("ls-tree", "--name-only", "main", "forloeb/", cwd=team.server).stdout
    return sorted(os.path.basename(p)[:-5] for p in out.split() if not p.startswith("forloeb/K-000"))


@pytest.mark.parametrize("rebase", [False, True], ids=["merge", "rebase"])
def test_sync_round_trip_between_two_clones(team, rebase):
    mette, jonas = team("mette"), team("jonas")
    if rebase:
        jonas.git("config", "pull.rebase", "true")
    r = mette.cti("sync")
    assert r.rc == 0 and "already in step with the server" in r.err, r
    a = mette.new()
    assert mette.cti("sync").rc == 2, "an uncommitted forløb is named, not left behind"
    r = mette.cti("sync")
    assert f"forloeb/{a}.yaml" in r.err and "commit your own work first" in r.err, r
    mette.commit_all("new " + a)
    b = jonas.new(worker="jonas")
    jonas.commit_all("new " + b)
    r = mette.cti("sync")
    assert r.rc == 0 and "1 commit sent" in r.err and "0 errors" in r.err, r
    r = jonas.cti("sync")
    sent = "1 commit sent" if rebase else "2 commits sent"  # jonas's, and the merge commit
    assert r.rc == 0 and ("rebased onto" if rebase else "merged") in r.err and sent in r.err, r
    assert ids_on_server(team) == sorted([a, b])
    assert mette.cti("contact", a, "--where", "hjemme", "--commit").rc == 0
    r = mette.cti("sync")
    assert r.rc == 0 and "from the server" in r.err and " sent" in r.err and "(s)" not in r.err, r
    r = jonas.cti("sync")
    assert r.rc == 0 and "sted: hjemme" in jonas.read(f"forloeb/{a}.yaml"), r
    assert jonas.git("status", "--porcelain").stdout == ""
    log = git("log", "--format=%s", "main", cwd=team.server).stdout
    assert "new " + a in log and "new " + b in log


def test_sync_in_danish_and_offline(team):
    mette = team("mette")
    a = mette.new()
    mette.commit_all("new " + a)
    os.rename(team.server, team.server + ".away")
    r = mette.cti("sync", lang="da")
    assert r.rc == 2 and "git fetch kunne ikke nå 'origin'" in r.err and "dit arbejde er i behold" in r.err, r
    os.rename(team.server + ".away", team.server)
    r = mette.cti("sync", "--no-push", lang="da")
    assert r.rc == 0 and "1 commit ikke sendt (--no-push)" in r.err, r
    assert ids_on_server(team) == []


@pytest.mark.parametrize("rebase", [False, True], ids=["merge", "rebase"])
def test_sync_stops_at_a_same_id_clash_and_names_the_renumber(team, rebase):
    desk, laptop = team("desk"), team("laptop")
    a = desk.new(group="anden-kommune")
    desk.commit_all("desk")
    assert desk.cti("sync").rc == 0
    assert laptop.new() == a
    laptop.commit_all("laptop")
    r = laptop.cti("sync", "--rebase" if rebase else "--merge")
    assert r.rc == 1, r
    assert f"conflict in forloeb/{a}.yaml" in r.err and f"cti renumber {a} K-METT-002" in r.err, r
    r = laptop.cti("sync")
    assert r.rc == 2 and ("a rebase has stopped" if rebase else "a merge is not finished") in r.err, r
    assert ("git rebase --abort" if rebase else "git merge --abort") in r.err
    assert laptop.cti("renumber", a, "K-METT-002").rc == 0
    if rebase:
        p = laptop.git("-c", "core.editor=true", "rebase", "--continue")
    else:
        laptop.git("commit", "-q", "--no-edit")
    r = laptop.cti("sync")
    assert r.rc == 0 and "sent" in r.err, r
    assert ids_on_server(team) == sorted([a, "K-METT-002"])


def test_sync_never_pushes_errors_and_the_server_refuses_a_cpr(team):
    assert run_cti("hook", "install", "--server", cwd=team.server, lang="en").rc == 0
    mette = team("mette")
    a = mette.new()
    path = os.path.join(mette.path, "forloeb", a + ".yaml")
    with open(path, "a", encoding="utf-8") as f:
        f.write("opstart: 2026-02-30\n")
    mette.git("add", "-A")
    mette.git("commit", "-q", "--no-verify", "-m", "broken")
    r = mette.cti("sync")
    assert r.rc == 1 and "nothing was pushed" in r.err, r
    assert ids_on_server(team) == []
    # Past cti sync (git push itself): the server's pre-receive hook refuses, naming the
    # case and the rule, never the number.
    with open(path, encoding="utf-8") as f:
        text = f.read().replace("opstart: 2026-02-30\n", f"noter: {CPR_A}\n")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    mette.git("commit", "-q", "--no-verify", "-am", "cpr")
    p = mette.git("push", "-q", check=False)
    assert p.returncode != 0 and "cpr-leak" in p.stderr and CPR_A not in p.stderr, p.stderr
    r = mette.cti("sync")
    assert r.rc == 1 and "nothing was pushed" in r.err, r
    # Fixed, but the commit holding the number is still in the pushed history: refused.
    with open(path, "w", encoding="utf-8") as f:
        f.write(text.replace(f"noter: {CPR_A}\n", ""))
    mette.git("commit", "-q", "-am", "fixed")
    r = mette.cti("sync")
    assert r.rc == 1 and "[cpr-leak]" in r.err and "git reset --soft @{u}" in r.err, r
    assert ids_on_server(team) == []
    # The history rewritten as the message says: accepted.
    mette.git("reset", "-q", "--soft", "@{u}")
    mette.git("commit", "-q", "-m", "new " + a)
    r = mette.cti("sync")
    assert r.rc == 0 and "1 commit sent" in r.err, r
    assert ids_on_server(team) == [a]
