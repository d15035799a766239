"""The recording commands (done, doc, start, end, contact) on a temporary copy of a small
repository (tests/bad/base, whose cti.yaml says sprog: da, so messages are Danish): the
bytes each writes, the one output line, refusals that leave the file unchanged, ids given
as a number, and --commit in a temporary git repository.

    CTI=build/cti python3 -m pytest -c tests/pytest.ini tests/record
"""

import os

import pytest
from conftest import ROOT, read_text as read, write_text as write

BASE = os.path.join(ROOT, "tests", "bad", "base")
TODAY = "2026-11-30"
CPR = "150385-4321"  # made up
K1 = "forloeb/K-0001.yaml"
K7_FILE = "forloeb/K-0007.yaml"

# A forløb written on Windows: CRLF line endings and a UTF-8 BOM.
K7 = ("\ufeffid: K-0007\r\nmedarbejder: jonas   # aligned\r\ndelmålgruppe: egen-kommune\r\n"
      "kontakt: 2026-10-01\r\n\r\ntjekliste:\r\n  kontakt-etableret: 2026-10-01\r\n")


@pytest.fixture
def repo(copy_tree):
    path = copy_tree(BASE, "repo")
    write(path, K7_FILE, K7)
    return path


@pytest.fixture
def cti(run_cti, repo):
    """cti ARGS in the repository, as a Danish team runs it (no --lang)."""
    def run(*args, lang=None):
        return run_cti(*args, cwd=repo, today=TODAY, lang=lang)
    return run


def unchanged_after(cti, repo, rel, args, rc_want, err_has):
    """cti ARGS exits rc_want, says why on stderr, prints nothing on stdout and leaves
    the file as it was; returns the run."""
    before = read(repo, rel)
    r = cti(*args)
    assert r.rc == rc_want, r
    assert err_has in r.err, r
    assert r.text == "", r
    assert read(repo, rel) == before, f"{rel} changed"
    return r


def validates(cti):
    r = cti("validate")
    assert r.rc == 0, "an edited file does not validate\n" + repr(r)


def test_done_adds_items_in_checklist_order(repo, cti):
    before = read(repo, K1)
    # One item at its place in checklist order (after kontaktaftale, before jobcenter).
    r = cti("done", "1", "økonomi", "--date", "2026-09-15")
    assert r.rc == 0, r
    assert r.text == "K-0001: økonomi registreret 2026-09-15\n", r
    want = before.replace("  kontaktaftale: 2026-05-11\n", "  kontaktaftale: 2026-05-11\n  økonomi: 2026-09-15\n")
    assert read(repo, K1) == want, "not only the new line is added"

    r = cti("done", "K-0001", "langsigtet-plan", "afdækning", "--not-relevant")
    assert r.rc == 0, r
    assert r.text == "K-0001: langsigtet-plan, afdækning registreret som ikke relevant\n", r
    want = want.replace("  økonomi: 2026-09-15\n", "  økonomi: 2026-09-15\n  afdækning: ikke relevant\n"
                        "  langsigtet-plan: ikke relevant\n")
    assert read(repo, K1) == want, "--not-relevant: not both lines in checklist order"

    # The same value again is a no-op; another needs --force.
    r = cti("done", "1", "orienteret", "--date", "2026-05-11")
    assert r.rc == 0 and r.text == "K-0001: orienteret er allerede registreret 2026-05-11\n", r
    assert read(repo, K1) == want, "a no-op changed the file"
    unchanged_after(cti, repo, K1, ["done", "1", "orienteret", "--date", "2026-05-12"], 2, "--force")
    r = cti("done", "1", "orienteret", "--date", "2026-05-12", "--force")
    assert r.rc == 0 and r.text == "K-0001: orienteret ændret fra 2026-05-11 til 2026-05-12\n", r
    want = want.replace("  orienteret: 2026-05-11\n", "  orienteret: 2026-05-12\n")
    assert read(repo, K1) == want, "--force changed more than that value"
    validates(cti)


@pytest.mark.parametrize("args, err_has", [
    (["done", "1", "okonomi"], "(mente du 'økonomi'?)"),
    (["doc", "1", "fase4"], "mente du"),
    (["done", "K-0010", "økonomi"], "intet forløb 'K-0010'"),
], ids=["unknown item", "unknown point", "unknown id"])
def test_a_typo_gets_a_suggestion_and_nothing_is_written(repo, cti, args, err_has):
    unchanged_after(cti, repo, K1, args, 2, err_has)


def test_an_edit_that_would_not_validate_is_refused(repo, cti):
    r = unchanged_after(cti, repo, K1, ["done", "1", "evaluering", "--date", "2026-01-01"], 1, "[date-order]")
    assert "forloeb/K-0001.yaml" in r.err, "does not name the file\n" + repr(r)


def test_a_cpr_number_in_reason_is_refused_and_never_printed(repo, cti):
    r = unchanged_after(cti, repo, K1, ["end", "1", "--status", "afbrudt", "--reason", f"borger {CPR}"], 1,
                        "[cpr-leak]")
    assert CPR not in r.err and CPR.replace("-", "") not in r.err, r


def test_doc_in_schedule_order(repo, cti):
    before = read(repo, K1)
    r = cti("doc", "1", "fase3", "--date", "2026-11-20")
    assert r.rc == 0 and r.text == "K-0001: dokumentation fase3 registreret 2026-11-20\n", r
    assert read(repo, K1) == before.replace("  fase2: 2026-09-01\n", "  fase2: 2026-09-01\n  fase3: 2026-11-20\n"), \
        "fase3 is not right after fase2"
    validates(cti)


