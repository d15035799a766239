#!/usr/bin/python3
"""[cpr-leak] on parsed values, UTF-16 files and invalid UTF-8; the allowlist and a
false-positive corpus (SPEC section 8).

    /usr/bin/python3 tests/privacy/test_cpr_scan.py

Every number here is made up; the corpus numbers are the shapes that look like CPR
numbers without being one (a P-number, a date-based journal number, a Unix timestamp,
an ISBN-10, a bank account number).
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

BASE = os.path.join(ROOT, "tests", "bad", "base")
CPR = "2411354312"  # made up
CORPUS = {
    "P-nummer": "1003388394",
    "journalnummer": "250312-0042",
    "tidsstempel": "1712345678",
    "ISBN-10": "0306406152",
    "kontonummer": "1507891234",
}


def env():
    e = dict(os.environ, NO_COLOR="1", LC_ALL="C.UTF-8", LANG="C.UTF-8", CTI_TODAY="2026-11-23",
             GIT_CONFIG_NOSYSTEM="1", HOME="/nonexistent")
    for k in ("CTI_CPR_FILE", "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"):
        e.pop(k, None)
    return e


def cti(repo, *args):
    p = subprocess.run([CTI, "--lang", "en", *args], capture_output=True, env=env(), cwd=repo, timeout=120)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def git(repo, *args):
    subprocess.run(["git", *args], cwd=repo, env=env(), capture_output=True, check=True)


def new_repo(tmp, name):
    repo = os.path.join(tmp, name)
    shutil.copytree(BASE, repo)
    git(repo, "init", "-q", "-b", "main")
    return repo


def put(repo, rel, data, add=True):
    path = os.path.join(repo, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))
    if add:
        git(repo, "add", "--", rel)


def leaks(repo, *extra):
    rc, out, err = cti(repo, "validate", "--format", "json", *extra)
    try:
        ds = json.loads(out)["diagnostics"]
    except ValueError:
        return None, out + err
    return [(d["file"], d["line"]) for d in ds if d["rule"] == "cpr-leak"], out + err


def allow(repo, entries):
    with open(os.path.join(BASE, "cti.yaml"), encoding="utf-8") as f:
        text = f.read()
    text += "cpr_tilladt:\n" + "".join(f"  - '{e}'\n" for e in entries)
    put(repo, "cti.yaml", text)


def main():
    tmp = tempfile.mkdtemp(prefix="cti-scan-")
    try:
        case = "id: K-0003\nmedarbejder: mette\ndelmålgruppe: egen-kommune\nkontakt: 2026-05-04\n"
        # Parsed values: escapes and a line continuation make digits the bytes do not show.
        esc = "".join(f"\\x{ord(c):02x}" for c in CPR)
        for label, value in (("\\x escapes", f'"{esc}"'),
                             ("\\u escapes", '"' + "".join(f"\\u00{ord(c):02x}" for c in CPR) + '"'),
                             ("a line continuation", f'"{CPR[:6]}\\\n  -{CPR[6:]}"'),
                             ("a continuation inside the digits", f'"{CPR[:4]}\\\n    {CPR[4:]}"')):
            repo = new_repo(tmp, "esc" + str(abs(hash(label))))
            put(repo, "forloeb/K-0003.yaml", case + f"noter: {value}\n")
            found, text = leaks(repo)
            check(f"[cpr-leak] for {label}", found == [("forloeb/K-0003.yaml", 5)], text)
            check(f"the digits are not echoed ({label})", CPR not in text and CPR[:6] + "-" not in text, text)
            put(repo, "noter.yaml", f"a: {value}\n")
            found, text = leaks(repo)
            check(f"[cpr-leak] for {label} in another tracked YAML file", ("noter.yaml", 1) in (found or []), text)
            # The comment clears it on the value's line.
            put(repo, "forloeb/K-0003.yaml", case + f"noter: {value}  # cti: ikke-cpr\n")
            put(repo, "noter.yaml", "x: 1\n")
            found, text = leaks(repo)
            check(f"'# cti: ikke-cpr' clears {label}", found == [], text)

        # A raw number is found once, not twice, when the value is plain.
        repo = new_repo(tmp, "plain")
        put(repo, "forloeb/K-0003.yaml", case + f'noter: "a {CPR} \\t b"\n')
        found, text = leaks(repo)
        check("a number the bytes show is reported once", found == [("forloeb/K-0003.yaml", 5)], text)

        # UTF-16 text files are decoded, not skipped as binary.
        text = f"navn;cpr\r\nA;{CPR[:6]}-{CPR[6:]}\r\n"
        for label, data in (("UTF-16 LE with BOM", b"\xff\xfe" + text.encode("utf-16-le")),
                            ("UTF-16 BE with BOM", b"\xfe\xff" + text.encode("utf-16-be")),
                            ("UTF-16 LE without BOM", text.encode("utf-16-le"))):
            repo = new_repo(tmp, "u16" + label.replace(" ", ""))
            put(repo, "eksport.csv", data)
            found, out = leaks(repo)
            check(f"[cpr-leak] in a {label} file", found == [("eksport.csv", 2)], out)
            rc, out, err = cti(repo, "validate", "--staged")
            check(f"--staged finds it too ({label})", rc == 1 and "eksport.csv:2:" in out, out + err)
        repo = new_repo(tmp, "png")
        put(repo, "logo.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" + CPR.encode() + b"\0" * 40)
        found, out = leaks(repo)
        check("a binary file is still skipped", found == [], out)

        # Invalid UTF-8 in any form is an [encoding] error.
        for label, bad in (("a surrogate", b"\xed\xa0\x80"), ("an overlong slash", b"\xc0\xaf"),
                           ("an overlong 3-byte form", b"\xe0\x80\xaf"), ("an overlong 4-byte form", b"\xf0\x80\x80\xaf"),
                           ("a code point above U+10FFFF", b"\xf4\x90\x80\x80"), ("F5", b"\xf5\x80\x80\x80")):
            repo = new_repo(tmp, "enc" + str(abs(hash(label))))
            put(repo, "forloeb/K-0003.yaml", case.encode() + b"noter: x" + bad + b"\n")
            rc, out, err = cti(repo, "validate", "--format", "json")
            try:
                ds = json.loads(out)["diagnostics"]
                ok = any(d["rule"] == "encoding" and d["file"] == "forloeb/K-0003.yaml" for d in ds)
            except ValueError:
                ok = False
            check(f"[encoding] for {label}", ok, out + err)

        # The false-positive corpus: each is reported, and each is cleared by cpr_tilladt
        # (exact, with or without the dash), by a re: pattern, or by the inline comment.
        repo = new_repo(tmp, "corpus")
        lines = "".join(f"{k};{v}\n" for k, v in CORPUS.items())
        put(repo, "bilag/numre.csv", lines)
        found, out = leaks(repo)
        check("every corpus number looks like a CPR number", found is not None and len(found) == len(CORPUS), out)
        allow(repo, CORPUS.values())
        found, out = leaks(repo)
        check("cpr_tilladt (exact strings) clears every corpus number", found == [], out)
        allow(repo, ["2503120042"])
        found, out = leaks(repo)
        check("an exact entry matches with or without the dash",
              found is not None and len(found) == len(CORPUS) - 1, out)
        allow(repo, [r"re:^P-nummer;\d{10}$", r"re:journalnummer;\d{6}-\d{4}", r"re:(tidsstempel|ISBN-10);\d+",
                     r"re:kontonummer;"])
        found, out = leaks(repo)
        check("re: patterns clear a number only when the match covers it", found == [("bilag/numre.csv", 5)], out)
        # The examples of cti-validate(1), word for word.
        put(repo, "bilag/eksempler.json", '{"p": "1003388394", "journalnr. 250312-0042": 1,\n'
            ' "timestamp": 1712345678, "isbn": "ISBN-10: 0306406152"}\n')
        with open(os.path.join(BASE, "cti.yaml"), encoding="utf-8") as f:
            put(repo, "cti.yaml", f.read() + "cpr_tilladt:\n"
                '  - "1003388394"\n'
                "  - 're:journal(nr)?\\.? ?\\d{6}-\\d{4}'\n"
                "  - 're:\"timestamp\": ?\\d{10}'\n"
                "  - 're:ISBN(-10)?:? ?\\d{9}[\\dX]'\n")
        found, out = leaks(repo)
        check("the man page's cpr_tilladt examples clear their numbers",
              found is not None and not [f for f in found if f[0] == "bilag/eksempler.json"], out)
        git(repo, "rm", "-q", "--cached", "bilag/eksempler.json")
        allow(repo, ["re:[unclosed"])
        rc, out, err = cti(repo, "validate")
        check("an invalid re: pattern is an [invalid-value] error", "cti.yaml:" in out and "[invalid-value]" in out,
              out + err)
        put(repo, "cti.yaml", open(os.path.join(BASE, "cti.yaml"), encoding="utf-8").read())
        put(repo, "bilag/numre.csv", "".join(f"{k};{v} # cti: ikke-cpr\n" for k, v in CORPUS.items()))
        found, out = leaks(repo)
        check("'# cti: ikke-cpr' clears each line", found == [], out)
        put(repo, "bilag/numre.csv", f"P-nummer;{CORPUS['P-nummer']} # cti: ikke-cpr\nborger;{CPR}\n")
        found, out = leaks(repo)
        check("the comment clears its own line only", found == [("bilag/numre.csv", 2)], out)
        # cpr_tilladt does not clear a real-looking number that is not listed.
        allow(repo, [CORPUS["P-nummer"]])
        found, out = leaks(repo)
        check("cpr_tilladt is an allowlist, not an off-switch", found == [("bilag/numre.csv", 2)], out)

        # Many numbers: one diagnostic per number up to a cap, then a count.
        repo = new_repo(tmp, "many")
        put(repo, "stor.csv", "".join(f"{CPR}\n" for _ in range(300)))
        found, out = leaks(repo)
        check("many numbers give capped findings and a count", found is not None and 40 <= len(found) <= 60
              and "250 more" in out, out[-500:])
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    if failures:
        print(f"{len(failures)} failure(s)")
        sys.exit(1)


if __name__ == "__main__":
    main()
