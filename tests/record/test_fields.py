"""The commands for the method's own fields (plan, goal, peer, assign, set) and undo, on a
copy of tests/bad/base (Danish) in a git repository: the bytes each step writes and its one
line (golden/fields.txt: before/after of every command on a file with comments; the same
steps on a CRLF copy with a BOM give the same file with CRLF), refusals that leave the file
byte-identical, `cti done ... langsigtet-plan` asking for goals, and `cti fidelity` counting
what the commands recorded. Undo before and after a push: tests/team/test_team_undo.py.

    CTI=build/cti python3 -m pytest -c tests/pytest.ini tests/record/test_fields.py
"""

import json
import os

import pytest
from conftest import ROOT, read_text as read, write_text as write

BASE = os.path.join(ROOT, "tests", "bad", "base")
TODAY = "2026-11-30"
K3 = "forloeb/K-0003.yaml"
K4 = "forloeb/K-0004.yaml"

# A forløb with comments, blank lines and the template's commented-out hints.
COMMENTED = """# Forløb K-0003 (kommentarer bevares)
id: K-0003
medarbejder: mette      # ansvarlig
delmålgruppe: egen-kommune
kontakt: 2026-05-04     # første kontakt
opstart: 2026-06-01

tjekliste:
  kontakt-etableret: 2026-05-04
  # en kommentar i blokken
  kontaktaftale: 2026-05-11

# peer_støtte:              # tilbydes i enhver fase, hvis relevant
#   tilbudt: ÅÅÅÅ-MM-DD

# fokusområder:             # faseplanen: 1-3 fokusområder pr. fase
#   fase1: [bolig, økonomi]

# mål:                      # den langsigtede plans 2-3 mål
#   - {område: bolig}

noter: |
  Fri tekst.
"""

STEPS = [
    ["plan", "3", "fase1", "bolig", "økonomi"],
    ["plan", "3", "2", "netværk"],
    ["plan", "3", "fase1", "bolig", "--force"],
    ["goal", "3", "bolig"],
    ["goal", "3", "netværk", "--reached", "2026-11-01"],
    ["goal", "3", "bolig", "--reached", "2026-11-20"],
    ["goal", "3", "netværk", "--remove"],
    ["goal", "3", "daglige-aktiviteter"],
    ["peer", "3", "offered", "--date", "2026-06-10"],
    ["peer", "3", "wanted"],
    ["peer", "3", "matched", "--form", "gruppe", "--date", "2026-06-20"],
    ["assign", "3", "jonas"],
    ["set", "3", "indflytning", "2026-06-15"],
    ["set", "3", "anchored-role", "sagsbehandler"],
    ["set", "3", "kontakt", "2026-05-01", "--force"],
    ["undo", "3"],
    ["undo", "3"],
]


def crlf(text):
    return text.replace("\n", "\r\n")


@pytest.fixture
def repo(copy_tree, git):
    path = copy_tree(BASE, "repo")
    write(path, K3, COMMENTED)
    write(path, K4, "\ufeff" + crlf(COMMENTED.replace("K-0003", "K-0004")))
    git("init", "-q", "-b", "main", cwd=path)
    git("add", "-A", cwd=path)
    git("commit", "-q", "-m", "start", cwd=path)
    return path


@pytest.fixture
def cti(run_cti, repo):
    def run(*args, lang=None):
        return run_cti(*args, cwd=repo, today=TODAY, lang=lang)
    return run


def test_every_step_writes_only_its_lines_on_a_commented_and_a_crlf_file(repo, cti, golden):
    transcript = "$ cat forloeb/K-0003.yaml\n" + COMMENTED
    for step in STEPS:
        r = cti(*step)
        assert r.rc == 0, r
        transcript += "$ cti " + " ".join(step) + "\n" + r.text + read(repo, K3)
        # The same step on the CRLF file with a BOM: the same bytes, CRLF kept.
        r4 = cti(*[("4" if a == "3" and i == 1 else a) for i, a in enumerate(step)])
        assert r4.rc == 0 and r4.text == r.text.replace("K-0003", "K-0004"), r4
        assert read(repo, K4) == "\ufeff" + crlf(read(repo, K3).replace("K-0003", "K-0004")), \
            f"after {step}: the CRLF file differs from the LF one"
    golden("fields.txt", transcript)
    r = cti("validate")
    assert r.rc == 0 and "fejl" not in r.text.split("\n")[0], r


