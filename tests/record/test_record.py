#!/usr/bin/python3
"""The recording commands (done, doc, start, end, contact) on a temporary copy of a small
repository: the bytes each writes, the one output line, refusals that leave the file
unchanged, ids given as a number, and --commit in a temporary git repository.

    /usr/bin/python3 tests/record/test_record.py     # needs $CTI, else build/cti
"""

import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "lib"))
from e2e import CTI, ROOT, check, failures  # noqa: E402

BASE = os.path.join(ROOT, "tests", "bad", "base")
TODAY = "2026-11-30"
CPR = "150385-4321"  # made up

# A forløb written on Windows: CRLF line endings and a UTF-8 BOM.
K7 = ("\ufeffid: K-0007\r\nmedarbejder: jonas   # aligned\r\ndelmålgruppe: egen-kommune\r\n"
      "kontakt: 2026-10-01\r\n\r\ntjekliste:\r\n  kontakt-etableret: 2026-10-01\r\n")


def env():
    e = dict(os.environ, NO_COLOR="1", LC_ALL="C.UTF-8", LANG="C.UTF-8", CTI_TODAY=TODAY,
             GIT_CONFIG_NOSYSTEM="1", HOME=os.environ.get("CTI_TEST_HOME", "/nonexistent"))
    for k in ("CTI_CPR_FILE", "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"):
        e.pop(k, None)
    return e


def run(args, cwd):
    p = subprocess.run(args, capture_output=True, env=env(), cwd=cwd, timeout=60)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def cti(repo, *args):
    return run([CTI, *args], repo)


def read(repo, rel):
    with open(os.path.join(repo, rel), "rb") as f:
        return f.read().decode("utf-8")


def write(repo, rel, text):
    with open(os.path.join(repo, rel), "wb") as f:
        f.write(text.encode("utf-8"))


def new_repo(tmp, name):
    repo = os.path.join(tmp, name)
    shutil.copytree(BASE, repo)
    write(repo, "forloeb/K-0007.yaml", K7)
    return repo


def unchanged_after(label, repo, rel, args, rc_want, err_has):
    before = read(repo, rel)
    rc, out, err = cti(repo, *args)
    check(f"{label}: exit {rc_want}", rc == rc_want, out + err)
    check(f"{label}: says why", err_has in err, err)
    check(f"{label}: nothing on stdout", out == "", out)
    check(f"{label}: file unchanged", read(repo, rel) == before)
    return err


