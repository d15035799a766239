"""Check that schemas/*.schema.json agree with `cti validate`.

Needs Debian's python3-jsonschema and python3-yaml:

    CTI=build/cti python3 -m pytest -c tests/pytest.ini tests/schema
    ... -k 'not validate'     # only the schemas, not the binary (before the tool is built)

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

Every test that runs the binary has "validate" in its name. A missing binary is a
failure, not a skip. The loaders, the `cti validate` runner and the diagnostics
reader here are shared with test_corpus.py.
"""

import glob
import json
import os

import jsonschema
import pytest
import yaml
from conftest import CTI, DEMO, ROOT, run_cti

TODAY = "2026-11-23"  # the demo's pinned "today"

# cti rules that describe the shape of a file, i.e. what the schemas describe.
STRUCTURAL = {"unknown-key", "missing-key", "wrong-type", "invalid-date", "invalid-status"}

SCHEMA_FILES = ["cti.schema.json", "forloeb.schema.json"]


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

def load_schema(name):
    with open(os.path.join(ROOT, "schemas", name), encoding="utf-8") as f:
        return json.load(f)


def load_validators():
    """{"cti": validator of cti.yaml, "forloeb": validator of a forløb file}. Format "date"
    rejects impossible dates like 2025-02-30 (cti: invalid-date)."""
    return {kind: jsonschema.Draft202012Validator(load_schema(f"{kind}.schema.json"),
                                                  format_checker=jsonschema.FormatChecker())
            for kind in ("cti", "forloeb")}


def untitled(node, where="#"):
    """The properties under `node` without a Danish title or an English description."""
    missing = []
    if isinstance(node, dict):
        for key, sub in node.get("properties", {}).items():
            if not sub.get("title") or not sub.get("description"):
                missing.append(f"{where}/properties/{key}")
        for key, sub in node.items():
            missing += untitled(sub, f"{where}/{key}")
    elif isinstance(node, list):
        for i, sub in enumerate(node):
            missing += untitled(sub, f"{where}/{i}")
    return missing


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

def validate(repo):
    """`cti validate --format json` on `repo` (no --lang, as a user runs it)
    -> (Result, the parsed JSON or None)."""
    r = run_cti("-C", repo, "validate", "--today", TODAY, "--format", "json", lang=None, timeout=120)
    try:
        doc = json.loads(r.out.decode("utf-8", "replace"))
    except ValueError:
        doc = None
    return r, doc


def diagnostics_by_file(repo, doc):
    """Checks the JSON contract and groups the diagnostics by repo-relative file
    -> (by_file, problems); by_file is None when the output is not the contract's shape."""
    if not isinstance(doc, dict) or not isinstance(doc.get("diagnostics"), list):
        return None, ['cti validate --format json did not print {"diagnostics": [...], "errors": N, "warnings": M}']
    by_file, problems = {}, []
    nerr = nwarn = 0
    for d in doc["diagnostics"]:
        missing = {"file", "line", "col", "severity", "rule", "message"} - set(d)
        if missing:
            problems.append(f"diagnostic {d!r} lacks {sorted(missing)}")
            continue
        if d["severity"] not in ("error", "warning"):
            problems.append(f"diagnostic severity {d['severity']!r} is not error|warning")
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
        problems.append(f"errors/warnings ({doc.get('errors')}/{doc.get('warnings')}) do not "
                        f"match the diagnostics ({nerr}/{nwarn})")
    return by_file, problems


def fmt_diag(d):
    return f"{d['file']}:{d['line']}:{d['col']}: {d['severity']}: {d['message']} [{d['rule']}]"


def fmt_diags(ds):
    return "\n    ".join(fmt_diag(d) for d in ds)


def structural_errors(diags):
    return [d for d in diags if d["severity"] == "error" and d["rule"] in STRUCTURAL]


def find_repos(base):
    """Directories under base holding a cti.yaml, outermost first."""
    repos = []
    for dirpath, dirnames, filenames in os.walk(base):
        dirnames.sort()
        if "cti.yaml" in filenames:
            repos.append(dirpath)
    return repos


def _replace(old, new):
    def f(text):
        assert old in text, f"broken-case setup: {old!r} not found"
        return text.replace(old, new, 1)
    return f


EXAMPLES = find_repos(os.path.join(ROOT, "examples"))
E2E_REPOS = find_repos(os.path.join(ROOT, "tests", "e2e"))

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

examples = pytest.mark.parametrize("repo", EXAMPLES, ids=[os.path.relpath(r, ROOT) for r in EXAMPLES])
e2e_repos = pytest.mark.parametrize("repo", E2E_REPOS, ids=[os.path.relpath(r, ROOT) for r in E2E_REPOS])
broken_cases = pytest.mark.parametrize("rel,breaker,rule", [b[1:] for b in BROKEN], ids=[b[0] for b in BROKEN])


@pytest.fixture(scope="module")
def validators():
    return load_validators()


