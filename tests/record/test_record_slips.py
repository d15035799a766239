"""Slips are never silent (SPEC 6): what the recording commands warn about or refuse
without --force, on a copy of tests/bad/base (Danish; K-0001 running since opstart
2026-06-01, planned end 2027-03-01; K-0002 afbrudt 2025-06-20 with an årsag). A refusal
leaves the file byte-identical; a --force change names every value it changed.

    CTI=build/cti python3 -m pytest -c tests/pytest.ini tests/record/test_record_slips.py
"""

import os

import pytest
from conftest import ROOT

BASE = os.path.join(ROOT, "tests", "bad", "base")
TODAY = "2026-11-30"
K1 = "forloeb/K-0001.yaml"
K2 = "forloeb/K-0002.yaml"


def read(repo, rel):
    with open(os.path.join(repo, rel), "rb") as f:
        return f.read()


@pytest.fixture
def repo(copy_tree):
    return copy_tree(BASE, "repo")


@pytest.fixture
def cti(run_cti, repo):
    def run(*args, lang=None):
        return run_cti(*args, cwd=repo, today=TODAY, lang=lang)
    return run


def refused(cti, repo, rel, args, err_has):
    """cti ARGS exits 2, says why, prints nothing and leaves `rel` byte-identical."""
    before = read(repo, rel)
    r = cti(*args)
    assert r.rc == 2, r
    assert err_has in r.err, r
    assert r.text == "", r
    assert read(repo, rel) == before, f"{rel} changed by a refused {args}"
    return r


@pytest.mark.parametrize("args", [
    ["done", "1", "økonomi", "--date", "2026-12-08"],
    ["doc", "1", "fase3", "--date", "2027-06-01"],
    ["contact", "1", "--date", "2027-06-01"],
    ["start", "1", "--date", "2026-12-10", "--force"],  # --force accepts the date, not a replaced one silently
    ["end", "1", "--status", "afbrudt", "--date", "2026-12-31"],
], ids=["done", "doc", "contact", "start", "end"])
def test_more_than_a_week_ahead_is_refused(repo, cti, args):
    if "--force" in args:  # start: the date is accepted with --force, and said
        r = cti(*args)
        assert r.rc == 0, r
        assert "advarsel: --date 2026-12-10 ligger 10 dage efter i dag (2026-11-30)" in r.err, r
        assert r.text == "K-0001: opstart ændret fra 2026-06-01 til 2026-12-10\n", r
        return
    refused(cti, repo, K1, args, "mere end 7 dage frem registreres kun med --force")


def test_ahead_warned_empty_refused_and_new(repo, cti):
    # Up to a week ahead: recorded, with a warning on stderr.
    r = cti("done", "1", "økonomi", "--date", "2026-12-01")
    assert r.rc == 0 and r.text == "K-0001: økonomi registreret 2026-12-01\n", r
    assert r.err.strip() == "cti: advarsel: --date 2026-12-01 ligger 1 dag efter i dag (2026-11-30): " \
                            "registreret som givet", r
    # More than a week ahead, with --force: recorded and warned.
    r = cti("contact", "1", "--date", "2027-06-01", "--force", lang="en")
    assert r.rc == 0 and "warning: --date 2027-06-01 is 183 days after today (2026-11-30)" in r.err, r
    # An empty --date is never today.
    refused(cti, repo, K1, ["done", "1", "afdækning", "--date", ""], "--date er tom")
    refused(cti, repo, K2, ["end", "2", "--status", "afbrudt", "--date", "", "--force"], "--date er tom")
    # cti new --contact: the same rules, nothing created when refused.
    names = sorted(os.listdir(os.path.join(repo, "forloeb")))
    for args, err in ((["--contact", "2027-01-01"], "mere end 7 dage frem"), (["--contact", ""], "--contact er tom")):
        r = cti("new", "--worker", "mette", "--subgroup", "egen-kommune", *args)
        assert r.rc == 2 and err in r.err and r.text == "", r
    assert sorted(os.listdir(os.path.join(repo, "forloeb"))) == names, "a refused new created a file"
    r = cti("new", "--worker", "mette", "--subgroup", "egen-kommune", "--contact", "2027-01-01", "--force")
    assert r.rc == 0 and "advarsel: --contact 2027-01-01 ligger 32 dage efter i dag" in r.err, r