def test_commands(tmp):
    repo = new_repo(tmp, "plain")
    k1 = "forloeb/K-0001.yaml"
    before = read(repo, k1)

    # done: one item at its place in checklist order (after kontaktaftale, before jobcenter).
    rc, out, err = cti(repo, "done", "1", "økonomi", "--date", "2026-09-15")
    check("done: exit 0", rc == 0, err)
    check("done: one line", out == "K-0001: økonomi registreret 2026-09-15\n", out)
    want = before.replace("  kontaktaftale: 2026-05-11\n", "  kontaktaftale: 2026-05-11\n  økonomi: 2026-09-15\n")
    check("done: only the new line is added", read(repo, k1) == want, read(repo, k1))

    rc, out, err = cti(repo, "done", "K-0001", "langsigtet-plan", "afdækning", "--not-relevant")
    check("done --not-relevant: exit 0", rc == 0, err)
    check("done --not-relevant: one line",
          out == "K-0001: langsigtet-plan, afdækning registreret som ikke relevant\n", out)
    want = want.replace("  økonomi: 2026-09-15\n", "  økonomi: 2026-09-15\n  afdækning: ikke relevant\n"
                        "  langsigtet-plan: ikke relevant\n")
    check("done --not-relevant: both lines in checklist order", read(repo, k1) == want, read(repo, k1))

    # The same value again is a no-op; another needs --force.
    rc, out, err = cti(repo, "done", "1", "orienteret", "--date", "2026-05-11")
    check("no-op: exit 0 and says so", rc == 0 and out == "K-0001: orienteret er allerede registreret 2026-05-11\n",
          out + err)
    check("no-op: file unchanged", read(repo, k1) == want)
    unchanged_after("different date", repo, k1, ["done", "1", "orienteret", "--date", "2026-05-12"], 2, "--force")
    rc, out, err = cti(repo, "done", "1", "orienteret", "--date", "2026-05-12", "--force")
    check("--force: replaced", rc == 0 and out == "K-0001: orienteret ændret fra 2026-05-11 til 2026-05-12\n",
          out + err)
    want = want.replace("  orienteret: 2026-05-11\n", "  orienteret: 2026-05-12\n")
    check("--force: only that value changed", read(repo, k1) == want, read(repo, k1))

    # Typos get a suggestion; nothing is written.
    unchanged_after("unknown item", repo, k1, ["done", "1", "okonomi"], 2, "(mente du 'økonomi'?)")
    unchanged_after("unknown point", repo, k1, ["doc", "1", "fase4"], 2, "mente du")
    unchanged_after("unknown id", repo, k1, ["done", "K-0010", "økonomi"], 2, "intet forløb 'K-0010'")

    # An edit that would add an error is refused, the file unchanged.
    err = unchanged_after("would not validate", repo, k1, ["done", "1", "evaluering", "--date", "2026-01-01"], 1,
                          "[date-order]")
    check("would not validate: names the file", "forloeb/K-0001.yaml" in err, err)
    err = unchanged_after("a CPR number in --reason", repo, k1,
                          ["end", "1", "--status", "afbrudt", "--reason", f"borger {CPR}"], 1, "[cpr-leak]")
    check("a CPR number in --reason: never printed", CPR not in err and CPR.replace("-", "") not in err, err)

    # doc: schedule order.
    rc, out, err = cti(repo, "doc", "1", "fase3", "--date", "2026-11-20")
    check("doc: one line", rc == 0 and out == "K-0001: dokumentation fase3 registreret 2026-11-20\n", out + err)
    want = want.replace("  fase2: 2026-09-01\n", "  fase2: 2026-09-01\n  fase3: 2026-11-20\n")
    check("doc: after fase2", read(repo, k1) == want, read(repo, k1))

    # end: the afslutning block goes before noter, with the reason quoted.
    rc, out, err = cti(repo, "end", "1", "--status", "afbrudt", "--reason", 'Ønskede "pause"', "--date", "2026-11-25")
    check("end: one line", rc == 0 and out == "K-0001: afslutning registreret 2026-11-25 (afbrudt)\n", out + err)
    want = want.replace("noter: |\n", 'afslutning:\n  dato: 2026-11-25\n  status: afbrudt\n'
                        '  årsag: "Ønskede \\"pause\\""\nnoter: |\n')
    check("end: the block before noter", read(repo, k1) == want, read(repo, k1))

    # A number as id, on a CRLF file with a BOM: both kept.
    rc, out, err = cti(repo, "done", "7", "orienteret", "--date", "2026-10-02")
    check("7 as id: K-0007", rc == 0 and out == "K-0007: orienteret registreret 2026-10-02\n", out + err)
    check("CRLF and BOM kept", read(repo, "forloeb/K-0007.yaml") == K7 + "  orienteret: 2026-10-02\r\n",
          repr(read(repo, "forloeb/K-0007.yaml")))

    # start on a file made by `cti new`: above the template's commented-out line.
    rc, out, err = cti(repo, "new", "--worker", "mette", "--subgroup", "egen-kommune", "--contact", "2026-11-02")
    check("new: K-0008", rc == 0 and out == "forloeb/K-0008.yaml\n", out + err)
    template = read(repo, "forloeb/K-0008.yaml")
    rc, out, err = cti(repo, "start", "8", "--date", "2026-11-16")
    check("start: one line", rc == 0 and out == "K-0008: opstart registreret 2026-11-16\n", out + err)
    check("start: above '# opstart:'", read(repo, "forloeb/K-0008.yaml") ==
          template.replace("\n# opstart:", "\nopstart: 2026-11-16\n# opstart:", 1), read(repo, "forloeb/K-0008.yaml"))

    rc, out, err = cti(repo, "--lang", "en", "doc", "8", "opstart", "--date", "2026-11-18")
    check("English: one line", rc == 0 and out == "K-0008: documentation opstart recorded 2026-11-18\n", out + err)
    rc, out, err = cti(repo, "validate")
    check("every edited file validates", rc == 0, out + err)


