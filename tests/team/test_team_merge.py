"""Concurrent records on one forløb merge as records (SPEC 9): two clones record contacts
(different days and the same day), checklist items, documentation and an afslutning on
the same file offline; after merge, rebase or cherry-pick every record of both sides is
there exactly once, and a real disagreement stays a conflict with a `# cti:` comment.

    CTI=build/cti python3 -m pytest -c tests/pytest.ini tests/team/test_team_merge.py
"""

import pytest
from conftest import clean_env
from teamlib import git, team  # noqa: F401 (team is a fixture)
import subprocess


def shared_forloeb(team):
    mette, jonas = team("mette"), team("jonas")
    fid = mette.new()
    assert mette.cti("start", fid, "--date", "2026-11-23").rc == 0
    mette.commit_all("new " + fid)
    assert mette.cti("sync").rc == 0
    assert jonas.cti("sync").rc == 0
    return mette, jonas, fid


def record(clone, *args):
    r = clone.cti(*args, "--commit", env={"CTI_TODAY": "2026-12-20"})
    assert r.rc == 0, r


def integrate(clone, how):
    if how == "cherry-pick":
        clone.git("fetch", "-q")
        p = subprocess.run(["git", "cherry-pick", "origin/main"], cwd=clone.path, capture_output=True, text=True,
                           env=clean_env({"GIT_EDITOR": "true"}), timeout=60)
        return p.returncode
    return clone.cti("sync", "--rebase" if how == "rebase" else "--merge").rc


@pytest.mark.parametrize("how", ["merge", "rebase", "cherry-pick"])
def test_contacts_items_and_documentation_from_both_sides_are_all_kept(team, how):
    mette, jonas, fid = shared_forloeb(team)
    record(mette, "contact", fid, "--date", "2026-12-01", "--where", "hjemme")
    record(mette, "contact", fid, "--date", "2026-12-10", "--where", "kontor")
    record(mette, "done", fid, "økonomi", "--date", "2026-12-02")
    record(jonas, "contact", fid, "--date", "2026-12-05", "--where", "telefon")
    record(jonas, "contact", fid, "--date", "2026-12-10", "--where", "video")  # the same day as mette's
    record(jonas, "done", fid, "afdækning", "--date", "2026-12-03")
    record(jonas, "doc", fid, "opstart", "--date", "2026-12-04")
    if how == "cherry-pick":
        assert jonas.cti("sync").rc == 0
        # mette's three commits: cherry-pick jonas's tip (his doc) onto hers.
        assert integrate(mette, how) == 0
        text = mette.read(f"forloeb/{fid}.yaml")
        assert "opstart: 2026-12-04" in text.split("dokumentation:")[1]
        return
    assert jonas.cti("sync").rc == 0
    assert integrate(mette, how) == 0, mette.git("status").stdout
    text = mette.read(f"forloeb/{fid}.yaml")
    log = [line.strip() for line in text.split("kontakter:")[1].splitlines() if line.strip().startswith("- {")]
    dates = [line.split("dato: ")[1][:10] for line in log]
    assert dates == sorted(dates), log
    for where in ("hjemme", "kontor", "telefon", "video"):
        assert sum(f"sted: {where}" in line for line in log) == 1, (where, log)
    assert "økonomi: 2026-12-02" in text and "afdækning: 2026-12-03" in text
    assert "opstart: 2026-12-04" in text.split("dokumentation:")[1]
    assert "<<<<<<<" not in text
    assert mette.cti("validate").rc == 0
    assert mette.cti("sync").rc == 0
    assert jonas.cti("sync").rc == 0
    assert jonas.read(f"forloeb/{fid}.yaml") == text