def test_documentation_long_before_its_point(repo, cti):
    # fase3 is m(opstart, 6) = 2026-12-01: 21 days early is refused, 14 days is not.
    refused(cti, repo, K1, ["doc", "1", "fase3", "--date", "2026-11-10"],
            "fase3-skemaet hører til 2026-12-01, og 2026-11-10 er 21 dage før")
    # afslutning of a forløb not ended: its point is the planned end, and the hint says to end it first.
    refused(cti, repo, K1, ["doc", "1", "afslutning"], "registrér den først, cti end K-0001 --status")
    r = cti("doc", "1", "fase3", "--date", "2026-11-17")
    assert r.rc == 0 and r.text == "K-0001: dokumentation fase3 registreret 2026-11-17\n", r
    r = cti("doc", "1", "dok:afslutning", "--date", "2026-11-20", "--force")  # the agenda's short name, forced
    assert r.rc == 0 and r.text == "K-0001: dokumentation afslutning registreret 2026-11-20\n", r


def test_gennemfoert_before_the_planned_end(repo, cti):
    r = refused(cti, repo, K1, ["end", "1", "--status", "gennemført"],
                "gennemført den 2026-11-30 er før den planlagte afslutning 2027-03-01")
    assert "Gennemført=ja" in r.err and "--status afbrudt" in r.err, r
    refused(cti, repo, K1, ["end", "1", "--status", "gennemført", "--date", "2027-02-28"], "kun med --force")
    r = cti("end", "1", "--status", "gennemført", "--force")
    assert r.rc == 0 and r.text == "K-0001: afslutning registreret 2026-11-30 (gennemført)\n", r


def test_overdraget_is_read_but_never_offered_or_written(repo, cti):
    refused(cti, repo, K1, ["end", "1", "--status", "overdraget"], "'overdraget' skrives ikke længere: brug flyttet")
    r = refused(cti, repo, K1, ["end", "1", "--status", "overdragt"], "ukendt status")
    assert "overdraget" not in r.err, r
    assert "overdraget" not in cti("end", "--help").text
    # A file that says overdraget is still read: a warning, not an error.
    text = read(repo, K2).replace(b"status: afbrudt", b"status: overdraget")
    with open(os.path.join(repo, K2), "wb") as f:
        f.write(text)
    r = cti("validate")
    assert r.rc == 0 and "[deprecated-status]" in r.text, r


def test_a_forced_change_names_every_value_and_keeps_the_date(repo, cti):
    before = read(repo, K2)
    refused(cti, repo, K2, ["end", "2", "--status", "gennemført"], "afslutning.status er allerede registreret som afbrudt")
    r = cti("end", "2", "--status", "gennemført", "--force")
    assert r.rc == 0, r
    assert r.text == 'K-0002: afslutning ændret: status fra afbrudt til gennemført, årsag fra "Flyttet" til ' \
                     '(ingen); dato 2025-06-20 uændret\n', r
    assert read(repo, K2) == before.replace(b"status: afbrudt\n  \xc3\xa5rsag: \"Flyttet\"",
                                            b"status: gennemf\xc3\xb8rt\n  \xc3\xa5rsag: \"\""), \
        "changed more than status and årsag"
    r = cti("end", "2", "--status", "flyttet", "--reason", "Odense", "--date", "2025-06-21", "--force", lang="en")
    assert r.rc == 0, r
    assert r.text == 'K-0002: afslutning changed: dato from 2025-06-20 to 2025-06-21, status from gennemført to ' \
                     'flyttet, årsag from (none) to "Odense"\n', r
    # Between afbrudt and flyttet the årsag is kept (and not named as changed).
    r = cti("end", "2", "--status", "afbrudt", "--force")
    assert r.rc == 0 and r.text == "K-0002: afslutning ændret: status fra flyttet til afbrudt; dato 2025-06-21 " \
                                   "uændret\n", r
    assert b'\xc3\xa5rsag: "Odense"' in read(repo, K2)


