"""Paths as git prints them (SPEC section 6): run from a subdirectory, messages name files
relative to the working directory (not to -C, not to the repository root), and every
suggested command works as printed. Also `cti help CMD`, which is `cti CMD --help`.

Runs on a copy of tests/e2e/repo/ with one unreadable forløb file added (S-0012) and
an unrelated directory docs/; cti runs without --lang unless a case gives it.

    CTI=build/cti python3 -m pytest -c tests/pytest.ini tests/cli
"""

import os

import pytest
from conftest import ROOT, run_cti

REPO = os.path.join(ROOT, "tests", "e2e", "repo")
DAY = "2025-04-16"
BROKEN = "id: S-0012\nmedarbejder: anna\ndelmålgruppe: [egen-kommune\nopstart: 2025-01-15\n"


def cti(*args, cwd):
    return run_cti(*args, cwd=cwd, lang=None)


def suggested(text):
    """The 'cti validate FILE' commands a message suggests, as argument lists."""
    out = []
    for part in text.split("cti validate ")[1:]:
        word = part.split()[0].rstrip(";,)")
        if word.endswith(".yaml"):
            out.append(["validate", "--today", DAY, word])
    return out


@pytest.fixture
def repo(copy_tree):
    """tests/e2e/repo with an unreadable forloeb/S-0012.yaml and an empty docs/."""
    path = copy_tree(REPO)
    os.mkdir(os.path.join(path, "docs"))
    with open(os.path.join(path, "forloeb", "S-0012.yaml"), "w", encoding="utf-8") as f:
        f.write(BROKEN)
    return path


@pytest.mark.parametrize("where, name", [(".", "forloeb/S-0012.yaml"), ("forloeb", "S-0012.yaml"),
                                         ("docs", "../forloeb/S-0012.yaml")])
def test_validate_names_the_file_from_where_cti_runs(repo, where, name):
    cwd = os.path.join(repo, where)
    r = cti("validate", "--today", DAY, "--lang", "en", cwd=cwd)
    lines = [line for line in r.text.splitlines() if "S-0012" in line]
    assert r.rc == 1 and lines and lines[0].startswith(name + ":4:"), r
    # ... and the name works as an argument from there.
    r = cti("validate", "--today", DAY, "--lang", "en", name, cwd=cwd)
    assert r.rc == 1 and r.text.startswith(name + ":4:"), r


def test_validate_json_keeps_the_repository_relative_name(repo):
    r = cti("validate", "--today", DAY, "--format", "json", cwd=os.path.join(repo, "forloeb"))
    assert '"file": "forloeb/S-0012.yaml"' in r.text, r


def test_status_hint_works_as_printed(repo):
    sub = os.path.join(repo, "forloeb")
    r = cti("status", "--today", DAY, cwd=sub)
    row = [line for line in r.text.splitlines() if line.startswith("S-0012 ")]
    assert len(row) == 1 and row[0].endswith("cti validate S-0012.yaml"), r
    for args in suggested(row[0]):
        r2 = cti(*args, cwd=sub)
        assert r2.rc == 1 and r2.text.startswith("S-0012.yaml:4:"), r2


@pytest.mark.parametrize("where", ["parent", "sibling", "sibling/deeper"])
def test_from_outside_with_C_files_are_named_from_where_cti_runs(repo, where):
    # Not below the repository: every file gets the same climb and the repository's own
    # path in front (worked out once), exactly as path arithmetic from there gives it.
    parent = os.path.dirname(repo)
    cwd = parent if where == "parent" else os.path.join(parent, where)
    os.makedirs(cwd, exist_ok=True)
    want = os.path.relpath(os.path.join(repo, "forloeb", "S-0012.yaml"), cwd)
    r = cti("-C", repo, "status", "--all", "--today", DAY, "--lang", "en", cwd=cwd)
    rows = [line for line in r.text.splitlines() if line.startswith("S-0012 ")]
    assert len(rows) == 1 and rows[0].endswith("cti validate " + want), r
    assert os.path.isfile(os.path.join(cwd, want))
    r = cti("-C", repo, "validate", "--today", DAY, "--lang", "en", cwd=cwd)
    assert any(line.startswith(want + ":4:") for line in r.text.splitlines()), r


