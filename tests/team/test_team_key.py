"""The key file in a team (SPEC 9): `cti key add ID` reads the CPR number from standard
input, checks it and appends one line at mode 0600 (never printing the number), and
`cti key check [--quarter Q]` names the forløb a quarter's report lacks a CPR for.

    CTI=build/cti python3 -m pytest -c tests/pytest.ini tests/team/test_team_key.py
"""

import os
import pty
import select
import stat
import subprocess

from conftest import CTI, clean_env, run_cti
from teamlib import CPR_A, CPR_B, TODAY, team  # noqa: F401 (team is a fixture)


def add(clone, fid, number):
    e = {"CTI_TODAY": TODAY, "CTI_CPR_FILE": clone.keys}
    return run_cti("key", "add", fid, cwd=clone.path, lang="en", env=e, input=(number + "\n").encode())


def test_key_add_writes_one_private_line_and_never_shows_the_number(team):
    lead = team("lead")
    first, second = lead.new(), lead.new(worker="jonas")
    r = add(lead, first, CPR_A)
    assert r.rc == 0 and f"added the CPR number of {first}" in r.err, r
    assert CPR_A not in r.text + r.err and CPR_A.replace("-", "") not in r.text + r.err
    text = lead.key_text()
    assert text.startswith("# cti's key file") and text.endswith(f'{first}: "{CPR_A}"\n'), text
    assert stat.S_IMODE(os.stat(lead.keys).st_mode) == 0o600
    # The number alone finds the forløb; a CPR without the dash is written with it.
    r = add(lead, "JONA1", CPR_B.replace("-", ""))
    assert r.rc == 0, r
    assert lead.key_text() == text + f'{second}: "{CPR_B}"\n'

    before = lead.key_text()
    refused = [
        (first, "010101-0101", "has a line for"),         # a line already
        (lead.new(), "310280-1234", "is no CPR number"),  # 31 February
        ("K-METT-009", CPR_A, "no forløb"),
        (lead.new(), CPR_A, "same CPR number"),           # another running forløb has it
    ]
    for fid, number, why in refused:
        r = add(lead, fid, number)
        assert r.rc == 2 and why in r.err, (fid, r)
        assert number not in r.text + r.err and number.replace("-", "") not in r.err
        assert lead.key_text() == before, "nothing was written"
    r = add(lead, lead.new(), "")
    assert r.rc == 2 and "no CPR number on standard input" in r.err


def test_key_add_refuses_a_key_file_in_the_repository_that_git_does_not_ignore(team):
    lead = team("lead")
    fid = lead.new()
    lead.keys = os.path.join(lead.path, "noter.yaml")  # not in .gitignore
    r = add(lead, fid, CPR_A)
    assert r.rc == 2 and "git does not ignore it" in r.err, r
    assert not os.path.exists(lead.keys)
    lead.keys = os.path.join(lead.path, "cpr.yaml")  # cti init's .gitignore has it
    assert add(lead, fid, CPR_A).rc == 0
    # A key file that is a link to a protected drive is written through the link.
    drive = os.path.join(os.path.dirname(lead.path), "drive-cpr.yaml")
    os.replace(lead.keys, drive)
    os.symlink(drive, lead.keys)
    fid2 = lead.new()
    assert add(lead, fid2, CPR_B).rc == 0
    assert os.path.islink(lead.keys) and f'{fid2}: "{CPR_B}"' in open(drive, encoding="utf-8").read()


def test_key_check_names_the_forloeb_of_the_quarter_without_a_cpr(team):
    lead = team("lead")
    a, b = lead.new(), lead.new()
    for fid in (a, b):
        assert lead.cti("start", fid).rc == 0
    r = lead.cti("key", "check", "--quarter", "2026-Q4")
    assert r.rc == 1, r
    # tests/bad/base's K-0001 runs in 2026-Q4 too.
    assert [line.split(" ")[2] for line in r.text.splitlines()] == ["K-0001", a, b], r
    assert all(line.endswith("[cpr-missing]") for line in r.text.splitlines())
    assert "2026-Q4: 3 forløb in the report, 3 without a CPR number" in r.err, r
    for fid, number in (("K-0001", "010203-0405"), (a, CPR_A), (b, CPR_B)):
        assert add(lead, fid, number).rc == 0
    r = lead.cti("key", "check", "--quarter", "2026-Q4")
    assert r.rc == 0 and r.text == "" and "0 without a CPR number" in r.err, r
    assert CPR_A not in r.text + r.err
    # The default quarter is the last completed one, as for cti report (2026-Q3: K-0001 only).
    r = lead.cti("key", "check")
    assert r.rc == 0 and "2026-Q3: 1 forløb in the report, 0 without" in r.err, r  # K-0001 only


def test_key_add_on_a_terminal_does_not_echo_the_number(team):
    lead = team("lead")
    fid = lead.new()
    master, slave = pty.openpty()
    proc = subprocess.Popen([CTI, "--lang", "en", "key", "add", fid], stdin=slave, stdout=slave, stderr=slave,
                            cwd=lead.path, env=clean_env({"CTI_TODAY": TODAY, "CTI_CPR_FILE": lead.keys}))
    os.close(slave)
    out = b""
    while b"(not shown): " not in out:
        ready, _, _ = select.select([master], [], [], 30)
        assert ready, out
        out += os.read(master, 4096)
    os.write(master, (CPR_A + "\n").encode())
    while True:
        ready, _, _ = select.select([master], [], [], 30)
        try:
            chunk = os.read(master, 4096) if ready else b""
        except OSError:
            chunk = b""
        if not chunk:
            break
        out += chunk
    assert proc.wait(timeout=30) == 0, out
    os.close(master)
    assert f"CPR number for {fid} (not shown): ".encode() in out
    assert CPR_A.encode() not in out and CPR_A[:6].encode() not in out, out
    assert lead.key_text().endswith(f'{fid}: "{CPR_A}"\n')
