"""cti undo in a clone of a bare server (tests/team/teamlib.py): an uncommitted recording
and an unpushed --commit are taken back (the commit removed, the file byte-identical to
before); once pushed, nothing changes and the message names `git revert`; a recording
that later commits follow is taken back as a change of the work tree.

    CTI=build/cti python3 -m pytest -c tests/pytest.ini tests/team/test_team_undo.py
"""

from teamlib import team  # noqa: F401 (a fixture)

K1 = "forloeb/K-0001.yaml"


def log(c):
    return c.git("log", "--format=%s").stdout


def test_undo_before_and_after_a_push(team):
    a = team("a")
    original = a.read(K1)

    # Not committed: the file as it was.
    r = a.cti("done", "1", "økonomi", "--date", "2026-11-20")
    assert r.rc == 0, r
    r = a.cti("undo", "1")
    assert r.rc == 0 and r.text == "K-0001: undone: økonomi recorded 2026-11-20\n", r
    assert a.read(K1) == original and a.git("status", "--porcelain").stdout == ""

    # Committed, not pushed: the commit goes, the file and the index are as before.
    r = a.cti("plan", "1", "fase1", "bolig", "--commit")
    assert r.rc == 0, r
    r = a.cti("undo", "1")
    assert r.rc == 0 and r.text.startswith("K-0001: undone: fokusområder.fase1 recorded [bolig] (commit "), r
    assert log(a) == "start\n", "the commit is still there"
    assert a.read(K1) == original and a.git("status", "--porcelain").stdout == ""
    r = a.cti("undo", "1")
    assert r.rc == 2 and "no recording" in r.err and "git revert" in r.err, r

    # Pushed: nothing changes; the message gives the command that reverts it.
    assert a.cti("goal", "1", "bolig", "--commit").rc == 0
    a.git("push", "-q", "origin", "HEAD")
    pushed = a.read(K1)
    sha = a.git("rev-parse", "--short=7", "HEAD").stdout.strip()
    r = a.cti("undo", "1")
    assert r.rc == 2 and f"git revert {sha}" in r.err and "pushed" in r.err, r
    assert a.read(K1) == pushed and log(a).startswith("K-0001: goal bolig added\n")

    # Not pushed, but another recording's commit follows: the old bytes as a change to commit.
    assert a.cti("peer", "1", "offered", "--commit").rc == 0
    assert a.cti("done", "2", "økonomi", "--date", "2026-11-20", "--commit").rc == 0
    r = a.cti("undo", "1", lang="da")
    assert r.rc == 0 and "rummer den stadig: commit denne ændring" in r.text, r
    assert a.read(K1) == pushed
    assert a.git("status", "--porcelain").stdout == " M forloeb/K-0001.yaml\n"
