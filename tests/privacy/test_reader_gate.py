"""One reader (SPEC 6, issue 23): no code in src/ outside src/io/ opens a file to read it
itself (std::ifstream, fopen, YAML::LoadFile, open(2)); every input file goes through
io::read_input (io/input_file.hpp) or read_text_file built on it, which reads only a
regular file and refuses a FIFO or a device without blocking. The files named below may
open one themselves, each for the reason given.

    CTI=build/cti python3 -m pytest -c tests/pytest.ini tests/privacy/test_reader_gate.py
"""

import os
import re

from conftest import ROOT
from test_output_gate import sources_outside_io, strip_comments

OPENS_FOR_READING = re.compile(
    r"\bifstream\b|\bfstream\b|\bfopen\s*\(|\bfreopen\s*\(|YAML::LoadFile\s*\(|(?<![\w.>:])(::)?open\s*\([^;]*(c_str\(\)|O_[A-Z])|"
    r"\bopenat\s*\(|\bO_RDONLY\b|\bmmap\s*\(")

READERS = {
    "src/base/git_history.cpp": "reads git's own rebase state file (rebase-merge/orig-head) that git rev-parse "
                                "names; base lies below io, so it checks for a regular file itself first",
}


def test_no_code_opens_an_input_file_itself():
    paths = list(sources_outside_io())
    assert len(paths) > 20, f"the scan saw only {len(paths)} sources"
    offenders = []
    for path in paths:
        rel = os.path.relpath(path, ROOT).replace(os.sep, "/")
        if rel in READERS:
            continue
        with open(path, encoding="utf-8") as f:
            code = strip_comments(f.read())
        for n, line in enumerate(code.splitlines(), 1):
            if OPENS_FOR_READING.search(line) and not line.lstrip().startswith("#include"):
                offenders.append(f"{rel}:{n}: {line.strip()}")
    assert not offenders, ("read input files through io::read_input (io/input_file.hpp); add a file to READERS "
                           "only with a reason:\n" + "\n".join(offenders))


def test_the_allowlist_names_files_that_exist():
    for rel in READERS:
        assert os.path.isfile(os.path.join(ROOT, rel)), f"{rel} is in the allowlist but does not exist"


def test_the_one_reader_refuses_what_is_not_a_regular_file():
    with open(os.path.join(ROOT, "src", "io", "input_file.cpp"), encoding="utf-8") as f:
        code = f.read()
    assert "O_NONBLOCK" in code and "S_ISREG" in code
