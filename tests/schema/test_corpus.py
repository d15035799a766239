#!/usr/bin/python3
"""The schemas and `cti validate` agree, case by case, on tests/schema/corpus/.

Each corpus file is one case: cti-NAME.yaml is a cti.yaml, forloeb-NAME.yaml a
forløb file (id K-0001). Its first line says what both must conclude:

    # expect: valid      (the schema accepts it; cti reports no error on it)
    # expect: invalid    (the schema rejects it; cti reports an error on it)

A case runs in a fresh repository: a cti.yaml case next to a plain forløb, a
forløb case next to a plain cti.yaml (worker anna, delmålgruppe egen-kommune,
a custom checklist item peer-tilbudt). Any disagreement fails, in either
direction: schema says valid and cti says invalid, or the other way round.

Run: /usr/bin/python3 tests/schema/test_corpus.py [--schema-only]
"""

import glob
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import test_schema as ts  # noqa: E402  (shared loaders and the cti runner)

CORPUS = os.path.join(ts.ROOT, "tests", "schema", "corpus")

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


def expected(path):
    with open(path, encoding="utf-8") as f:
        first = f.readline().strip()
    if first not in ("# expect: valid", "# expect: invalid"):
        return None
    return first.endswith("valid") and not first.endswith("invalid")


def run_case(path, validators, with_binary):
    name = os.path.basename(path)
    want = expected(path)
    if want is None:
        ts.fail(f"{name}: first line must be '# expect: valid' or '# expect: invalid'")
        return
    kind = "cti" if name.startswith("cti-") else "forloeb" if name.startswith("forloeb-") else None
    if kind is None:
        ts.fail(f"{name}: the name must start with cti- or forloeb-")
        return
    data, err = ts.load_yaml(path)
    schema_errs = ["yaml: " + err] if err else ts.schema_errors(validators[kind], data)
    schema_ok = not schema_errs
    verdict = "valid" if want else "invalid"
    if schema_ok != want:
        ts.fail(f"{name}: expected {verdict}, but the schema "
                + ("accepts it" if schema_ok else f"rejects it ({schema_errs[0]})"))
    if not with_binary:
        return
    with open(path, encoding="utf-8") as f:
        text = f.read()
    with tempfile.TemporaryDirectory(prefix="cti-corpus-") as repo:
        os.mkdir(os.path.join(repo, "forloeb"))
        target = "cti.yaml" if kind == "cti" else "forloeb/K-0001.yaml"
        other = "forloeb/K-0001.yaml" if kind == "cti" else "cti.yaml"
        for rel, body in ((target, text), (other, BASE_FORLOEB if kind == "cti" else BASE_CTI)):
            with open(os.path.join(repo, rel), "w", encoding="utf-8") as f:
                f.write(body)
        code, doc, out, errout = ts.run_cti_validate(repo)
        if kind == "cti" and code == 2:  # cti.yaml unusable: nothing else is checked
            cti_errs = [errout.strip() or "exit 2"]
        else:
            by_file = ts.diagnostics_by_file(repo, doc, f"{name}: cti validate")
            if by_file is None:
                ts.fail(f"{name}: exit {code}, stdout {out[:200]!r}, stderr {errout[:200]!r}")
                return
            cti_errs = [ts.fmt_diag(d) for d in by_file.get(target, []) if d["severity"] == "error"]
            stray = [d for r, ds in by_file.items() if r != target for d in ds if d["severity"] == "error"]
            if stray and not cti_errs:
                ts.fail(f"{name}: an error outside the case file: " + ts.fmt_diag(stray[0]))
    cti_ok = not cti_errs
    if cti_ok != want:
        ts.fail(f"{name}: expected {verdict}, but cti validate "
                + ("accepts it" if cti_ok else f"reports {cti_errs[0]}"))
    if schema_ok == want and cti_ok == want:
        ts.ok(f"{name}: {verdict} for the schema and cti validate")


def main(argv):
    with_binary = "--schema-only" not in argv
    validators = {"cti": ts.load_validator("cti.schema.json"),
                  "forloeb": ts.load_validator("forloeb.schema.json")}
    if with_binary and not (os.path.isfile(ts.CTI) and os.access(ts.CTI, os.X_OK)):
        ts.fail(f"cti binary not found: {ts.CTI}")
        with_binary = False
    cases = sorted(glob.glob(os.path.join(CORPUS, "*.yaml")))
    if len(cases) < 40:
        ts.fail(f"only {len(cases)} corpus cases in {CORPUS}")
    for path in cases:
        run_case(path, validators, with_binary)
    if ts.failures:
        print(f"\n{len(ts.failures)} disagreement(s) or failure(s)", file=sys.stderr)
        return 1
    print(f"schema and cti validate agree on all {len(cases)} corpus cases")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
