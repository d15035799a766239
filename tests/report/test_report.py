"""End-to-end tests of `cti report --quarter` (SPEC section 7).

Runs the built binary ($CTI) on a copy of tests/report/repo/ made into a git
repository in a temporary directory, with tests/report/cpr-keys.yaml as its
cpr.yaml. The CPR numbers are made up (birth dates in the future). Today is
pinned to 2025-08-15, so the default quarter is 2025-Q2.

The expected CSV below was derived by hand from the forløb files (each file's
noter says why it is in or out), not recorded from the program. After every
test case, every output (stdout, stderr, and the pty's output for the terminal
case) is searched for each CPR number, with and without the dash.

    CTI=build/cti python3 -m pytest -c tests/pytest.ini tests/report
"""

import json
import os
import re
import shutil
import stat

import pytest
from conftest import CPR_LIKE, ROOT, run_cti

SUITE = os.path.join(ROOT, "tests", "report")
TODAY = "2025-08-15"

with open(os.path.join(SUITE, "cpr-keys.yaml"), encoding="utf-8") as f:
    KEYS_TEXT = f.read()
KEYS = dict(re.findall(r'^(K-\d{4}): "([\d-]+)"$', KEYS_TEXT, re.M))
assert len(KEYS) == 11, KEYS
# Each number in both forms, and each id's number spelt the way the report spells it.
FORMS = set()
for v in KEYS.values():
    digits = v.replace("-", "")
    FORMS |= {digits, digits[:6] + "-" + digits[6:]}

BOM = b"\xef\xbb\xbf"
HEADER = "Opstartsdato;Afslutningsdato;Delmålgruppe;Gennemført\r\n"
# (id, opstart, end shown, delmålgruppe, Gennemført), sorted by opstart then id.
ROWS = [
    ("K-0003", "2024-08-05", "2025-05-05", "egen-kommune", "ja"),         # ends in the quarter
    ("K-0009", "2024-10-01", "", "egen-kommune", ""),                     # ends the day after: running
    ("K-0008", "2024-10-07", "2025-06-30", "anden-kommune", "nej"),       # flyttet, last day
    ("K-0002", "2025-01-06", "", "anden-kommune", ""),                    # runs through
    ("K-0007", "2025-02-03", "2025-04-14", "grønlandsk-baggrund", "nej"),  # afbrudt
    ("K-0001", "2025-04-01", "", "egen-kommune", ""),                     # starts on the first day
    ("K-0010", "2025-04-01", "", "grønlandsk-baggrund", ""),              # same day: by id
    ("K-0011", "2025-06-30", "", "anden-kommune", ""),                    # starts on the last day
]
# Not in the report: K-0004 (ended the day before), K-0005 (starts the day after),
# K-0006 (contact period only).


def dashed(cpr):
    d = cpr.replace("-", "")
    return d[:6] + "-" + d[6:]


EXPECTED_CSV = BOM + ("CPR-nummer;" + HEADER + "".join(
    f"{dashed(KEYS[i])};{s};{e};{g};{c}\r\n" for i, s, e, g, c in ROWS)).encode("utf-8")
EXPECTED_PSEUDONYM = BOM + ("Forløbs-id;" + HEADER + "".join(
    f"{i};{s};{e};{g};{c}\r\n" for i, s, e, g, c in ROWS)).encode("utf-8")
EXPECTED_SUMMARY = (
    "cti: 2025-Q2 (2025-04-01 to 2025-06-30): 8 rows; in the quarter 3 started, 3 ended, 1 completed\n"
    "cti: by delmålgruppe: egen-kommune 3, anden-kommune 3, grønlandsk-baggrund 2\n")


def assert_no_cpr(label, data):
    """No CPR number, in either form, in this output."""
    text = data.decode("utf-8", "replace") if isinstance(data, bytes) else data
    assert not [form for form in FORMS if form in text], f"{label} shows a CPR number"