def test_status_note_on_cti_yaml_works_as_printed(repo):
    """cti.yaml's errors: the note names it from where cti runs, and its command works."""
    sub = os.path.join(repo, "forloeb")
    cfg = os.path.join(repo, "cti.yaml")
    with open(cfg, encoding="utf-8") as f:
        text = f.read()
    with open(cfg, "w", encoding="utf-8") as f:
        f.write(text.replace("årsværk: 0.5", "årsværk: halv", 1))
    r = cti("status", "--today", DAY, cwd=sub)
    assert "cti validate ../cti.yaml" in r.err and suggested(r.err), r
    for args in suggested(r.err):
        r2 = cti(*args, cwd=sub)
        assert r2.rc == 1 and r2.text.startswith(args[-1] + ":"), r2


def test_show_diagnostics_and_hint_from_forloeb(repo):
    r = cti("show", "S-0012", "--today", DAY, cwd=os.path.join(repo, "forloeb"))
    assert r.rc == 2 and r.text.startswith("S-0012.yaml:4:8: error:") and "(cti validate S-0012.yaml)" in r.err, r


def test_show_file_line_from_forloeb(repo):
    r = cti("show", "S-0003", "--today", DAY, cwd=os.path.join(repo, "forloeb"))
    assert "File: S-0003.yaml\n" in r.text, r


NEW = ["new", "--today", DAY, "--worker", "anna", "--subgroup", "egen-kommune"]


@pytest.mark.parametrize("where, with_c, want", [("forloeb", False, "S-ANNA-001.yaml"),
                                                 (".", False, "forloeb/S-ANNA-001.yaml"),
                                                 ("docs", False, "../forloeb/S-ANNA-001.yaml"),
                                                 ("..", True, "repo/forloeb/S-ANNA-001.yaml")])
def test_new_prints_the_file_from_where_cti_runs(repo, where, with_c, want):
    """"$EDITOR $(cti new)" opens the new file, from anywhere, with or without -C."""
    cwd = os.path.normpath(os.path.join(repo, where))
    r = cti(*(["-C", repo] if with_c else []), *NEW, cwd=cwd)
    assert r.rc == 0 and r.text == want + "\n", r
    assert os.path.isfile(os.path.join(cwd, r.text.strip())), f"{want} is not the file"


def test_new_from_root_prints_the_full_path(repo):
    """A start directory that shares nothing with the repository but / gets the full path."""
    r = cti("-C", repo, *NEW, cwd="/")
    assert r.rc == 0 and r.text == os.path.realpath(os.path.join(repo, "forloeb", "S-ANNA-001.yaml"))[1:] + "\n", r


def test_recording_refusal_names_the_file_from_where_cti_runs(repo):
    sub = os.path.join(repo, "forloeb")
    r = cti(*NEW, cwd=sub)
    assert r.rc == 0 and r.text == "S-ANNA-001.yaml\n", r
    path = os.path.join(sub, "S-ANNA-001.yaml")
    with open(path, encoding="utf-8") as f:
        body = f.read()
    with open(path, "w", encoding="utf-8") as f:
        f.write(body + "<<<<<<< HEAD\n=======\n>>>>>>> other\n")
    r = cti("done", "anna-1", "orienteret", "--today", DAY, cwd=sub)
    assert r.rc == 2 and "(S-ANNA-001.yaml)" in r.err, r
    r = cti("done", "anna-1", "orienteret", "--today", DAY, cwd=os.path.join(repo, "docs"))
    assert r.rc == 2 and "(../forloeb/S-ANNA-001.yaml)" in r.err, r


# --- cti help CMD -------------------------------------------------------------------------

@pytest.mark.parametrize("cmd", [["status"], ["agenda"], ["hook", "install"], ["done"]], ids=" ".join)
def test_help_cmd_is_cmd_help(tmp_path, cmd):
    r = cti("help", *cmd, cwd=tmp_path)
    r2 = cti(*cmd, "--help", cwd=tmp_path)
    assert r.rc == 0 and r.text == r2.text and r.text.strip() != "", r


def test_help_alone_is_help(tmp_path):
    r = cti("help", cwd=tmp_path)
    assert r.rc == 0 and r.text == cti("--help", cwd=tmp_path).text, r


def test_help_after_global_options(tmp_path):
    r = cti("--today", DAY, "-C", tmp_path, "help", "agenda", cwd=tmp_path)
    assert r.rc == 0 and "--days" in r.text, r


def test_help_with_a_misspelt_command(tmp_path):
    r = cti("help", "statsu", cwd=tmp_path)
    assert r.rc == 2 and "did you mean 'status'" in r.err, r
