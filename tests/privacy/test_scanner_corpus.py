"""The scanner reads what a person reads (SPEC section 8): every spelling of a CPR number
and every kind of tracked entry, each found and each cleared by the allowlist where it is
a false positive; the allowlist judged per number, the inline comment only as a real
comment on its own line; a pattern that would make a backtracking matcher hang.

    CTI=build/cti python3 -m pytest -c tests/pytest.ini tests/privacy/test_scanner_corpus.py

Every number here is made up. The fixtures are those of test_cpr_scan.py.
"""

import os

from test_cpr_scan import CASE, CPR, Repo  # noqa: F401  (Repo: the fixture's type)
from test_cpr_scan import repo  # noqa: F401  (the fixture)

FW = "".join(chr(0xFF10 + int(d)) for d in CPR)  # the number in fullwidth digits
SPELLINGS = {
    "a space": f"{CPR[:6]} {CPR[6:]}",
    "a slash": f"{CPR[:6]}/{CPR[6:]}",
    "a no-break space": f"{CPR[:6]}\u00a0{CPR[6:]}",
    "an en dash": f"{CPR[:6]}\u2013{CPR[6:]}",
    "a minus sign": f"{CPR[:6]}\u2212{CPR[6:]}",
    "fullwidth digits": f"{FW[:6]}\uff0d{FW[6:]}",
    "a zero-width space inside": f"{CPR[:3]}\u200b{CPR[3:]}",
    "a soft hyphen inside": f"{CPR[:6]}-\u00ad{CPR[6:]}",
    "spaced dash": f"{CPR[:6]} - {CPR[6:]}",
}
DIGIT_RUNS = [CPR[:6], CPR[6:], CPR[:3] + CPR[3:6], FW[:6]]
ALLOWED = "250312-0042"  # a journal number, in the allowlist below


def assert_no_digits(r):
    shown = r.text + r.err
    assert not any(run in shown for run in DIGIT_RUNS), "the number is echoed\n" + repr(r)


def test_every_spelling_is_found_and_the_allowlist_clears_it_however_written(repo):
    lines = [f"{name}: {text}" for name, text in SPELLINGS.items()]
    repo.put("noter.md", "".join(line + "\n" for line in lines))
    found, r = repo.leaks()
    assert found == [("noter.md", n) for n in range(1, len(lines) + 1)], r
    assert_no_digits(r)
    # The same spellings as YAML values in a case file.
    repo.put("forloeb/K-0003.yaml", CASE + "noter:\n" + "".join(f"  - \"{t}\"\n" for t in SPELLINGS.values()))
    found, r = repo.leaks()
    assert sorted(n for f, n in found if f == "forloeb/K-0003.yaml") == list(range(6, 6 + len(SPELLINGS))), r
    # One exact entry, written plainly, clears every spelling of that number.
    repo.allow([f"{CPR[:6]}-{CPR[6:]}"])
    found, r = repo.leaks()
    assert found == [], r


def test_the_allowlist_judges_each_number_not_the_line(repo):
    repo.allow([ALLOWED])
    repo.put("noter.md", f"journal {ALLOWED} og {CPR[:6]}-{CPR[6:]}\njournal {ALLOWED}\n")
    found, r = repo.leaks()
    assert found == [("noter.md", 1)], r
    # An escaped number beside an allowed one in a YAML value.
    escaped = "".join(f"\\x{ord(c):02x}" for c in CPR)
    repo.put("noter.md", "ok\n")
    repo.put("forloeb/K-0003.yaml", CASE + f'noter: "{ALLOWED} {escaped}"\n')
    found, r = repo.leaks()
    assert found == [("forloeb/K-0003.yaml", 5)], r
    # A re: pattern clears only the number its match covers.
    repo.allow(["re:journal \\d{6}-\\d{4}"])
    repo.put("forloeb/K-0003.yaml", CASE + f"noter: journal {ALLOWED} og {CPR}\n")
    found, r = repo.leaks()
    assert found == [("forloeb/K-0003.yaml", 5)], r
    assert_no_digits(r)


