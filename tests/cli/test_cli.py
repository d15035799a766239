#!/usr/bin/python3
"""The command line itself, `cti init` and `cti new`, end to end.

    /usr/bin/python3 tests/cli/test_cli.py     # needs $CTI, else build/cti

golden/cti.yaml.expected and golden/K-0001.yaml.expected are the templates
without their first line (the yaml-language-server schema path depends on the
install prefix; it is checked separately).
"""

import os
import shutil
import sys
import subprocess
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "lib"))
from e2e import CTI, check, failures  # noqa: E402

GOLDEN = os.path.join(HERE, "golden")
TODAY = "2026-11-23"


def run(args, cwd=None, lang="C.UTF-8"):
    e = dict(os.environ, NO_COLOR="1", LC_ALL=lang, LANG=lang)
    for k in ("CTI_TODAY", "CTI_CPR_FILE", "LC_MESSAGES"):
        e.pop(k, None)
    p = subprocess.run([CTI] + args, capture_output=True, env=e, cwd=cwd, timeout=60)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def expect(label, args, rc, stdout=None, stderr=None, cwd=None, lang="C.UTF-8"):
    got_rc, out, err = run(args, cwd, lang)
    detail = f"exit {got_rc} (want {rc})\nstdout: {out!r}\nstderr: {err!r}"
    ok = got_rc == rc and (stdout is None or out == stdout) and (stderr is None or err == stderr)
    if stderr is None and rc == 2:
        ok = ok and (err.startswith("cti: error: ") or err.startswith("cti: fejl: ")) and "Traceback" not in err
    check(label, ok, detail + (f"\nwant stderr: {stderr!r}" if stderr is not None else ""))
    return out, err


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def snapshot(top):
    """Every file and directory under top with its bytes and mtime (files only)."""
    snap = {}
    for d, dirs, files in os.walk(top):
        for name in dirs + files:
            p = os.path.join(d, name)
            st = os.lstat(p)
            data = open(p, "rb").read() if os.path.isfile(p) and not os.path.islink(p) else None
            # A directory's mtime may move (a temporary file made and removed); its entries may not.
            snap[os.path.relpath(p, top)] = (None if os.path.isdir(p) else st.st_mtime_ns, st.st_mode, data)
    return snap


# --- command-line mistakes -----------------------------------------------------------

def cli_errors(tmp):
    see = "; see 'cti --help'\n"
    expect("unknown command", ["bogus"], 2, "", "cti: error: unknown command 'bogus'" + see, tmp)
    expect("unknown command with a suggestion", ["statsu"], 2, "",
           "cti: error: unknown command 'statsu' (did you mean 'status'?)" + see, tmp)
    expect("unknown command after global options", ["--today", TODAY, "-C", tmp, "valdate"], 2, "",
           "cti: error: unknown command 'valdate' (did you mean 'validate'?)" + see, tmp)
    expect("unknown command in Danish (locale)", ["statsu"], 2, "",
           "cti: fejl: ukendt kommando 'statsu' (mente du 'status'?); se 'cti --help'\n", tmp, "da_DK.UTF-8")
    expect("unknown command in Danish (--lang)", ["--lang", "da", "repot"], 2, "",
           "cti: fejl: ukendt kommando 'repot' (mente du 'report'?); se 'cti --help'\n", tmp)
    expect("no command", [], 2, "", "cti: error: a command is required, e.g. 'cti status'" + see, tmp)
    expect("unknown global option", ["--frobnicate"], 2, "", "cti: error: unknown option '--frobnicate'" + see, tmp)
    expect("unknown option before a command", ["--frobnicate", "validate"], 2, "",
           "cti: error: unknown option '--frobnicate' for 'cti validate'; see 'cti validate --help'\n", tmp)
    expect("unknown option of a command", ["validate", "--frobnicate"], 2, "",
           "cti: error: unknown option '--frobnicate' for 'cti validate'; see 'cti validate --help'\n", tmp)
    expect("misspelt option of a command", ["validate", "--stagde"], 2, "",
           "cti: error: unknown option '--stagde' for 'cti validate' (did you mean '--staged'?); "
           "see 'cti validate --help'\n", tmp)
    expect("misspelt option with a value", ["new", "--subgrup=x"], 2, "",
           "cti: error: unknown option '--subgrup' for 'cti new' (did you mean '--subgroup'?); "
           "see 'cti new --help'\n", tmp)
    expect("global option without its value", ["-C"], 2, "", "cti: error: option '-C' needs a value" + see, tmp)
    expect("bad option value", ["validate", "--format", "xml"], 2, "", None, tmp)
    expect("option without its value", ["new", "--contact"], 2, "", None, tmp)
    expect("bad --lang", ["--lang", "fr", "validate"], 2, "", "cti: error: '--lang' takes one of da, en, not 'fr'" + see, tmp)
    expect("bad --color", ["--color", "sometimes", "validate"], 2, "", None, tmp)
    expect("hook without install", ["hook"], 2, "", None, tmp)
    expect("hook with a misspelt install", ["hook", "instal"], 2, "",
           "cti: error: unknown command 'instal' for 'cti hook' (did you mean 'install'?); see 'cti hook --help'\n", tmp)
    expect("misspelt option of hook install", ["hook", "install", "--forc"], 2, "",
           "cti: error: unknown option '--forc' for 'cti hook install' (did you mean '--force'?); "
           "see 'cti hook install --help'\n", tmp)
    out, _ = expect("--help", ["--help"], 0, None, "", tmp)
    check("--help lists the commands", all(c in out for c in ["init", "new", "status", "validate", "report", "hook"]),
          out)
    out, _ = expect("--version", ["--version"], 0, None, "", tmp)
    check("--version says cti", out.startswith("cti "), out)
    expect("validate --help", ["validate", "--help"], 0, None, "", tmp)


