#!/usr/bin/python3
"""End-to-end tests of [cpr-retention] (SPEC section 2): a key line whose forløb ended
more than cti.yaml `cpr_opbevaring_kvartaler` quarters (default 1) after the quarter it
ended in is a warning in `cti report` and `cti validate`, naming the id, never the number.

Uses tests/report/repo/ and tests/report/cpr-keys.yaml (made-up CPR numbers). The
forløb ends used: K-0004 2025-03-31 (Q1), K-0007 2025-04-14, K-0003 2025-05-05 and
K-0008 2025-06-30 (all Q2); the others have not ended.

    CTI=build/cti /usr/bin/python3 tests/report/test_retention.py
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "lib"))
from e2e import CTI, check, failures  # noqa: E402

with open(os.path.join(HERE, "cpr-keys.yaml"), encoding="utf-8") as f:
    KEYS_TEXT = f.read()
FORMS = set()
for v in re.findall(r'^K-\d{4}: "([\d-]+)"$', KEYS_TEXT, re.M):
    d = v.replace("-", "")
    FORMS |= {d, d[:6] + "-" + d[6:], d[:9], d[1:]}  # also 9 of the 10 digits


class Env:
    def __init__(self, keys=True, keep=None):
        self.tmp = tempfile.mkdtemp(prefix="cti-retention-")
        self.repo = os.path.join(self.tmp, "repo")
        shutil.copytree(os.path.join(HERE, "repo"), self.repo)
        if keep is not None:
            with open(os.path.join(self.repo, "cti.yaml"), "a", encoding="utf-8") as f:
                f.write(f"cpr_opbevaring_kvartaler: {keep}\n")
        if keys:
            path = os.path.join(self.repo, "cpr.yaml")
            with open(path, "w", encoding="utf-8") as f:
                f.write(KEYS_TEXT)
            os.chmod(path, 0o600)
        with open(os.path.join(self.repo, ".gitignore"), "w", encoding="utf-8") as f:
            f.write("cpr.yaml\n")
        subprocess.run(["git", "init", "-q", self.repo], check=True)

    def run(self, today, *args):
        e = dict(os.environ)
        e.pop("CTI_CPR_FILE", None)
        p = subprocess.run([CTI, "-C", self.repo, "--today", today, *args], capture_output=True, env=e,
                           stdin=subprocess.DEVNULL)
        for name, data in (("stdout", p.stdout), ("stderr", p.stderr)):
            text = data.decode("utf-8", "replace")
            leaked = [x for x in FORMS if x in text]
            check(f"no CPR in {name} of {' '.join(args)}", not leaked, text)
        return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode("utf-8")

    def close(self):
        shutil.rmtree(self.tmp)


def flagged(text):
    return sorted(re.findall(r"(K-\d{4}) ended in \S+; its key line can be deleted", text))


def report(env, today, quarter):
    out = os.path.join(env.tmp, "q.csv")
    if os.path.exists(out):
        os.remove(out)
    rc, _, se = env.run(today, "report", "--quarter", quarter, "-o", out)
    return rc, se, os.path.exists(out)


def main():
    if not os.access(CTI, os.X_OK):
        print(f"FAIL: no cti binary at {CTI}")
        return 1
    env = Env()
    try:
        # K-0004 ended in 2025-Q1: kept through Q2, flagged from 2025-07-01.
        rc, se, wrote = report(env, "2025-06-30", "2025-Q1")
        check("report: Q1's last line kept until the end of Q2", rc == 0 and wrote and flagged(se) == [], se)
        rc, se, wrote = report(env, "2025-07-01", "2025-Q2")
        check("report: flagged from the first day of Q3, report still written",
              rc == 0 and wrote and flagged(se) == ["K-0004"], se)
        check("report: the exact warning",
              "cpr.yaml:7:1: warning: K-0004 ended in 2025-Q1; its key line can be deleted "
              "(cpr_opbevaring_kvartaler: 1) [cpr-retention]" in se, se)
        # The Q2 ends are due on 2025-10-01, except for a report that still lists them.
        rc, se, wrote = report(env, "2025-09-30", "2025-Q3")
        check("report: Q2 ends quiet on 2025-09-30", rc == 0 and wrote and flagged(se) == ["K-0004"], se)
        rc, se, wrote = report(env, "2025-10-01", "2025-Q3")
        check("report: Q2 ends flagged on 2025-10-01",
              rc == 0 and wrote and flagged(se) == ["K-0003", "K-0004", "K-0007", "K-0008"], se)
        rc, se, wrote = report(env, "2025-10-01", "2025-Q2")
        check("report: the forløb of the report being written are not flagged",
              rc == 0 and wrote and flagged(se) == ["K-0004"], se)

        # validate: warnings only, exit 0 (the repository has no errors).
        rc, so, se = env.run("2025-10-01", "validate")
        check("validate: flags every due line", rc == 0 and flagged(so) == ["K-0003", "K-0004", "K-0007", "K-0008"],
              so + se)
        check("validate: the file is the key file", "cpr.yaml:6:1: warning: K-0003 ended in 2025-Q2" in so, so)
        rc, so, se = env.run("2025-10-01", "validate", "--strict")
        check("validate --strict fails on the warnings", rc == 1, so + se)
        rc, so, se = env.run("2025-10-01", "validate", "--format", "json")
        check("validate json names the rule", rc == 0 and so.count('"rule": "cpr-retention"') == 4, so)
        rc, so, se = env.run("2025-10-01", "--lang", "da", "validate")
        check("validate in Danish",
              "K-0003 sluttede i 2025-Q2; dets linje i nøglefilen kan slettes (cpr_opbevaring_kvartaler: 1)" in so,
              so)
        rc, so, se = env.run("2025-09-30", "validate")
        check("validate: one line on 2025-09-30", rc == 0 and flagged(so) == ["K-0004"], so + se)
        rc, so, se = env.run("2025-10-01", "validate", "--list-rules")
        check("validate --list-rules lists it", rc == 0 and re.search(r"^cpr-retention\s+warning ", so, re.M), so)
    finally:
        env.close()

    env = Env(keys=False)
    try:
        rc, so, se = env.run("2025-10-01", "validate")
        check("validate without a key file: no warning, no failure", rc == 0 and "cpr-retention" not in so, so + se)
    finally:
        env.close()

    env = Env(keep=2)
    try:
        rc, so, se = env.run("2025-12-31", "validate")
        check("N = 2: K-0004 (Q1) due 2025-10-01, Q2 ends not yet", rc == 0 and flagged(so) == ["K-0004"], so + se)
        check("N = 2 is named", "(cpr_opbevaring_kvartaler: 2)" in so, so)
        rc, so, se = env.run("2026-01-01", "validate")
        check("N = 2: Q2 ends due 2026-01-01", flagged(so) == ["K-0003", "K-0004", "K-0007", "K-0008"], so)
    finally:
        env.close()

    env = Env(keep=0)
    try:
        rc, se, wrote = report(env, "2025-07-01", "2025-Q3")
        check("N = 0: Q2 ends due on Q3's first day",
              rc == 0 and wrote and flagged(se) == ["K-0003", "K-0004", "K-0007", "K-0008"], se)
    finally:
        env.close()

    for bad in ("-1", "1.5", "to", "[1]"):
        env = Env(keep=bad)
        try:
            rc, so, se = env.run("2025-10-01", "validate")
            check(f"cpr_opbevaring_kvartaler: {bad} is an error", rc == 1 and re.search(
                r"cti\.yaml:\d+:\d+: error: .*cpr_opbevaring_kvartaler.*\[(invalid-value|wrong-type)\]", so), so)
        finally:
            env.close()

    for f in failures:
        print("FAIL:", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
