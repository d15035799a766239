"""The README's pre-commit example, run exactly as the README writes it: the YAML block
of "Keeping the repository clean" becomes a .pre-commit-config.yaml of a larger git
repository whose folder sager/ holds the case repository; the pre-commit framework
(Debian's pre-commit) installs it, a clean commit passes and a broken forløb is refused.
A missing pre-commit is a failure, not a skip (apt-get install pre-commit).
"""

import os
import re
import shutil
import subprocess

import pytest
from conftest import CTI, ROOT, clean_env, git_run

PRE_COMMIT = shutil.which("pre-commit")
SECTION = "## Keeping the repository clean"


def readme_block():
    """The one ```yaml block of the README's section that configures the cti-validate hook."""
    with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as f:
        text = f.read()
    section = text[text.index(SECTION):]
    section = section[:section.index("\n## ", 1)]
    blocks = [b for b in re.findall(r"^```yaml\n(.*?)^```$", section, re.S | re.M) if "cti-validate" in b]
    assert len(blocks) == 1, f"one pre-commit example in the README's section, not {len(blocks)}"
    return blocks[0]


def test_the_example_needs_no_tag():
    # The published repository carries the commits of main, no tags.
    assert not re.search(r"rev:\s*v\d", readme_block()), "a rev: that names a release tag"


@pytest.fixture
def work(tmp_path):
    """A git repository with the README's .pre-commit-config.yaml and a case repository in sager/."""
    work = tmp_path / "work"
    shutil.copytree(os.path.join(ROOT, "tests", "team", "repo"), work / "sager")
    (work / ".pre-commit-config.yaml").write_text(readme_block(), encoding="utf-8")
    bin_dir = tmp_path / "bin"  # `cti` on PATH, as language: system needs
    bin_dir.mkdir()
    os.symlink(CTI, bin_dir / "cti")
    env = clean_env({"PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}",
                     "PRE_COMMIT_HOME": tmp_path / "pre-commit-cache", "CTI_TODAY": "2026-03-10"})
    git_run("init", "-q", "-b", "main", cwd=work)
    git_run("add", "-A", cwd=work)
    return work, env


def run(cmd, work, env):
    return subprocess.run(cmd, cwd=work, env=env, capture_output=True, text=True, timeout=300)


def test_the_readme_example_runs_as_written(work):
    assert PRE_COMMIT, "pre-commit is not installed (apt-get install pre-commit); this test needs it"
    work, env = work
    r = run([PRE_COMMIT, "install"], work, env)
    assert r.returncode == 0, r.stdout + r.stderr
    r = run(["git", "commit", "-q", "-m", "the team's forløb"], work, env)
    assert r.returncode == 0, f"a clean repository commits: {r.stdout}{r.stderr}"
    assert "cti validate --staged" in r.stdout + r.stderr and "Passed" in r.stdout + r.stderr, r.stdout + r.stderr

    broken = work / "sager" / "forloeb" / "A-09.yaml"
    broken.write_text("id: A-09\nmedarbejder: ane\ndelmalgruppe: egen-kommune\n", encoding="utf-8")
    git_run("add", "-A", cwd=work)
    r = run(["git", "commit", "-q", "-m", "one more"], work, env)
    out = r.stdout + r.stderr
    assert r.returncode != 0, f"a broken forløb is refused: {out}"
    assert "forloeb/A-09.yaml:3:1: error: unknown key 'delmalgruppe' (did you mean 'delmålgruppe'?)" in out, out
    assert "Failed" in out, out
