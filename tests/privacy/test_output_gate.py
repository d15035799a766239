"""The output gate is the only way out (DESIGN section 4, SPEC section 8): no file in
src/ outside src/io/ writes to stdout or stderr itself, so every byte cti prints passes
the CPR mask. Fails on printf, std::cout, std::cerr, fmt::print( or fwrite( elsewhere.

    CTI=build/cti python3 -m pytest -c tests/pytest.ini tests/privacy/test_output_gate.py
"""

import os
import re

from conftest import ROOT

SRC = os.path.join(ROOT, "src")
FORBIDDEN = re.compile(r"printf|std::cout|std::cerr|std::clog|fmt::print\(|fwrite\(|\bputs\(|\bputchar\(|"
                       r"\bstd::puts|\bwrite\(\s*(1|2|STDOUT_FILENO|STDERR_FILENO)\b")


def strip_comments(text):
    """Comments and the contents of string literals (a shell script cti prints may say
    printf; what matters is the code that writes)."""
    text = re.sub(r'R"\((.*?)\)"', 'R"()"', text, flags=re.S)
    text = re.sub(r'"(?:\\.|[^"\\\n])*"', '""', text)
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    return re.sub(r"//[^\n]*", "", text)


def sources_outside_io():
    for dirpath, _, files in os.walk(SRC):
        rel_dir = os.path.relpath(dirpath, SRC)
        if rel_dir == "io" or rel_dir.startswith("io" + os.sep):
            continue
        for name in files:
            if name.endswith((".cpp", ".hpp", ".h", ".cc")):
                yield os.path.join(dirpath, name)


def test_nothing_outside_src_io_writes_to_stdout_or_stderr():
    paths = list(sources_outside_io())
    assert len(paths) > 20, f"the scan saw only {len(paths)} sources"
    offenders = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            code = strip_comments(f.read())
        for n, line in enumerate(code.splitlines(), 1):
            if FORBIDDEN.search(line):
                offenders.append(f"{os.path.relpath(path, ROOT)}:{n}: {line.strip()}")
    assert not offenders, "\n".join(offenders)


def test_the_gate_masks_every_write():
    # The gate writes redact_output()'s text in its pieces (privacy::for_each_output_piece,
    # which redact_output itself joins), and writes in exactly one place.
    with open(os.path.join(SRC, "io", "out.cpp"), encoding="utf-8") as f:
        code = strip_comments(f.read())
    assert "privacy::for_each_output_piece" in code, "src/io/out.cpp does not write the masked pieces"
    assert code.count("fwrite(") == 1, "src/io/out.cpp writes in more than one place"
    with open(os.path.join(SRC, "base", "cpr_scan.cpp"), encoding="utf-8") as f:
        scan = strip_comments(f.read())
    body = scan[scan.index("std::string redact_output("):]
    assert "for_each_output_piece(" in body.split("\n}\n")[0], "redact_output no longer joins the gate's pieces"
