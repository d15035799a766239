"""[cpr-leak] on parsed values, UTF-16 files and invalid UTF-8; the allowlist and a
false-positive corpus (SPEC section 8).

    CTI=build/cti python3 -m pytest -c tests/pytest.ini tests/privacy/test_cpr_scan.py

Every number here is made up; the corpus numbers are the shapes that look like CPR
numbers without being one (a P-number, a date-based journal number, a Unix timestamp,
an ISBN-10, a bank account number). Each test starts from a git repository made of
tests/bad/base, the valid repository of the bad-input suite.
"""

import json
import os

import pytest
from conftest import ROOT

BASE = os.path.join(ROOT, "tests", "bad", "base")
TODAY = "2026-11-23"
CPR = "2411354312"  # made up
CORPUS = {
    "P-nummer": "1003388394",
    "journalnummer": "250312-0042",
    "tidsstempel": "1712345678",
    "ISBN-10": "0306406152",
    "kontonummer": "1507891234",
}
CASE = "id: K-0003\nmedarbejder: mette\ndelmålgruppe: egen-kommune\nkontakt: 2026-05-04\n"
ESCAPED = {
    "\\x escapes": '"' + "".join(f"\\x{ord(c):02x}" for c in CPR) + '"',
    "\\u escapes": '"' + "".join(f"\\u00{ord(c):02x}" for c in CPR) + '"',
    "a line continuation": f'"{CPR[:6]}\\\n  -{CPR[6:]}"',
    "a continuation inside the digits": f'"{CPR[:4]}\\\n    {CPR[4:]}"',
}
UTF16_TEXT = f"navn;cpr\r\nA;{CPR[:6]}-{CPR[6:]}\r\n"
UTF16 = {
    "UTF-16 LE with BOM": b"\xff\xfe" + UTF16_TEXT.encode("utf-16-le"),
    "UTF-16 BE with BOM": b"\xfe\xff" + UTF16_TEXT.encode("utf-16-be"),
    "UTF-16 LE without BOM": UTF16_TEXT.encode("utf-16-le"),
}
INVALID_UTF8 = {
    "a surrogate": b"\xed\xa0\x80",
    "an overlong slash": b"\xc0\xaf",
    "an overlong 3-byte form": b"\xe0\x80\xaf",
    "an overlong 4-byte form": b"\xf0\x80\x80\xaf",
    "a code point above U+10FFFF": b"\xf4\x90\x80\x80",
    "F5": b"\xf5\x80\x80\x80",
}


