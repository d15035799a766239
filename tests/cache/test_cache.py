"""The cache of checked files (SPEC 10): a change invalidates exactly what it should,
and the output is byte-identical with and without it.

    CTI=build/cti python3 -m pytest -c tests/pytest.ini tests/cache

CTI_CACHE_TRACE=1 makes cti say on stderr how many forløb files it took from the cache;
the tests read that line. The cache lives in .git/cti/ of each scratch repository.
"""

import glob
import os
import re
import shutil
import subprocess

import pytest
from conftest import CPR_LIKE, CTI, DEMO, ROOT, clean_env, run_cti

TODAY = "2026-11-23"
TRACE = re.compile(r"cti: cache: (\d+) of (\d+) forløb files read from the cache( \(turned off\))?\n")
COMMANDS = (["validate"], ["validate", "--format", "json"], ["status", "--all", "--format", "json"],
            ["agenda", "--format", "json"], ["status"])


def git(repo, *args):
    subprocess.run(["git", *args], cwd=repo, env=clean_env(), capture_output=True, check=True, timeout=60)


def make_repo(tmp_path, src=DEMO, name="repo"):
    repo = str(tmp_path / name)
    shutil.copytree(src, repo)
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    return repo


def traced(repo, *args, env=None, binary=None):
    """(from_cache, total, off, result) of one run."""
    e = {"CTI_CACHE_TRACE": "1", **(env or {})}
    if binary:
        p = subprocess.run([binary, "--lang", "en", "--today", TODAY, *args], cwd=repo, env=clean_env(e),
                           capture_output=True, stdin=subprocess.DEVNULL, timeout=60)
        out, err, rc = p.stdout, p.stderr.decode(), p.returncode
    else:
        r = run_cti(*args, cwd=repo, today=TODAY, env=e)
        out, err, rc = r.out, r.err, r.rc
    m = TRACE.search(err)
    assert m, f"no cache line in stderr of {args}:\n{err}"
    return int(m[1]), int(m[2]), bool(m[3]), (rc, out, TRACE.sub("", err))


def plain(repo, *args):
    r = run_cti("--no-cache", *args, cwd=repo, today=TODAY)
    return r.rc, r.out, r.err


def cache_files(repo):
    return glob.glob(os.path.join(repo, ".git", "cti", "*"))


def test_second_run_reads_nothing_and_says_the_same(tmp_path):
    repo = make_repo(tmp_path)
    n = len(glob.glob(os.path.join(repo, "forloeb", "*.yaml")))
    hits, total, _, _ = traced(repo, "validate")
    assert (hits, total) == (0, n) and len(cache_files(repo)) == 1
    for args in COMMANDS:
        hits, total, _, warm = traced(repo, *args)
        assert (hits, total) == (n, n), args
        assert warm == plain(repo, *args), f"cti {' '.join(args)} differs with the cache"


def test_each_change_rereads_exactly_its_file(tmp_path):
    repo = make_repo(tmp_path)
    n = len(glob.glob(os.path.join(repo, "forloeb", "*.yaml")))
    traced(repo, "validate")
    one = os.path.join(repo, "forloeb", "K-0003.yaml")
    before = open(one, "rb").read()

    with open(one, "ab") as f:  # an edit
        f.write(b"noter: en ny note\n")
    assert traced(repo, "validate")[0] == n - 1
    assert traced(repo, "validate")[0] == n

    with open(one, "wb") as f:  # back to the content seen before: found again, not reread
        f.write(before)
    hits, _, _, out = traced(repo, "validate")
    assert hits == n and out == plain(repo, "validate")

    os.utime(one, (1, 1))  # touched, unchanged
    assert traced(repo, "validate")[0] == n

    os.rename(one, os.path.join(repo, "forloeb", "K-0003-flyttet.yaml"))  # a rename is a new path
    hits, total, _, out = traced(repo, "validate")
    assert (hits, total) == (n - 1, n) and out == plain(repo, "validate")
    assert b"K-0003-flyttet" in out[1] or "K-0003-flyttet" in out[2]

    os.remove(os.path.join(repo, "forloeb", "K-0003-flyttet.yaml"))  # deleted: the rest still cached
    hits, total, _, out = traced(repo, "status", "--all", "--format", "json")
    assert (hits, total) == (n - 1, n - 1) and out == plain(repo, "status", "--all", "--format", "json")


def test_cti_yaml_language_and_build_invalidate_everything(tmp_path):
    repo = make_repo(tmp_path)
    n = len(glob.glob(os.path.join(repo, "forloeb", "*.yaml")))
    traced(repo, "validate")
    with open(os.path.join(repo, "cti.yaml"), "a", encoding="utf-8") as f:
        f.write("# en kommentar\n")
    assert traced(repo, "validate")[0] == 0
    assert traced(repo, "validate")[0] == n
    # Messages are kept in the language they were made in.
    r = run_cti("validate", cwd=repo, today=TODAY, lang="da", env={"CTI_CACHE_TRACE": "1"})
    assert "0 af" in r.err
    # Another build of cti (a copy of the binary has another identity): nothing reused.
    other = str(tmp_path / "cti-copy")
    shutil.copy2(CTI, other)
    os.utime(other)
    assert traced(repo, "validate", binary=other)[0] == 0


