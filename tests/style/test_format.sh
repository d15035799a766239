#!/usr/bin/env bash
# Style: every C++ source is as clang-format (.clang-format) writes it. Fix with
#   clang-format -i src/*/*.cpp src/*/*.hpp src/main.cpp tests/unit/*.cpp tests/unit/*.hpp
set -euo pipefail
shopt -s nullglob
cd "${CTI_SOURCE_DIR:-$(dirname "$0")/../..}"
command -v clang-format >/dev/null || { echo "FAIL: clang-format is not installed"; exit 1; }
files=(src/*/*.cpp src/*/*.hpp src/main.cpp tests/unit/*.cpp tests/unit/*.hpp tests/fuzz/*.cpp)
[ "${#files[@]}" -gt 50 ] || { echo "FAIL: found only ${#files[@]} sources"; exit 1; }
if ! out=$(clang-format --dry-run -Werror "${files[@]}" 2>&1); then
  echo "FAIL: not clang-formatted:"
  echo "$out" | grep -E '^[^ ].*: error:' | cut -d: -f1 | sort -u
  exit 1
fi
echo "ok: ${#files[@]} sources are clang-formatted"
