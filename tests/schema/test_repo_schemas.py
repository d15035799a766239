#!/usr/bin/python3
"""The `$schema` lines resolve offline wherever a repository is: `cti init` copies the
schemas built into cti into DIR/schemas/, the files `init` and `new` write point at them
by a path relative to the file, `cti schemas` refreshes them (`--check` reports stale
ones), `cti new` puts back missing ones, and the demo carries its own up-to-date copy.
"""

import glob
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from e2e import ROOT, CTI, check, failures  # noqa: E402

SCHEMAS = sorted(os.path.basename(p) for p in glob.glob(os.path.join(ROOT, "schemas", "*.schema.json")))
PREFIX = "# yaml-language-server: $schema="


def cti(repo, *args):
    env = dict(os.environ, NO_COLOR="1", CTI_TODAY="2026-03-02")
    return subprocess.run([CTI, "-C", repo, *args], capture_output=True, text=True, env=env, timeout=60)


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
    return t is not None and os.path.basename(t) == name and os.path.isfile(t)


def main():
    check("schemas/ holds cti.schema.json and forloeb.schema.json",
          SCHEMAS == ["cti.schema.json", "forloeb.schema.json"], str(SCHEMAS))
    with tempfile.TemporaryDirectory(prefix="cti-schemas-") as tmp:
        repo = os.path.join(tmp, "team")
        p = cti(tmp, "init", "team")
        check("init exits 0", p.returncode == 0, p.stderr)
        check("init copies the built-in schemas into schemas/", same_as_source(repo))
        check("cti.yaml's $schema resolves to schemas/cti.schema.json",
              resolves(os.path.join(repo, "cti.yaml"), "cti.schema.json"), read(os.path.join(repo, "cti.yaml"))[:80])
        # A team of one (the template's medarbejdere are examples): keep the $schema line.
        first = read(os.path.join(repo, "cti.yaml")).splitlines()[0]
        with open(os.path.join(repo, "cti.yaml"), "w", encoding="utf-8") as f:
            f.write(first + "\nprojekt: T\nid_præfiks: K-\ndelmålgrupper: [egen-kommune]\n"
                    "medarbejdere:\n  - id: anna\n")
        p = cti(repo, "new", "--worker", "anna", "--subgroup", "egen-kommune")
        check("new exits 0", p.returncode == 0, p.stderr)
        cases = glob.glob(os.path.join(repo, "forloeb", "*.yaml"))
        check("new writes one forløb", len(cases) == 1, str(cases))
        if cases:
            check("the forløb's $schema is ../schemas/forloeb.schema.json and resolves",
                  read(cases[0]).startswith(PREFIX + "../schemas/forloeb.schema.json\n")
                  and resolves(cases[0], "forloeb.schema.json"), read(cases[0])[:80])
        p = cti(repo, "schemas", "--check")
        check("schemas --check: up to date, exit 0", p.returncode == 0, p.stdout + p.stderr)

        # After an upgrade the copies differ: --check says so, `cti schemas` refreshes them.
        stale = os.path.join(repo, "schemas", "forloeb.schema.json")
        with open(stale, "w", encoding="utf-8") as f:
            f.write("{}\n")
        os.remove(os.path.join(repo, "schemas", "cti.schema.json"))
        p = cti(repo, "schemas", "--check")
        check("schemas --check: stale and missing copies exit 1 and are named",
              p.returncode == 1 and "forloeb.schema.json" in p.stderr and "cti.schema.json" in p.stderr,
              p.stdout + p.stderr)
        p = cti(os.path.join(repo, "forloeb"), "schemas")
        check("schemas (from a subfolder) refreshes both and prints them",
              p.returncode == 0 and same_as_source(repo) and p.stdout.count("schema.json") == 2,
              p.stdout + p.stderr)
        p = cti(repo, "schemas")
        check("schemas again: nothing written, exit 0", p.returncode == 0 and p.stdout == "", p.stdout)

        # A repository made before cti carried its schemas: new puts them in place.
        shutil.rmtree(os.path.join(repo, "schemas"))
        p = cti(repo, "new", "--worker", "anna", "--subgroup", "egen-kommune")
        check("new in a repository without schemas/ puts them back", p.returncode == 0 and same_as_source(repo),
              p.stderr)

        # Copied elsewhere, the repository still resolves (relative paths only).
        moved = os.path.join(tmp, "elsewhere", "deeper")
        shutil.copytree(repo, moved)
        files = [os.path.join(moved, "cti.yaml")] + glob.glob(os.path.join(moved, "forloeb", "*.yaml"))
        check("a copied repository still resolves every $schema",
              all(resolves(f, "cti.schema.json" if f.endswith("cti.yaml") else "forloeb.schema.json")
                  for f in files))
        p = cti(tmp, "schemas")
        check("schemas outside a repository: exit 2", p.returncode == 2, p.stderr)

    demo = os.path.join(ROOT, "examples", "demo")
    check("the demo carries up-to-date copies (examples/demo/schemas/ = schemas/; run cti -C examples/demo "
          "schemas after changing a schema)", same_as_source(demo))
    files = [os.path.join(demo, "cti.yaml")] + sorted(glob.glob(os.path.join(demo, "forloeb", "*.yaml")))
    bad = [os.path.relpath(f, demo) for f in files
           if not resolves(f, "cti.schema.json" if f.endswith("cti.yaml") else "forloeb.schema.json")
           or not schema_target(f).startswith(demo + os.sep)]
    check("every demo file's $schema resolves inside examples/demo", not bad, str(bad))

    if failures:
        print(f"\n{len(failures)} failure(s)", file=sys.stderr)
        return 1
    print("repository schema tests passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
