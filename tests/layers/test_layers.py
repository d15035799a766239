"""The layers the build enforces (DESIGN 1): each stage of the pipeline is a library that
may use only the stages below it. This reads the built libraries with nm: a function a
stage uses (an undefined symbol) that a stage above it defines is a layering error, the
same error a -DCTI_LAYER_CHECK=ON build (shared libraries, --no-undefined) gives at link
time. It works on the static libraries of a normal build, so CI needs no extra build.

The libraries are found next to the binary under test: $CTI is BUILD/cti, the stages are
BUILD/src/STAGE/libcti_STAGE.a (or .so), whichever build directory ctest runs from.

    CTI=build/cti python3 -m pytest -c tests/pytest.ini tests/layers
"""

import functools
import os
import subprocess

import pytest
from conftest import CTI

# Each stage and the stages it may use (src/*/CMakeLists.txt, transitively).
BELOW = {
    "base": [],
    "io": ["base"],
    "load": ["io", "base"],
    "schedule": ["base"],
    "rules": ["load", "schedule", "io", "base"],
    "check": ["rules", "load", "schedule", "io", "base"],
    "report": ["check", "rules", "load", "schedule", "io", "base"],
    "edit": ["check", "rules", "load", "schedule", "io", "base"],
    "cli": ["report", "edit", "check", "rules", "load", "schedule", "io", "base"],
}
# Every (stage, other) where `stage` may not use `other`: `other` is above it or beside it.
FORBIDDEN = [(stage, other) for stage in BELOW for other in BELOW if other != stage and other not in BELOW[stage]]

BUILD = os.path.dirname(CTI)


def library(stage):
    for name in (f"libcti_{stage}.a", f"libcti_{stage}.so"):
        path = os.path.join(BUILD, "src", stage, name)
        if os.path.exists(path):
            return path
    return None


@functools.lru_cache(maxsize=None)
def symbols(path, undefined):
    args = ["nm", "--undefined-only" if undefined else "--defined-only"]
    if path.endswith(".so"):
        args.append("-D")
    out = subprocess.run(args + [path], capture_output=True, text=True).stdout
    syms = set()
    for line in out.splitlines():
        parts = line.split()
        if len(parts) < 2 or line.endswith(":"):
            continue
        kind, name = parts[-2], parts[-1]
        # Strong definitions only: inline functions and templates (W, V, u) live in many.
        if undefined or kind in ("T", "D", "B", "R"):
            syms.add(name)
    return frozenset(syms)


def demangle(names):
    return subprocess.run(["c++filt"], input="\n".join(names), capture_output=True, text=True).stdout


def test_every_stage_is_a_library_of_its_own():
    libs = {stage: library(stage) for stage in BELOW}
    assert all(libs.values()), f"no library for some stages under {BUILD}/src: {libs}"


@pytest.mark.parametrize("stage,other", FORBIDDEN, ids=[f"{s}-uses-nothing-of-{o}" for s, o in FORBIDDEN])
def test_a_stage_uses_nothing_of_a_stage_it_may_not_use(stage, other):
    mine, theirs = library(stage), library(other)
    assert mine and theirs, f"no library for {stage} or {other} under {BUILD}/src"
    wrong = sorted(symbols(mine, True) & symbols(theirs, False))
    assert not wrong, f"{stage} uses {len(wrong)} symbol(s) of {other}:\n{demangle(wrong[:10])}"


def test_the_check_can_see_a_use_cli_uses_check_repo_of_check():
    cli, check = library("cli"), library("check")
    assert cli and check, f"no library for cli or check under {BUILD}/src"
    assert any("check_repo" in s for s in symbols(cli, True) & symbols(check, False))
