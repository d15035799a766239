"""Lint every man page in man/ with the two formatters a user's `man` runs.

    CTI=build/cti python3 -m pytest -c tests/pytest.ini tests/man

For each man/*.1 (and man/*.5, man/*.7 if there are any):

1. `mandoc -Tlint -W style` prints nothing: no error, no warning, not even a style
   note (a missing .TH date, an input line over 80 bytes, a trailing space, ...).
2. `preconv PAGE | groff -man -ww -z` prints nothing (every groff warning on; preconv
   turns raw UTF-8 into groff escapes, as man-db does).
3. The .TH line carries a date (YYYY-MM-DD) and the page turns hyphenation off (.nh),
   so an option or a format list is never split across lines (`--quar-ter`).
4. Rendered at 80 columns by both groff and mandoc, no line is wider than 80 columns
   (examples and tables included) and no option, format list, path or rule name is
   broken at a line end (`--quar-` / `ter`, `table|json|-` / `csv`).

mandoc and groff are Debian packages (.ci/run installs them); a missing one is a
failure, not a skip.
"""

import glob
import os
import re
import shutil
import subprocess

import pytest
from conftest import ROOT, clean_env

WIDTH = 80
HYPHENS = ("-", "\u2010", "\u2011", "\u2212")
ENV = clean_env({"LANG": "C.UTF-8", "MANWIDTH": WIDTH})
PAGES = sorted(p for ext in ("1", "5", "7") for p in glob.glob(os.path.join(ROOT, "man", f"*.{ext}")))
page_cases = pytest.mark.parametrize("page", PAGES, ids=[os.path.basename(p) for p in PAGES])


def tool(cmd, data=None):
    """-> (exit code, stdout bytes, stderr bytes)"""
    p = subprocess.run(cmd, input=data, capture_output=True, env=ENV, timeout=60)
    return p.returncode, p.stdout, p.stderr


def strip_overstrike(text):
    # nroff bold and underline: "X\bX" and "_\bX" -> "X".
    return re.sub(r".\x08", "", text)


def broken_identifier(line, next_line):
    """True when the line ends in a hyphen that splits an option, a format list, a path or
    a rule name: the hyphenated token starts with a minus or holds | / = _ . : or the
    hyphen itself is a minus sign (roff's \\-, used for options and rule names). With
    hyphenation off (.nh) a plain English compound (re-export) may still break at its
    own hyphen; that is allowed."""
    if not line.endswith(HYPHENS) or len(line.strip()) <= 1:
        return False
    if line.endswith("\u2212"):
        return True
    token = (line.split()[-1] + (next_line.split() or [""])[0]).strip(".,;:()[]\"'")
    return token.startswith(HYPHENS) or any(c in token for c in "|/=_.:")


def rendered_problems(text):
    problems = []
    lines = [line.rstrip() for line in strip_overstrike(text).split("\n")]
    for n, line in enumerate(lines, 1):
        if len(line) > WIDTH:
            problems.append(f"line {n} is {len(line)} columns wide: {line!r}")
        if broken_identifier(line, lines[n] if n < len(lines) else ""):
            problems.append(f"line {n} breaks an option, format or name: {line!r}")
    return problems


def preconv(page):
    """The page as man-db hands it to groff: raw UTF-8 turned into groff escapes."""
    rc, utf, err = tool(["preconv", "-e", "utf-8", page])
    assert rc == 0, f"preconv does not read it: {err.decode('utf-8', 'replace')}"
    return utf


def read(page):
    with open(page, "rb") as f:
        return f.read().decode("utf-8")


@pytest.mark.parametrize("name", ["mandoc", "groff", "preconv"])
def test_the_formatter_is_installed(name):
    assert shutil.which(name) is not None, f"{name} is not installed (.ci/run installs it)"


def test_there_are_man_pages():
    assert PAGES, f"no man pages in {os.path.join(ROOT, 'man')}"


@page_cases
def test_mandoc_lint_is_silent(page):
    rc, out, err = tool(["mandoc", "-Tlint", "-W", "style", page])
    msgs = (out + err).decode("utf-8", "replace").strip()
    assert not msgs, msgs


@page_cases
def test_groff_with_every_warning_is_silent(page):
    rc, out, err = tool(["groff", "-man", "-ww", "-z"], preconv(page))
    msgs = (out + err).decode("utf-8", "replace").strip()
    assert rc == 0 and not msgs, msgs


@page_cases
def test_the_th_line_is_dated(page):
    text = read(page)
    th = re.search(r'^\.TH\s+\S+\s+\d\s+"?(\d{4}-\d{2}-\d{2})"?', text, re.M)
    assert th is not None, text.split("\n", 3)[:3]


@page_cases
def test_hyphenation_is_off(page):
    assert re.search(r"^\.nh\s*$", read(page), re.M) is not None, "no .nh line"


@page_cases
def test_groff_at_80_columns_no_wide_line_nothing_broken_at_a_line_end(page):
    rc, out, err = tool(["groff", "-man", "-Tutf8", f"-rLL={WIDTH}n", "-P-c"], preconv(page))
    assert rc == 0, f"groff does not render it: {err.decode('utf-8', 'replace')}"
    problems = rendered_problems(out.decode("utf-8", "replace"))
    assert not problems, "\n".join(problems)


@page_cases
def test_mandoc_at_80_columns_no_wide_line_nothing_broken_at_a_line_end(page):
    rc, out, err = tool(["mandoc", "-Tutf8", "-O", f"width={WIDTH}", page])
    assert rc == 0, f"mandoc does not render it: {err.decode('utf-8', 'replace')}"
    problems = rendered_problems(out.decode("utf-8", "replace"))
    assert not problems, "\n".join(problems)


# The checker itself: what it must catch, and what it must let through.
@pytest.mark.parametrize("text,caught", [
    ("x" * (WIDTH + 1), True),
    ("use --quar\u2010\nter", True),
    ("table|json|\u2010\ncsv", True),
    ("a re\u2010\nexport.", False),
], ids=["a wide line is caught", "a broken option is caught", "a broken format list is caught",
        "an English compound may break"])
def test_the_checker_itself(text, caught):
    assert (rendered_problems(text) != []) == caught, rendered_problems(text)