# --- cti init ------------------------------------------------------------------------

def init_tests(tmp):
    repo = os.path.join(tmp, "team")
    out, err = expect("init DIR", ["init", "team"], 0, "", None, tmp)
    check("init: a note on stderr", err.startswith("cti: created ") and "cti new" in err, err)
    text = read(os.path.join(repo, "cti.yaml"))
    first, rest = text.split("\n", 1)
    check("init: cti.yaml starts with the schema line",
          first.startswith("# yaml-language-server: $schema=") and first.endswith("/cti.schema.json"), first)
    check("init: cti.yaml is the commented template", rest == read(os.path.join(GOLDEN, "cti.yaml.expected")), rest)
    check("init: forloeb/ exists", os.path.isdir(os.path.join(repo, "forloeb")))
    check("init: .gitignore ignores cpr.yaml", read(os.path.join(repo, ".gitignore")) == "cpr.yaml\n")
    expect("init: the new repository validates clean", ["-C", repo, "validate", "--today", TODAY], 0, "")

    # A second init changes nothing at all.
    before = snapshot(tmp)
    expect("second init: refused", ["init", "team"], 2, "",
           f"cti: error: {os.path.join(repo, 'cti.yaml')} already exists; nothing was changed\n", tmp)
    expect("second init from inside: refused", ["init"], 2, "", None, repo)
    check("second init: no file changed", snapshot(tmp) == before)

    # init in an existing directory keeps what is there and adds to .gitignore once.
    other = os.path.join(tmp, "existing")
    os.makedirs(other)
    with open(os.path.join(other, ".gitignore"), "w") as f:
        f.write("*.tmp")
    with open(os.path.join(other, "README"), "w") as f:
        f.write("ours\n")
    expect("init in an existing directory", ["init"], 0, "", None, other)
    check("init: .gitignore extended, not replaced", read(os.path.join(other, ".gitignore")) == "*.tmp\ncpr.yaml\n")
    check("init: other files untouched", read(os.path.join(other, "README")) == "ours\n")

    third = os.path.join(tmp, "ignored")
    os.makedirs(third)
    with open(os.path.join(third, ".gitignore"), "w") as f:
        f.write("/cpr.yaml\nbuild/\n")
    expect("init with cpr.yaml already ignored", ["-C", third, "init"], 0, "")
    check("init: .gitignore left as it was", read(os.path.join(third, ".gitignore")) == "/cpr.yaml\nbuild/\n")
    return repo


# --- cti new -------------------------------------------------------------------------

