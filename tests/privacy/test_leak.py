"""No channel leaks a CPR number (SPEC section 8).

A made-up CPR number is planted in every input channel: a forløb file *named* by it
(both forms), a case id, a worker id and name, a delmålgruppe, the projekt, values written
with YAML escapes and line continuations, over-long values cut for messages, a value at an
iCalendar fold, and every command-line argument. Then every command (read from `cti
--help`, so new commands are covered) runs in every output format and with the number as
the value of each of its options; neither stdout nor stderr may hold the digits: not all
ten, not nine of them, not split by a dash or a space.

    CTI=build/cti python3 -m pytest -c tests/pytest.ini tests/privacy/test_leak.py

The planted repository is tests/bad/base with every channel filled; cti runs in it as a
user would, without --lang (its cti.yaml says sprog: da). All runs share it, in order, as
one session would.
"""

import os
import re
import shutil
import subprocess

import pytest
from conftest import CTI, ROOT, clean_env, run_cti

BASE = os.path.join(ROOT, "tests", "bad", "base")
TODAY = "2026-11-23"
CPR = "2411354312"        # made up: 24 Nov 2035 (7th digit 4), no one has it
DASHED = "241135-4312"
ESCAPED = "".join(f"\\x{ord(c):02x}" for c in CPR)
FORMATS = ["table", "json", "csv", "text", "ics", "html"]
LEAKS = {CPR[i:i + 9] for i in range(2)}  # the nine-digit windows
TMP = "{tmp}"                             # in an argument: the folder the repository is in


def leaked(text, typed=""):
    """The CPR's digits in text: nine or ten in a row, once dashes, spaces, quotes and
    line folds are taken out. Nine digits the user typed as an argument may be echoed
    (they are not a CPR number); a completion of them to ten may not."""
    squeezed = re.sub(r"[\s\-\"'\\]", "", text)
    return any(w in squeezed for w in (LEAKS if not any(w in typed for w in LEAKS) else {CPR}))


def label(args):
    text = "cti " + " ".join(a.replace(CPR, "<cpr>").replace(DASHED, "<cpr->") for a in args)
    return re.sub(r"(.)\1{19,}", lambda m: m.group(1) * 3 + "...", text)


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def plant(repo):
    """Every channel at once."""
    long_name = "Anna " + "a" * 33 + CPR + " Hansen"  # the number straddles the 40-character cut
    fold = "F" * 60 + CPR                               # and an iCalendar line fold
    write(os.path.join(repo, "cti.yaml"), f"""projekt: "Projekt {DASHED}"
id_præfiks: K-
caseload_pr_årsværk: 10
delmålgrupper: [egen-kommune, anden-kommune, "gruppe-{CPR}"]
medarbejdere:
  - id: mette
    navn: Mette Hansen
    årsværk: 1.0
  - id: jonas
    navn: "Jonas {ESCAPED}"
    årsværk: 0.5
  - id: "m{CPR}"
    navn: "{long_name}"
    årsværk: 0.5
  - id: "{fold}"
    navn: "Navn \\
      {CPR}"
    årsværk: 0.2
sprog: da
""")
    case = "medarbejder: {w}\ndelmålgruppe: {g}\nkontakt: 2026-05-04\nopstart: 2026-06-01\n"
    write(os.path.join(repo, "forloeb", f"{CPR}.yaml"), "id: K-0010\n" + case.format(w="mette", g="egen-kommune"))
    write(os.path.join(repo, "forloeb", f"{DASHED}.yaml"), f"id: {DASHED}\n" + case.format(w="mette", g="egen-kommune"))
    write(os.path.join(repo, "forloeb", f"K-{CPR}.yaml"), f"id: K-{CPR}\n" + case.format(w=f"m{CPR}", g=f"gruppe-{CPR}"))
    write(os.path.join(repo, "forloeb", "K-0011.yaml"),
          "id: K-0011\n" + case.format(w=f'"{ESCAPED}"', g=f'"{"x" * 35}{CPR}yyyy"'))
    write(os.path.join(repo, "forloeb", "K-0012.yaml"),
          "id: K-0012\n" + case.format(w=f'"{fold}"', g="anden-kommune") + f"noter: \"{CPR[:5]}\\\n  {CPR[5:]}\"\n")
    write(os.path.join(repo, "forloeb", "K-0013.yaml"),
          "id: K-0013\n" + case.format(w="jonas", g="egen-kommune") + f"tjekliste:\n  x{CPR}: 2026-06-02\n")
    write(os.path.join(repo, "cpr.yaml"), f'K-0001: "{DASHED}"\nK-0013: "{CPR}"\n')
    write(os.path.join(repo, ".gitignore"), "cpr.yaml\n")
    write(os.path.join(repo, "noter.csv"), f"a;b\n1;{DASHED}\n")