@pytest.mark.parametrize("args, rc, says", [
    (["plan", "3", "fase4", "bolig"], 2, "mente du 'fase"),
    (["plan", "3", "fase1", "boli"], 2, "(mente du 'bolig'?)"),
    (["plan", "3", "fase1", "bolig", "økonomi", "netværk", "psykisk-helbred"], 1, "[too-many-focus-areas]"),
    (["goal", "3", "bolg"], 2, "(mente du 'bolig'?)"),
    (["goal", "3", "økonomi", "--remove"], 2, "intet mål økonomi"),
    (["goal", "3", "bolig", "--reached", "2026-13-01"], 2, "--reached"),
    (["peer", "3", "matched"], 1, "[peer-not-wanted]"),
    (["peer", "3", "wanted", "--date", "2026-11-01"], 2, "--date"),
    (["peer", "3", "offered", "--form", "solo"], 2, "en-til-en"),
    (["peer", "3", "tilbydt"], 2, "(mente du 'tilbudt'?)"),
    (["assign", "3", "jonsa"], 2, "(mente du 'jonas'?)"),
    (["set", "3", "kontakt", "2026-07-01"], 2, "--force"),
    (["set", "3", "kontakt", "2026-07-01", "--force"], 1, "[date-order]"),
    (["set", "3", "anchored-role", "Mette"], 2, "sagsbehandler"),
    (["set", "3", "kontakt", "i går"], 2, "kontakt"),
    (["set", "3", "indflyting", "2026-06-01"], 2, "(mente du 'indflytning'?)"),
    (["undo", "3"], 2, "ingen registrering"),
], ids=lambda v: " ".join(v) if isinstance(v, list) else None)
def test_a_refusal_leaves_the_file_byte_identical(repo, cti, args, rc, says):
    before = read(repo, K3)
    r = cti(*args)
    assert r.rc == rc and says in r.err and r.text == "", r
    assert read(repo, K3) == before, "a refused command changed the file"


def test_layouts_cti_does_not_edit_are_refused(repo, cti):
    for extra, args in [("fokusområder: {fase1: [bolig]}\n", ["plan", "3", "fase1", "netværk"]),
                        ("fokusområder:\n  fase1:\n    - bolig\n", ["plan", "3", "fase1", "netværk", "--force"]),
                        ("mål: [{område: bolig}]\n", ["goal", "3", "netværk"])]:
        write(repo, K3, COMMENTED + extra)
        r = cti(*args)
        assert r.rc == 2 and "i hånden" in r.err, r
        assert read(repo, K3) == COMMENTED + extra


def test_a_goal_written_as_a_block_gets_its_date_below_it(repo, cti):
    write(repo, K3, COMMENTED + "mål:\n  - område: bolig   # første mål\n  - område: netværk\n")
    r = cti("goal", "3", "bolig", "--reached", "2026-11-02", lang="en")
    assert r.rc == 0 and r.text == "K-0003: goal bolig reached recorded 2026-11-02\n", r
    assert read(repo, K3) == COMMENTED + ("mål:\n  - område: bolig   # første mål\n    nået: 2026-11-02\n"
                                          "  - område: netværk\n")
    r = cti("goal", "3", "bolig", "--reached", "2026-11-03", "--force")
    assert r.rc == 0 and r.text == "K-0003: mål bolig nået ændret fra 2026-11-02 til 2026-11-03\n", r
    assert "    nået: 2026-11-03\n" in read(repo, K3)


def test_done_langsigtet_plan_asks_for_the_goals(repo, cti):
    r = cti("done", "3", "langsigtet-plan", "--date", "2026-09-01")
    assert r.rc == 0, r
    assert r.text == ("K-0003: langsigtet-plan registreret 2026-09-01; den langsigtede plan har 2-3 mål, og intet "
                      "er registreret: cti goal K-0003 OMRÅDE\n"), r
    for area in ("bolig", "netværk"):
        assert cti("goal", "3", area).rc == 0
    r = cti("done", "4", "langsigtet-plan", "--date", "2026-09-01", "--commit", lang="en")
    assert r.text.endswith("(committed); the long-term plan has 2-3 goals and none is recorded: cti goal K-0004 AREA\n")
    assert "goal" not in subject(repo), "the hint went into the commit message"
    r = cti("done", "3", "langsigtet-plan", "--date", "2026-09-01")
    assert r.text == "K-0003: langsigtet-plan er allerede registreret 2026-09-01\n", r


def subject(repo):
    import subprocess
    return subprocess.run(["git", "log", "-1", "--format=%s"], cwd=repo, capture_output=True, text=True).stdout


def test_fidelity_counts_what_the_commands_recorded(repo, cti):
    keys = ("focus_areas_1_to_3", "goals_2_to_3", "peer_support_offered", "peer_support_matched")

    def figures():
        r = cti("fidelity", "--format", "json")
        assert r.rc == 0, r
        team = json.loads(r.text)["team"]
        return {k: team[k]["numerator"] for k in keys}
    before = figures()
    # K-0003 began on 2026-06-01: phases 1 and 2 have begun by 2026-11-30.
    for step in (["plan", "3", "fase1", "bolig"], ["plan", "3", "fase2", "netværk", "bolig"],
                 ["done", "3", "langsigtet-plan", "--date", "2026-08-01"], ["goal", "3", "bolig"],
                 ["goal", "3", "netværk"], ["peer", "3", "offered", "--date", "2026-07-01"],
                 ["peer", "3", "wanted"], ["peer", "3", "matched", "--date", "2026-07-10"]):
        assert cti(*step).rc == 0, step
    after = figures()
    assert {k: after[k] - before[k] for k in keys} == {
        "focus_areas_1_to_3": 2, "goals_2_to_3": 1, "peer_support_offered": 1, "peer_support_matched": 1}, \
        (before, after)