def loader_reads_kontakter(tmp):
    probe = new_repo(tmp, "probe")
    write(probe, "forloeb/K-0007.yaml", K7 + "kontakter:\r\n  - {dato: 2026-10-02, med: borger, sted: hjemme}\r\n")
    rc, out, err = cti(probe, "validate")
    return "unknown-key" not in out


def test_contact(tmp):
    repo = new_repo(tmp, "contact")
    k7 = "forloeb/K-0007.yaml"
    args = ["contact", "7", "--with", "netværk", "--where", "telefon", "--date", "2026-10-05"]
    if loader_reads_kontakter(tmp):
        rc, out, err = cti(repo, *args)
        check("contact: one line", rc == 0 and out == "K-0007: kontakt med netværk (telefon) registreret 2026-10-05\n",
              out + err)
        check("contact: the log created", read(repo, k7) ==
              K7 + "kontakter:\r\n  - {dato: 2026-10-05, med: netværk, sted: telefon}\r\n", repr(read(repo, k7)))
        rc, out, err = cti(repo, "contact", "7", "--date", "2026-10-03", "--where", "hjemme", "--status", "aflyst")
        check("contact: by date, status written", rc == 0 and read(repo, k7).endswith(
            "  - {dato: 2026-10-03, med: borger, sted: hjemme, status: aflyst}\r\n"
            "  - {dato: 2026-10-05, med: netværk, sted: telefon}\r\n"), repr(read(repo, k7)))
    else:
        # The loader does not know `kontakter` yet: the new key would be an error, so refused.
        unchanged_after("contact before the loader knows kontakter", repo, k7, args, 1, "[unknown-key]")
    unchanged_after("contact: unknown place", repo, k7, ["contact", "7", "--where", "telefn"], 2,
                    "(mente du 'telefon'?)")


def git(repo, *args):
    return run(["git", *args], repo)


def test_commit(tmp):
    repo = new_repo(tmp, "git")
    k1 = "forloeb/K-0001.yaml"
    unchanged_after("--commit outside git", repo, k1, ["done", "1", "økonomi", "--commit"], 2, "git")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "config", "user.name", "Test Bruger")
    git(repo, "config", "user.email", "test@example.org")
    git(repo, "config", "commit.gpgsign", "false")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "start")

    rc, out, err = cti(repo, "done", "1", "økonomi", "--date", "2026-09-15", "--commit")
    check("--commit: exit 0", rc == 0, out + err)
    check("--commit: one line", out == "K-0001: økonomi registreret 2026-09-15 (committet)\n", out)
    rc, log, _ = git(repo, "log", "-1", "--format=%s")
    check("--commit: message names the case and what", log == "K-0001: økonomi registreret 2026-09-15\n", log)
    rc, names, _ = git(repo, "show", "--name-only", "--format=", "HEAD")
    check("--commit: only that file", names == "forloeb/K-0001.yaml\n", names)
    rc, status, _ = git(repo, "status", "--porcelain", "--", k1)
    check("--commit: nothing left uncommitted", status == "", status)

    # Something else staged: refused before anything changes.
    write(repo, "forloeb/K-0002.yaml", read(repo, "forloeb/K-0002.yaml") + "noter: Afsluttet.\n")
    git(repo, "add", "forloeb/K-0002.yaml")
    unchanged_after("--commit with other staged changes", repo, k1, ["done", "1", "afdækning", "--commit"], 2,
                    "git restore --staged")
    rc, log, _ = git(repo, "log", "--format=%s")
    check("--commit refused: no new commit", log == "K-0001: økonomi registreret 2026-09-15\nstart\n", log)


def main():
    if not os.access(CTI, os.X_OK):
        print(f"FAIL: no cti binary at {CTI}")
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        test_commands(tmp)
        test_contact(tmp)
        test_commit(tmp)
    if failures:
        print(f"{len(failures)} failed")
        return 1
    print("all passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