@pytest.fixture(scope="module")
def planted(tmp_path_factory):
    """(repo, tmp): the planted repository in the folder tmp, in git with everything added.
    Module-scoped, so git is run here directly (the `git` fixture is per test)."""
    tmp = str(tmp_path_factory.mktemp("leak"))
    repo = os.path.join(tmp, "repo")
    shutil.copytree(BASE, repo)
    plant(repo)
    for args in (["init", "-q", "-b", "main"], ["add", "."]):
        subprocess.run(["git", *args], cwd=repo, env=clean_env(), capture_output=True, check=True, timeout=60)
    return repo, tmp


def run(args, planted):
    """cti ARGS in the planted repository: no CPR digits on stdout or stderr (besides the
    conftest check for anything CPR-shaped), and no crash."""
    repo, tmp = planted
    args = [a.replace(TMP, tmp) for a in args]
    typed = " ".join(a for a in args if CPR not in a.replace("-", ""))
    # Nine digits the user typed may come back padded to ten ('K-0241135431'), which the
    # conftest check would take for a CPR number; leaked() still checks those runs.
    r = run_cti(*args, cwd=repo, lang=None, env={"CTI_TODAY": TODAY}, may_show_cpr=any(w in typed for w in LEAKS))
    assert not leaked(r.out.decode("utf-8", "replace"), typed) and not leaked(r.err, typed), \
        f"CPR digits from {label(args)}\n{r!r}"
    assert r.rc in (0, 1, 2), f"crash: {label(args)}\n{r!r}"
    return r


# What to run, read from cti --help (the same in every folder and language).

def help_text(*path):
    return run_cti(*path, "--help", cwd=BASE, lang=None, env={"CTI_TODAY": TODAY}).text


def listed(text):
    """The names under "Commands:" (in Danish "Kommandoer:")."""
    for heading in ("Commands:", "Kommandoer:"):
        if heading in text:
            return re.findall(r"^  ([a-z][a-z-]*)\s", text.split(heading, 1)[1], re.M)
    return []


def options(path):
    """The long options of `cti PATH`, but --help, --version and --force."""
    opts = set()
    for line in help_text(*path).splitlines():
        m = re.match(r"  ((?:-\w,)?--[\w-]+(?:,--[\w-]+)*)", line)  # not a wrapped description
        if m:
            opts |= {o for o in m.group(1).split(",") if o.startswith("--")}
    return sorted(opts - {"--help", "--version", "--force"})


def command_runs():
    """Every command and subcommand: bare, in every format, with the number as the value
    of each option, as an argument, and as an option."""
    invocations = []
    for cmd in COMMANDS:
        invocations += [[cmd, s] for s in listed(help_text(cmd))] or [[cmd]]
    runs = []
    for path in invocations:
        runs.append(path)
        runs += [[*path, "--format", fmt] for fmt in FORMATS]
        runs += [[*path, opt, value] for opt in options(path) for value in (CPR, DASHED, CPR[:9], "m" + CPR[:9])]
        runs += [[*path, CPR], [*path, DASHED, "--format", "json"], [*path, f"--{CPR}"]]
    return runs