def test_the_comment_counts_only_as_a_real_comment_on_its_own_line(repo):
    number = f"{CPR[:6]}-{CPR[6:]}"
    cases = {
        "inside a double-quoted value": f'noter: "ring {number} # cti: ikke-cpr"\n',
        "inside a single-quoted value": f"noter: 'ring {number} # cti: ikke-cpr'\n",
        "inside a block value": f"noter: |\n  ring {number} # cti: ikke-cpr\n",
        "on the next line": f"noter: ring {number}\n# cti: ikke-cpr\n",
        "on the line above": f"# cti: ikke-cpr\nnoter: ring {number}\n",
    }
    for name, text in cases.items():
        repo.put("forloeb/K-0003.yaml", CASE + text)
        found, r = repo.leaks()
        assert [f for f, _ in found] == ["forloeb/K-0003.yaml"], f"{name}: not found\n{r!r}"
    repo.put("forloeb/K-0003.yaml", CASE + f'noter: "ring {number}"  # cti: ikke-cpr\n')
    found, r = repo.leaks()
    assert found == [], "a real comment on the line does not clear it\n" + repr(r)


def test_a_recorded_reason_cannot_smuggle_the_comment_in(repo):
    """`--reason "... # cti: ikke-cpr"` is a quoted value, not a comment: refused, file unchanged."""
    repo.put("forloeb/K-0003.yaml", CASE + "opstart: 2026-06-01\n")
    path = os.path.join(repo.path, "forloeb", "K-0003.yaml")
    with open(path, "rb") as f:
        before = f.read()
    r = repo.cti("end", "K-0003", "--status", "afbrudt", "--reason",
                 f"flyttet, cpr {CPR[:6]}-{CPR[6:]} # cti: ikke-cpr", "--date", "2026-11-20")
    assert r.rc != 0 and "cpr-leak" in r.text + r.err, r
    assert_no_digits(r)
    with open(path, "rb") as f:
        assert f.read() == before, "the refused recording changed the file"


def test_utf16_without_a_mark_holding_characters_above_latin1(repo):
    text = f"navn;note\r\nŁucja;€ {CPR[:6]}-{CPR[6:]} ✓\r\n"
    repo.put("eksport.csv", text.encode("utf-16-le"))
    repo.put("eksport-be.csv", text.encode("utf-16-be"))
    found, r = repo.leaks()
    assert sorted(found) == [("eksport-be.csv", 2), ("eksport.csv", 2)], r
    repo.allow([CPR])
    found, r = repo.leaks()
    assert found == [], r


def test_binary_exports_names_and_link_targets(repo):
    repo.put("bilag/eksport.xlsx", b"PK\x03\x04\x00\x00" + f"<c>{CPR[:6]}-{CPR[6:]}</c>".encode() + b"\x00" * 20)
    repo.put("bilag/udtraek.bin", b"\x00\x01" + f"{CPR[:6]}-{CPR[6:]}".encode("utf-16-le") + b"\x00\xff" * 8)
    os.symlink(f"scan-{CPR}.pdf", os.path.join(repo.path, "bilag", "seneste"))
    os.symlink("eksport.xlsx", os.path.join(repo.path, "bilag", f"{CPR[:6]}-{CPR[6:]}"))
    repo.git("add", "--", "bilag", cwd=repo.path)
    found, r = repo.leaks()
    files = sorted(f for f, _ in found)
    assert files == ["bilag/XXXXXX-XXXX", "bilag/eksport.xlsx", "bilag/seneste", "bilag/udtraek.bin"], r
    assert_no_digits(r)
    r = repo.cti("validate", "--staged")
    assert r.rc == 1 and r.text.count("[cpr-leak]") == 4, r
    repo.allow([CPR])
    found, r = repo.leaks()
    assert found == [], r


def test_a_pattern_with_nested_quantifiers_does_not_hang_validate(repo):
    repo.allow(["re:(a+)+b", "re:(x|x)*y", "re:(.*a){12}z"])
    repo.put("noter.md", "a" * 50_000 + "\n" + "x" * 50_000 + f" {CPR}\n")
    r = repo.run_cti("validate", "--format", "json", cwd=repo.path, today="2026-11-23", timeout=30)
    assert r.rc == 1 and "cpr-leak" in r.text, r
