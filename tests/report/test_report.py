#!/usr/bin/python3
"""End-to-end tests of `cti report --quarter` (SPEC section 7).

Runs the built binary ($CTI) on a copy of tests/report/repo/ made into a git
repository in a temporary directory, with tests/report/cpr-keys.yaml as its
cpr.yaml. The CPR numbers are made up (birth dates in the future). Today is
pinned to 2025-08-15, so the default quarter is 2025-Q2.

The expected CSV below was derived by hand from the forløb files (each file's
noter says why it is in or out), not recorded from the program. After every
test case, every output (stdout, stderr, and the pty's output for the terminal
case) is searched for each CPR number, with and without the dash.

    CTI=build/cti /usr/bin/python3 tests/report/test_report.py
"""

import json
import os
import re
import shlex
import shutil
import stat
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.environ.get("CTI_SOURCE_DIR") or os.path.join(HERE, "..", ".."))
CTI = os.path.abspath(os.environ.get("CTI") or os.path.join(ROOT, "build", "cti"))
TODAY = "2025-08-15"

with open(os.path.join(HERE, "cpr-keys.yaml"), encoding="utf-8") as f:
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
    "cti: 2025-Q2 (2025-04-01 to 2025-06-30): 8 row(s); in the quarter 3 started, 3 ended, 1 completed\n"
    "cti: by delmålgruppe: egen-kommune 3, anden-kommune 3, grønlandsk-baggrund 2\n")

failures = []
outputs_checked = 0


def fail(msg):
    failures.append(f"{current}: {msg}")


def check(cond, msg):
    if not cond:
        fail(msg)


def no_cpr(label, data):
    """No CPR number, in either form, in this output."""
    global outputs_checked
    outputs_checked += 1
    text = data.decode("utf-8", "replace") if isinstance(data, bytes) else data
    for form in FORMS:
        if form in text:
            fail(f"{label} shows a CPR number")
            return


class Env:
    """A fresh git repository with the test forløb and the key file."""

    def __init__(self, gitignore="cpr.yaml\n", git=True):
        self.tmp = tempfile.mkdtemp(prefix="cti-report-")
        self.repo = os.path.join(self.tmp, "repo")
        shutil.copytree(os.path.join(HERE, "repo"), self.repo)
        self.keys = os.path.join(self.repo, "cpr.yaml")
        with open(self.keys, "w", encoding="utf-8") as f:
            f.write(KEYS_TEXT)
        os.chmod(self.keys, 0o600)  # as a key file should be (else cti warns)
        with open(os.path.join(self.repo, ".gitignore"), "w", encoding="utf-8") as f:
            f.write(gitignore)
        if git:
            subprocess.run(["git", "init", "-q", self.repo], check=True)

    def path(self, *parts):
        return os.path.join(self.tmp, *parts)

    def run(self, *args, env=None, today=TODAY):
        """cti -C repo --today TODAY ARGS; every output is searched for CPR numbers."""
        e = dict(os.environ, **(env or {}))
        e.pop("CTI_CPR_FILE", None)
        e.update(env or {})
        p = subprocess.run([CTI, "-C", self.repo, "--today", today, *args], capture_output=True, env=e,
                           stdin=subprocess.DEVNULL)
        no_cpr("stdout", p.stdout)
        no_cpr("stderr", p.stderr)
        return p.returncode, p.stdout, p.stderr.decode("utf-8")

    def write_keys(self, text):
        with open(self.keys, "w", encoding="utf-8") as f:
            f.write(text)
        os.chmod(self.keys, 0o600)

    def close(self):
        shutil.rmtree(self.tmp)


def mode_of(path):
    return stat.S_IMODE(os.stat(path).st_mode)


current = ""
TESTS = []


def test(fn):
    TESTS.append(fn)
    return fn


