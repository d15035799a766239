"""The layers the build enforces (DESIGN 1): each stage of the pipeline is a library that
may use only the stages below it. This reads the built libraries with nm: a function a
stage uses (an undefined symbol) that a stage above it defines is a layering error, the
same error a -DCTI_LAYER_CHECK=ON build (shared libraries, --no-undefined) gives at link
time. It works on the static libraries of a normal build, so CI needs no extra build.
"""

import os
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from e2e import CTI, check, failures  # noqa: E402

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

build = os.path.dirname(CTI)


def library(stage):
    for name in (f"libcti_{stage}.a", f"libcti_{stage}.so"):
        path = os.path.join(build, "src", stage, name)
        if os.path.exists(path):
            return path
    return None


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
    return syms


libs = {stage: library(stage) for stage in BELOW}
check("every stage is a library of its own", all(libs.values()), libs)
defined = {s: symbols(p, False) for s, p in libs.items() if p}
for stage, path in libs.items():
    if not path:
        continue
    needs = symbols(path, True)
    for other in BELOW:
        if other == stage or other in BELOW[stage] or other not in defined:
            continue
        wrong = sorted(needs & defined[other])
        check(f"{stage} uses nothing of {other}", not wrong,
              "\n".join(subprocess.run(["c++filt"], input="\n".join(wrong[:10]), capture_output=True,
                                       text=True).stdout.splitlines()))
check("the check can see a use: cli uses check_repo of check",
      any("check_repo" in s for s in symbols(libs["cli"], True) & defined["check"]) if libs["cli"] else False)

sys.exit(1 if failures else 0)