class ReportRepo:
    """A fresh git repository (`dir`) with the test forløb and the key file (`keys`), in
    the test's own temporary directory (`tmp`)."""

    def __init__(self, tmp, git=None, gitignore="cpr.yaml\n"):
        self.tmp = str(tmp)
        self.dir = os.path.join(self.tmp, "repo")
        shutil.copytree(os.path.join(SUITE, "repo"), self.dir)
        self.keys = os.path.join(self.dir, "cpr.yaml")
        self.write_keys(KEYS_TEXT)  # mode 0600, as a key file should be (else cti warns)
        with open(os.path.join(self.dir, ".gitignore"), "w", encoding="utf-8") as f:
            f.write(gitignore)
        if git:
            git("init", "-q", cwd=self.dir)

    def path(self, *parts):
        return os.path.join(self.tmp, *parts)

    def run(self, *args, env=None, today=TODAY):
        """cti --today TODAY -C repo ARGS (no --lang: the locale's English); every output
        is searched for CPR numbers."""
        r = run_cti("-C", self.dir, *args, today=today, lang=None, env=env)
        assert_no_cpr("stdout", r.out)
        assert_no_cpr("stderr", r.err)
        return r

    def write_keys(self, text):
        with open(self.keys, "w", encoding="utf-8") as f:
            f.write(text)
        os.chmod(self.keys, 0o600)


@pytest.fixture
def repo(tmp_path, git):
    return ReportRepo(tmp_path, git)


def mode_of(path):
    return stat.S_IMODE(os.stat(path).st_mode)


def read(path, mode="rb"):
    with open(path, mode) as f:
        return f.read()


def test_writes_the_exact_csv_with_mode_0600(repo):
    out = repo.path("indberetning.csv")
    r = repo.run("report", "--quarter", "2025-Q2", "-o", out)
    assert r.rc == 0, r
    assert r.out == b"", "stdout is not empty"
    data = read(out)
    assert data == EXPECTED_CSV, "CSV differs"
    assert mode_of(out) == 0o600, f"mode {oct(mode_of(out))}"
    # K-0004 ended in 2025-Q1; on 2025-08-15 its key line is past retention (one quarter).
    retention = ("cpr.yaml:7:1: warning: K-0004 ended in 2025-Q1; its key line can be deleted "
                 "(cpr_opbevaring_kvartaler: 1) [cpr-retention]\n")
    assert r.err == retention + EXPECTED_SUMMARY + f"cti: wrote {out} (readable by you only)\n", r
    # Danish Excel: the bytes decode as UTF-8 with a BOM, and æøå survive.
    assert data.decode("utf-8-sig").startswith("CPR-nummer;"), "no BOM"
    assert "grønlandsk-baggrund" in data.decode("utf-8-sig"), "æøå lost"
    assert b"\n" not in data.replace(b"\r\n", b""), "a bare LF line ending"


def test_default_quarter_is_the_last_completed_one(repo):
    out = repo.path("q.csv")
    r = repo.run("report", "--quarter", "-o", out)
    assert r.rc == 0, r
    assert read(out) == EXPECTED_CSV, "default quarter is not 2025-Q2"
    r = repo.run("report", "--quarter", "--pseudonym", today="2025-06-30")
    assert r.rc == 0 and r.err.startswith("cti: 2025-Q1 "), f"on 2025-06-30 the default is 2025-Q1: {r!r}"


def test_pseudonym_goes_to_stdout(repo):
    r = repo.run("report", "--quarter", "2025-Q2", "--pseudonym")
    assert r.rc == 0, r
    assert r.out == EXPECTED_PSEUDONYM, r
    assert r.err == EXPECTED_SUMMARY, r
    # Without the key file, too: --pseudonym never reads it.
    os.remove(repo.keys)
    r2 = repo.run("report", "--quarter", "2025-Q2", "--pseudonym")
    assert r2.rc == 0 and r2.out == r.out, "--pseudonym needs the key file"