@test
def writes_the_exact_csv_with_mode_0600(env):
    out = env.path("indberetning.csv")
    rc, so, se = env.run("report", "--quarter", "2025-Q2", "-o", out)
    check(rc == 0, f"exit {rc}: {se}")
    check(so == b"", "stdout is not empty")
    with open(out, "rb") as f:
        data = f.read()
    check(data == EXPECTED_CSV, f"CSV differs:\n{data!r}\nexpected\n{EXPECTED_CSV!r}")
    check(mode_of(out) == 0o600, f"mode {oct(mode_of(out))}")
    # K-0004 ended in 2025-Q1; on 2025-08-15 its key line is past retention (one quarter).
    retention = ("cpr.yaml:7:1: warning: K-0004 ended in 2025-Q1; its key line can be deleted "
                 "(cpr_opbevaring_kvartaler: 1) [cpr-retention]\n")
    check(se == retention + EXPECTED_SUMMARY + f"cti: wrote {out} (readable by you only)\n", f"summary: {se!r}")
    # Danish Excel: the bytes decode as UTF-8 with a BOM, and æøå survive.
    check(data.decode("utf-8-sig").startswith("CPR-nummer;"), "no BOM")
    check("grønlandsk-baggrund" in data.decode("utf-8-sig"), "æøå lost")
    check(b"\n" not in data.replace(b"\r\n", b""), "a bare LF line ending")


@test
def default_quarter_is_the_last_completed_one(env):
    out = env.path("q.csv")
    rc, _, se = env.run("report", "--quarter", "-o", out)
    check(rc == 0, f"exit {rc}: {se}")
    with open(out, "rb") as f:
        check(f.read() == EXPECTED_CSV, "default quarter is not 2025-Q2")
    rc, _, se = env.run("report", "--quarter", "--pseudonym", today="2025-06-30")
    check(rc == 0 and se.startswith("cti: 2025-Q1 "), f"on 2025-06-30 the default is 2025-Q1: {se!r}")


@test
def pseudonym_goes_to_stdout(env):
    rc, so, se = env.run("report", "--quarter", "2025-Q2", "--pseudonym")
    check(rc == 0, f"exit {rc}: {se}")
    check(so == EXPECTED_PSEUDONYM, f"pseudonym CSV differs:\n{so!r}")
    check(se == EXPECTED_SUMMARY, f"summary: {se!r}")
    # Without the key file, too: --pseudonym never reads it.
    os.remove(env.keys)
    rc, so2, _ = env.run("report", "--quarter", "2025-Q2", "--pseudonym")
    check(rc == 0 and so2 == so, "--pseudonym needs the key file")


@test
def json_has_the_same_rows(env):
    out = env.path("q.json")
    rc, _, se = env.run("report", "--quarter", "2025-Q2", "--format", "json", "-o", out)
    check(rc == 0, f"exit {rc}: {se}")
    check(mode_of(out) == 0o600, "json mode")
    with open(out, encoding="utf-8") as f:
        doc = json.load(f)
    check(doc["quarter"] == "2025-Q2" and doc["first_day"] == "2025-04-01" and doc["last_day"] == "2025-06-30",
          "quarter fields")
    got = [(r["cpr"], r["start"], r["end"], r["subgroup"], r["completed"]) for r in doc["rows"]]
    want = [(dashed(KEYS[i]), s, e or None, g, {"ja": True, "nej": False, "": None}[c]) for i, s, e, g, c in ROWS]
    check(got == want, f"json rows differ: {got}")
    rc, so, _ = env.run("report", "--quarter", "2025-Q2", "--format", "json", "--pseudonym")
    check(rc == 0 and [r["id"] for r in json.loads(so)["rows"]] == [r[0] for r in ROWS], "json pseudonym ids")


