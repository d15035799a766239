"""Look-alike letters (SPEC 2): keys, values and command-line arguments are compared after
NFC normalisation, so an `å` saved decomposed (a + U+030A, as macOS editors may) is the
same word as `å`, and no message asks the user to choose between two spellings that
look the same.
"""

import unicodedata

from conftest import run_cti

TODAY = "2026-03-10"


def nfd(text):
    return unicodedata.normalize("NFD", text)


CONFIG = """projekt: Bogstavtest
id_præfiks: K-
delmålgrupper: [egen-kommune, nærområde]
medarbejdere:
  - id: åse
    navn: Åse Prøve
tjeklister:
  tilføj:
    fase2:
      - id: opfølgning-på-mål
        tekst: Opfølgning på mål
"""

CASE = """id: K-0001
medarbejder: åse
delmålgruppe: nærområde
opstart: 2026-01-05
tjekliste:
  opfølgning-på-mål: 2026-01-20
"""


def repo(tmp_path, config, case):
    (tmp_path / "forloeb").mkdir()
    (tmp_path / "cti.yaml").write_text(config, encoding="utf-8")
    (tmp_path / "forloeb" / "K-0001.yaml").write_text(case, encoding="utf-8")
    return tmp_path


def cti(root, *args):
    return run_cti(*args, cwd=root, today=TODAY)


def assert_no_twin(r):
    for text in (r.text, r.err):
        assert "did you mean" not in text, f"a suggestion that looks like what was written: {r!r}"


def test_the_fixture_is_decomposed():
    assert nfd(CASE) != CASE and "a\u030a" in nfd(CASE), "the test needs decomposed letters"


def test_decomposed_keys_and_values_in_a_case_file(tmp_path):
    root = repo(tmp_path, CONFIG, nfd(CASE))
    r = cti(root, "validate")
    assert r.rc == 0 and r.text == "", f"NFD keys (delmålgruppe) and values (åse, nærområde, the item): {r!r}"
    assert_no_twin(r)


def test_a_decomposed_cti_yaml(tmp_path):
    root = repo(tmp_path, nfd(CONFIG), CASE)
    r = cti(root, "validate")
    assert r.rc == 0 and r.text == "", f"NFD keys and values in cti.yaml: {r!r}"
    r = cti(root, "status", "--format", "json", "--all")
    assert r.rc == 0 and r.text.count('"worker": "åse"') == 1, r


def test_decomposed_arguments(tmp_path):
    root = repo(tmp_path, CONFIG, CASE.replace("  opfølgning-på-mål: 2026-01-20\n", "  kontakt-etableret: 2026-01-05\n"))
    for command in (["status"], ["caseload"], ["agenda"], ["fidelity"]):
        r = cti(root, *command, "--worker", nfd("åse"))
        assert r.rc == 0, f"--worker with a decomposed å: {r!r}"
        assert_no_twin(r)
    r = cti(root, "done", "K-0001", nfd("opfølgning-på-mål"), "--date", "2026-02-01")
    assert r.rc == 0, f"an item id with a decomposed å: {r!r}"
    text = (root / "forloeb" / "K-0001.yaml").read_text(encoding="utf-8")
    assert "  opfølgning-på-mål: 2026-02-01\n" in text, f"recorded in NFC: {text!r}"
    r = cti(root, "validate")
    assert r.rc == 0 and r.text == "", r