def test_json_has_the_same_rows(repo):
    out = repo.path("q.json")
    r = repo.run("report", "--quarter", "2025-Q2", "--format", "json", "-o", out)
    assert r.rc == 0, r
    assert mode_of(out) == 0o600, "json mode"
    doc = json.loads(read(out, "r"))
    assert doc["quarter"] == "2025-Q2" and doc["first_day"] == "2025-04-01" and doc["last_day"] == "2025-06-30", \
        "quarter fields"
    got = [(r["cpr"], r["start"], r["end"], r["subgroup"], r["completed"]) for r in doc["rows"]]
    want = [(dashed(KEYS[i]), s, e or None, g, {"ja": True, "nej": False, "": None}[c]) for i, s, e, g, c in ROWS]
    assert got == want, "json rows differ"
    r = repo.run("report", "--quarter", "2025-Q2", "--format", "json", "--pseudonym")
    assert r.rc == 0 and [row["id"] for row in json.loads(r.out)["rows"]] == [row[0] for row in ROWS], \
        "json pseudonym ids"


def test_refuses_a_terminal(repo, terminal_rc):
    rc, out = terminal_rc(["-C", repo.dir, "--today", TODAY, "report", "--quarter", "2025-Q2"])
    assert_no_cpr("pty", out)
    assert not CPR_LIKE.search(out), out
    text = out.decode("utf-8", "replace")
    assert rc == 2, f"exit {rc} on a terminal: {text!r}"
    assert "never shown on a terminal" in text and "-o FILE" in text, f"message: {text!r}"
    assert "CPR-nummer" not in text, "the report reached the terminal"
    # --pseudonym may go to a terminal.
    rc, out = terminal_rc(["-C", repo.dir, "--today", TODAY, "report", "--quarter", "2025-Q2", "--pseudonym"])
    assert_no_cpr("pty", out)
    assert not CPR_LIKE.search(out), out
    assert rc == 0 and "K-0003;2024-08-05" in out.decode("utf-8", "replace"), "pseudonym on a tty"


@pytest.mark.parametrize("args", [["report", "--quarter", "2025-Q2"], ["report", "--quarter", "2025-Q2", "-o", "-"],
                                  ["report", "--quarter", "2025-Q2", "--format", "json"]],
                         ids=["csv", "-o -", "json"])
def test_refuses_a_pipe_without_pseudonym(repo, args):
    r = repo.run(*args)
    assert r.rc == 2, r
    assert r.out == b"", "something on stdout"
    assert "-o FILE" in r.err, r


def test_never_overwrites_without_force(repo):
    out = repo.path("q.csv")
    with open(out, "w") as f:
        f.write("old content\n")
    os.chmod(out, 0o644)
    r = repo.run("report", "--quarter", "2025-Q2", "-o", out)
    assert r.rc == 2 and "already exists" in r.err and "--force" in r.err, r
    assert read(out, "r") == "old content\n", "the file was overwritten"
    r = repo.run("report", "--quarter", "2025-Q2", "-o", out, "--force")
    assert r.rc == 0, r
    assert read(out) == EXPECTED_CSV, "--force did not write the report"
    assert mode_of(out) == 0o600, f"mode after --force {oct(mode_of(out))}"
    # Not the key file, even with --force.
    r = repo.run("report", "--quarter", "2025-Q2", "-o", repo.keys, "--force")
    assert r.rc == 2 and "key file" in r.err, r
    assert read(repo.keys, "r") == KEYS_TEXT, "the key file was changed"


