#!/usr/bin/python3
"""Shell completion: `cti completion bash|zsh|fish` and the hidden `cti __complete`.

    /usr/bin/python3 tests/completion/test_completion.py

1. bash (always): the script from `cti completion bash` is sourced, `complete -p cti`
   names its function, and for a set of command lines (COMP_WORDS, COMP_CWORD) the
   function fills COMPREPLY with exactly the expected words: commands, sub-commands,
   options, IsMember values, and worker ids, case ids and delmålgrupper read from the
   demo repository given with -C (compared with the repository itself).
2. `cti __complete workers|ids|items|subgroups` prints the repository's values; items
   include a custom item of cti.yaml's tjeklister.tilføj.
3. zsh and fish, when installed (.ci/run installs both): the scripts parse (`zsh -n`,
   `fish -n`); zsh registers _cti for cti after compinit; fish completes the same
   command lines as bash (`complete -C`).
4. The scripts built and installed by CMake (build/completions/) are the ones the binary
   prints now.
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from e2e import ROOT, CTI, check, failures  # noqa: E402

DEMO = os.path.join(ROOT, "examples", "demo")
ENV = dict(os.environ, LC_ALL="C.UTF-8", LANG="C.UTF-8", CTI_TODAY="2026-11-23")
ENV["PATH"] = os.path.dirname(CTI) + os.pathsep + ENV.get("PATH", "")


def run(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, text=True, env=ENV, **kw)


def script(shell):
    p = run([CTI, "completion", shell])
    check(f"cti completion {shell} exits 0", p.returncode == 0, p.stderr)
    return p.stdout


def demo_values(kind):
    p = run([CTI, "-C", DEMO, "__complete", kind])
    check(f"__complete {kind} exits 0", p.returncode == 0, p.stderr)
    return p.stdout.split("\n")[:-1]


def bash_complete(bash_script, words):
    """COMPREPLY for the command line `words` (the last one is being typed)."""
    with tempfile.NamedTemporaryFile("w", suffix=".bash", delete=False) as f:
        f.write(bash_script)
        path = f.name
    try:
        arr = " ".join("'" + w.replace("'", "'\\''") + "'" for w in words)
        prog = (f"source '{path}'\ncomplete -p cti\nCOMP_WORDS=({arr})\nCOMP_CWORD={len(words) - 1}\n"
                "COMP_LINE=\"${COMP_WORDS[*]}\"\n_cti\nprintf '%s\\n' \"${COMPREPLY[@]}\"\n")
        p = run(["bash", "--norc", "--noprofile", "-c", prog], cwd=ROOT)
    finally:
        os.unlink(path)
    lines = p.stdout.split("\n")
    return p.returncode, lines[0], sorted(x for x in lines[1:] if x)


def main():
    if not os.path.exists(CTI):
        check(f"the binary {CTI} exists", False)
        return 1
    workers = demo_values("workers")
    ids = demo_values("ids")
    subgroups = demo_values("subgroups")
    items = demo_values("items")
    check("__complete workers: the demo's medarbejdere", workers == ["birte", "kasper", "lise"], workers)
    files = sorted(f[:-5] for f in os.listdir(os.path.join(DEMO, "forloeb")) if f.endswith(".yaml"))
    check("__complete ids: one per forløb file of the demo", sorted(ids) == files and len(ids) > 10, ids)
    check("__complete subgroups: the demo's delmålgrupper", "egen-kommune" in subgroups, subgroups)
    check("__complete items: built-in items", "kontakt-etableret" in items and "overdragelsesmøder" in items, items)

    # A programme's own item (tjeklister.tilføj) is completed too.
    import tempfile
    with tempfile.TemporaryDirectory() as tmp:
        with open(os.path.join(tmp, "cti.yaml"), "w", encoding="utf-8") as f:
            f.write("projekt: P\ndelmålgrupper: [a]\nmedarbejdere:\n  - id: m\ntjeklister:\n  tilføj:\n"
                    "    fase2:\n      - id: bolig-besøg\n        tekst: Besøg i boligen\n")
        os.mkdir(os.path.join(tmp, "forloeb"))
        p = run([CTI, "-C", tmp, "__complete", "items"])
        check("__complete items: a custom item (tjeklister.tilføj)", "bolig-besøg" in p.stdout.split(), p.stdout)
    p = run([CTI, "-C", "/", "__complete", "ids"])
    check("__complete outside a repository: no values, exit 2", p.returncode == 2 and p.stdout == "", p.stdout)
    p = run([CTI, "--help"])
    check("__complete is hidden from --help", "__complete" not in p.stdout and "completion" in p.stdout, p.stdout)

    bash = script("bash")
    demo = ["cti", "-C", DEMO]
    cases = [
        (["cti", "st"], ["start", "status"]),
        (["cti", "c"], ["calendar", "caseload", "completion", "contact"]),
        (["cti", "__"], []),
        (["cti", "hook", ""], ["install"]),
        (["cti", "hook", "install", "--f"], ["--force"]),
        (["cti", "status", "--fo"], ["--format"]),
        (["cti", "status", "--format", ""], ["csv", "json", "table"]),
        (["cti", "status", "--format", "=", ""], ["csv", "json", "table"]),
        (["cti", "validate", "--format", "j"], ["json"]),
        (["cti", "--lang", ""], ["da", "en"]),
        (["cti", "status", "--color", "n"], ["never"]),
        (["cti", "completion", ""], ["bash", "fish", "zsh"]),
        (demo + ["status", "--worker", ""], workers),
        (demo + ["caseload", "--medarbejder", "k"], ["kasper"]),
        (demo + ["new", "--subgroup", ""], sorted(subgroups)),
        (demo + ["show", ""], sorted(ids)),
        (demo + ["show", "K-000"], sorted(i for i in ids if i.startswith("K-000"))),
        (demo + ["show", "K-0001", ""], []),
        (["cti", "status", "--today", "2026-11-23", "--w"], ["--worker"]),
    ]
    for words, want in cases:
        rc, spec, got = bash_complete(bash, words)
        check(f"bash: {' '.join(words[1:])!r}|", rc == 0 and got == want, f"got {got}, want {want}")
    check("bash: complete -p cti names _cti", spec == "complete -F _cti cti", spec)
    rc, _, got = bash_complete(bash, ["cti", "-C", "examples/", "st"])
    check("bash: a value of -C is not a command", got == ["start", "status"], got)
    rc, _, got = bash_complete(bash, ["cti", "init", "exam"])
    check("bash: init DIR completes directories", got == ["examples"], got)

    zsh = shutil.which("zsh")
    if zsh:
        text = script("zsh")
        p = run([zsh, "-n"], input=text)
        check("zsh -n parses the zsh script", p.returncode == 0, p.stderr)
        with tempfile.NamedTemporaryFile("w", suffix=".zsh", delete=False) as f:
            f.write(text)
        p = run([zsh, "-f", "-c", f"autoload -U compinit; compinit -u -D; source {f.name}; print -r -- $_comps[cti]"])
        os.unlink(f.name)
        check("zsh: compdef registers _cti for cti", p.stdout.strip() == "_cti", p.stdout + p.stderr)
    else:
        print("note: zsh is not installed; zsh script not checked")

    fish = shutil.which("fish")
    if fish:
        text = script("fish")
        p = run([fish, "-n"], input=text)
        check("fish -n parses the fish script", p.returncode == 0, p.stderr)
        with tempfile.NamedTemporaryFile("w", suffix=".fish", delete=False) as f:
            f.write(text)
        for words, want in cases:
            if "__" in words or "=" in words:
                continue  # bash's word splitting at '='; fish sees --format=
            line = " ".join(words[:-1]).replace(CTI, "cti") + " " + words[-1]
            p = run([fish, "--no-config", "-c", f"source {f.name}; complete -C {shquote(line)}"], cwd=ROOT)
            got = sorted(x.split("\t")[0] for x in p.stdout.split("\n") if x)
            check(f"fish: {line!r}", got == want, f"got {got}, want {want}\n{p.stderr}")
        os.unlink(f.name)
    else:
        print("note: fish is not installed; fish script not checked")

    built = os.path.join(os.path.dirname(os.path.dirname(CTI)), "completions")
    for shell, name in (("bash", "cti"), ("zsh", "_cti"), ("fish", "cti.fish")):
        path = os.path.join(built, shell, name)
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                check(f"build/completions/{shell}/{name} is what cti prints now", f.read() == script(shell))
    print(f"{len(failures)} failure(s)")
    return 1 if failures else 0


def shquote(s):
    return "'" + re.sub(r"(['\\])", r"\\\1", s) + "'"


if __name__ == "__main__":
    sys.exit(main())
