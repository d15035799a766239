#!/usr/bin/python3
"""Check that schemas/*.schema.json agree with `cti validate`.

Run with Debian's python3 (python3-jsonschema, python3-yaml):

    /usr/bin/python3 tests/schema/test_schema.py [--schema-only]

What it checks:

1. Both schemas are valid JSON Schema draft 2020-12.
2. Every example repository (examples/*/ with a cti.yaml) passes the schemas,
   and `cti validate` reports no errors for it (warnings are allowed: the demo
   has a forløb past its planned end on purpose).
3. Every repository under tests/e2e/ (any directory holding a cti.yaml):
   a file the schema accepts must not get a *structural* error from cti
   (see STRUCTURAL). Files the schema rejects but cti accepts structurally
   are printed as notes, not failures (cti may report them under another
   rule, e.g. unknown-worker for an empty medarbejder).
4. Deliberately broken copies of the demo (unknown key, missing medarbejder,
   wrong type, bad status, impossible date) are rejected by BOTH the schema
   and `cti validate` (exit code 1, the expected rule on the broken file).

The binary is $CTI, default build/cti under the source tree ($CTI_SOURCE_DIR,
else two levels up from this file). A missing binary is a failure, not a skip;
--schema-only skips everything that needs the binary (for working on the
schemas before the tool is built).
"""

import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile

import jsonschema
import yaml

TODAY = "2026-11-23"  # the demo's pinned "today"

# cti rules that describe the shape of a file, i.e. what the schemas describe.
STRUCTURAL = {"unknown-key", "missing-key", "wrong-type", "invalid-date", "invalid-status"}

ROOT = os.path.abspath(
    os.environ.get("CTI_SOURCE_DIR")
    or os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
CTI = os.environ.get("CTI") or os.path.join(ROOT, "build", "cti")

failures = []


def ok(msg):
    print(f"ok: {msg}")


def fail(msg):
    failures.append(msg)
    print(f"FAIL: {msg}")


def note(msg):
    print(f"note: {msg}")


# --- YAML loading ------------------------------------------------------------

class StringDateLoader(yaml.SafeLoader):
    """SafeLoader without the YAML 1.1 timestamp resolver: 2025-01-06 stays a string,
    as in the cti file format (dates are ISO strings, checked by the schema pattern)."""


StringDateLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_yaml(path):
    """(data, None) or (None, error message)."""
    try:
        with open(path, encoding="utf-8") as f:
            return yaml.load(f, Loader=StringDateLoader), None
    except (yaml.YAMLError, UnicodeDecodeError) as e:
        return None, str(e).replace("\n", " ")


# --- schemas ---------------------------------------------------------------------

def load_validator(name):
    path = os.path.join(ROOT, "schemas", name)
    with open(path, encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    if schema.get("$schema") != "https://json-schema.org/draft/2020-12/schema":
        raise SystemExit(f"FAIL: {name}: $schema is not draft 2020-12")
    if not schema.get("$id"):
        raise SystemExit(f"FAIL: {name}: no $id")
    # format "date" rejects impossible dates like 2025-02-30 (cti: invalid-date).
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def check_titles(name, node, where="#"):
    """Every property has a Danish title and an English description."""
    if isinstance(node, dict):
        for key, sub in node.get("properties", {}).items():
            if not sub.get("title") or not sub.get("description"):
                fail(f"{name}: property {where}/properties/{key} lacks title or description")
        for key, sub in node.items():
            check_titles(name, sub, f"{where}/{key}")
    elif isinstance(node, list):
        for i, sub in enumerate(node):
            check_titles(name, sub, f"{where}/{i}")


def schema_errors(validator, data):
    errs = []
    for e in sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path)):
        where = "/".join(str(p) for p in e.absolute_path) or "(top)"
        errs.append(f"{where}: {e.message}")
    return errs


def repo_files(repo):
    """Relative paths of the files cti validates: cti.yaml and forloeb/*.yaml."""
    files = ["cti.yaml"] if os.path.exists(os.path.join(repo, "cti.yaml")) else []
    files += sorted(os.path.relpath(p, repo)
                    for p in glob.glob(os.path.join(repo, "forloeb", "*.yaml")))
    return [f.replace(os.sep, "/") for f in files]