def test_refuses_inside_the_repository_unless_ignored(repo):
    inside = os.path.join(repo.dir, "indberetning.csv")
    r = repo.run("report", "--quarter", "2025-Q2", "-o", inside)
    assert r.rc == 2 and "git does not ignore" in r.err, r
    assert not os.path.exists(inside), "a file was written inside the repository"
    # A relative -o is relative to where cti was started, not to -C (SPEC section 6).
    r = repo.run("report", "--quarter", "2025-Q2", "-o", os.path.relpath(os.path.join(repo.dir, "q.csv")))
    assert r.rc == 2 and "git does not ignore" in r.err, r
    with open(os.path.join(repo.dir, ".gitignore"), "a") as f:
        f.write("/indberetninger/\n")
    os.mkdir(os.path.join(repo.dir, "indberetninger"))
    ignored = os.path.join(repo.dir, "indberetninger", "2025-Q2.csv")
    r = repo.run("report", "--quarter", "2025-Q2", "-o", ignored)
    assert r.rc == 0, r
    assert os.path.exists(ignored) and mode_of(ignored) == 0o600, "ignored path not written with 0600"


def test_refuses_inside_a_repository_that_is_not_a_git_repository(tmp_path):
    repo = ReportRepo(tmp_path)
    inside = os.path.join(repo.dir, "q.csv")
    r = repo.run("report", "--quarter", "2025-Q2", "-o", inside)
    assert r.rc == 2 and not os.path.exists(inside), r


def expect_key_error(repo, keys_text, rule, case_id, line):
    """The key file error is reported by case id (and line), exit 1, nothing written."""
    repo.write_keys(keys_text)
    out = repo.path("q.csv")
    r = repo.run("report", "--quarter", "2025-Q2", "-o", out)
    assert r.rc == 1, r
    assert r.out == b"", r
    where = f"cpr.yaml:{line}:" if line else "cpr.yaml: error:"
    hit = [ln for ln in r.err.splitlines() if ln.startswith(where) and ln.endswith(f"[{rule}]") and case_id in ln]
    assert hit, f"[{rule}] no line '{where} ... {case_id} ... [{rule}]' in {r.err!r}"
    assert "the report was not written" in r.err, f"[{rule}] no closing note"
    assert not os.path.exists(out), f"[{rule}] a report was written"
    assert not [n for n in os.listdir(repo.tmp) if n.startswith(".q.csv")], f"[{rule}] a temporary file is left"


def test_key_file_missing(repo):
    os.remove(repo.keys)
    r = repo.run("report", "--quarter", "2025-Q2", "-o", repo.path("q.csv"))
    assert r.rc == 2 and "does not exist" in r.err and "cpr.yaml" in r.err, r
    assert not os.path.exists(repo.path("q.csv")), "written without a key file"


def test_key_file_path_from_option_and_environment(repo):
    other = repo.path("elsewhere.yaml")
    shutil.move(repo.keys, other)
    r = repo.run("--cpr-file", other, "report", "--quarter", "2025-Q2", "-o", repo.path("a.csv"))
    assert r.rc == 0, r
    r = repo.run("report", "--quarter", "2025-Q2", "-o", repo.path("b.csv"), env={"CTI_CPR_FILE": other})
    assert r.rc == 0, r
    with open(other, "a", encoding="utf-8") as f:
        f.write('K-0003: "111111-1111"\n')
    r = repo.run("--cpr-file", other, "report", "--quarter", "2025-Q2", "-o", repo.path("c.csv"))
    assert r.rc == 1 and f"{other}:15:1: error:" in r.err and "[cpr-duplicate-id]" in r.err, r


def test_key_file_missing_id(repo):
    expect_key_error(repo, KEYS_TEXT.replace('K-0003: "030332-5223"\n', ""), "cpr-missing", "K-0003", None)


def test_key_file_missing_id_of_an_excluded_forloeb_is_fine(repo):
    repo.write_keys(KEYS_TEXT.replace('K-0006: "060635-8556"\n', ""))
    r = repo.run("report", "--quarter", "2025-Q2", "-o", repo.path("q.csv"))
    assert r.rc == 0, r


# 29 February 2033 does not exist; the line is 10 (K-0007).
@pytest.mark.parametrize("bad", ['"290233-4667"', '"0707369667x"'], ids=["no such day", "eleven characters"])
def test_key_file_invalid_cpr(repo, bad):
    expect_key_error(repo, KEYS_TEXT.replace('"070736-9667"', bad), "cpr-invalid", "K-0007", 10)


