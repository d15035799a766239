#!/usr/bin/python3
"""Output hygiene (SPEC sections 2, 7, 8): a key file others can read is warned about;
report and caseload CSV cells that a spreadsheet would run as a formula are neutralised;
every JSON output is valid UTF-8, even for a file name that is not.

    /usr/bin/python3 tests/privacy/test_outputs.py
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "lib"))
from e2e import CTI, ROOT, check, failures  # noqa: E402

REPORT_REPO = os.path.join(ROOT, "tests", "report", "repo")
KEYS = os.path.join(ROOT, "tests", "report", "cpr-keys.yaml")


def env():
    e = dict(os.environ, NO_COLOR="1", LC_ALL="C.UTF-8", LANG="C.UTF-8", CTI_TODAY="2025-08-15",
             GIT_CONFIG_NOSYSTEM="1", HOME="/nonexistent")
    for k in ("CTI_CPR_FILE", "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"):
        e.pop(k, None)
    return e


def cti(cwd, *args):
    p = subprocess.run([CTI, "--lang", "en", *args], cwd=cwd, env=env(), capture_output=True, timeout=60)
    return p.returncode, p.stdout, p.stderr.decode("utf-8", "replace")


def main():
    tmp = tempfile.mkdtemp(prefix="cti-outputs-")
    try:
        repo = os.path.join(tmp, "repo")
        shutil.copytree(REPORT_REPO, repo)
        keys = os.path.join(repo, "cpr.yaml")
        shutil.copy(KEYS, keys)
        out = os.path.join(tmp, "q.csv")
        # Key file hygiene.
        os.chmod(keys, 0o644)
        rc, _, err = cti(repo, "report", "--quarter", "2025-Q2", "-o", out)
        check("a key file readable by others is warned about", rc == 0 and "chmod 600 cpr.yaml" in err, err)
        os.chmod(keys, 0o600)
        rc, _, err = cti(repo, "report", "--quarter", "2025-Q2", "-o", out, "--force")
        check("a private key file is not", rc == 0 and "chmod" not in err, err)

        # Formula cells.
        cfg = os.path.join(repo, "cti.yaml")
        with open(cfg, encoding="utf-8") as f:
            text = f.read()
        text = text.replace("egen-kommune", "=HYPERLINK(\"http://x\")").replace("  - id: mette", "  - id: \"@mette\"")
        with open(cfg, "w", encoding="utf-8") as f:
            f.write(text)
        for name in os.listdir(os.path.join(repo, "forloeb")):
            p = os.path.join(repo, "forloeb", name)
            with open(p, encoding="utf-8") as f:
                t = f.read()
            with open(p, "w", encoding="utf-8") as f:
                f.write(t.replace("egen-kommune", "\"=HYPERLINK(\\\"http://x\\\")\"").replace(
                    "medarbejder: mette", "medarbejder: \"@mette\""))
        rc, so, err = cti(repo, "report", "--quarter", "2025-Q2", "--pseudonym")
        cells = [c.strip('"') for line in so.decode("utf-8-sig").splitlines() for c in line.split(";")]
        check("the report has the formula-like delmålgruppe", any("HYPERLINK" in c for c in cells), so.decode())
        check("no report cell starts with = + - @", not [c for c in cells if c[:1] in ("=", "+", "-", "@")],
              so.decode())
        rc, so, err = cti(repo, "caseload", "--format", "csv")
        rows = [line.split(",") for line in so.decode().splitlines()]
        check("caseload CSV has the formula-like worker", any("@mette" in r[0] for r in rows), so.decode())
        check("no caseload cell starts with = + @ (a negative number stays a number)",
              not [c for r in rows for c in r if c[:1] in ("=", "+", "@") or (c[:1] == "-" and not c[1:2].isdigit())],
              so.decode())
        rc, so, err = cti(repo, "status", "--format", "csv", "--all")
        cells = [c.strip('"') for line in so.decode().splitlines() for c in line.split(";")]
        check("no status cell starts with = + @", not [c for c in cells if c[:1] in ("=", "+", "@")], so.decode())

        rc, so, err = cti(repo, "report", "--quarter", "2025-Q2", "--pseudonym", "--format", "json")
        check("report JSON parses", rc == 0 and json.loads(so.decode("utf-8", "strict")) is not None, err)
        # JSON is valid UTF-8 even when a file name is not.
        bad = os.path.join(repo.encode(), b"forloeb", b"K-\xff\xfe.yaml")
        with open(bad, "wb") as f:
            f.write(b"id: K-1\n")
        for args in (["validate", "--format", "json"], ["status", "--format", "json", "--all"],
                     ["caseload", "--format", "json"], ["fidelity", "--format", "json"]):
            rc, so, err = cti(repo, *args)
            try:
                json.loads(so.decode("utf-8", "strict"))
                ok = True
            except (UnicodeDecodeError, ValueError) as e:
                ok = str(e)
            check(f"cti {' '.join(args)}: valid UTF-8 JSON", ok is True, f"{ok}\n{so[:500]!r}\n{err}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    if failures:
        print(f"{len(failures)} failure(s)")
        sys.exit(1)


if __name__ == "__main__":
    main()