def new_tests(tmp, repo):
    # The template has one placeholder worker and two delmålgrupper.
    expect("new: which delmålgruppe?", ["-C", repo, "new", "--today", TODAY], 2, "",
           "cti: fejl: vælg delmålgruppe med --subgroup (egen-kommune, anden-kommune)\n")  # the template: sprog: da
    check("new: nothing written on an error", os.listdir(os.path.join(repo, "forloeb")) in ([], [".gitkeep"]))
    cfg = os.path.join(repo, "cti.yaml")
    with open(cfg, encoding="utf-8") as f:
        text = f.read().replace("medarbejder1", "mette")
    text = text.replace('    årsværk: 1.0                # fuldtid = 1.0, halvtid = 0.5\n',
                        '    årsværk: 1.0                # fuldtid = 1.0, halvtid = 0.5\n  - id: jonas\n')
    with open(cfg, "w", encoding="utf-8") as f:
        f.write(text)

    expect("new: which medarbejder?", ["-C", repo, "new", "--today", TODAY, "--subgroup", "egen-kommune"], 2, "",
           "cti: fejl: vælg medarbejder med --worker (mette, jonas)\n")  # cti.yaml says sprog: da
    expect("new: the first id", ["-C", repo, "--lang", "en", "new", "--today", TODAY, "--worker", "mette",
                                 "--subgroup", "egen-kommune"], 0, "forloeb/K-0001.yaml\n", "", cwd=repo)
    text = read(os.path.join(repo, "forloeb", "K-0001.yaml"))
    first, rest = text.split("\n", 1)
    check("new: schema line", first.startswith("# yaml-language-server: $schema=")
          and first.endswith("/forloeb.schema.json"), first)
    check("new: the commented template", rest == read(os.path.join(GOLDEN, "K-0001.yaml.expected")), rest)
    expect("new: the new file validates clean", ["-C", repo, "validate", "--today", TODAY], 0, "")

    expect("new: --medarbejder, --kontakt, next id", ["-C", repo, "new", "--today", TODAY, "--medarbejder", "jonas",
                                                      "--subgroup", "anden-kommune", "--kontakt", "2026-11-02"],
           0, "forloeb/K-0002.yaml\n", "", cwd=repo)
    text = read(os.path.join(repo, "forloeb", "K-0002.yaml"))
    check("new: the values are in the file", "id: K-0002\nmedarbejder: jonas\ndelmålgruppe: anden-kommune\n"
          "kontakt: 2026-11-02 " in text, text)
    expect("new: CTI_TODAY is the default kontakt", ["-C", repo, "new", "--worker", "mette", "--subgroup",
                                                     "egen-kommune", "--today", "2026-01-31"],
           0, "forloeb/K-0003.yaml\n", "", cwd=repo)
    check("new: kontakt is --today", "kontakt: 2026-01-31 " in read(os.path.join(repo, "forloeb", "K-0003.yaml")))

    # The next free id follows the highest number in use, file names and ids alike.
    for name, body in [("K-0041.yaml", "id: K-0041\n"), ("K-0007.yaml", "this: [is broken\n")]:
        with open(os.path.join(repo, "forloeb", name), "w") as f:
            f.write(body)
    args = ["-C", repo, "new", "--today", TODAY, "--worker", "mette", "--subgroup", "egen-kommune"]
    expect("new: after the highest number", args, 0, "forloeb/K-0042.yaml\n", "", cwd=repo)
    with open(os.path.join(repo, "forloeb", "K-12345.yaml"), "w") as f:
        f.write("id: K-12345\n")
    expect("new: wider numbers keep their width", args, 0, "forloeb/K-12346.yaml\n", "", cwd=repo)

    # Never overwrite: a dangling symlink where the new file would go stays as it is.
    os.symlink(os.path.join(tmp, "elsewhere.yaml"), os.path.join(repo, "forloeb", "K-12347.yaml"))
    before = snapshot(repo)
    expect("new: never overwrites", args, 2, "", None)
    check("new: nothing changed, nothing created through the link",
          snapshot(repo) == before and not os.path.exists(os.path.join(tmp, "elsewhere.yaml")))
    os.remove(os.path.join(repo, "forloeb", "K-12347.yaml"))

    # Mistakes in the options change nothing.
    before = snapshot(repo)
    expect("new: unknown worker with a suggestion", args[:-4] + ["--worker", "mete", "--subgroup", "egen-kommune"], 2,
           "", "cti: fejl: medarbejder 'mete' findes ikke i cti.yaml (mente du 'mette'?)\n")
    expect("new: unknown delmålgruppe", ["--lang", "en"] + args[:-2] + ["--subgroup", "egen"], 2, "",
           "cti: error: delmålgruppe 'egen' is not in cti.yaml\n")
    expect("new: impossible --contact", ["--lang", "en"] + args + ["--contact", "2026-02-30"], 2, "",
           "cti: error: --contact must be a date YYYY-MM-DD, not '2026-02-30'\n")
    expect("new: impossible --today", ["--lang", "en", "-C", repo, "new", "--today", "2026-13-01"], 2, "", None)
    check("new: the mistakes changed nothing", snapshot(repo) == before)
    expect("new: outside a repository", ["new", "--today", TODAY], 2, "", None, tmp)

    # Another prefix from cti.yaml.
    with open(cfg, encoding="utf-8") as f:
        text = f.read().replace("id_præfiks: K-", "id_præfiks: AAR-")
    with open(cfg, "w", encoding="utf-8") as f:
        f.write(text)
    expect("new: id_præfiks from cti.yaml", args, 0, "forloeb/AAR-0001.yaml\n", "", cwd=repo)


def main():
    if not os.access(CTI, os.X_OK):
        print(f"FAIL: no cti binary at {CTI}")
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        cli_errors(tmp)
        repo = init_tests(tmp)
        new_tests(tmp, repo)
    print(f"{len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
