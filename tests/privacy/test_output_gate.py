#!/usr/bin/python3
"""The output gate is the only way out (DESIGN section 4, SPEC section 8): no file in
src/ outside src/io/ writes to stdout or stderr itself, so every byte cti prints passes
the CPR mask. Fails on printf, std::cout, std::cerr, fmt::print( or fwrite( elsewhere.

    /usr/bin/python3 tests/privacy/test_output_gate.py
"""

import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "lib"))
from e2e import ROOT, check, failures  # noqa: E402

FORBIDDEN = re.compile(r"printf|std::cout|std::cerr|std::clog|fmt::print\(|fwrite\(|\bputs\(|\bputchar\(|"
                       r"\bstd::puts|\bwrite\(\s*(1|2|STDOUT_FILENO|STDERR_FILENO)\b")


def strip_comments(text):
    """Comments and the contents of string literals (a shell script cti prints may say
    printf; what matters is the code that writes)."""
    text = re.sub(r'R"\((.*?)\)"', 'R"()"', text, flags=re.S)
    text = re.sub(r'"(?:\\.|[^"\\\n])*"', '""', text)
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    return re.sub(r"//[^\n]*", "", text)


def main():
    src = os.path.join(ROOT, "src")
    offenders = []
    scanned = 0
    for dirpath, _, files in os.walk(src):
        rel_dir = os.path.relpath(dirpath, src)
        if rel_dir == "io" or rel_dir.startswith("io" + os.sep):
            continue
        for name in files:
            if not name.endswith((".cpp", ".hpp", ".h", ".cc")):
                continue
            scanned += 1
            path = os.path.join(dirpath, name)
            with open(path, encoding="utf-8") as f:
                code = strip_comments(f.read())
            for n, line in enumerate(code.splitlines(), 1):
                if FORBIDDEN.search(line):
                    offenders.append(f"{os.path.relpath(path, ROOT)}:{n}: {line.strip()}")
    check("the scan saw the sources", scanned > 20, str(scanned))
    check("nothing outside src/io/ writes to stdout or stderr directly", not offenders, "\n".join(offenders))
    # The gate itself exists and masks.
    with open(os.path.join(src, "io", "out.cpp"), encoding="utf-8") as f:
        check("src/io/out.cpp masks every write", "redact_output" in f.read())
    if failures:
        print(f"{len(failures)} failure(s)")
        sys.exit(1)


if __name__ == "__main__":
    main()
