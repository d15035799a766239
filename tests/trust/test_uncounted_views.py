"""Every view names what it could not count (SPEC 2: nothing under forloeb/ is silently
ignored, no command silently leaves a forløb out). A tree with a .yml file, a dangling
symlink, a file whose dates cannot be read and (when the tests do not run as root, who
reads everything) a file nobody may read: status, caseload, fidelity, calendar, board
and agenda name each of them, in the same words, and their JSON says the same count as status.
"""

import json
import os

import pytest
from conftest import run_cti

TODAY = "2026-03-10"

CONFIG = """projekt: Uoptalt
id_præfiks: K-
delmålgrupper: [egen-kommune]
medarbejdere:
  - id: mette
    navn: Mette Prøve
"""


def case(ident, start="2026-01-05"):
    return f"id: {ident}\nmedarbejder: mette\ndelmålgruppe: egen-kommune\nopstart: {start}\n"


NOT_READ = [("forloeb/K-0003.yml", "file-name"), ("forloeb/K-0004.yaml", "broken-link")]
AS_ROOT = os.geteuid() == 0


@pytest.fixture(scope="module")
def repo(tmp_path_factory):
    root = tmp_path_factory.mktemp("uncounted")
    (root / "forloeb").mkdir()
    (root / "cti.yaml").write_text(CONFIG, encoding="utf-8")
    (root / "forloeb" / "K-0001.yaml").write_text(case("K-0001"), encoding="utf-8")
    (root / "forloeb" / "K-0002.yaml").write_text(case("K-0002", start="2026-02-30"), encoding="utf-8")
    (root / "forloeb" / "K-0003.yml").write_text(case("K-0003"), encoding="utf-8")
    os.symlink("gone/K-0004.yaml", root / "forloeb" / "K-0004.yaml")
    if not AS_ROOT:
        locked = root / "forloeb" / "K-0005.yaml"
        locked.write_text(case("K-0005"), encoding="utf-8")
        os.chmod(locked, 0)
    return str(root)


UNREADABLE = ["forloeb/K-0002.yaml"] + ([] if AS_ROOT else ["forloeb/K-0005.yaml"])


def cti(repo, *args):
    r = run_cti(*args, cwd=repo, today=TODAY)
    assert r.rc == 0, r
    return r


def names_everything(err, dates_named=True):
    for file, rule in NOT_READ:
        assert f"cti: {file} has errors [{rule}] and is not read, so no forløb in it is counted; " \
               f"run cti validate {file}\n" in err, f"{file} named: {err}"
    for file in UNREADABLE:
        assert (f"cti: {file}: the dates cannot be read" in err) == dates_named, f"{file}: {err}"


@pytest.fixture(scope="module")
def status_json(repo):
    return json.loads(cti(repo, "status", "--format", "json").out)


def test_status_names_them(repo, status_json):
    names_everything(cti(repo, "status").err, dates_named=False)  # its rows show the unreadable files
    assert status_json["invalid"] == len(UNREADABLE) + len(NOT_READ), status_json
    assert [(n["file"], n["rule"]) for n in status_json["not_read"]] == NOT_READ, status_json
    assert status_json["unreadable"] == UNREADABLE, status_json


@pytest.mark.parametrize("view", ["caseload", "fidelity"])
def test_the_team_views_name_them_with_the_count_of_status(repo, status_json, view):
    names_everything(cti(repo, view).err)
    r = cti(repo, view, "--format", "json")
    names_everything(r.err)
    j = json.loads(r.out)
    for key in ("invalid", "unreadable", "not_read"):
        assert j[key] == status_json[key], f"{view} {key}: {j[key]} vs status {status_json[key]}"


def test_calendar_names_them_on_stderr_and_in_the_file(repo):
    r = cti(repo, "calendar")
    names_everything(r.err)
    lines = r.text.replace("\r\n ", "").split("\r\n")  # unfolded
    notes = [line for line in lines if line.startswith("X-CTI-NOT-COUNTED:")]
    for file, rule in NOT_READ:
        assert any(file in n and f"[{rule}]" in n for n in notes), f"{file} in the calendar: {notes}"
    for file in UNREADABLE:
        assert any(f"{file}: the dates cannot be read" in n for n in notes), f"{file} in the calendar: {notes}"
    assert lines.index(notes[-1]) < lines.index("BEGIN:VEVENT"), "in the calendar's head, before the events"


def test_board_names_them_on_stderr_and_on_the_page(repo):
    r = cti(repo, "board", "-o", "-")
    names_everything(r.err, dates_named=False)  # marked rows on the board
    for file, rule in NOT_READ:
        assert f"{file} has errors [{rule}] and is not read" in r.text, f"{file} on the page"
    for file in UNREADABLE:
        assert f"{file}: the dates cannot be read, so it is not counted." in r.text, f"{file} in the caseload"


def test_agenda_names_what_has_no_line(repo, status_json):
    # The forløb files with errors are lines of the agenda; the entries not read are named.
    names_everything(cti(repo, "agenda").err, dates_named=False)
    r = cti(repo, "agenda", "--format", "json")
    names_everything(r.err, dates_named=False)
    j = json.loads(r.out)
    for key in ("invalid", "unreadable", "not_read"):
        assert j[key] == status_json[key], f"agenda {key}: {j[key]} vs status {status_json[key]}"