COMMANDS = listed(help_text()) if os.access(CTI, os.X_OK) else []
RUNS = command_runs() + [
    # Arguments to the whole program and as the command.
    [CPR], [DASHED], ["-C", CPR, "status"], ["--today", CPR, "status"], ["--lang", CPR, "status"],
    ["--color", CPR, "status"], ["--cpr-file", CPR, "report", "-o", f"{TMP}/r.csv"],
    ["stat" + CPR], [f"--{CPR}", "status"], ["status", "--worker", f"m{CPR[:9]}"],
    ["show", f"K-{CPR[:9]}"], ["show", CPR[:9]], ["show", f"{CPR}.yaml"],
    ["show", f"forloeb/{DASHED}.yaml"], ["report", "--quarter", CPR],
    ["report", "--quarter", "2026-Q2", "--pseudonym"],
    ["report", "--quarter", "2026-Q2", "--pseudonym", "--format", "json"],
    ["report", "--quarter", "2026-Q2", "-o", f"{TMP}/{CPR}.csv"],
    ["report", "--quarter", "2026-Q2", "-o", f"{TMP}/out.csv"],
    ["calendar", "-o", f"{TMP}/{DASHED}.ics"],
    ["fidelity", "--from", CPR], ["fidelity", "--to", DASHED],
    ["new", "--contact", CPR], ["new", "--worker", CPR[:9]], ["new", "--subgroup", f"gruppe-{CPR[:9]}"],
    ["validate", "--staged"], ["validate", "--staged", "--format", "json"],
    ["validate", f"forloeb/{CPR}.yaml"], ["validate", f"forloeb/{CPR}9.yaml"],
    ["init", f"{TMP}/{CPR}"], ["status", "--worker", "w" * 5000 + CPR],
]


def test_commands_are_read_from_help():
    assert {"status", "validate", "report"} <= set(COMMANDS), f"from cti --help: {COMMANDS}"


def test_many_runs():
    assert len(RUNS) > 100, f"only {len(RUNS)} runs"


@pytest.mark.parametrize("args", RUNS, ids=label)
def test_no_cpr_digits(planted, args):
    run(args, planted)


def test_each_forloeb_shown_on_its_own_whatever_its_id(planted):
    repo, _ = planted
    for f in sorted(os.listdir(os.path.join(repo, "forloeb"))):
        run(["show", f[:-5]], planted)
        run(["show", os.path.join("forloeb", f)], planted)


def test_the_report_file_the_user_asked_for_does_hold_the_cpr(copy_tree, git, run_cti, tmp_path):
    """The one place a CPR may go. (The planted repository has [cpr-leak] errors, so its
    report is refused; this is a clean one with the number in its key file.)"""
    repo = copy_tree(BASE, "clean")
    write(os.path.join(repo, "cpr.yaml"), f'K-0001: "{DASHED}"\n')
    os.chmod(os.path.join(repo, "cpr.yaml"), 0o600)
    write(os.path.join(repo, ".gitignore"), "cpr.yaml\n")
    git("init", "-q", "-b", "main", cwd=repo)
    git("add", ".", cwd=repo)
    out = tmp_path / "out.csv"
    r = run_cti("report", "--quarter", "2026-Q2", "-o", out, cwd=repo, lang=None, env={"CTI_TODAY": TODAY})
    assert r.rc == 0, r
    with open(out, encoding="utf-8-sig") as f:
        assert DASHED in f.read(), "the report file has no CPR number"


def test_the_cache_holds_no_cpr_digits(planted):
    """After every command above ran on the planted repository, the cache of checked
    files (.git/cti/) holds none of the planted numbers, in any spelling."""
    repo, _ = planted
    run(["validate"], planted)
    run(["validate", "--staged"], planted)
    files = [os.path.join(d, f) for d, _, fs in os.walk(os.path.join(repo, ".git", "cti")) for f in fs]
    assert files, "no cache was written"
    for path in files:
        data = open(path, "rb").read().decode("latin-1")
        assert not leaked(data, ""), path