@test
def refuses_a_terminal(env):
    cmd = shlex.join([CTI, "-C", env.repo, "--today", TODAY, "report", "--quarter", "2025-Q2"])
    p = subprocess.run(["script", "-qec", cmd, "/dev/null"], capture_output=True, stdin=subprocess.DEVNULL)
    no_cpr("pty", p.stdout)
    no_cpr("script stderr", p.stderr)
    text = p.stdout.decode("utf-8", "replace")
    check(p.returncode == 2, f"exit {p.returncode} on a terminal")
    check("never shown on a terminal" in text and "-o FILE" in text, f"message: {text!r}")
    check("CPR-nummer" not in text, "the report reached the terminal")
    # --pseudonym may go to a terminal.
    cmd = shlex.join([CTI, "-C", env.repo, "--today", TODAY, "report", "--quarter", "2025-Q2", "--pseudonym"])
    p = subprocess.run(["script", "-qec", cmd, "/dev/null"], capture_output=True, stdin=subprocess.DEVNULL)
    no_cpr("pty", p.stdout)
    check(p.returncode == 0 and "K-0003;2024-08-05" in p.stdout.decode("utf-8", "replace"), "pseudonym on a tty")


@test
def refuses_a_pipe_without_pseudonym(env):
    for args in (["report", "--quarter", "2025-Q2"], ["report", "--quarter", "2025-Q2", "-o", "-"],
                 ["report", "--quarter", "2025-Q2", "--format", "json"]):
        rc, so, se = env.run(*args)
        check(rc == 2, f"{args}: exit {rc}")
        check(so == b"", f"{args}: something on stdout")
        check("-o FILE" in se, f"{args}: message {se!r}")


@test
def never_overwrites_without_force(env):
    out = env.path("q.csv")
    with open(out, "w") as f:
        f.write("old content\n")
    os.chmod(out, 0o644)
    rc, _, se = env.run("report", "--quarter", "2025-Q2", "-o", out)
    check(rc == 2 and "already exists" in se and "--force" in se, f"exit {rc}: {se}")
    with open(out) as f:
        check(f.read() == "old content\n", "the file was overwritten")
    rc, _, se = env.run("report", "--quarter", "2025-Q2", "-o", out, "--force")
    check(rc == 0, f"--force: exit {rc}: {se}")
    with open(out, "rb") as f:
        check(f.read() == EXPECTED_CSV, "--force did not write the report")
    check(mode_of(out) == 0o600, f"mode after --force {oct(mode_of(out))}")
    # Not the key file, even with --force.
    rc, _, se = env.run("report", "--quarter", "2025-Q2", "-o", env.keys, "--force")
    check(rc == 2 and "key file" in se, f"key file as output: exit {rc}: {se}")
    with open(env.keys, encoding="utf-8") as f:
        check(f.read() == KEYS_TEXT, "the key file was changed")


@test
def refuses_inside_the_repository_unless_ignored(env):
    inside = os.path.join(env.repo, "indberetning.csv")
    rc, _, se = env.run("report", "--quarter", "2025-Q2", "-o", inside)
    check(rc == 2 and "git does not ignore" in se, f"exit {rc}: {se}")
    check(not os.path.exists(inside), "a file was written inside the repository")
    # A relative -o is relative to where cti was started, not to -C (SPEC section 6).
    rc, _, se = env.run("report", "--quarter", "2025-Q2", "-o", os.path.relpath(os.path.join(env.repo, "q.csv")))
    check(rc == 2 and "git does not ignore" in se, f"relative path: exit {rc}: {se}")
    with open(os.path.join(env.repo, ".gitignore"), "a") as f:
        f.write("/indberetninger/\n")
    os.mkdir(os.path.join(env.repo, "indberetninger"))
    ignored = os.path.join(env.repo, "indberetninger", "2025-Q2.csv")
    rc, _, se = env.run("report", "--quarter", "2025-Q2", "-o", ignored)
    check(rc == 0, f"ignored path refused: exit {rc}: {se}")
    check(os.path.exists(ignored) and mode_of(ignored) == 0o600, "ignored path not written with 0600")


@test
def refuses_inside_a_repository_that_is_not_a_git_repository(_):
    env = Env(git=False)
    try:
        inside = os.path.join(env.repo, "q.csv")
        rc, _, se = env.run("report", "--quarter", "2025-Q2", "-o", inside)
        check(rc == 2 and not os.path.exists(inside), f"exit {rc}: {se}")
    finally:
        env.close()


