"""The `$schema` lines resolve offline wherever a repository is: `cti init` copies the
schemas built into cti into DIR/schemas/, the files `init` and `new` write point at them
by a path relative to the file, `cti schemas` refreshes them (`--check` reports stale
ones), `cti new` puts back missing ones, and the demo carries its own up-to-date copy.

    CTI=build/cti python3 -m pytest -c tests/pytest.ini tests/schema/test_repo_schemas.py
"""

import glob
import os
import shutil

from conftest import DEMO, ROOT, run_cti

TODAY = "2026-03-02"
SCHEMAS = sorted(os.path.basename(p) for p in glob.glob(os.path.join(ROOT, "schemas", "*.schema.json")))
PREFIX = "# yaml-language-server: $schema="


def cti(repo, *args):
    """cti -C REPO ARGS as a user runs it (no --lang)."""
    return run_cti("-C", repo, *args, today=TODAY, lang=None)


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def same_as_source(repo):
    return all(os.path.isfile(os.path.join(repo, "schemas", n))
               and read(os.path.join(repo, "schemas", n)) == read(os.path.join(ROOT, "schemas", n))
               for n in SCHEMAS)


def schema_target(path):
    """The file a YAML file's first line points at, or None."""
    first = read(path).split("\n", 1)[0]
    if not first.startswith(PREFIX):
        return None
    ref = first[len(PREFIX):]
    if os.path.isabs(ref) or "://" in ref:
        return None
    return os.path.normpath(os.path.join(os.path.dirname(path), ref))


def resolves(path, name):
    t = schema_target(path)
    return t is not None and os.path.isfile(t) and os.path.basename(t) == name


def schema_of(path):
    return "cti.schema.json" if path.endswith("cti.yaml") else "forloeb.schema.json"


def init(tmp):
    """`cti init team` in tmp -> the repository."""
    r = cti(tmp, "init", "team")
    assert r.rc == 0, r
    return os.path.join(tmp, "team")


def one_worker(repo):
    """A team of one (the template's medarbejdere are examples), keeping the $schema line."""
    path = os.path.join(repo, "cti.yaml")
    first = read(path).splitlines()[0]
    with open(path, "w", encoding="utf-8") as f:
        f.write(first + "\nprojekt: T\nid_præfiks: K-\ndelmålgrupper: [egen-kommune]\n"
                "medarbejdere:\n  - id: anna\n")


def new(repo):
    return cti(repo, "new", "--worker", "anna", "--subgroup", "egen-kommune")


def team(tmp):
    """An initialised repository of one worker with one forløb."""
    repo = init(tmp)
    one_worker(repo)
    r = new(repo)
    assert r.rc == 0, r
    return repo


def test_schemas_folder_holds_cti_and_forloeb_schemas():
    assert SCHEMAS == ["cti.schema.json", "forloeb.schema.json"], SCHEMAS


def test_init_copies_the_built_in_schemas_and_cti_yaml_points_at_them(tmp_path):
    repo = init(str(tmp_path))
    assert same_as_source(repo), "schemas/ is not a copy of the built-in schemas"
    assert resolves(os.path.join(repo, "cti.yaml"), "cti.schema.json"), read(os.path.join(repo, "cti.yaml"))[:80]


def test_new_writes_one_forloeb_whose_schema_line_resolves(tmp_path):
    repo = init(str(tmp_path))
    one_worker(repo)
    r = new(repo)
    assert r.rc == 0, r
    cases = glob.glob(os.path.join(repo, "forloeb", "*.yaml"))
    assert len(cases) == 1, cases
    assert read(cases[0]).startswith(PREFIX + "../schemas/forloeb.schema.json\n") \
        and resolves(cases[0], "forloeb.schema.json"), read(cases[0])[:80]


def test_schemas_check_up_to_date_exits_0(tmp_path):
    r = cti(team(str(tmp_path)), "schemas", "--check")
    assert r.rc == 0, r


def test_stale_copies_are_reported_and_refreshed(tmp_path):
    # After an upgrade the copies differ: --check says so, `cti schemas` refreshes them.
    repo = team(str(tmp_path))
    with open(os.path.join(repo, "schemas", "forloeb.schema.json"), "w", encoding="utf-8") as f:
        f.write("{}\n")
    os.remove(os.path.join(repo, "schemas", "cti.schema.json"))
    r = cti(repo, "schemas", "--check")
    assert r.rc == 1 and "forloeb.schema.json" in r.err and "cti.schema.json" in r.err, \
        f"stale and missing copies exit 1 and are named\n{r!r}"
    r = cti(os.path.join(repo, "forloeb"), "schemas")
    assert r.rc == 0 and same_as_source(repo) and r.text.count("schema.json") == 2, \
        f"schemas (from a subfolder) refreshes both and prints them\n{r!r}"
    r = cti(repo, "schemas")
    assert r.rc == 0 and r.text == "", f"schemas again: nothing written\n{r!r}"


def test_new_puts_back_missing_schemas(tmp_path):
    # A repository made before cti carried its schemas.
    repo = team(str(tmp_path))
    shutil.rmtree(os.path.join(repo, "schemas"))
    r = new(repo)
    assert r.rc == 0 and same_as_source(repo), r


def test_a_copied_repository_still_resolves_every_schema_line(tmp_path):
    # Relative paths only.
    repo = team(str(tmp_path))
    moved = os.path.join(str(tmp_path), "elsewhere", "deeper")
    shutil.copytree(repo, moved)
    files = [os.path.join(moved, "cti.yaml")] + glob.glob(os.path.join(moved, "forloeb", "*.yaml"))
    assert all(resolves(f, schema_of(f)) for f in files), [schema_target(f) for f in files]


def test_schemas_outside_a_repository_exits_2(tmp_path):
    r = cti(str(tmp_path), "schemas")
    assert r.rc == 2, r


def test_the_demo_carries_up_to_date_copies():
    assert same_as_source(DEMO), "examples/demo/schemas/ differs from schemas/: run cti -C examples/demo " \
        "schemas after changing a schema"


def test_every_demo_file_resolves_inside_the_demo():
    files = [os.path.join(DEMO, "cti.yaml")] + sorted(glob.glob(os.path.join(DEMO, "forloeb", "*.yaml")))
    bad = [os.path.relpath(f, DEMO) for f in files
           if not resolves(f, schema_of(f)) or not schema_target(f).startswith(DEMO + os.sep)]
    assert not bad, bad
