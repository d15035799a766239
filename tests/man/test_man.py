#!/usr/bin/python3
"""Lint every man page in man/ with the two formatters a user's `man` runs.

    /usr/bin/python3 tests/man/test_man.py

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
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from e2e import ROOT, check, failures  # noqa: E402

WIDTH = 80
HYPHENS = ("-", "\u2010", "\u2011", "\u2212")
ENV = dict(os.environ, LC_ALL="C.UTF-8", LANG="C.UTF-8", MANWIDTH=str(WIDTH))


def run(cmd, data=None):
    p = subprocess.run(cmd, input=data, capture_output=True, env=ENV)
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


def lint(page):
    name = os.path.relpath(page, ROOT)
    with open(page, "rb") as f:
        source = f.read()

    rc, out, err = run(["mandoc", "-Tlint", "-W", "style", page])
    msgs = (out + err).decode("utf-8", "replace").strip()
    check(f"{name}: mandoc -Tlint -W style is silent", not msgs, msgs)

    rc, utf, err = run(["preconv", "-e", "utf-8", page])
    check(f"{name}: preconv reads it", rc == 0, err.decode("utf-8", "replace"))
    rc, out, err = run(["groff", "-man", "-ww", "-z"], utf)
    msgs = (out + err).decode("utf-8", "replace").strip()
    check(f"{name}: groff -man -ww -z is silent", rc == 0 and not msgs, msgs)

    text = source.decode("utf-8")
    th = re.search(r'^\.TH\s+\S+\s+\d\s+"?(\d{4}-\d{2}-\d{2})"?', text, re.M)
    check(f"{name}: .TH is dated", th is not None, text.split("\n", 3)[:3])
    check(f"{name}: hyphenation is off (.nh)", re.search(r"^\.nh\s*$", text, re.M) is not None)

    rc, out, err = run(["groff", "-man", "-Tutf8", f"-rLL={WIDTH}n", "-P-c"], utf)
    check(f"{name}: groff renders it", rc == 0, err.decode("utf-8", "replace"))
    problems = rendered_problems(out.decode("utf-8", "replace"))
    check(f"{name}: groff at {WIDTH} columns: no wide line, nothing broken at a line end",
          not problems, "\n".join(problems))

    rc, out, err = run(["mandoc", "-Tutf8", "-O", f"width={WIDTH}", page])
    check(f"{name}: mandoc renders it", rc == 0, err.decode("utf-8", "replace"))
    problems = rendered_problems(out.decode("utf-8", "replace"))
    check(f"{name}: mandoc at {WIDTH} columns: no wide line, nothing broken at a line end",
          not problems, "\n".join(problems))


def main():
    for tool in ("mandoc", "groff", "preconv"):
        check(f"{tool} is installed", shutil.which(tool) is not None)
    if failures:
        return 1
    pages = sorted(p for ext in ("1", "5", "7") for p in glob.glob(os.path.join(ROOT, "man", f"*.{ext}")))
    check("there are man pages", len(pages) > 0)
    for page in pages:
        lint(page)
    # The checker itself: a wide line and a broken option are caught.
    check("self-test: a wide line is caught", rendered_problems("x" * (WIDTH + 1)) != [])
    check("self-test: a broken option is caught", rendered_problems("use --quar\u2010\nter") != [])
    check("self-test: a broken format list is caught", rendered_problems("table|json|\u2010\ncsv") != [])
    check("self-test: an English compound may break", rendered_problems("a re\u2010\nexport.") == [])
    print(f"{len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
