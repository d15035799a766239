"""Shell completion: `cti completion bash|zsh|fish` and the hidden `cti __complete`.

    CTI=build/cti python3 -m pytest -c tests/pytest.ini tests/completion

1. bash (always): the script from `cti completion bash` is sourced, `complete -p cti`
   names its function, and for a set of command lines (COMP_WORDS, COMP_CWORD) the
   function fills COMPREPLY with exactly the expected words: commands, sub-commands,
   options, IsMember values, and worker ids, case ids and delmålgrupper read from the
   demo repository given with -C (compared with the repository itself).
2. `cti __complete workers|ids|items|subgroups` prints the repository's values; items
   include a custom item of cti.yaml's tjeklister.tilføj.
3. zsh and fish, when installed (.ci/run installs both): the scripts parse (`zsh -n`,
   `fish -n`); zsh registers _cti for cti after compinit; fish completes the same
   command lines as bash (`complete -C`). Skipped when the shell is missing.
4. The scripts built and installed by CMake (build/completions/) are the ones the binary
   prints now (skipped for a script that was not built).

cti runs without --lang and NO_COLOR, with CTI_TODAY pinned and its directory first on
PATH (the shells call it as `cti`).
"""

import os
import re
import shutil
import subprocess

import pytest
from conftest import CTI, DEMO, ROOT, clean_env, run_cti

ENV = {"CTI_TODAY": "2026-11-23", "NO_COLOR": None,
       "PATH": os.path.dirname(CTI) + os.pathsep + os.environ.get("PATH", "")}
ZSH = shutil.which("zsh")
FISH = shutil.which("fish")


def cti(*args):
    return run_cti(*args, lang=None, env=ENV)


def shell(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, text=True, env=clean_env(ENV), timeout=60, **kw)


def script(name):
    r = cti("completion", name)
    assert r.rc == 0, r
    return r.text


def shquote(s):
    return "'" + re.sub(r"(['\\])", r"\\\1", s) + "'"


# --- cti __complete ----------------------------------------------------------------------

KINDS = ["workers", "ids", "subgroups", "items", "areas", "roles"]


@pytest.mark.parametrize("kind", KINDS)
def test_complete_exits_0(kind):
    r = cti("-C", DEMO, "__complete", kind)
    assert r.rc == 0, r


@pytest.fixture(scope="module")
def values():
    """kind -> the values `cti -C examples/demo __complete KIND` prints."""
    return {kind: cti("-C", DEMO, "__complete", kind).text.split("\n")[:-1] for kind in KINDS}


def test_complete_workers_are_the_demos(values):
    assert values["workers"] == ["birte", "kasper", "lise"], values["workers"]


def test_complete_ids_one_per_forloeb_file(values):
    files = sorted(f[:-5] for f in os.listdir(os.path.join(DEMO, "forloeb")) if f.endswith(".yaml"))
    assert sorted(values["ids"]) == files and len(values["ids"]) > 10, values["ids"]


def test_complete_subgroups_are_the_demos(values):
    assert "egen-kommune" in values["subgroups"], values["subgroups"]


def test_complete_items_are_the_built_in_items(values):
    assert "kontakt-etableret" in values["items"] and "overdragelsesmøder" in values["items"], values["items"]


def test_complete_areas_are_the_methods(values):
    assert values["areas"][:2] == ["bolig", "økonomi"] and "uddannelse-og-arbejde" in values["areas"], values["areas"]


def test_complete_roles_are_the_methods(values):
    assert values["roles"][:2] == ["sagsbehandler", "bostøtte"] and "andet" in values["roles"], values["roles"]


def test_complete_items_has_a_custom_item(tmp_path):
    """A programme's own item (tjeklister.tilføj) is completed too."""
    (tmp_path / "cti.yaml").write_text(
        "projekt: P\ndelmålgrupper: [a]\nmedarbejdere:\n  - id: m\ntjeklister:\n  tilføj:\n"
        "    fase2:\n      - id: bolig-besøg\n        tekst: Besøg i boligen\n", encoding="utf-8")
    (tmp_path / "forloeb").mkdir()
    r = cti("-C", tmp_path, "__complete", "items")
    assert "bolig-besøg" in r.text.split(), r


def test_complete_outside_a_repository():
    r = cti("-C", "/", "__complete", "ids")
    assert r.rc == 2 and r.text == "", r


def test_complete_is_hidden_from_help():
    r = cti("--help")
    assert "__complete" not in r.text and "completion" in r.text, r


@pytest.mark.parametrize("name", ["bash",
                                  pytest.param("zsh", marks=pytest.mark.skipif(not ZSH, reason="no zsh")),
                                  pytest.param("fish", marks=pytest.mark.skipif(not FISH, reason="no fish"))])
def test_completion_script_exits_0(name):
    script(name)


# --- bash ----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def bash_script(tmp_path_factory):
    path = tmp_path_factory.mktemp("completion") / "cti.bash"
    path.write_text(script("bash"), encoding="utf-8")
    return str(path)