def expect_key_error(env, keys_text, rule, case_id, line):
    """The key file error is reported by case id (and line), exit 1, nothing written."""
    env.write_keys(keys_text)
    out = env.path("q.csv")
    rc, so, se = env.run("report", "--quarter", "2025-Q2", "-o", out)
    check(rc == 1, f"[{rule}] exit {rc}: {se}")
    check(so == b"", f"[{rule}] stdout")
    where = f"cpr.yaml:{line}:" if line else "cpr.yaml: error:"
    hit = [ln for ln in se.splitlines() if ln.startswith(where) and ln.endswith(f"[{rule}]") and case_id in ln]
    check(hit, f"[{rule}] no line '{where} ... {case_id} ... [{rule}]' in {se!r}")
    check("the report was not written" in se, f"[{rule}] no closing note")
    check(not os.path.exists(out), f"[{rule}] a report was written")
    check(not [n for n in os.listdir(env.tmp) if n.startswith(".q.csv")], f"[{rule}] a temporary file is left")


@test
def key_file_missing(env):
    os.remove(env.keys)
    rc, so, se = env.run("report", "--quarter", "2025-Q2", "-o", env.path("q.csv"))
    check(rc == 2 and "does not exist" in se and "cpr.yaml" in se, f"exit {rc}: {se}")
    check(not os.path.exists(env.path("q.csv")), "written without a key file")


@test
def key_file_path_from_option_and_environment(env):
    other = env.path("elsewhere.yaml")
    shutil.move(env.keys, other)
    rc, _, se = env.run("--cpr-file", other, "report", "--quarter", "2025-Q2", "-o", env.path("a.csv"))
    check(rc == 0, f"--cpr-file: exit {rc}: {se}")
    rc, _, se = env.run("report", "--quarter", "2025-Q2", "-o", env.path("b.csv"), env={"CTI_CPR_FILE": other})
    check(rc == 0, f"CTI_CPR_FILE: exit {rc}: {se}")
    with open(other, "a", encoding="utf-8") as f:
        f.write('K-0003: "111111-1111"\n')
    rc, _, se = env.run("--cpr-file", other, "report", "--quarter", "2025-Q2", "-o", env.path("c.csv"))
    check(rc == 1 and f"{other}:15:1: error:" in se and "[cpr-duplicate-id]" in se, f"outside path: {se}")


@test
def key_file_missing_id(env):
    expect_key_error(env, KEYS_TEXT.replace('K-0003: "030332-5223"\n', ""), "cpr-missing", "K-0003", None)


@test
def key_file_missing_id_of_an_excluded_forloeb_is_fine(env):
    env.write_keys(KEYS_TEXT.replace('K-0006: "060635-8556"\n', ""))
    rc, _, se = env.run("report", "--quarter", "2025-Q2", "-o", env.path("q.csv"))
    check(rc == 0, f"exit {rc}: {se}")


@test
def key_file_invalid_cpr(env):
    # 29 February 2033 does not exist; the line is 10 (K-0007).
    expect_key_error(env, KEYS_TEXT.replace('"070736-9667"', '"290233-4667"'), "cpr-invalid", "K-0007", 10)
    expect_key_error(env, KEYS_TEXT.replace('"070736-9667"', '"0707369667x"'), "cpr-invalid", "K-0007", 10)


@test
def key_file_overlapping_periods(env):
    # K-0010 (opstart 2025-04-01, running) given K-0003's number (2024-08-05 to 2025-05-05):
    # the periods overlap, an error naming both ids on K-0010's line.
    expect_key_error(env, KEYS_TEXT.replace('"101050-7990"', '"0303325223"'), "cpr-overlap", "K-0010", 13)
    env.write_keys(KEYS_TEXT.replace('"101050-7990"', '"0303325223"'))
    _, _, se = env.run("report", "--quarter", "2025-Q2", "-o", env.path("q.csv"))
    check("K-0003 and K-0010 have the same CPR number and their periods overlap "
          "(K-0003 2024-08-05 to 2025-05-05; K-0010 from 2025-04-01)" in se, se)


