"""Input files that are not regular files (SPEC 6, issue 23): the key file, cti.yaml and a
case file that is a FIFO or a device are refused at once, never waited on, with an error
naming the file and the rule [special-file]; nothing is written. Each run has a 10 s
timeout, so a hang fails the test instead of stalling the suite.

    CTI=build/cti python3 -m pytest -c tests/pytest.ini tests/privacy/test_input_files.py
"""

import os
import shutil

import pytest

from conftest import DEMO, run_cti

TODAY = "2026-06-01"


def listing(root):
    out = set()
    for dirpath, dirs, files in os.walk(root):
        for name in dirs + files:
            out.add(os.path.relpath(os.path.join(dirpath, name), root))
    return out


@pytest.fixture
def repo(tmp_path):
    dst = tmp_path / "demo"
    shutil.copytree(DEMO, dst)
    return str(dst)


def refused(r, name, *, rc=2):
    assert r.rc == rc, r
    assert name in r.err and "[special-file]" in r.err, r


def test_a_key_file_that_is_a_fifo_or_a_device_is_refused(repo, tmp_path):
    os.mkfifo(os.path.join(repo, "cpr.yaml"))
    before = listing(repo)
    out = tmp_path / "q.csv"
    r = run_cti("report", "--quarter", "2026-Q1", "-o", out, cwd=repo, today=TODAY, timeout=10)
    refused(r, "cpr.yaml")
    assert "FIFO" in r.err and "chmod" not in r.err, r
    fifo = tmp_path / "elsewhere.fifo"
    os.mkfifo(fifo)
    for key in ("/dev/zero", str(fifo)):
        r = run_cti("report", "--quarter", "2026-Q1", "--cpr-file", key, "-o", out, cwd=repo, today=TODAY, timeout=10)
        refused(r, key)
    r = run_cti("report", "--quarter", "2026-Q1", "--cpr-file", "/dev/zero", "-o", out, cwd=repo, today=TODAY,
                lang="da", timeout=10)
    refused(r, "/dev/zero")
    assert "enhed, ikke en almindelig fil" in r.err, r
    assert not out.exists() and listing(repo) == before


def test_a_cti_yaml_that_is_a_fifo_is_refused_not_passed_by(repo, tmp_path):
    inner = os.path.join(repo, "inner")  # a repository inside the demo: its cti.yaml a FIFO
    os.makedirs(os.path.join(inner, "forloeb"))
    os.mkfifo(os.path.join(inner, "cti.yaml"))
    for args in (["status"], ["validate"], ["agenda"], ["new"]):
        r = run_cti(*args, cwd=inner, today=TODAY, lang=None, timeout=10)
        refused(r, "cti.yaml")
        assert "birte" not in r.text, "the search went on to the outer repository"
    assert os.listdir(os.path.join(inner, "forloeb")) == []


def test_a_case_file_that_is_a_fifo_is_a_row_with_its_error(repo, tmp_path):
    case = os.path.join(repo, "forloeb", "K-0009.yaml")
    os.remove(case)
    os.mkfifo(case)
    before = listing(repo)
    r = run_cti("status", "--all", cwd=repo, today=TODAY, timeout=10)
    assert r.rc == 0, r
    row = [line for line in r.text.splitlines() if line.startswith("K-0009")]
    assert row and "special-file" in row[0], r
    r = run_cti("validate", cwd=repo, today=TODAY, timeout=10)
    assert r.rc == 1 and "forloeb/K-0009.yaml:1:1: error:" in r.out.decode() + r.err, r
    assert "FIFO" in r.out.decode() + r.err and "[special-file]" in r.out.decode() + r.err, r
    r = run_cti("done", "9", "kontaktaftale", cwd=repo, today=TODAY, timeout=10)
    assert r.rc != 0 and "K-0009" in r.err, r
    r = run_cti("board", "-o", tmp_path / "tavle.html", cwd=repo, today=TODAY, timeout=10)
    assert r.rc in (0, 1), r
    assert listing(repo) == before and os.path.exists(case) and not os.path.isfile(case)


def test_a_forloeb_nested_past_the_path_limit_is_named_not_left_out(repo):
    """Folders of 200 characters, 22 deep: past PATH_MAX (4096). status, its JSON and
    validate all name the entry the walk cannot reach, with [path-too-long]."""
    fd = os.open(os.path.join(repo, "forloeb"), os.O_RDONLY)
    name = "d" * 200
    try:
        for _ in range(22):
            os.mkdir(name, dir_fd=fd)
            inner = os.open(name, os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = inner
        with open(os.path.join(DEMO, "forloeb", "K-0003.yaml"), "rb") as f:
            body = f.read().replace(b"K-0003", b"K-0099")
        out = os.open("K-0099.yaml", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd)
        os.write(out, body)
        os.close(out)
    finally:
        os.close(fd)
    r = run_cti("status", cwd=repo, today=TODAY, timeout=10)
    assert r.rc == 0 and "[path-too-long]" in r.err and "forloeb/" + name in r.err, r
    r = run_cti("status", "--format", "json", cwd=repo, today=TODAY, timeout=10)
    assert '"rule": "path-too-long"' in r.text.replace('"rule":"', '"rule": "'), r
    r = run_cti("validate", cwd=repo, today=TODAY, timeout=10)
    both = r.text + r.err
    assert r.rc == 1 and "longer than the system allows" in both and "[path-too-long]" in both, r