def bash_complete(path, words):
    """(exit code, `complete -p cti`, COMPREPLY sorted) for the command line `words` (the last
    one is being typed)."""
    arr = " ".join("'" + w.replace("'", "'\\''") + "'" for w in words)
    prog = (f"source '{path}'\ncomplete -p cti\nCOMP_WORDS=({arr})\nCOMP_CWORD={len(words) - 1}\n"
            "COMP_LINE=\"${COMP_WORDS[*]}\"\n_cti\nprintf '%s\\n' \"${COMPREPLY[@]}\"\n")
    p = shell(["bash", "--norc", "--noprofile", "-c", prog], cwd=ROOT)
    lines = p.stdout.split("\n")
    return p.returncode, lines[0], sorted(x for x in lines[1:] if x)


def wanted(want, values):
    """The expected words: a list, or the demo's values of a kind ("ids:K-000": those starting so)."""
    if isinstance(want, list):
        return want
    kind, _, prefix = want.partition(":")
    return sorted(v for v in values[kind] if v.startswith(prefix))


IN_DEMO = ["cti", "-C", DEMO]
CASES = [
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
    (IN_DEMO + ["status", "--worker", ""], "workers"),
    (IN_DEMO + ["caseload", "--medarbejder", "k"], ["kasper"]),
    (IN_DEMO + ["new", "--subgroup", ""], "subgroups"),
    (IN_DEMO + ["show", ""], "ids"),
    (IN_DEMO + ["show", "K-000"], "ids:K-000"),
    (IN_DEMO + ["show", "K-0001", ""], []),
    (IN_DEMO + ["plan", "K-0001", "fase1", ""], "areas"),
    (IN_DEMO + ["goal", "K-0001", ""], "areas"),
    (IN_DEMO + ["assign", "K-0001", "l"], ["lise"]),
    (["cti", "peer", "7", "m"], ["matched"]),
    (["cti", "set", "7", ""], ["anchored-role", "indflytning", "kontakt"]),
    (IN_DEMO + ["set", "K-0001", "anchored-role", "s"], ["sagsbehandler", "støttekontakt"]),
    (["cti", "status", "--today", "2026-11-23", "--w"], ["--worker"]),
]
CASE_IDS = [repr(" ".join(w[1:]).replace(DEMO, "DEMO")) + "|" for w, _ in CASES]


@pytest.mark.parametrize("words, want", CASES, ids=CASE_IDS)
def test_bash(bash_script, values, words, want):
    rc, _, got = bash_complete(bash_script, words)
    assert rc == 0 and got == wanted(want, values), f"got {got}, want {wanted(want, values)}"


def test_bash_complete_p_names_cti(bash_script):
    _, spec, _ = bash_complete(bash_script, CASES[-1][0])
    assert spec == "complete -F _cti cti", spec


def test_bash_a_value_of_c_is_not_a_command(bash_script):
    _, _, got = bash_complete(bash_script, ["cti", "-C", "examples/", "st"])
    assert got == ["start", "status"], got


def test_bash_init_dir_completes_directories(bash_script):
    _, _, got = bash_complete(bash_script, ["cti", "init", "exam"])
    assert got == ["examples"], got


# --- zsh and fish, when installed ----------------------------------------------------------

@pytest.mark.skipif(not ZSH, reason="zsh is not installed")
def test_zsh_parses_the_script():
    p = shell([ZSH, "-n"], input=script("zsh"))
    assert p.returncode == 0, p.stderr


@pytest.mark.skipif(not ZSH, reason="zsh is not installed")
def test_zsh_compdef_registers_cti(tmp_path):
    path = tmp_path / "cti.zsh"
    path.write_text(script("zsh"), encoding="utf-8")
    p = shell([ZSH, "-f", "-c", f"autoload -U compinit; compinit -u -D; source {path}; print -r -- $_comps[cti]"])
    assert p.stdout.strip() == "_cti", p.stdout + p.stderr


@pytest.mark.skipif(not FISH, reason="fish is not installed")
def test_fish_parses_the_script():
    p = shell([FISH, "-n"], input=script("fish"))
    assert p.returncode == 0, p.stderr


@pytest.fixture(scope="module")
def fish_script(tmp_path_factory):
    path = tmp_path_factory.mktemp("completion") / "cti.fish"
    path.write_text(script("fish"), encoding="utf-8")
    return str(path)


# bash's word splitting at '=' (fish sees --format=) and the hidden __ have no fish case.
FISH_CASES = [(w, want) for w, want in CASES if "__" not in w and "=" not in w]


@pytest.mark.skipif(not FISH, reason="fish is not installed")
@pytest.mark.parametrize("words, want", FISH_CASES, ids=[CASE_IDS[CASES.index(c)] for c in FISH_CASES])
def test_fish(fish_script, values, words, want):
    line = " ".join(words[:-1]).replace(CTI, "cti") + " " + words[-1]
    p = shell([FISH, "--no-config", "-c", f"source {fish_script}; complete -C {shquote(line)}"], cwd=ROOT)
    got = sorted(x.split("\t")[0] for x in p.stdout.split("\n") if x)
    assert got == wanted(want, values), f"got {got}, want {wanted(want, values)}\n{p.stderr}"


# --- the scripts CMake built ---------------------------------------------------------------

@pytest.mark.parametrize("name, file", [("bash", "cti"), ("zsh", "_cti"), ("fish", "cti.fish")])
def test_built_script_is_what_cti_prints_now(name, file):
    path = os.path.join(os.path.dirname(CTI), "completions", name, file)
    if not os.path.exists(path):
        pytest.skip(f"{path} was not built")
    with open(path, encoding="utf-8") as f:
        assert f.read() == script(name), f"build/completions/{name}/{file} is not what cti prints now"