@pytest.mark.parametrize("item, points_to", [
    ("dokumentation:opstart", "registrér det med cti doc K-0001 opstart\n"),
    ("dok:fase3", "registrér det med cti doc K-0001 fase3\n"),
    ("kontakt", "registrér det med cti contact K-0001\n"),
    ("opstart", "registrér det med cti doc K-0001 opstart (selve opstarten: cti start K-0001)"),
])
def test_a_name_the_agenda_shows_points_to_its_command(repo, cti, item, points_to):
    refused(cti, repo, K1, ["done", "1", item], f"'{item}' er ikke et tjeklistepunkt: {points_to}")


def test_a_number_is_suggested_by_its_number(repo, cti):
    """`cti done 100` with K-0001 and K-0010: 10 is one digit from 100, 1 is two; show looks up alike."""
    with open(os.path.join(repo, "forloeb", "K-0010.yaml"), "wb") as f:
        f.write(read(repo, K1).replace(b"K-0001", b"K-0010"))
    refused(cti, repo, K1, ["done", "100", "økonomi"], "intet forløb '100' i forloeb/ (mente du 'K-0010'?)")
    r = cti("show", "100")
    assert r.rc == 2 and "(mente du 'K-0010'?)" in r.err, r
    assert cti("show", "10").text.startswith("K-0010"), "the exact number is not found"


def test_set_and_goal_dates_go_through_the_same_slips(repo, cti):
    """cti set ID kontakt|indflytning DATE and cti goal ID AREA --reached DATE: a date ahead
    warned, over a week ahead refused without --force, an empty value refused."""
    k3 = "forloeb/K-0003.yaml"
    with open(os.path.join(repo, k3), "wb") as f:  # in contact since 2026-11-25, no opstart
        f.write("id: K-0003\nmedarbejder: mette\ndelmålgruppe: egen-kommune\nkontakt: 2026-11-25\n".encode())
    for args, err in ((["set", "3", "kontakt", "2026-12-08"], "kontakt 2026-12-08 ligger 8 dage efter i dag"),
                      (["set", "3", "indflytning", "2026-12-20"], "mere end 7 dage frem registreres kun med --force"),
                      (["set", "3", "kontakt", ""], "kontakt er tom; giv en dato"),
                      (["set", "3", "indflytning", ""], "indflytning er tom"),
                      (["set", "3", "indflytning", "30-11-2026"], "indflytning skal være en dato")):
        refused(cti, repo, k3, args, err)
    for args, err in ((["goal", "1", "bolig", "--reached", "2026-12-15"], "--reached 2026-12-15 ligger 15 dage"),
                      (["goal", "1", "bolig", "--reached", ""], "--reached er tom")):
        refused(cti, repo, K1, args, err)
    r = cti("set", "3", "indflytning", "2026-12-05")
    assert r.rc == 0 and r.text == "K-0003: indflytning registreret 2026-12-05\n", r
    assert "advarsel: indflytning 2026-12-05 ligger 5 dage efter i dag (2026-11-30)" in r.err, r
    r = cti("set", "3", "indflytning", "2026-12-20", "--force", lang="en")
    assert r.rc == 0 and r.text == "K-0003: indflytning changed from 2026-12-05 to 2026-12-20\n", r
    assert "warning: indflytning 2026-12-20 is 20 days after today (2026-11-30)" in r.err, r
    r = cti("goal", "1", "bolig", "--reached", "2026-12-02")
    assert r.rc == 0 and "--reached 2026-12-02 ligger 2 dage efter i dag" in r.err, r
    r = cti("goal", "1", "netværk", "--reached", "2026-11-30")  # today: no warning
    assert r.rc == 0 and r.err == "", r