def schema_check_repo(repo, validators):
    """{relative file: None (accepted) | 'yaml' (does not parse) | [schema errors]}"""
    result = {}
    for rel in repo_files(repo):
        data, err = load_yaml(os.path.join(repo, rel))
        if err is not None:
            result[rel] = "yaml"
            continue
        v = validators["cti"] if rel == "cti.yaml" else validators["forloeb"]
        errs = schema_errors(v, data)
        result[rel] = errs or None
    return result


# --- the binary --------------------------------------------------------------

def run_cti_validate(repo):
    """(exit code, parsed JSON or None, raw stdout, stderr)."""
    cmd = [CTI, "-C", repo, "validate", "--today", TODAY, "--format", "json"]
    env = dict(os.environ, NO_COLOR="1")
    env.pop("CTI_TODAY", None)
    env.pop("CTI_CPR_FILE", None)
    try:
        p = subprocess.run(cmd, capture_output=True, env=env, timeout=120)
    except subprocess.TimeoutExpired:
        return None, None, "", "timed out"
    out = p.stdout.decode("utf-8", "replace")
    err = p.stderr.decode("utf-8", "replace")
    try:
        doc = json.loads(out)
    except ValueError:
        doc = None
    return p.returncode, doc, out, err


def diagnostics_by_file(repo, doc, label):
    """Check the JSON contract and group diagnostics by repo-relative file.
    Returns None (after recording a failure) when the output is malformed."""
    if not isinstance(doc, dict) or not isinstance(doc.get("diagnostics"), list):
        fail(f"{label}: cti validate --format json did not print "
             "{\"diagnostics\": [...], \"errors\": N, \"warnings\": M}")
        return None
    by_file = {}
    nerr = nwarn = 0
    for d in doc["diagnostics"]:
        missing = {"file", "line", "col", "severity", "rule", "message"} - set(d)
        if missing:
            fail(f"{label}: diagnostic {d!r} lacks {sorted(missing)}")
            continue
        if d["severity"] not in ("error", "warning"):
            fail(f"{label}: diagnostic severity {d['severity']!r} is not error|warning")
        nerr += d["severity"] == "error"
        nwarn += d["severity"] == "warning"
        f = d["file"]
        if os.path.isabs(f):
            f = os.path.relpath(f, repo)
        f = f.replace(os.sep, "/")
        while f.startswith("./"):
            f = f[2:]
        by_file.setdefault(f, []).append(d)
    if doc.get("errors") != nerr or doc.get("warnings") != nwarn:
        fail(f"{label}: errors/warnings ({doc.get('errors')}/{doc.get('warnings')}) do not "
             f"match the diagnostics ({nerr}/{nwarn})")
    return by_file


def fmt_diag(d):
    return f"{d['file']}:{d['line']}:{d['col']}: {d['severity']}: {d['message']} [{d['rule']}]"


def structural_errors(diags):
    return [d for d in diags if d["severity"] == "error" and d["rule"] in STRUCTURAL]


# --- the checks ----------------------------------------------------------------

def check_example(repo, validators, with_binary):
    name = os.path.relpath(repo, ROOT)
    results = schema_check_repo(repo, validators)
    if not any(f.startswith("forloeb/") for f in results):
        fail(f"{name}: no forloeb/*.yaml files")
    for rel, res in results.items():
        if res == "yaml":
            fail(f"{name}/{rel}: not valid YAML")
        elif res:
            fail(f"{name}/{rel}: rejected by the schema:\n    " + "\n    ".join(res))
    if all(res is None for res in results.values()):
        ok(f"{name}: {len(results)} files pass the schemas")
    if not with_binary:
        return
    code, doc, out, err = run_cti_validate(repo)
    by_file = diagnostics_by_file(repo, doc, f"{name}: cti validate")
    if by_file is None:
        fail(f"{name}: exit {code}, stdout {out[:300]!r}, stderr {err[:300]!r}")
        return
    errors = [d for ds in by_file.values() for d in ds if d["severity"] == "error"]
    warnings = [d for ds in by_file.values() for d in ds if d["severity"] == "warning"]
    if errors:
        fail(f"{name}: the schema accepts it but cti validate reports errors:\n    "
             + "\n    ".join(fmt_diag(d) for d in errors))
    if code != 0:
        fail(f"{name}: cti validate exited {code}, expected 0 (stderr: {err.strip()[:300]})")
    if not errors and code == 0:
        ok(f"{name}: cti validate --today {TODAY}: no errors, {len(warnings)} warning(s)")
        for d in warnings:
            print(f"    {fmt_diag(d)}")


