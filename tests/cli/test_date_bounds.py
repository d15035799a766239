"""Dates are bounded to the years 1900-9998 (SPEC section 5): a year-9999 opstart is a
[date-out-of-range] error, and no command prints a five-digit year or an invalid
iCalendar date for it; --today and --date outside the range are usage errors.

    CTI=build/cti python3 -m pytest -c tests/pytest.ini tests/cli/test_date_bounds.py
"""

import os
import re

import pytest
from conftest import ROOT

BASE = os.path.join(ROOT, "tests", "bad", "base")
TODAY = "2026-11-23"
FIVE_DIGIT_YEAR = re.compile(r"(?<![0-9])[0-9]{5,}-[0-9]{2}-[0-9]{2}|DATE:[0-9]{9}")


@pytest.fixture
def repo(copy_tree):
    path = copy_tree(BASE, "repo")
    with open(os.path.join(path, "forloeb", "K-0100.yaml"), "w", encoding="utf-8") as f:
        f.write("id: K-0100\nmedarbejder: mette\ndelmålgruppe: egen-kommune\nkontakt: 2026-01-05\n"
                "opstart: 9999-03-01\n")
    return path


@pytest.mark.parametrize("args", [["validate"], ["status"], ["status", "--format", "json", "--all"], ["agenda"],
                                  ["show", "K-0100"], ["calendar"], ["caseload"], ["board", "-o", "-"]],
                         ids=" ".join)
def test_a_year_9999_is_an_error_and_never_printed_past_9999(repo, run_cti, args):
    r = run_cti(*args, cwd=repo, today=TODAY)
    assert r.rc in (0, 1, 2) and "internal error" not in r.err, r
    assert not FIVE_DIGIT_YEAR.search(r.text + r.err), r
    if args == ["validate"]:
        assert r.rc == 1 and "[date-out-of-range]" in r.text, r


@pytest.mark.parametrize("date", ["9999-01-01", "1899-12-31", "0000-01-01"])
def test_today_and_date_options_are_bounded(repo, run_cti, date):
    r = run_cti("status", cwd=repo, today=date)
    assert r.rc == 2 and "1900 to 9998" in r.err, r
    before = open(os.path.join(repo, "forloeb", "K-0001.yaml"), "rb").read()
    r = run_cti("done", "1", "økonomi", "--date", date, cwd=repo, today=TODAY)
    assert r.rc == 2 and "1900 to 9998" in r.err, r
    assert open(os.path.join(repo, "forloeb", "K-0001.yaml"), "rb").read() == before
