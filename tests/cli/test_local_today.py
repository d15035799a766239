"""Today is the local calendar date (SPEC section 3): with neither --today nor CTI_TODAY,
cti's "today" is the date where the user is, TZ honoured, not the UTC date. Compared with
the date Python reads under the same TZ just before and just after the run, so the test
holds at any time of day (around midnight too) and depends on no real date. The exact
00:30 instants are in the unit tests (tests/unit/test_base_date.cpp).

    CTI=build/cti python3 -m pytest -c tests/pytest.ini tests/cli/test_local_today.py
"""

import json
import os
import subprocess

import pytest
from conftest import DEMO, clean_env

ZONES = ["XXX-14", "YYY+11", "Pacific/Kiritimati", "Pacific/Pago_Pago", "Europe/Copenhagen", "UTC0"]


def local_date(tz):
    p = subprocess.run(["/usr/bin/python3", "-c", "import time; print(time.strftime('%Y-%m-%d'))"],
                       env={"TZ": tz, "PATH": os.environ.get("PATH", "")}, capture_output=True, text=True, check=True)
    return p.stdout.strip()


@pytest.mark.parametrize("tz", ZONES)
def test_today_is_the_local_date(run_cti, tz):
    if "/" in tz and not os.path.exists(os.path.join("/usr/share/zoneinfo", tz)):
        pytest.skip(f"no tzdata for {tz}")
    before = local_date(tz)
    r = run_cti("status", "--format", "json", "--all", cwd=DEMO, env={"TZ": tz})
    after = local_date(tz)
    assert r.rc in (0, 1), r
    today = json.loads(r.text)["today"]
    assert today in (before, after), f"TZ={tz}: cti says {today}, the local date is {before}"


def test_far_east_and_far_west_are_a_day_apart_from_each_other_or_more(run_cti):
    """UTC+14 and UTC-11 are 25 hours apart: their dates always differ, so a cti that
    used one clock date for both would fail here whatever the time."""
    days = set()
    for tz in ("XXX-14", "YYY+11"):
        r = run_cti("status", "--format", "json", cwd=DEMO, env={"TZ": tz})
        days.add(json.loads(r.text)["today"])
    assert len(days) == 2, days