def check_agreement(repo, validators, with_binary):
    """A repository that may be invalid on purpose (tests/e2e)."""
    name = os.path.relpath(repo, ROOT)
    results = schema_check_repo(repo, validators)
    if not with_binary:
        accepted = sum(r is None for r in results.values())
        ok(f"{name}: schema accepts {accepted} of {len(results)} files (cti not run)")
        return
    code, doc, out, err = run_cti_validate(repo)
    if code == 2 and results.get("cti.yaml") is not None:
        ok(f"{name}: cti.yaml rejected by the schema and cti validate (exit 2)")
        return
    by_file = diagnostics_by_file(repo, doc, f"{name}: cti validate")
    if by_file is None:
        fail(f"{name}: exit {code}, stdout {out[:300]!r}, stderr {err[:300]!r}")
        return
    if code not in (0, 1):
        fail(f"{name}: cti validate exited {code} (stderr: {err.strip()[:300]})")
    has_errors = any(d["severity"] == "error" for ds in by_file.values() for d in ds)
    if code != (1 if has_errors else 0):
        fail(f"{name}: cti validate exited {code} but reported "
             f"{'errors' if has_errors else 'no errors'}")
    bad = 0
    for rel, res in results.items():
        structural = structural_errors(by_file.get(rel, []))
        if res is None and structural:
            bad += 1
            fail(f"{name}/{rel}: the schema accepts it but cti reports structural errors:\n    "
                 + "\n    ".join(fmt_diag(d) for d in structural))
        elif res == "yaml":
            if not any(d["severity"] == "error" for d in by_file.get(rel, [])):
                bad += 1
                fail(f"{name}/{rel}: not valid YAML, but cti reports no error for it")
        elif res and not structural:
            note(f"{name}/{rel}: the schema rejects it ({res[0]}); cti reports no "
                 f"structural error (rules: "
                 f"{sorted({d['rule'] for d in by_file.get(rel, [])}) or 'none'})")
    if not bad:
        ok(f"{name}: schema and cti validate agree on {len(results)} files")


def _replace(old, new):
    def f(text):
        if old not in text:
            raise SystemExit(f"FAIL: broken-case setup: {old!r} not found")
        return text.replace(old, new, 1)
    return f


# (name, file in examples/demo, how to break it, the cti rule expected on that file)
BROKEN = [
    ("unknown key", "forloeb/K-0009.yaml",
     _replace("\nindflytning: ", "\nindflyttning: "), "unknown-key"),
    ("missing medarbejder", "forloeb/K-0012.yaml",
     _replace("\nmedarbejder: birte\n", "\n"), "missing-key"),
    ("wrong type (list for a string)", "forloeb/K-0015.yaml",
     _replace("\ndelmålgruppe: egen-kommune\n", "\ndelmålgruppe: [egen-kommune, anden-kommune]\n"),
     "wrong-type"),
    ("wrong type (scalar for a map)", "forloeb/K-0018.yaml",
     _replace("\ndokumentation:\n  opstart: 2026-11-04\n", "\ndokumentation: 2026-11-04\n"),
     "wrong-type"),
    ("bad status", "forloeb/K-0001.yaml",
     _replace("status: gennemført", "status: færdig"), "invalid-status"),
    ("impossible date", "forloeb/K-0016.yaml",
     _replace("\nopstart: 2026-09-21\n", "\nopstart: 2026-09-31\n"), "invalid-date"),
]


