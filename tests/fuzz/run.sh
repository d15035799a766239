#!/usr/bin/env bash
# Runs the libFuzzer target for SECONDS (default 60), seeded with the bad-input corpus and
# the example repositories. Usage: tests/fuzz/run.sh [SECONDS] [BUILD_DIR]
# BUILD_DIR (default build-fuzz) is configured with clang and -DCTI_FUZZ=ON if it has no
# cache yet; tests/run_all.sh passes its sanitizer build, which has the target already.
# Exits non-zero on any finding; the input is left in BUILD_DIR/findings/ to be added to
# tests/bad. The fuzzer's progress goes to BUILD_DIR/fuzz.log; its tail is printed.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-60}
build=${2:-build-fuzz}
if [ ! -f "$build/CMakeCache.txt" ]; then
  CC=clang CXX=clang++ cmake -S . -B "$build" -DCTI_FUZZ=ON -DCTI_TESTS=OFF \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
cmake --build "$build" -j"$(nproc)" --target cti-fuzz-load

corpus=$(mktemp -d)
trap 'rm -rf "$corpus"' EXIT
# Unique names: many seeds share a base name (cti.yaml, K-0001.yaml).
n=0
while IFS= read -r -d '' f; do
  n=$((n + 1))
  cp "$f" "$corpus/seed-$n-$(basename "$f")"
done < <(find tests/bad examples -type f \( -name '*.yaml' -o -name '*.yml' \) -size -64k -print0 | sort -z)

mkdir -p "$build/findings"
log="$build/fuzz.log"
# -timeout: an input that takes 30 s is a finding (a hang), as is one that allocates
# more than 512 MB at once or grows the process past 2 GB. `timeout` is a last guard.
if timeout --kill-after=30 $((seconds + 120)) "$build/tests/fuzz/cti-fuzz-load" \
  -max_total_time="$seconds" -timeout=30 -rss_limit_mb=2048 -malloc_limit_mb=512 -max_len=65536 \
  -print_final_stats=1 -artifact_prefix="$build/findings/" "$corpus" >"$log" 2>&1; then
  grep -E '^(Done|stat::number_of_executed_units|stat::peak_rss_mb)' "$log" || true
  echo "fuzz: no finding in ${seconds}s ($n seeds)"
else
  rc=$?
  tail -n 60 "$log"
  echo "fuzz: FINDING (exit $rc); inputs in $build/findings/" >&2
  exit 1
fi