def test_key_file_overlapping_periods(repo):
    # K-0010 (opstart 2025-04-01, running) given K-0003's number (2024-08-05 to 2025-05-05):
    # the periods overlap, an error naming both ids on K-0010's line.
    expect_key_error(repo, KEYS_TEXT.replace('"101050-7990"', '"0303325223"'), "cpr-overlap", "K-0010", 13)
    repo.write_keys(KEYS_TEXT.replace('"101050-7990"', '"0303325223"'))
    r = repo.run("report", "--quarter", "2025-Q2", "-o", repo.path("q.csv"))
    assert "K-0003 and K-0010 have the same CPR number and their periods overlap " \
           "(K-0003 2024-08-05 to 2025-05-05; K-0010 from 2025-04-01)" in r.err, r


def test_returning_borger_and_a_stale_key_entry(repo):
    # K-0012 is the borger of K-0004 (ended 2025-03-31) who came back: kontakt 2025-04-22,
    # opstart 2025-05-12, one CPR on both ids. K-0099 is a stale key line for a forløb that
    # is gone: a warning. K-0013 is broken (unknown medarbejder) but starts in 2025-Q3, so it
    # does not stop the 2025-Q2 report.
    with open(os.path.join(repo.dir, "forloeb", "K-0012.yaml"), "w", encoding="utf-8") as f:
        f.write("id: K-0012\nmedarbejder: mette\ndelmålgruppe: egen-kommune\nkontakt: 2025-04-22\n"
                "opstart: 2025-05-12\nnoter: |\n  K-0004 kom tilbage.\n")
    with open(os.path.join(repo.dir, "forloeb", "K-0013.yaml"), "w", encoding="utf-8") as f:
        f.write("id: K-0013\nmedarbejder: ukendt\ndelmålgruppe: egen-kommune\nopstart: 2025-07-07\n")
    repo.write_keys(KEYS_TEXT + f'K-0012: "{KEYS["K-0004"]}"\nK-0099: "111130-4999"\n')
    out = repo.path("q.csv")
    r = repo.run("report", "--quarter", "2025-Q2", "-o", out)
    se = r.err
    assert r.rc == 0, r
    assert "cpr.yaml:16:1: warning: K-0099 matches no forløb in forloeb/" in se and "[cpr-unknown-id]" in se, r
    assert "1 forløb outside 2025-Q2 has errors (see cti validate)" in se, r
    # K-0004 ended in 2025-Q1: its own line is past retention (a warning), nothing else.
    others = [ln for ln in se.splitlines() if ("K-0012" in ln or "K-0004" in ln) and "[cpr-retention]" not in ln]
    assert not others, f"the returning borger is not an error: {se}"
    assert "cpr.yaml:7:1: warning: K-0004 ended in 2025-Q1" in se, f"K-0004's line is past retention: {se}"
    csv = read(out)
    row = f"{dashed(KEYS['K-0004'])};2025-05-12;;egen-kommune;\r\n".encode("utf-8")
    assert row in csv, "K-0012's row with the borger's CPR"
    assert csv.count(dashed(KEYS["K-0004"]).encode()) == 1, "K-0004 (ended before the quarter) is not in it"
    # In 2025-Q3 the broken K-0013 belongs in the quarter: it stops the report.
    r = repo.run("report", "--quarter", "2025-Q3", "-o", repo.path("q3.csv"))
    assert r.rc == 1 and "forloeb/K-0013.yaml:2:" in r.err and "[unknown-worker]" in r.err, r
    assert not os.path.exists(repo.path("q3.csv")), "a Q3 report was written"


@pytest.mark.parametrize("old, new, line", [
    ('K-0005: "050534-7445"', 'K-0005: "050534-7445\n  - "x', 9),
    ('"050534-7445"', '"\\U05053474"', 8),
], ids=["unclosed quote", "bad escape"])
def test_key_file_syntax_error_does_not_echo(repo, old, new, line):
    expect_key_error(repo, KEYS_TEXT.replace(old, new), "cpr-syntax", "", line)


