#!/usr/bin/python3
"""Validate every DIR/forloeb/*.yaml against schemas/forloeb.schema.json.

"What a user would otherwise use": the benchmark baseline that cti validate is
compared with (tests/bench/run.sh). Debian's python3-yaml and
python3-jsonschema only:

    /usr/bin/python3 tests/bench/validate_python.py DIR [--schema FILE] [--c-loader]

YAML is read with a SafeLoader that keeps dates as strings (the timestamp
implicit resolver removed), as the schema expects ISO date strings; the
schema is checked with Draft202012Validator and its format checker (so
"format": "date" rejects 2025-02-30). --c-loader uses libyaml's CSafeLoader
instead of the pure-Python loader (faster; not what most scripts use).

Prints one line per schema error ("FILE: PATH: message") and a summary on
stderr. Exit 0 when every file is valid, 1 when some are not, 2 on a usage
or setup error (e.g. the schema is missing).
"""

import argparse
import glob
import json
import os
import sys

import yaml
from jsonschema import Draft202012Validator

TIMESTAMP = "tag:yaml.org,2002:timestamp"
HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_SCHEMA = os.path.join(HERE, "..", "..", "schemas", "forloeb.schema.json")


def string_date_loader(base):
    """A subclass of `base` whose implicit resolvers never produce dates."""
    cls = type("StringDate" + base.__name__, (base,), {})
    cls.yaml_implicit_resolvers = {
        first: [r for r in resolvers if r[0] != TIMESTAMP]
        for first, resolvers in base.yaml_implicit_resolvers.items()
    }
    return cls


def main():
    ap = argparse.ArgumentParser(description="Validate forloeb/*.yaml with jsonschema.")
    ap.add_argument("dir", help="case repository (the folder holding forloeb/)")
    ap.add_argument("--schema", default=DEFAULT_SCHEMA,
                    help="JSON Schema file (default: schemas/forloeb.schema.json of this checkout)")
    ap.add_argument("--c-loader", action="store_true", help="use libyaml's CSafeLoader")
    a = ap.parse_args()

    try:
        with open(a.schema, encoding="utf-8") as f:
            schema = json.load(f)
    except (OSError, ValueError) as e:
        print("validate_python.py: cannot read schema %s: %s" % (a.schema, e), file=sys.stderr)
        return 2
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)

    base = yaml.CSafeLoader if a.c_loader else yaml.SafeLoader
    loader = string_date_loader(base)

    files = sorted(glob.glob(os.path.join(a.dir, "forloeb", "*.yaml")))
    if not os.path.isdir(os.path.join(a.dir, "forloeb")):
        print("validate_python.py: %s has no forloeb/ folder" % a.dir, file=sys.stderr)
        return 2
    invalid = errors = 0
    out = []
    for path in files:
        rel = os.path.relpath(path, a.dir)
        try:
            with open(path, encoding="utf-8") as f:
                doc = yaml.load(f, Loader=loader)
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as e:
            out.append("%s: %s" % (rel, str(e).replace("\n", " ")))
            invalid += 1
            errors += 1
            continue
        found = sorted(validator.iter_errors(doc), key=lambda e: list(map(str, e.absolute_path)))
        if found:
            invalid += 1
            errors += len(found)
            for e in found:
                where = "/".join(map(str, e.absolute_path)) or "(root)"
                out.append("%s: %s: %s" % (rel, where, e.message))
    if out:
        sys.stdout.write("\n".join(out) + "\n")
    print("%d files, %d invalid, %d errors" % (len(files), invalid, errors), file=sys.stderr)
    return 1 if invalid else 0


if __name__ == "__main__":
    sys.exit(main())