@pytest.fixture
def broken(copy_tree, rel, breaker):
    """A copy of the demo with `rel` broken by `breaker`."""
    repo = copy_tree(DEMO)
    path = os.path.join(repo, rel)
    with open(path, encoding="utf-8") as f:
        text = f.read()
    with open(path, "w", encoding="utf-8") as f:
        f.write(breaker(text))
    return repo


# --- the schemas ----------------------------------------------------------------

@pytest.mark.parametrize("name", SCHEMA_FILES)
def test_the_schema_is_valid_draft_2020_12(name):
    schema = load_schema(name)
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema.get("$schema") == "https://json-schema.org/draft/2020-12/schema", \
        f"{name}: $schema is not draft 2020-12"
    assert schema.get("$id"), f"{name}: no $id"


@pytest.mark.parametrize("name", SCHEMA_FILES)
def test_every_property_has_a_title_and_a_description(name):
    missing = untitled(load_schema(name))
    assert not missing, "properties without title or description:\n" + "\n".join(missing)


# --- the example repositories -------------------------------------------------------

def test_the_demo_is_an_example():
    assert DEMO in EXAMPLES, "examples/demo/cti.yaml not found"


@examples
def test_the_example_passes_the_schemas(repo, validators):
    results = schema_check_repo(repo, validators)
    assert any(f.startswith("forloeb/") for f in results), "no forloeb/*.yaml files"
    not_yaml = [rel for rel, res in results.items() if res == "yaml"]
    assert not not_yaml, f"not valid YAML: {not_yaml}"
    rejected = {rel: res for rel, res in results.items() if res}
    assert not rejected, "rejected by the schema:\n" + "\n".join(
        f"{rel}:\n    " + "\n    ".join(res) for rel, res in rejected.items())


def test_validate_binary_is_there():
    assert os.path.isfile(CTI) and os.access(CTI, os.X_OK), \
        f"cti binary not found or not executable: {CTI} (build it, or set CTI=/path/to/cti)"


@examples
def test_validate_reports_no_errors_on_the_example(repo):
    r, doc = validate(repo)
    by_file, problems = diagnostics_by_file(repo, doc)
    assert by_file is not None, (problems, r)
    assert not problems, problems
    errors = [d for ds in by_file.values() for d in ds if d["severity"] == "error"]
    assert not errors, "the schema accepts it but cti validate reports errors:\n    " + fmt_diags(errors)
    assert r.rc == 0, r


# --- tests/e2e: repositories that may be invalid on purpose -----------------------

@e2e_repos
def test_validate_and_the_schema_agree(repo, validators):
    name = os.path.relpath(repo, ROOT)
    results = schema_check_repo(repo, validators)
    r, doc = validate(repo)
    if r.rc == 2 and results.get("cti.yaml") is not None:
        return  # cti.yaml rejected by the schema and cti validate (exit 2)
    by_file, problems = diagnostics_by_file(repo, doc)
    assert by_file is not None, (problems, r)
    assert not problems, problems
    assert r.rc in (0, 1), r
    has_errors = any(d["severity"] == "error" for ds in by_file.values() for d in ds)
    assert r.rc == (1 if has_errors else 0), f"cti validate exited {r.rc} but reported " \
        f"{'errors' if has_errors else 'no errors'}"
    bad = []
    for rel, res in results.items():
        structural = structural_errors(by_file.get(rel, []))
        if res is None and structural:
            bad.append(f"{name}/{rel}: the schema accepts it but cti reports structural errors:\n    "
                       + fmt_diags(structural))
        elif res == "yaml":
            if not any(d["severity"] == "error" for d in by_file.get(rel, [])):
                bad.append(f"{name}/{rel}: not valid YAML, but cti reports no error for it")
        elif res and not structural:
            print(f"note: {name}/{rel}: the schema rejects it ({res[0]}); cti reports no "
                  f"structural error (rules: {sorted({d['rule'] for d in by_file.get(rel, [])}) or 'none'})")
    assert not bad, "\n".join(bad)


# --- broken copies of the demo --------------------------------------------------------

@broken_cases
def test_the_schema_rejects_the_broken_copy(broken, rel, rule, validators):
    results = schema_check_repo(broken, validators)
    assert results.get(rel) is not None, f"the schema accepts the broken {rel}"
    others = [r for r, res in results.items() if r != rel and res is not None]
    assert not others, f"the schema also rejects untouched files {others}"


@broken_cases
def test_validate_rejects_the_broken_copy(broken, rel, rule):
    r, doc = validate(broken)
    by_file, problems = diagnostics_by_file(broken, doc)
    assert by_file is not None, (problems, r)
    assert not problems, problems
    assert r.rc == 1, r
    errs = [d for d in by_file.get(rel, []) if d["severity"] == "error"]
    assert any(d["rule"] == rule for d in errs), \
        f"expected a [{rule}] error on {rel}, got:\n    " + (fmt_diags(errs) or "(no errors on that file)")
    stray = [d for f, ds in by_file.items() if f != rel for d in ds if d["severity"] == "error"]
    assert not stray, "errors on untouched files:\n    " + fmt_diags(stray)
