#!/usr/bin/env bash
# Builds cti and runs every test, as the README's test command and CI do:
#   1. a release build (g++) and the whole suite, tests/layers included: no stage of the
#      pipeline uses a stage above it (read from the libraries with nm);
#   2. `cpack -G DEB` from that build, and cti run from the unpacked package
#      (tests/package/run.sh);
#   3. the suite again under AddressSanitizer + UndefinedBehaviorSanitizer (clang; the
#      same build carries libFuzzer's instrumentation), all but the tests labelled
#      "artefacts" (formatting, man pages, layering, the browser), "team" (git-driven
#      suites of a server and clones), "exhaustive" (every command with every option
#      over the leak corpus) and "release-only" (completion, help, hooks, the width
#      sweep, every writer, locking: tests/CMakeLists.txt says why), which ran in 1; its unit tests are built one file
#      per compiler run (CTI_UNITY_TESTS=OFF), as a packager builds, so a test file that
#      uses what it does not include fails here;
#   4. the fuzzer on the loader and validator for CTI_FUZZ_SECONDS (default 30; 0 skips).
# The packages it needs are those of the README's test command and .ci/run (Debian 12):
# among them chromium (tests/board/test_browser.py) and pre-commit (the README's
# pre-commit example, tests/hook/test_precommit_readme.py), whose absence is a failure.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc 2>/dev/null || echo 2)
fuzz_seconds=${CTI_FUZZ_SECONDS:-30}

# Unity builds (a batch of files per compiler run) halve a clean build: CLI11 and fmt
# are parsed and optimised once per batch instead of once per file. They also make two
# files' private helpers of the same name a compile error, which keeps copies out.
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DCTI_LAYER_CHECK=OFF -DCMAKE_INSTALL_PREFIX=/usr \
  -DCMAKE_UNITY_BUILD=ON
cmake --build build -j"$jobs"
ctest --test-dir build --output-on-failure -j"$jobs"
tests/package/run.sh build

# Line tables are all a sanitizer report needs for its stack traces.
CC=clang CXX=clang++ cmake -S . -B build-san -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-gline-tables-only -O1" \
  -DCTI_SANITIZE=ON -DCTI_FUZZ=ON -DCMAKE_UNITY_BUILD=ON -DCTI_UNITY_TESTS=OFF
cmake --build build-san -j"$jobs"
# Every test that runs cti's code; the suites about sources and artefacts ran above.
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-san --output-on-failure -j"$jobs" -LE 'artefacts|team|exhaustive|release-only'

if [ "$fuzz_seconds" != 0 ]; then
  tests/fuzz/run.sh "$fuzz_seconds" build-san
fi
echo "run_all: every test passed (release build, Debian package, sanitizer build, ${fuzz_seconds}s of fuzzing)"