@test
def returning_borger_and_a_stale_key_entry(env):
    # K-0012 is the borger of K-0004 (ended 2025-03-31) who came back: kontakt 2025-04-22,
    # opstart 2025-05-12, one CPR on both ids. K-0099 is a stale key line for a forløb that
    # is gone: a warning. K-0013 is broken (unknown medarbejder) but starts in 2025-Q3, so it
    # does not stop the 2025-Q2 report.
    with open(os.path.join(env.repo, "forloeb", "K-0012.yaml"), "w", encoding="utf-8") as f:
        f.write("id: K-0012\nmedarbejder: mette\ndelmålgruppe: egen-kommune\nkontakt: 2025-04-22\n"
                "opstart: 2025-05-12\nnoter: |\n  K-0004 kom tilbage.\n")
    with open(os.path.join(env.repo, "forloeb", "K-0013.yaml"), "w", encoding="utf-8") as f:
        f.write("id: K-0013\nmedarbejder: ukendt\ndelmålgruppe: egen-kommune\nopstart: 2025-07-07\n")
    env.write_keys(KEYS_TEXT + f'K-0012: "{KEYS["K-0004"]}"\nK-0099: "111130-4999"\n')
    out = env.path("q.csv")
    rc, _, se = env.run("report", "--quarter", "2025-Q2", "-o", out)
    check(rc == 0, f"exit {rc}: {se}")
    check("cpr.yaml:16:1: warning: K-0099 matches no forløb in forloeb/" in se and "[cpr-unknown-id]" in se, se)
    check("1 forløb outside 2025-Q2 have errors (see cti validate)" in se, se)
    # K-0004 ended in 2025-Q1: its own line is past retention (a warning), nothing else.
    others = [ln for ln in se.splitlines() if ("K-0012" in ln or "K-0004" in ln) and "[cpr-retention]" not in ln]
    check(not others, f"the returning borger is not an error: {se}")
    check("cpr.yaml:7:1: warning: K-0004 ended in 2025-Q1" in se, f"K-0004's line is past retention: {se}")
    with open(out, "rb") as f:
        csv = f.read()
    row = f"{dashed(KEYS['K-0004'])};2025-05-12;;egen-kommune;\r\n".encode("utf-8")
    check(row in csv, "K-0012's row with the borger's CPR")
    check(csv.count(dashed(KEYS["K-0004"]).encode()) == 1, "K-0004 (ended before the quarter) is not in it")
    # In 2025-Q3 the broken K-0013 belongs in the quarter: it stops the report.
    rc, _, se = env.run("report", "--quarter", "2025-Q3", "-o", env.path("q3.csv"))
    check(rc == 1 and "forloeb/K-0013.yaml:2:" in se and "[unknown-worker]" in se, f"exit {rc}: {se}")
    check(not os.path.exists(env.path("q3.csv")), "a Q3 report was written")


@test
def key_file_syntax_error_does_not_echo(env):
    expect_key_error(env, KEYS_TEXT.replace('K-0005: "050534-7445"', 'K-0005: "050534-7445\n  - "x'),
                     "cpr-syntax", "", 9)
    expect_key_error(env, KEYS_TEXT.replace('"050534-7445"', '"\\U05053474"'), "cpr-syntax", "", 8)


@test
def key_file_swapped_columns_are_not_echoed(env):
    env.write_keys("".join(f'"{v}": {k}\n' for k, v in KEYS.items()))
    rc, _, se = env.run("report", "--quarter", "2025-Q2", "-o", env.path("q.csv"))
    check(rc == 1 and "[cpr-invalid]" in se, f"exit {rc}: {se}")


