"""The schemas and `cti validate` agree, case by case, on tests/schema/corpus/.

Each corpus file is one case: cti-NAME.yaml is a cti.yaml, forloeb-NAME.yaml a
forløb file (id K-0001). Its first line says what both must conclude:

    # expect: valid      (the schema accepts it; cti reports no error on it)
    # expect: invalid    (the schema rejects it; cti reports an error on it)

A case runs in a fresh repository: a cti.yaml case next to a plain forløb, a
forløb case next to a plain cti.yaml (worker anna, delmålgruppe egen-kommune,
a custom checklist item peer-tilbudt). Any disagreement fails, in either
direction: schema says valid and cti says invalid, or the other way round.

    CTI=build/cti python3 -m pytest -c tests/pytest.ini tests/schema
    ... -k 'not validate'     # only the schemas, not the binary
"""

import glob
import os

import pytest
from conftest import CTI, ROOT
from test_schema import diagnostics_by_file, fmt_diag, load_validators, load_yaml, schema_errors, validate

CORPUS = os.path.join(ROOT, "tests", "schema", "corpus")
CASES = sorted(glob.glob(os.path.join(CORPUS, "*.yaml")))

BASE_CTI = """projekt: Korpus
delmålgrupper: [egen-kommune]
medarbejdere:
  - id: anna
tjeklister:
  tilføj:
    kontakt:
      - id: peer-tilbudt
        tekst: Peer-støtte tilbudt
"""
BASE_FORLOEB = """id: K-0001
medarbejder: anna
delmålgruppe: egen-kommune
kontakt: 2026-01-05
"""

cases = pytest.mark.parametrize("path", CASES, ids=[os.path.basename(p) for p in CASES])


def case(path):
    """-> (kind: "cti" | "forloeb", expected verdict: True for valid), from the name and first line."""
    name = os.path.basename(path)
    with open(path, encoding="utf-8") as f:
        first = f.readline().strip()
    assert first in ("# expect: valid", "# expect: invalid"), \
        f"{name}: first line must be '# expect: valid' or '# expect: invalid'"
    kind = "cti" if name.startswith("cti-") else "forloeb" if name.startswith("forloeb-") else None
    assert kind, f"{name}: the name must start with cti- or forloeb-"
    return kind, first == "# expect: valid"


def verdict(valid):
    return "valid" if valid else "invalid"


@pytest.fixture(scope="module")
def validators():
    return load_validators()


def test_the_corpus_has_at_least_40_cases():
    assert len(CASES) >= 40, f"only {len(CASES)} corpus cases in {CORPUS}"


@cases
def test_the_schema_verdict(path, validators):
    kind, want = case(path)
    data, err = load_yaml(path)
    schema_errs = ["yaml: " + err] if err else schema_errors(validators[kind], data)
    assert (not schema_errs) == want, f"expected {verdict(want)}, but the schema " + \
        ("accepts it" if not schema_errs else f"rejects it ({schema_errs[0]})")


def test_validate_binary_is_there():
    assert os.path.isfile(CTI) and os.access(CTI, os.X_OK), f"cti binary not found: {CTI}"


@cases
def test_validate_verdict(path, tmp_path):
    kind, want = case(path)
    with open(path, encoding="utf-8") as f:
        text = f.read()
    repo = str(tmp_path)
    os.mkdir(os.path.join(repo, "forloeb"))
    target = "cti.yaml" if kind == "cti" else "forloeb/K-0001.yaml"
    other = "forloeb/K-0001.yaml" if kind == "cti" else "cti.yaml"
    for rel, body in ((target, text), (other, BASE_FORLOEB if kind == "cti" else BASE_CTI)):
        with open(os.path.join(repo, rel), "w", encoding="utf-8") as f:
            f.write(body)
    r, doc = validate(repo)
    if kind == "cti" and r.rc == 2:  # cti.yaml unusable: nothing else is checked
        cti_errs = [r.err.strip() or "exit 2"]
    else:
        by_file, problems = diagnostics_by_file(repo, doc)
        assert by_file is not None and not problems, (problems, r)
        cti_errs = [fmt_diag(d) for d in by_file.get(target, []) if d["severity"] == "error"]
        stray = [d for f, ds in by_file.items() if f != target for d in ds if d["severity"] == "error"]
        assert cti_errs or not stray, "an error outside the case file: " + fmt_diag(stray[0])
    assert (not cti_errs) == want, f"expected {verdict(want)}, but cti validate " + \
        ("accepts it" if not cti_errs else f"reports {cti_errs[0]}")
