"""The command line itself, `cti init` and `cti new`, end to end.

    CTI=build/cti python3 -m pytest -c tests/pytest.ini tests/cli

golden/cti.yaml.expected and golden/K-0001.yaml.expected are the templates
without their first line (the yaml-language-server schema path depends on the
install prefix; it is checked separately).

cti runs here without --lang: the language comes from the locale (C.UTF-8, or
da_DK.UTF-8 where a case says so) or from the repository's cti.yaml (the template
says sprog: da).
"""

import os

import pytest
from conftest import run_cti

TODAY = "2026-11-23"
SEE = "; see 'cti --help'\n"


def expect(args, rc, stdout=None, stderr=None, cwd=None, locale="C.UTF-8"):
    """cti ARGS (no --lang) exits rc with exactly stdout and stderr, where given; a usage
    error (2) without a given stderr is still one line 'cti: error: ...'."""
    r = run_cti(*args, cwd=cwd, lang=None, env={"LC_ALL": locale, "LANG": locale})
    assert r.rc == rc, r
    if stdout is not None:
        assert r.text == stdout, r
    if stderr is not None:
        assert r.err == stderr, r
    elif rc == 2:
        assert r.err.startswith(("cti: error: ", "cti: fejl: ")) and "Traceback" not in r.err, r
    return r


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def write(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def snapshot(top):
    """Every file and directory under top with its bytes and mtime (files only)."""
    snap = {}
    for d, dirs, files in os.walk(top):
        for name in dirs + files:
            p = os.path.join(d, name)
            st = os.lstat(p)
            data = None
            if os.path.isfile(p) and not os.path.islink(p):
                with open(p, "rb") as f:
                    data = f.read()
            # A directory's mtime may move (a temporary file made and removed); its entries may not.
            snap[os.path.relpath(p, top)] = (None if os.path.isdir(p) else st.st_mtime_ns, st.st_mode, data)
    return snap


# --- command-line mistakes -----------------------------------------------------------

# (label, arguments ("{tmp}" is the working directory), exit code, stdout, stderr, locale)
CLI_ERRORS = [
    ("unknown command", ["bogus"], 2, "", "cti: error: unknown command 'bogus'" + SEE, "C.UTF-8"),
    ("unknown command with a suggestion", ["statsu"], 2, "",
     "cti: error: unknown command 'statsu' (did you mean 'status'?)" + SEE, "C.UTF-8"),
    ("unknown command after global options", ["--today", TODAY, "-C", "{tmp}", "valdate"], 2, "",
     "cti: error: unknown command 'valdate' (did you mean 'validate'?)" + SEE, "C.UTF-8"),
    ("unknown command in Danish (locale)", ["statsu"], 2, "",
     "cti: fejl: ukendt kommando 'statsu' (mente du 'status'?); se 'cti --help'\n", "da_DK.UTF-8"),
    ("unknown command in Danish (--lang)", ["--lang", "da", "repot"], 2, "",
     "cti: fejl: ukendt kommando 'repot' (mente du 'report'?); se 'cti --help'\n", "C.UTF-8"),
    ("no command", [], 2, "", "cti: error: a command is required, e.g. 'cti status'" + SEE, "C.UTF-8"),
    ("unknown global option", ["--frobnicate"], 2, "", "cti: error: unknown option '--frobnicate'" + SEE,
     "C.UTF-8"),
    ("unknown option before a command", ["--frobnicate", "validate"], 2, "",
     "cti: error: unknown option '--frobnicate' for 'cti validate'; see 'cti validate --help'\n", "C.UTF-8"),
    ("unknown option of a command", ["validate", "--frobnicate"], 2, "",
     "cti: error: unknown option '--frobnicate' for 'cti validate'; see 'cti validate --help'\n", "C.UTF-8"),
    ("misspelt option of a command", ["validate", "--stagde"], 2, "",
     "cti: error: unknown option '--stagde' for 'cti validate' (did you mean '--staged'?); "
     "see 'cti validate --help'\n", "C.UTF-8"),
    ("misspelt option with a value", ["new", "--subgrup=x"], 2, "",
     "cti: error: unknown option '--subgrup' for 'cti new' (did you mean '--subgroup'?); "
     "see 'cti new --help'\n", "C.UTF-8"),
    ("global option without its value", ["-C"], 2, "", "cti: error: option '-C' needs a value" + SEE, "C.UTF-8"),
    ("bad option value", ["validate", "--format", "xml"], 2, "", None, "C.UTF-8"),
    ("option without its value", ["new", "--contact"], 2, "", None, "C.UTF-8"),
    ("bad --lang", ["--lang", "fr", "validate"], 2, "", "cti: error: '--lang' takes one of da, en, not 'fr'" + SEE,
     "C.UTF-8"),
    ("bad --color", ["--color", "sometimes", "validate"], 2, "", None, "C.UTF-8"),
    ("hook without install", ["hook"], 2, "", None, "C.UTF-8"),
    ("hook with a misspelt install", ["hook", "instal"], 2, "",
     "cti: error: unknown command 'instal' for 'cti hook' (did you mean 'install'?); see 'cti hook --help'\n",
     "C.UTF-8"),
    ("misspelt option of hook install", ["hook", "install", "--forc"], 2, "",
     "cti: error: unknown option '--forc' for 'cti hook install' (did you mean '--force'?); "
     "see 'cti hook install --help'\n", "C.UTF-8"),
]


@pytest.mark.parametrize("args, rc, stdout, stderr, locale", [c[1:] for c in CLI_ERRORS],
                         ids=[c[0] for c in CLI_ERRORS])
def test_command_line_mistake(tmp_path, args, rc, stdout, stderr, locale):
    args = [str(tmp_path) if a == "{tmp}" else a for a in args]
    expect(args, rc, stdout, stderr, cwd=tmp_path, locale=locale)


def test_help_lists_the_commands(tmp_path):
    r = expect(["--help"], 0, None, "", cwd=tmp_path)
    assert all(c in r.text for c in ["init", "new", "status", "validate", "report", "hook"]), r


def test_version_says_cti(tmp_path):
    r = expect(["--version"], 0, None, "", cwd=tmp_path)
    assert r.text.startswith("cti "), r


def test_command_help(tmp_path):
    expect(["validate", "--help"], 0, None, "", cwd=tmp_path)


# --- cti init ------------------------------------------------------------------------

def test_init(tmp_path, golden):
    repo = tmp_path / "team"
    r = expect(["init", "team"], 0, "", None, cwd=tmp_path)
    assert r.err.startswith("cti: created ") and "cti new" in r.err, "init: a note on stderr"
    first, rest = read(repo / "cti.yaml").split("\n", 1)
    assert first.startswith("# yaml-language-server: $schema=") and first.endswith("/cti.schema.json"), first
    golden("cti.yaml.expected", rest)  # the commented template
    assert os.path.isdir(repo / "forloeb")
    assert read(repo / ".gitignore") == "cpr.yaml\n", "init: .gitignore ignores cpr.yaml"
    expect(["-C", repo, "validate", "--today", TODAY], 0, "")  # the new repository validates clean


def test_second_init_changes_nothing(tmp_path):
    repo = tmp_path / "team"
    expect(["init", "team"], 0, "", None, cwd=tmp_path)
    before = snapshot(tmp_path)
    expect(["init", "team"], 2, "", f"cti: error: {repo / 'cti.yaml'} already exists; nothing was changed\n",
           cwd=tmp_path)
    expect(["init"], 2, "", None, cwd=repo)  # from inside
    assert snapshot(tmp_path) == before, "second init: a file changed"


def test_init_in_an_existing_directory(tmp_path):
    """keeps what is there and adds to .gitignore once."""
    other = tmp_path / "existing"
    other.mkdir()
    write(other / ".gitignore", "*.tmp")
    write(other / "README", "ours\n")
    expect(["init"], 0, "", None, cwd=other)
    assert read(other / ".gitignore") == "*.tmp\ncpr.yaml\n", "init: .gitignore extended, not replaced"
    assert read(other / "README") == "ours\n", "init: other files untouched"


def test_init_with_cpr_yaml_already_ignored(tmp_path):
    third = tmp_path / "ignored"
    third.mkdir()
    write(third / ".gitignore", "/cpr.yaml\nbuild/\n")
    expect(["-C", third, "init"], 0, "")
    assert read(third / ".gitignore") == "/cpr.yaml\nbuild/\n", "init: .gitignore left as it was"


# --- cti new -------------------------------------------------------------------------

def init_team(tmp_path):
    expect(["init", "team"], 0, "", None, cwd=tmp_path)
    return tmp_path / "team"


def name_workers(repo):
    """The template's placeholder worker becomes mette, and jonas joins."""
    text = read(repo / "cti.yaml").replace("medarbejder1", "mette")
    text = text.replace('    årsværk: 1.0                # fuldtid = 1.0, halvtid = 0.5\n',
                        '    årsværk: 1.0                # fuldtid = 1.0, halvtid = 0.5\n  - id: jonas\n')
    write(repo / "cti.yaml", text)


@pytest.fixture
def team(tmp_path):
    """A repository from `cti init` with two workers, mette and jonas."""
    repo = init_team(tmp_path)
    name_workers(repo)
    return repo


NEW = ["new", "--today", TODAY, "--worker", "mette", "--subgroup", "egen-kommune"]


def test_new_asks_for_what_it_needs(tmp_path):
    # The template has one placeholder worker and two delmålgrupper; it says sprog: da.
    repo = init_team(tmp_path)
    expect(["-C", repo, "new", "--today", TODAY], 2, "",
           "cti: fejl: vælg delmålgruppe med --subgroup (egen-kommune, anden-kommune)\n")
    assert os.listdir(repo / "forloeb") in ([], [".gitkeep"]), "new: something written on an error"
    name_workers(repo)
    expect(["-C", repo, "new", "--today", TODAY, "--subgroup", "egen-kommune"], 2, "",
           "cti: fejl: vælg medarbejder med --worker (mette, jonas)\n")


def test_new_writes_the_template_with_the_values(team, golden):
    expect(["-C", team, "--lang", "en", "new", "--today", TODAY, "--worker", "mette", "--subgroup", "egen-kommune"],
           0, "forloeb/K-METT-001.yaml\n", "", cwd=team)
    first, rest = read(team / "forloeb" / "K-METT-001.yaml").split("\n", 1)
    assert first.startswith("# yaml-language-server: $schema=") and first.endswith("/forloeb.schema.json"), first
    golden("K-METT-001.yaml.expected", rest)  # the commented template
    expect(["-C", team, "validate", "--today", TODAY], 0, "")  # the new file validates clean

    # --medarbejder, --kontakt, the next id: each worker's code (the first four letters of
    # the id when cti.yaml gives no kode) numbers its own forløb.
    expect(["-C", team, "new", "--today", TODAY, "--medarbejder", "jonas", "--subgroup", "anden-kommune",
            "--kontakt", "2026-11-02"], 0, "forloeb/K-JONA-001.yaml\n", "", cwd=team)
    text = read(team / "forloeb" / "K-JONA-001.yaml")
    assert "id: K-JONA-001\nmedarbejder: jonas\ndelmålgruppe: anden-kommune\nkontakt: 2026-11-02 " in text, text

    # The day (--today) is the default kontakt.
    expect(["-C", team, "new", "--worker", "mette", "--subgroup", "egen-kommune", "--today", "2026-01-31"],
           0, "forloeb/K-METT-002.yaml\n", "", cwd=team)
    assert "kontakt: 2026-01-31 " in read(team / "forloeb" / "K-METT-002.yaml")


def test_new_follows_the_highest_number(team):
    """The next free id follows the highest number of the worker's code in use, file names
    and ids alike, and is free across every file under forloeb/ (a stray .yml, a file in a
    subfolder, whatever its state); ids of the older form (K-0041) are not the code's."""
    write(team / "forloeb" / "K-0041.yaml", "id: K-0041\n")
    write(team / "forloeb" / "K-METT-041.yaml", "id: K-METT-041\n")
    write(team / "forloeb" / "K-METT-007.yaml", "this: [is broken\n")
    expect(["-C", team] + NEW, 0, "forloeb/K-METT-042.yaml\n", "", cwd=team)
    write(team / "forloeb" / "K-METT-043.yml", "id: K-METT-043\n")
    os.makedirs(team / "forloeb" / "gamle")
    write(team / "forloeb" / "gamle" / "K-METT-044.yaml.bak", "id: K-METT-044\n")
    expect(["-C", team] + NEW, 0, "forloeb/K-METT-045.yaml\n", "", cwd=team)
    write(team / "forloeb" / "K-METT-12345.yaml", "id: K-METT-12345\n")
    expect(["-C", team] + NEW, 0, "forloeb/K-METT-12346.yaml\n", "", cwd=team)  # wider numbers keep their width


def test_new_never_overwrites(team, tmp_path):
    """A dangling symlink holds its name like any file: new takes the next number, and the
    link stays as it is (nothing is created through it)."""
    write(team / "forloeb" / "K-METT-12345.yaml", "id: K-METT-12345\n")
    os.symlink(tmp_path / "elsewhere.yaml", team / "forloeb" / "K-METT-12346.yaml")
    expect(["-C", team] + NEW, 0, "forloeb/K-METT-12347.yaml\n", "", cwd=team)
    assert os.readlink(team / "forloeb" / "K-METT-12346.yaml") == str(tmp_path / "elsewhere.yaml")
    assert not os.path.exists(tmp_path / "elsewhere.yaml"), "new: a file created through the link"


def test_new_mistakes_change_nothing(team):
    before = snapshot(team)
    expect(["-C", team, "new", "--today", TODAY, "--worker", "mete", "--subgroup", "egen-kommune"], 2, "",
           "cti: fejl: medarbejder 'mete' findes ikke i cti.yaml (mente du 'mette'?)\n")
    expect(["--lang", "en", "-C", team, "new", "--today", TODAY, "--worker", "mette", "--subgroup", "egen"], 2, "",
           "cti: error: delmålgruppe 'egen' is not in cti.yaml\n")
    expect(["--lang", "en", "-C", team] + NEW + ["--contact", "2026-02-30"], 2, "",
           "cti: error: --contact: 2026-02-30 does not exist: February 2026 has 28 days\n")
    expect(["--lang", "en", "-C", team, "new", "--today", "2026-13-01"], 2, "", None)
    assert snapshot(team) == before, "new: the mistakes changed something"


def test_new_outside_a_repository(tmp_path):
    expect(["new", "--today", TODAY], 2, "", None, cwd=tmp_path)


def test_new_id_prefix_from_cti_yaml(team):
    write(team / "cti.yaml", read(team / "cti.yaml").replace("id_præfiks: K-", "id_præfiks: AAR-"))
    expect(["-C", team] + NEW, 0, "forloeb/AAR-METT-001.yaml\n", "", cwd=team)