@test
def a_broken_case_file_stops_the_report(env):
    path = os.path.join(env.repo, "forloeb", "K-0002.yaml")
    with open(path, encoding="utf-8") as f:
        text = f.read()
    with open(path, "w", encoding="utf-8") as f:
        f.write(text.replace("delmålgruppe: anden-kommune", "delmålgruppe: ukendt-gruppe"))
    out = env.path("q.csv")
    rc, so, se = env.run("report", "--quarter", "2025-Q2", "-o", out)
    check(rc == 1, f"exit {rc}: {se}")
    check("forloeb/K-0002.yaml:3:" in se and "[unknown-subgroup]" in se, f"diagnostic: {se!r}")
    check(not os.path.exists(out), "a report was written")
    # A CPR number pasted into the notes: [cpr-leak], and the number is not echoed.
    with open(path, "w", encoding="utf-8") as f:
        f.write(text + f"  Borgerens CPR er {KEYS['K-0002']}.\n")
    # --pseudonym still shows every row, K-0002 once, and names the error beside it (exit 1).
    rc, so, se = env.run("report", "--quarter", "2025-Q2", "--pseudonym")
    check(rc == 1 and "[cpr-leak]" in se, f"cpr-leak: exit {rc}: {se}")
    check(so.count(b"K-0002;") == 1, f"K-0002 once in the pseudonymous rows: {so!r}")
    rc, so, se = env.run("report", "--quarter", "2025-Q2", "-o", out)
    check(rc == 1 and "[cpr-leak]" in se and not os.path.exists(out), f"cpr report with a leak: exit {rc}: {se}")


@test
def warnings_do_not_stop_the_report(env):
    # K-0002 (opstart 2025-01-06) is past its planned end on 2025-10-20: a warning only.
    rc, _, se = env.run("report", "--quarter", "2025-Q2", "-o", env.path("q.csv"), today="2025-10-20")
    check(rc == 0, f"exit {rc}: {se}")
    with open(env.path("q.csv"), "rb") as f:
        check(f.read() == EXPECTED_CSV, "report differs with a later today")


@test
def a_quarter_not_yet_ended_is_noted(env):
    rc, so, se = env.run("report", "--quarter", "2025-Q3", "--pseudonym")
    check(rc == 0, f"exit {rc}: {se}")
    check("note: 2025-Q3 has not ended yet (today is 2025-08-15)" in se, f"no note: {se!r}")
    check(b"K-0005;2025-07-01;;anden-kommune;\r\n" in so, "K-0005 starts in 2025-Q3")
    check(b"K-0009;2024-10-01;2025-07-01;egen-kommune;ja\r\n" in so, "K-0009 ends in 2025-Q3")
    rc, so, se = env.run("report", "--quarter", "2025-Q2", "--pseudonym")
    check("not ended" not in se, "note for an ended quarter")


@test
def bad_quarter_is_a_usage_error(env):
    for q in ("2025-Q5", "2025Q2", "Q2-2025"):
        rc, so, se = env.run("report", "--quarter", q, "--pseudonym")
        check(rc == 2 and "YYYY-Qn" in se and so == b"", f"{q}: exit {rc}: {se}")
    rc, _, se = env.run("report", "--pseudonym")
    check(rc == 2, "--quarter is required")


@test
def danish_messages(env):
    rc, so, se = env.run("--lang", "da", "report", "--quarter", "2025-Q2")
    check(rc == 2 and "-o FIL" in se and "CPR-numre" in se, f"Danish refusal: {se!r}")
    rc, so, se = env.run("--lang", "da", "report", "--quarter", "2025-Q2", "--pseudonym")
    check(rc == 0 and "8 række(r); i kvartalet 3 startet, 3 afsluttet, 1 gennemført" in se, f"Danish summary: {se!r}")


def main():
    global current
    if not os.access(CTI, os.X_OK):
        print(f"FAIL: no cti binary at {CTI}")
        return 1
    for fn in TESTS:
        current = fn.__name__
        env = Env()
        before = len(failures)
        try:
            fn(env)
        except Exception as e:  # a crash in a test case is a failure, not an abort
            fail(f"exception {type(e).__name__}: {e}")
        finally:
            env.close()
        print(("ok   " if len(failures) == before else "FAIL ") + current)
    print(f"{len(TESTS)} test cases, {outputs_checked} outputs searched for CPR numbers")
    for f in failures:
        print("FAIL:", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
