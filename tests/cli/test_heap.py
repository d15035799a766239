"""cti's restart with huge pages for its heap (src/base/heap.cpp, cti(1) ENVIRONMENT):
cti runs with glibc.malloc.hugetlb=1 unless GLIBC_TUNABLES already names a glibc.malloc
setting, and the programs it starts (git here) see GLIBC_TUNABLES exactly as the user
gave it. Seen from a stand-in git on PATH, which writes down its own GLIBC_TUNABLES and
the environment its parent, cti, was started with (/proc/PID/environ: glibc leaves the
first setting of GLIBC_TUNABLES there, and the restart's CTI_GLIBC_TUNABLES_BEFORE), then
runs git. Not in the sanitizer pass (ctest -LE release-only): a sanitizer build never
restarts.

    CTI=build/cti python3 -m pytest -c tests/pytest.ini tests/cli/test_heap.py
"""

import os
import shutil
import subprocess

import pytest
from conftest import CTI, DEMO, clean_env



@pytest.fixture
def seen(tmp_path):
    """Runs `cti status` in a git copy of the demo with the stand-in git first on PATH;
    returns (result, [(git's GLIBC_TUNABLES, cti's first tunable, cti's marker)])."""
    real_git = shutil.which("git")
    repo = tmp_path / "repo"
    shutil.copytree(DEMO, repo)
    subprocess.run([real_git, "init", "-q"], cwd=repo, check=True, env=clean_env())
    bindir = tmp_path / "bin"
    bindir.mkdir()
    log = tmp_path / "log"
    (bindir / "git").write_text(
        "#!/bin/sh\n"
        "start() { tr '\\0' '\\n' < /proc/$PPID/environ | sed -n \"s/^$1=//p\" | cut -d: -f1; }\n"
        f"echo \"${{GLIBC_TUNABLES-unset}}|$(start GLIBC_TUNABLES)|$(start CTI_GLIBC_TUNABLES_BEFORE)\" >> '{log}'\n"
        f"exec '{real_git}' \"$@\"\n")
    (bindir / "git").chmod(0o755)

    def run(tunables):
        log.write_text("")
        env = clean_env({"PATH": f"{bindir}:{os.environ.get('PATH', '')}", "GLIBC_TUNABLES": tunables})
        p = subprocess.run([CTI, "--today", "2025-06-01", "status", "--all", "--format", "json"], cwd=repo, env=env,
                           capture_output=True)
        assert p.returncode in (0, 1), p.stderr
        seen = [tuple(line.split("|")) for line in log.read_text().splitlines()]
        assert seen, "cti started no git"
        return p, seen

    return run


def test_without_tunables_cti_restarts_with_huge_pages_and_git_sees_none(seen):
    _, runs = seen(None)
    assert all(run == ("unset", "glibc.malloc.hugetlb=1", "-") for run in runs), runs


def test_other_tunables_are_kept_for_cti_and_handed_on_as_given(seen):
    _, runs = seen("glibc.mem.tagging=0")
    assert all(run == ("glibc.mem.tagging=0", "glibc.mem.tagging=0", "=glibc.mem.tagging=0") for run in runs), runs


def test_a_malloc_setting_of_the_users_own_is_left_alone(seen):
    _, runs = seen("glibc.malloc.hugetlb=0")
    assert all(run == ("glibc.malloc.hugetlb=0", "glibc.malloc.hugetlb=0", "") for run in runs), runs


def test_the_output_is_the_same_whichever_heap(seen):
    outputs = {tunables: seen(tunables)[0].stdout for tunables in (None, "glibc.malloc.hugetlb=0")}
    assert outputs[None] and outputs[None] == outputs["glibc.malloc.hugetlb=0"]
