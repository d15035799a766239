"""One writer (DESIGN section 4, SPEC section 6): no command in src/ outside src/io/ opens
a file for writing itself (std::ofstream, fopen, open with O_CREAT/O_WRONLY/O_RDWR,
creat, mkstemp, copy_file); they write through src/io (write_output for -o, the case
writer and files.hpp for the repository's own files), and only the files named below
may call the repository-file writers of io/files.hpp, each for the reason given.

    CTI=build/cti python3 -m pytest -c tests/pytest.ini tests/privacy/test_writer_gate.py
"""

import os
import re

from conftest import ROOT
from test_output_gate import sources_outside_io, strip_comments

OPENS_FOR_WRITING = re.compile(
    r"\bofstream\b|\bfstream\b|\bfopen\s*\(|\bfreopen\s*\(|\bfdopen\s*\(|O_CREAT|O_WRONLY|O_RDWR|O_TMPFILE|"
    r"O_APPEND|O_TRUNC|\bcreat\s*\(|\bmkstemp|\bmkostemp|\btmpfile\s*\(|copy_file|\bopenat\s*\(")

# io/files.hpp writers (write_new_file, replace_file, ensure_line): who may call them, and why.
REPOSITORY_WRITERS = {
    "src/cli/init.cpp": "cti init creates the repository's own files (cti.yaml, .gitignore, .gitattributes, "
                        "forloeb/.gitkeep), never over an existing one",
    "src/cli/hook.cpp": "hook install adds the merge-driver line to .gitattributes",
    "src/cli/hook_install.cpp": "hook install writes hook scripts into the hooks folder: a rename, which "
                                "replaces a link at the hook path and never follows it (a foreign hook is "
                                "kept aside first)",
    "src/cli/schemas.cpp": "the repository's schemas/ folder, cti's own files",
    "src/cli/new.cpp": "cti new creates a case file (never overwriting), under the repository lock",
    "src/cli/renumber.cpp": "renumber moves a case file and its key-file line to a new id",
    "src/cli/renumber_clash.cpp": "renumber after a merge clash: the same move",
    "src/cli/merge_driver.cpp": "the merge driver writes its result into the temporary file git gives it (%A)",
    "src/cli/undo_journal.cpp": "the undo journal: the bytes a recording replaced, kept as new files (0600) under "
                                "the git directory (.git/cti/undo), never in the work tree",
    "src/cli/key.cpp": "key add appends a line to the key file itself (mode 0600, through a link, refused inside "
                       "the repository unless git ignores it), which the -o writer rightly refuses",
}
FILES_WRITERS = re.compile(r"\b(write_new_file|replace_file|ensure_line)\s*\(")


def code_of(path):
    with open(path, encoding="utf-8") as f:
        return strip_comments(f.read())


def test_no_command_opens_an_output_file_itself():
    paths = list(sources_outside_io())
    assert len(paths) > 20, f"the scan saw only {len(paths)} sources"
    offenders = []
    for path in paths:
        for n, line in enumerate(code_of(path).splitlines(), 1):
            if OPENS_FOR_WRITING.search(line) and not line.lstrip().startswith("#include"):
                offenders.append(f"{os.path.relpath(path, ROOT)}:{n}: {line.strip()}")
    assert not offenders, "open files for writing through src/io:\n" + "\n".join(offenders)


def test_only_the_named_files_write_repository_files():
    offenders = []
    for path in sources_outside_io():
        rel = os.path.relpath(path, ROOT).replace(os.sep, "/")
        if rel in REPOSITORY_WRITERS:
            continue
        for n, line in enumerate(code_of(path).splitlines(), 1):
            if FILES_WRITERS.search(line):
                offenders.append(f"{rel}:{n}: {line.strip()}")
    assert not offenders, ("-o goes through io::write_output, case files through the case writer; "
                           "add a file to REPOSITORY_WRITERS only with a reason:\n" + "\n".join(offenders))


def test_the_allowlist_names_files_that_exist():
    for rel in REPOSITORY_WRITERS:
        assert os.path.isfile(os.path.join(ROOT, rel)), f"{rel} is in the allowlist but does not exist"


def test_every_o_goes_through_the_safe_writer():
    for name in ("board.cpp", "calendar.cpp", "report.cpp"):
        assert "io::write_output(" in code_of(os.path.join(ROOT, "src", "cli", name)), name
