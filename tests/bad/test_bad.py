"""The bad-input corpus: every broken file with its exact diagnostics.

    CTI=build/cti python3 -m pytest -c tests/pytest.ini tests/bad
    CTI_UPDATE_GOLDEN=1 ...   # rewrite the .expected files (then read every diff by hand)

Each case is its own pytest case (named after it) and starts from a temporary copy of
tests/bad/base/ (a valid repository):

- cases/NAME.yaml is copied to forloeb/K-0100.yaml, or to the path named on its
  first line as "# target: PATH".
- cases/NAME/ (a directory) is copied over the base, file by file (a broken
  cti.yaml, two files for a duplicate id, ...).
- cases/NAME.args holds extra arguments for `cti validate`, one per line.
- Generated cases (a 5 MB file, deep nesting) are made here, not committed.

NAME.expected is the exact stdout of
`cti -C REPO validate --today 2026-11-23 --lang en [args]`; NAME.da.expected the same
with --lang da; NAME.json.expected with --format json. The exit code must be 1
when the expected output has an error (or a warning under --strict), else 0. No
case may crash (a signal or an exit code other than 0/1/2), print "internal
error", or print the made-up CPR digits of the corpus.

After CTI_UPDATE_GOLDEN=1, read every changed .expected file: a golden file that only
records what the code printed is not a test.
"""

import json
import os
import shutil

import pytest
from conftest import UPDATE_GOLDEN, run_cti

HERE = os.path.dirname(os.path.abspath(__file__))
BASE = os.path.join(HERE, "base")
CASES = os.path.join(HERE, "cases")
TODAY = "2026-11-23"
DEFAULT_TARGET = "forloeb/K-0100.yaml"

# The made-up CPR numbers used in the corpus; none may ever be printed.
CPR_DIGITS = ["150385", "280292", "1503854321", "2802921234"]


def run(*args, cwd=None):
    """cti ARGS (no --lang unless given) -> (exit code, stdout, stderr), checked to be safe."""
    r = run_cti(*args, cwd=cwd, lang=None)
    out, err = r.out.decode("utf-8", "replace"), r.err
    assert r.rc in (0, 1, 2), f"crashed or odd exit code: {r!r}"
    assert "internal error" not in err, r
    for d in CPR_DIGITS:
        assert d not in out and d not in err, f"printed the made-up CPR digits {d}"
    return r.rc, out, err


# --- building the repositories ----------------------------------------------------

def apply_file_case(repo, path):
    with open(path, "rb") as f:
        data = f.read()
    target = DEFAULT_TARGET
    first = data.split(b"\n", 1)[0].strip()
    if first.startswith(b"# target:"):
        target = first[len(b"# target:"):].strip().decode()
    dest = os.path.join(repo, target)
    os.makedirs(os.path.dirname(dest), exist_ok=True)
    with open(dest, "wb") as f:
        f.write(data)


def apply_dir_case(repo, path):
    shutil.copytree(path, repo, dirs_exist_ok=True)