@pytest.mark.parametrize("how", ["merge", "rebase"])
def test_one_item_with_two_dates_stays_a_conflict_with_both_values(team, how):
    mette, jonas, fid = shared_forloeb(team)
    record(mette, "done", fid, "økonomi", "--date", "2026-12-02")
    record(mette, "contact", fid, "--date", "2026-12-01")
    record(jonas, "done", fid, "økonomi", "--date", "2026-12-09")
    record(jonas, "contact", fid, "--date", "2026-12-08", "--where", "telefon")
    assert jonas.cti("sync").rc == 0
    r = mette.cti("sync", "--rebase" if how == "rebase" else "--merge", lang="da")
    assert r.rc == 1 and f"forloeb/{fid}.yaml" in r.err, r
    text = mette.read(f"forloeb/{fid}.yaml")
    assert "# cti: tjekliste økonomi har to værdier:" in text, text
    assert "2026-12-02" in text and "2026-12-09" in text
    assert "<<<<<<< " in text and ">>>>>>> " in text
    assert "sted: telefon" in text, "the other records merged all the same"
    r = mette.cti("validate")
    assert r.rc == 1 and "[merge-conflict]" in r.text, r
    # Settled as the comment says: the right line kept, the other and the markers deleted.
    lines, keep, side = [], [], None
    for line in text.splitlines(keepends=True):
        if line.startswith("# cti: "):
            continue
        if line.startswith("<<<<<<< "):
            side = "ours"
            continue
        if line.startswith("=======") and side:
            side = "theirs"
            continue
        if line.startswith(">>>>>>> "):
            side = None
            continue
        if side:  # in a rebase the sides swap: keep jonas's date, whichever side has it
            if "2026-12-09" in line:
                keep.append(line)
            continue
        lines.append(line)
    with open(f"{mette.path}/forloeb/{fid}.yaml", "w", encoding="utf-8") as f:
        f.write("".join(lines).replace("tjekliste:\n", "tjekliste:\n" + "".join(keep), 1))
    mette.git("add", "-A")
    if how == "rebase":
        p = subprocess.run(["git", "rebase", "--continue"], cwd=mette.path, capture_output=True, text=True,
                           env=clean_env({"GIT_EDITOR": "true"}), timeout=60)
        assert p.returncode == 0, p.stdout + p.stderr
    else:
        mette.git("commit", "-q", "--no-edit")
    r = mette.cti("sync")
    assert r.rc == 0, r
    text = mette.read(f"forloeb/{fid}.yaml")
    assert "økonomi: 2026-12-09" in text and "2026-12-02" not in text
    assert "sted: telefon" in text and "dato: 2026-12-01" in text, "both contacts kept"


def test_three_workers_a_month_offline_every_record_once(team):
    """Three clones record on shared and own forløb for four weeks, syncing in turn (one
    of them rebasing): at the end every contact and item made is there exactly once on
    the server, every id keeps its borger, and the server never held an invalid file."""
    a, b, c = team("anna"), team("bo"), team("carl")
    c.git("config", "pull.rebase", "true")
    shared = a.new()
    assert a.cti("start", shared, "--date", "2026-11-23").rc == 0
    a.commit_all("new " + shared)
    assert a.cti("sync").rc == 0
    own = {}
    for clone, worker in ((b, "jonas"), (c, "jonas")):
        assert clone.cti("sync").rc == 0
    made = []  # (forløb, date, place) of every contact recorded
    places = ["hjemme", "kontor", "telefon"]
    items = iter(["økonomi", "afdækning", "langsigtet-plan", "koordinering", "møder-aftaler", "lokale-tilbud"])
    for week in range(4):
        for n, clone in enumerate((a, b, c)):
            day = f"2026-12-{1 + week * 7 + n:02d}"
            env = {"CTI_TODAY": day}
            r = clone.cti("contact", shared, "--where", places[n], "--commit", env=env)
            assert r.rc == 0, r
            made.append((shared, day, places[n]))
            if week == 0 and clone is not c:  # tests/bad/base has two workers: one new each
                fid = clone.new(worker="jonas") if clone is not a else clone.new()
                clone.git("add", "-A")
                clone.git("commit", "-q", "-m", "new " + fid)
                own[clone.path] = fid
            if week % 2 == n % 2:
                r = clone.cti("done", shared, next(items), "--commit", env=env)
                assert r.rc == 0, r
        for clone in (c, a, b) if week % 2 else (b, c, a):
            r = clone.cti("sync", env={"CTI_TODAY": "2026-12-28"})
            assert r.rc == 0, r
    for clone in (a, b, c):
        assert clone.cti("sync", env={"CTI_TODAY": "2026-12-28"}).rc == 0
    final = git("show", f"main:forloeb/{shared}.yaml", cwd=team.server).stdout
    log = [line for line in final.split("kontakter:")[1].splitlines() if line.strip().startswith("- {")]
    for fid, day, place in made:
        assert sum(f"dato: {day}, med: borger, sted: {place}" in line for line in log) == 1, (day, place, final)
    assert len(log) == len(made), "every recorded contact once, nothing else"
    for item in ("økonomi", "afdækning", "langsigtet-plan", "koordinering", "møder-aftaler", "lokale-tilbud"):
        assert final.count(f"  {item}: ") == 1, (item, final)
    assert len(set(own.values())) == 2, own
    for clone in (a, b, c):
        assert clone.read(f"forloeb/{shared}.yaml") == final
        assert clone.cti("validate", env={"CTI_TODAY": "2026-12-28"}).rc == 0
    # Every commit on the server validates (pre-merge-commit, --commit and sync guarded them).
    for sha in git("rev-list", "main", cwd=team.server).stdout.split():
        tree = git("ls-tree", "-r", "--name-only", sha, "forloeb/", cwd=team.server).stdout.split()
        assert all("<<<<<<<" not in git("show", f"{sha}:{p}", cwd=team.server).stdout for p in tree)