def check_broken(demo, validators, with_binary):
    for label, rel, breaker, rule in BROKEN:
        with tempfile.TemporaryDirectory(prefix="cti-schema-") as tmp:
            repo = os.path.join(tmp, "demo")
            shutil.copytree(demo, repo)
            path = os.path.join(repo, rel)
            with open(path, encoding="utf-8") as f:
                text = f.read()
            with open(path, "w", encoding="utf-8") as f:
                f.write(breaker(text))

            results = schema_check_repo(repo, validators)
            others = [r for r, res in results.items() if r != rel and res is not None]
            if results.get(rel) is None:
                fail(f"broken copy '{label}' ({rel}): the schema accepts it")
            elif others:
                fail(f"broken copy '{label}': the schema also rejects untouched files {others}")
            else:
                ok(f"broken copy '{label}': schema rejects {rel} ({results[rel][0]})")
            if not with_binary:
                continue

            code, doc, out, err = run_cti_validate(repo)
            by_file = diagnostics_by_file(repo, doc, f"broken copy '{label}': cti validate")
            if by_file is None:
                fail(f"broken copy '{label}': exit {code}, stdout {out[:300]!r}, "
                     f"stderr {err[:300]!r}")
                continue
            errs = [d for d in by_file.get(rel, []) if d["severity"] == "error"]
            stray = [d for r, ds in by_file.items() if r != rel
                     for d in ds if d["severity"] == "error"]
            good = True
            if code != 1:
                good = False
                fail(f"broken copy '{label}': cti validate exited {code}, expected 1")
            if not any(d["rule"] == rule for d in errs):
                good = False
                fail(f"broken copy '{label}': expected a [{rule}] error on {rel}, got:\n    "
                     + ("\n    ".join(fmt_diag(d) for d in errs) or "(no errors on that file)"))
            if stray:
                good = False
                fail(f"broken copy '{label}': errors on untouched files:\n    "
                     + "\n    ".join(fmt_diag(d) for d in stray))
            if good:
                ok(f"broken copy '{label}': cti validate exits 1 with [{rule}] on {rel}")


def find_repos(base):
    """Directories under base holding a cti.yaml, outermost first."""
    repos = []
    for dirpath, dirnames, filenames in os.walk(base):
        dirnames.sort()
        if "cti.yaml" in filenames:
            repos.append(dirpath)
    return repos


def main(argv):
    schema_only = "--schema-only" in argv
    unknown = [a for a in argv if a != "--schema-only"]
    if unknown:
        print(__doc__)
        return 2

    validators = {"cti": load_validator("cti.schema.json"),
                  "forloeb": load_validator("forloeb.schema.json")}
    for name, v in (("cti.schema.json", validators["cti"]),
                    ("forloeb.schema.json", validators["forloeb"])):
        before = len(failures)
        check_titles(name, v.schema)
        if len(failures) == before:
            ok(f"{name}: valid draft 2020-12, every property has title and description")

    with_binary = not schema_only
    if with_binary and not (os.path.isfile(CTI) and os.access(CTI, os.X_OK)):
        fail(f"cti binary not found or not executable: {CTI} "
             "(build it, or set CTI=/path/to/cti; --schema-only skips the binary)")
        with_binary = False

    demo = os.path.join(ROOT, "examples", "demo")
    examples = find_repos(os.path.join(ROOT, "examples"))
    if demo not in examples:
        fail("examples/demo/cti.yaml not found")
    for repo in examples:
        check_example(repo, validators, with_binary)

    for repo in find_repos(os.path.join(ROOT, "tests", "e2e")):
        check_agreement(repo, validators, with_binary)

    if os.path.isdir(demo):
        check_broken(demo, validators, with_binary)

    if failures:
        print(f"\n{len(failures)} failure(s) in the schema tests", file=sys.stderr)
        return 1
    print("schema tests passed" + (" (schema only; cti not run)" if schema_only else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