class Repo:
    """A git repository copied from tests/bad/base, with cti run in it."""

    def __init__(self, path, git, run_cti):
        self.path, self.git, self.run_cti = path, git, run_cti

    def put(self, rel, data, add=True):
        path = os.path.join(self.path, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(data if isinstance(data, bytes) else data.encode("utf-8"))
        if add:
            self.git("add", "--", rel, cwd=self.path)

    def cti(self, *args):
        return self.run_cti(*args, cwd=self.path, today=TODAY)

    def diagnostics(self):
        r = self.cti("validate", "--format", "json")
        try:
            return json.loads(r.out)["diagnostics"], r
        except ValueError:
            pytest.fail(f"validate --format json is not JSON:\n{r!r}")

    def leaks(self):
        """The [cpr-leak] findings as (file, line), and the run."""
        ds, r = self.diagnostics()
        return [(d["file"], d["line"]) for d in ds if d["rule"] == "cpr-leak"], r

    def allow(self, entries):
        with open(os.path.join(BASE, "cti.yaml"), encoding="utf-8") as f:
            text = f.read()
        self.put("cti.yaml", text + "cpr_tilladt:\n" + "".join(f"  - '{e}'\n" for e in entries))


@pytest.fixture
def repo(copy_tree, git, run_cti):
    path = copy_tree(BASE, "repo")
    git("init", "-q", "-b", "main", cwd=path)
    return Repo(path, git, run_cti)


@pytest.mark.parametrize("value", ESCAPED.values(), ids=ESCAPED.keys())
def test_escapes_and_continuations_do_not_hide_a_number(repo, value):
    """Escapes and a line continuation make digits the bytes do not show."""
    repo.put("forloeb/K-0003.yaml", CASE + f"noter: {value}\n")
    found, r = repo.leaks()
    assert found == [("forloeb/K-0003.yaml", 5)], r
    assert CPR not in r.text + r.err and CPR[:6] + "-" not in r.text + r.err, "the digits are echoed"
    repo.put("noter.yaml", f"a: {value}\n")
    found, r = repo.leaks()
    assert ("noter.yaml", 1) in found, "not found in another tracked YAML file"
    # The comment clears it on the value's line.
    repo.put("forloeb/K-0003.yaml", CASE + f"noter: {value}  # cti: ikke-cpr\n")
    repo.put("noter.yaml", "x: 1\n")
    found, r = repo.leaks()
    assert found == [], "'# cti: ikke-cpr' does not clear it"


def test_a_number_the_bytes_show_is_reported_once(repo):
    repo.put("forloeb/K-0003.yaml", CASE + f'noter: "a {CPR} \\t b"\n')
    found, r = repo.leaks()
    assert found == [("forloeb/K-0003.yaml", 5)], r


@pytest.mark.parametrize("data", UTF16.values(), ids=UTF16.keys())
def test_utf16_files_are_decoded_not_skipped(repo, data):
    repo.put("eksport.csv", data)
    found, r = repo.leaks()
    assert found == [("eksport.csv", 2)], r
    r = repo.cti("validate", "--staged")
    assert r.rc == 1 and "eksport.csv:2:" in r.text, "--staged does not find it"


def test_a_binary_file_is_read_as_strings_reads_it(repo):
    """The printable text of a binary file, and its name, are scanned; the allowlist clears."""
    repo.put("logo.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" + CPR.encode() + b"\0" * 40)
    repo.put(f"docs/scan-{CPR}.pdf", b"%PDF-1.4\0\0")
    found, r = repo.leaks()
    assert sorted(f for f, _ in found) == ["docs/scan-XXXXXX-XXXX.pdf", "logo.png"], r
    assert CPR not in r.text + r.err
    repo.allow([CPR])
    found, r = repo.leaks()
    assert found == [], r


@pytest.mark.parametrize("bad", INVALID_UTF8.values(), ids=INVALID_UTF8.keys())
def test_invalid_utf8_is_an_encoding_error(repo, bad):
    repo.put("forloeb/K-0003.yaml", CASE.encode() + b"noter: x" + bad + b"\n")
    ds, r = repo.diagnostics()
    assert any(d["rule"] == "encoding" and d["file"] == "forloeb/K-0003.yaml" for d in ds), r


# The false-positive corpus: each is reported, and each is cleared by cpr_tilladt (exact,
# with or without the dash), by a re: pattern, or by the inline comment.

@pytest.fixture
def corpus(repo):
    repo.put("bilag/numre.csv", "".join(f"{k};{v}\n" for k, v in CORPUS.items()))
    return repo


def test_every_corpus_number_looks_like_a_cpr_number(corpus):
    found, r = corpus.leaks()
    assert len(found) == len(CORPUS), r


def test_cpr_tilladt_exact_strings_clear_every_corpus_number(corpus):
    corpus.allow(CORPUS.values())
    found, r = corpus.leaks()
    assert found == [], r


def test_an_exact_entry_matches_with_or_without_the_dash(corpus):
    corpus.allow(["2503120042"])
    found, r = corpus.leaks()
    assert len(found) == len(CORPUS) - 1, r


def test_re_patterns_clear_a_number_only_when_the_match_covers_it(corpus):
    corpus.allow([r"re:^P-nummer;\d{10}$", r"re:journalnummer;\d{6}-\d{4}", r"re:(tidsstempel|ISBN-10);\d+",
                   r"re:kontonummer;"])
    found, r = corpus.leaks()
    assert found == [("bilag/numre.csv", 5)], r


def test_the_man_pages_cpr_tilladt_examples_clear_their_numbers(corpus):
    """The examples of cti-validate(1), word for word."""
    corpus.put("bilag/eksempler.json", '{"p": "1003388394", "journalnr. 250312-0042": 1,\n'
               ' "timestamp": 1712345678, "isbn": "ISBN-10: 0306406152"}\n')
    with open(os.path.join(BASE, "cti.yaml"), encoding="utf-8") as f:
        corpus.put("cti.yaml", f.read() + "cpr_tilladt:\n"
                   '  - "1003388394"\n'
                   "  - 're:journal(nr)?\\.? ?\\d{6}-\\d{4}'\n"
                   "  - 're:\"timestamp\": ?\\d{10}'\n"
                   "  - 're:ISBN(-10)?:? ?\\d{9}[\\dX]'\n")
    found, r = corpus.leaks()
    assert not [f for f in found if f[0] == "bilag/eksempler.json"], r


def test_an_invalid_re_pattern_is_an_invalid_value_error(corpus):
    corpus.allow(["re:[unclosed"])
    r = corpus.cti("validate")
    assert "cti.yaml:" in r.text and "[invalid-value]" in r.text, r


def test_the_comment_clears_each_line(corpus):
    corpus.put("bilag/numre.csv", "".join(f"{k};{v} # cti: ikke-cpr\n" for k, v in CORPUS.items()))
    found, r = corpus.leaks()
    assert found == [], r


def test_the_comment_clears_its_own_line_only(corpus):
    corpus.put("bilag/numre.csv", f"P-nummer;{CORPUS['P-nummer']} # cti: ikke-cpr\nborger;{CPR}\n")
    found, r = corpus.leaks()
    assert found == [("bilag/numre.csv", 2)], r
    # cpr_tilladt does not clear a real-looking number that is not listed.
    corpus.allow([CORPUS["P-nummer"]])
    found, r = corpus.leaks()
    assert found == [("bilag/numre.csv", 2)], "cpr_tilladt is an allowlist, not an off-switch"


def test_many_numbers_give_capped_findings_and_a_count(repo):
    """One diagnostic per number up to a cap, then a count."""
    repo.put("stor.csv", "".join(f"{CPR}\n" for _ in range(300)))
    found, r = repo.leaks()
    assert 40 <= len(found) <= 60 and "250 more" in r.text + r.err, r


def test_a_recording_command_reads_the_file_as_validate_does(repo):
    """An edit is checked again before it is written; cti.yaml's cpr_tilladt and its own
    checklist items apply there as they do in validate, so a number the team allowed
    does not stop `cti done`."""
    repo.allow(["250312-0042"])
    repo.put("forloeb/K-0003.yaml", CASE + "noter: journalnummer 250312-0042\n")
    found, r = repo.leaks()
    assert found == [], r
    r = repo.cti("done", "K-0003", "kontakt-etableret", "--date", "2026-05-04")
    assert r.rc == 0, r
    with open(os.path.join(repo.path, "forloeb", "K-0003.yaml"), encoding="utf-8") as f:
        assert "kontakt-etableret: 2026-05-04" in f.read()