@pytest.mark.parametrize("damage", ["truncated", "garbage", "empty", "foreign"])
def test_a_damaged_cache_is_ignored_and_rebuilt(tmp_path, damage):
    repo = make_repo(tmp_path)
    n = len(glob.glob(os.path.join(repo, "forloeb", "*.yaml")))
    traced(repo, "validate")
    [cache] = cache_files(repo)
    data = open(cache, "rb").read()
    if damage == "truncated":
        data = data[: len(data) // 2]
    elif damage == "garbage":
        data = data[:40] + bytes(b ^ 0x5A for b in data[40:200]) + data[200:]
    elif damage == "empty":
        data = b""
    else:  # the cache of another repository
        other = make_repo(tmp_path, os.path.join(ROOT, "tests", "bad", "base"), "other")
        traced(other, "validate")
        data = open(cache_files(other)[0], "rb").read()
    with open(cache, "wb") as f:
        f.write(data)
    hits, _, _, out = traced(repo, "validate")
    assert hits == 0 and out == plain(repo, "validate")
    assert traced(repo, "validate")[0] == n


def test_two_processes_at_once(tmp_path):
    repo = make_repo(tmp_path)
    n = len(glob.glob(os.path.join(repo, "forloeb", "*.yaml")))
    env = clean_env({"CTI_TODAY": TODAY})
    expected = plain(repo, "status", "--all", "--format", "json")
    procs = [subprocess.Popen([CTI, "--lang", "en", "status", "--all", "--format", "json"], cwd=repo, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(6)]
    for p in procs:
        out, err = p.communicate(timeout=60)
        assert (p.returncode, out, err.decode()) == expected
    assert traced(repo, "validate")[0] == n


def test_no_cache_reads_everything_and_writes_nothing(tmp_path):
    repo = make_repo(tmp_path)
    for way in ({"args": ["--no-cache"]}, {"env": {"CTI_NO_CACHE": "1"}}):
        hits, _, off, _ = traced(repo, *way.get("args", []), "validate", env=way.get("env"))
        assert hits == 0 and off
        assert cache_files(repo) == []


def test_staged_uses_the_blob_ids(tmp_path):
    repo = make_repo(tmp_path)
    n = len(glob.glob(os.path.join(repo, "forloeb", "*.yaml")))
    traced(repo, "validate", "--staged")
    with open(os.path.join(repo, "forloeb", "K-0002.yaml"), "ab") as f:  # not staged
        f.write("noter: kun i arbejdstræet\n".encode())
    hits, total, _, out = traced(repo, "validate", "--staged")
    assert (hits, total) == (n, n) and out == plain(repo, "validate", "--staged")
    git(repo, "add", "forloeb/K-0002.yaml")
    hits, _, _, out = traced(repo, "validate", "--staged")
    assert hits == n - 1 and out == plain(repo, "validate", "--staged")


def test_the_bad_input_corpus_says_the_same_with_the_cache(tmp_path):
    """Every single-file case of tests/bad in one repository: cold, warm and uncached
    runs print the same bytes."""
    repo = make_repo(tmp_path, os.path.join(ROOT, "tests", "bad", "base"))
    cases = sorted(glob.glob(os.path.join(ROOT, "tests", "bad", "cases", "*.yaml")))
    for i, case in enumerate(cases):
        shutil.copy(case, os.path.join(repo, "forloeb", f"K-{9000 + i}.yaml"))
    git(repo, "add", "-A")
    n = len(glob.glob(os.path.join(repo, "forloeb", "*.yaml")))
    for args in (["validate"], ["validate", "--format", "json"], ["status", "--all"], ["validate", "--staged"]):
        cold = traced(repo, *args)[3]
        hits, _, _, warm = traced(repo, *args)
        assert hits >= n - 10, args  # files with CPR-shaped text are never cached
        assert cold == warm == plain(repo, *args), args


def test_a_file_with_cpr_shaped_text_is_never_kept(tmp_path):
    repo = make_repo(tmp_path)
    n = len(glob.glob(os.path.join(repo, "forloeb", "*.yaml")))
    with open(os.path.join(repo, "forloeb", "K-0020.yaml"), "ab") as f:  # a file without noter
        f.write(b"noter: ring 241135-4312 # cti: ikke-cpr\n")  # a made-up number, allowed in the file
    traced(repo, "validate")
    assert traced(repo, "validate")[0] == n - 1
    for path in cache_files(repo):
        data = open(path, "rb").read()
        assert not CPR_LIKE.search(data) and b"2411354312" not in data.replace(b"-", b"")