def test_end_puts_the_afslutning_block_before_noter(repo, cti):
    before = read(repo, K1)
    r = cti("end", "1", "--status", "afbrudt", "--reason", 'Ønskede "pause"', "--date", "2026-11-25")
    assert r.rc == 0 and r.text == "K-0001: afslutning registreret 2026-11-25 (afbrudt)\n", r
    assert read(repo, K1) == before.replace("noter: |\n", 'afslutning:\n  dato: 2026-11-25\n  status: afbrudt\n'
                                            '  årsag: "Ønskede \\"pause\\""\nnoter: |\n'), \
        "the block is not right before noter, with the reason quoted"
    validates(cti)


def test_a_number_as_id_on_a_crlf_file_with_a_bom(repo, cti):
    r = cti("done", "7", "orienteret", "--date", "2026-10-02")
    assert r.rc == 0 and r.text == "K-0007: orienteret registreret 2026-10-02\n", r
    assert read(repo, K7_FILE) == K7 + "  orienteret: 2026-10-02\r\n", "CRLF and BOM not kept"
    validates(cti)


def test_start_on_a_file_made_by_new(repo, cti):
    r = cti("new", "--worker", "mette", "--subgroup", "egen-kommune", "--contact", "2026-11-02")
    assert r.rc == 0 and r.text == "forloeb/K-METT-001.yaml\n", r
    template = read(repo, "forloeb/K-METT-001.yaml")
    r = cti("start", "METT1", "--date", "2026-11-16")
    assert r.rc == 0 and r.text == "K-METT-001: opstart registreret 2026-11-16\n", r
    # Above the template's commented-out line.
    assert read(repo, "forloeb/K-METT-001.yaml") == template.replace("\n# opstart:", "\nopstart: 2026-11-16\n# opstart:",
                                                                  1), "opstart is not above '# opstart:'"
    r = cti("doc", "mett-001", "opstart", "--date", "2026-11-18", lang="en")
    assert r.rc == 0 and r.text == "K-METT-001: documentation opstart recorded 2026-11-18\n", "English\n" + repr(r)
    validates(cti)


def test_the_loader_reads_kontakter(repo, cti):
    """SPEC section 3: the optional contact log is a known key."""
    write(repo, K7_FILE, K7 + "kontakter:\r\n  - {dato: 2026-10-02, med: borger, sted: hjemme}\r\n")
    r = cti("validate")
    assert "unknown-key" not in r.text, r


def test_contact_writes_the_log_by_date(repo, cti):
    r = cti("contact", "7", "--with", "netværk", "--where", "telefon", "--date", "2026-10-05")
    assert r.rc == 0 and r.text == "K-0007: kontakt med netværk (telefon) registreret 2026-10-05\n", r
    assert read(repo, K7_FILE) == K7 + "kontakter:\r\n  - {dato: 2026-10-05, med: netværk, sted: telefon}\r\n", \
        "the log is not created"
    r = cti("contact", "7", "--date", "2026-10-03", "--where", "hjemme", "--status", "aflyst")
    assert r.rc == 0 and read(repo, K7_FILE).endswith(
        "  - {dato: 2026-10-03, med: borger, sted: hjemme, status: aflyst}\r\n"
        "  - {dato: 2026-10-05, med: netværk, sted: telefon}\r\n"), "not by date, or the status not written"


def test_contact_an_unknown_place(repo, cti):
    unchanged_after(cti, repo, K7_FILE, ["contact", "7", "--where", "telefn"], 2, "(mente du 'telefon'?)")


def test_commit_outside_git_is_refused(repo, cti):
    unchanged_after(cti, repo, K1, ["done", "1", "økonomi", "--commit"], 2, "git")


def test_commit(repo, cti, git):
    git("init", "-q", "-b", "main", cwd=repo)
    git("config", "user.name", "Test Bruger", cwd=repo)
    git("config", "user.email", "test@example.org", cwd=repo)
    git("config", "commit.gpgsign", "false", cwd=repo)
    git("add", ".", cwd=repo)
    git("commit", "-q", "-m", "start", cwd=repo)

    r = cti("done", "1", "økonomi", "--date", "2026-09-15", "--commit")
    assert r.rc == 0, r
    assert r.text == "K-0001: økonomi registreret 2026-09-15 (committet)\n", r
    log = git("log", "-1", "--format=%s", cwd=repo)
    assert log == "K-0001: økonomi registreret 2026-09-15\n", "the message does not name the case and what"
    assert git("show", "--name-only", "--format=", "HEAD", cwd=repo) == "forloeb/K-0001.yaml\n", "not only that file"
    assert git("status", "--porcelain", "--", K1, cwd=repo) == "", "something left uncommitted"

    # Something else staged: refused before anything changes.
    write(repo, "forloeb/K-0002.yaml", read(repo, "forloeb/K-0002.yaml") + "noter: Afsluttet.\n")
    git("add", "forloeb/K-0002.yaml", cwd=repo)
    unchanged_after(cti, repo, K1, ["done", "1", "afdækning", "--commit"], 2, "git restore --staged")
    log = git("log", "--format=%s", cwd=repo)
    assert log == "K-0001: økonomi registreret 2026-09-15\nstart\n", "a refused --commit made a commit"