def test_key_file_swapped_columns_are_not_echoed(repo):
    repo.write_keys("".join(f'"{v}": {k}\n' for k, v in KEYS.items()))
    r = repo.run("report", "--quarter", "2025-Q2", "-o", repo.path("q.csv"))
    assert r.rc == 1 and "[cpr-invalid]" in r.err, r


def test_a_broken_case_file_stops_the_report(repo):
    path = os.path.join(repo.dir, "forloeb", "K-0002.yaml")
    text = read(path, "r")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text.replace("delmålgruppe: anden-kommune", "delmålgruppe: ukendt-gruppe"))
    out = repo.path("q.csv")
    r = repo.run("report", "--quarter", "2025-Q2", "-o", out)
    assert r.rc == 1, r
    assert "forloeb/K-0002.yaml:3:" in r.err and "[unknown-subgroup]" in r.err, r
    assert not os.path.exists(out), "a report was written"
    # A CPR number pasted into the notes: [cpr-leak], and the number is not echoed.
    with open(path, "w", encoding="utf-8") as f:
        f.write(text + f"  Borgerens CPR er {KEYS['K-0002']}.\n")
    # --pseudonym still shows every row, K-0002 once, and names the error beside it (exit 1).
    r = repo.run("report", "--quarter", "2025-Q2", "--pseudonym")
    assert r.rc == 1 and "[cpr-leak]" in r.err, r
    assert r.out.count(b"K-0002;") == 1, f"K-0002 once in the pseudonymous rows: {r!r}"
    r = repo.run("report", "--quarter", "2025-Q2", "-o", out)
    assert r.rc == 1 and "[cpr-leak]" in r.err and not os.path.exists(out), r


def test_warnings_do_not_stop_the_report(repo):
    # K-0002 (opstart 2025-01-06) is past its planned end on 2025-10-20: a warning only.
    r = repo.run("report", "--quarter", "2025-Q2", "-o", repo.path("q.csv"), today="2025-10-20")
    assert r.rc == 0, r
    assert read(repo.path("q.csv")) == EXPECTED_CSV, "report differs with a later today"


def test_a_quarter_not_yet_ended_is_noted(repo):
    r = repo.run("report", "--quarter", "2025-Q3", "--pseudonym")
    assert r.rc == 0, r
    assert "note: 2025-Q3 has not ended yet (today is 2025-08-15)" in r.err, r
    assert b"K-0005;2025-07-01;;anden-kommune;\r\n" in r.out, "K-0005 starts in 2025-Q3"
    assert b"K-0009;2024-10-01;2025-07-01;egen-kommune;ja\r\n" in r.out, "K-0009 ends in 2025-Q3"
    r = repo.run("report", "--quarter", "2025-Q2", "--pseudonym")
    assert "not ended" not in r.err, "note for an ended quarter"


@pytest.mark.parametrize("quarter", ["2025-Q5", "2025Q2", "Q2-2025"])
def test_bad_quarter_is_a_usage_error(repo, quarter):
    r = repo.run("report", "--quarter", quarter, "--pseudonym")
    assert r.rc == 2 and "YYYY-Qn" in r.err and r.out == b"", r


def test_quarter_is_required(repo):
    r = repo.run("report", "--pseudonym")
    assert r.rc == 2, "--quarter is required"


def test_danish_messages(repo):
    r = repo.run("--lang", "da", "report", "--quarter", "2025-Q2")
    assert r.rc == 2 and "-o FIL" in r.err and "CPR-numre" in r.err, r
    r = repo.run("--lang", "da", "report", "--quarter", "2025-Q2", "--pseudonym")
    assert r.rc == 0 and "8 rækker; i kvartalet 3 startet, 3 afsluttet, 1 gennemført" in r.err, r