def too_large(repo):
    # 5 MB: a valid head, then a long note. Must be refused quickly, not parsed.
    with open(os.path.join(repo, DEFAULT_TARGET), "w", encoding="utf-8") as f:
        f.write("id: K-0100\nmedarbejder: mette\ndelmålgruppe: egen-kommune\nnoter: |\n")
        line = "  " + "x" * 98 + "\n"
        f.write(line * (5 * 1024 * 1024 // len(line)))


def deep_flow(repo):
    with open(os.path.join(repo, DEFAULT_TARGET), "w") as f:
        f.write("[" * 100000 + "\n")


def deep_balanced(repo):
    with open(os.path.join(repo, DEFAULT_TARGET), "w") as f:
        f.write("id: " + "[" * 20000 + "]" * 20000 + "\n")


def deep_block(repo):
    with open(os.path.join(repo, DEFAULT_TARGET), "w") as f:
        f.write("noter:\n" + "".join(" " * i + "- \n" for i in range(1, 1200)))


# name -> function(repo) writing the case; these are too large to commit.
GENERATED = {"gen-too-large": too_large, "gen-deep-flow": deep_flow,
             "gen-deep-balanced": deep_balanced, "gen-deep-block": deep_block}


def list_cases():
    """name -> function(repo) that turns the base into the case."""
    cases = {}
    for entry in sorted(os.listdir(CASES)):
        path = os.path.join(CASES, entry)
        if os.path.isdir(path):
            cases[entry] = lambda repo, path=path: apply_dir_case(repo, path)
        elif entry.endswith(".yaml"):
            cases[entry[:-5]] = lambda repo, path=path: apply_file_case(repo, path)
    cases.update(GENERATED)
    return cases


CORPUS = list_cases()


# --- running one case --------------------------------------------------------------

def read_args(name):
    path = os.path.join(CASES, name + ".args")
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as f:
        return [line.strip() for line in f if line.strip()]


def expected_rc(text, args):
    if any(": error: " in line for line in text.splitlines()):
        return 1
    if "--strict" in args and any(": warning: " in line for line in text.splitlines()):
        return 1
    return 0


def expected(name, variant, out):
    """cases/NAME{variant}.expected, or with CTI_UPDATE_GOLDEN=1 `out` written there first."""
    path = os.path.join(CASES, f"{name}{variant}.expected")
    if UPDATE_GOLDEN:
        with open(path, "w", encoding="utf-8") as f:
            f.write(out)
    assert os.path.exists(path), f"no {name}{variant}.expected (run with CTI_UPDATE_GOLDEN=1, then check it by hand)"
    with open(path, encoding="utf-8") as f:
        return f.read()


def test_the_corpus_has_at_least_40_cases():
    assert len(CORPUS) >= 40, f"only {len(CORPUS)} cases"


@pytest.mark.parametrize("name", list(CORPUS))
def test_case(copy_tree, name):
    repo = copy_tree(BASE, "repo")
    CORPUS[name](repo)
    args = read_args(name)
    base = ["-C", repo, "validate", "--today", TODAY]
    # From the repository's root, so messages name files as forloeb/...
    rc, out, _ = run(*base, "--lang", "en", *args, cwd=repo)
    want = expected(name, "", out)
    assert out == want, f"output differs:\n--- want\n{want}--- got\n{out}"
    assert rc == expected_rc(want, args), f"exit code {rc}, want {expected_rc(want, args)}"
    if not want.strip():
        assert rc == 0, "no diagnostics expected but exit code is not 0"

    if os.path.exists(os.path.join(CASES, name + ".da.expected")):
        rc2, out2, _ = run(*base, "--lang", "da", *args, cwd=repo)
        want = expected(name, ".da", out2)
        assert out2 == want, f"--lang da output differs:\n--- want\n{want}--- got\n{out2}"
        assert rc2 == rc, f"--lang da exit code {rc2} differs from {rc}"

    if os.path.exists(os.path.join(CASES, name + ".json.expected")):
        rc3, out3, _ = run(*base, "--lang", "en", "--format", "json", *args, cwd=repo)
        want = expected(name, ".json", out3)
        try:
            same = json.loads(out3) == json.loads(want)
        except ValueError as e:
            pytest.fail(f"not JSON: {e}\n{out3}")
        assert same, f"JSON differs:\n--- want\n{want}--- got\n{out3}"
        assert rc3 == rc, f"--format json exit code {rc3} differs from {rc}"


# --- command-line and setup errors -------------------------------------------------

@pytest.fixture
def repo(copy_tree):
    return copy_tree(BASE, "repo")


# (label, arguments, working directory, exit code, stdout); in the arguments and the
# working directory "{repo}" is the repository, "{tmp}" the directory it is in.
SETUP = [
    ("base is clean", ["-C", "{repo}", "validate", "--today", TODAY], None, 0, ""),
    ("-C after the subcommand", ["validate", "-C", "{repo}", "--today", TODAY], None, 0, ""),
    ("found from a subdirectory", ["validate", "--today", TODAY], "{repo}/forloeb", 0, ""),
    ("no such -C directory", ["-C", "{tmp}/nope", "validate"], None, 2, None),
    ("no cti.yaml", ["validate", "--today", TODAY], "{tmp}", 2, None),
    ("bad --today", ["-C", "{repo}", "validate", "--today", "2026-02-30"], None, 2, None),
    ("unknown option", ["-C", "{repo}", "validate", "--frobnicate"], None, 2, None),
    ("FILE that does not exist", ["-C", "{repo}", "validate", "--today", TODAY, "forloeb/K-9999.yaml"], None, 2,
     None),
    ("FILE outside the repository", ["-C", "{repo}", "validate", "--today", TODAY, "/etc/hostname"], None, 2, None),
    ("--staged outside git", ["-C", "{repo}", "validate", "--staged", "--today", TODAY], None, 2, None),
]


def place(text, repo):
    return text and text.replace("{repo}", repo).replace("{tmp}", os.path.dirname(repo))


@pytest.mark.parametrize("args, cwd, want_rc, want_out", [s[1:] for s in SETUP], ids=[s[0] for s in SETUP])
def test_setup(repo, args, cwd, want_rc, want_out):
    rc, out, err = run(*[place(a, repo) for a in args], cwd=place(cwd, repo))
    assert rc == want_rc, f"exit code {rc}, want {want_rc}; stderr: {err.strip()}"
    if want_out is not None:
        assert out == want_out, f"stdout {out!r}, want {want_out!r}"
    elif want_rc == 2:
        assert err.startswith("cti: "), f"no 'cti: ...' error on stderr: {err!r}"


MISSING = "forloeb/K-0100.yaml:1:1: error: required key 'delmålgruppe' is missing [missing-key]\n"
# Named relative to where cti runs, as git does: from forloeb/ without the directory.
FILES = [
    ("the broken file", ["validate", "--today", TODAY, "--lang", "en", "K-0100.yaml"], "{repo}/forloeb", 1,
     MISSING[len("forloeb/"):]),
    ("another file", ["validate", "--today", TODAY, "--lang", "en", "K-0001.yaml"], "{repo}/forloeb", 0, ""),
    ("a directory", ["-C", "{repo}", "validate", "--today", TODAY, "--lang", "en", "forloeb"], "{repo}", 1, MISSING),
    ("cti.yaml only", ["-C", "{repo}", "validate", "--today", TODAY, "--lang", "en", "cti.yaml"], None, 0, ""),
]


@pytest.mark.parametrize("args, cwd, want_rc, want_out", [f[1:] for f in FILES], ids=[f[0] for f in FILES])
def test_file_arguments_narrow_the_report(repo, args, cwd, want_rc, want_out):
    """FILE arguments narrow the report; a directory stands for the files under it."""
    with open(os.path.join(repo, "forloeb", "K-0100.yaml"), "w", encoding="utf-8") as f:
        f.write("id: K-0100\nmedarbejder: mette\n")
    rc, out, _ = run(*[place(a, repo) for a in args], cwd=place(cwd, repo))
    assert rc == want_rc and out == want_out, f"exit code {rc} (want {want_rc}), stdout {out!r} (want {want_out!r})"


def test_the_summary_goes_to_stderr_in_the_chosen_language(repo):
    with open(os.path.join(repo, "forloeb", "K-0100.yaml"), "w", encoding="utf-8") as f:
        f.write("id: K-0100\nmedarbejder: mette\n")
    _, _, err = run("-C", repo, "validate", "--today", TODAY, "--lang", "da")
    assert "1 fejl" in err, f"stderr {err!r}"


def test_list_rules(tmp_path):
    """--list-rules prints the catalogue, one rule a line."""
    rc, out, _ = run("validate", "--list-rules", "--lang", "en", cwd=tmp_path)
    assert rc == 0 and "cpr-leak" in out, f"exit code {rc}, stdout {out[:200]!r}"
