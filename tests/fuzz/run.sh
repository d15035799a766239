#!/usr/bin/env bash
# Builds the libFuzzer target with clang and runs it for SECONDS (default 60), seeded with
# the bad-input corpus and the demo's forløb files. Exits non-zero on any finding; the
# crashing input is left in build-fuzz/findings/ to be added to tests/bad.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-60}
CC=clang CXX=clang++ cmake -S . -B build-fuzz -DCTI_FUZZ=ON -DCTI_TESTS=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build-fuzz -j"$(nproc)" --target cti-fuzz-load
corpus=$(mktemp -d)
trap 'rm -rf "$corpus"' EXIT
find tests/bad examples -name '*.yaml' -type f -size -64k -exec cp -t "$corpus" {} + 2>/dev/null || true
mkdir -p build-fuzz/findings
build-fuzz/tests/fuzz/cti-fuzz-load -max_total_time="$seconds" -rss_limit_mb=2048 -max_len=65536 \
  -artifact_prefix=build-fuzz/findings/ "$corpus"
echo "fuzz: no finding in ${seconds}s"
