#!/usr/bin/env bash
# [cpr-leak] scan scaling (SPEC section 8): `cti validate --staged` on a staged CSV of
# the same size (about 4 MB) holding 10x more CPR-like numbers each time. The time
# should stay flat: line and column are counted as the scan goes, not from the start
# of the file per number. A benchmark, not a test: CI never runs it.
#
#   tests/bench/cpr_scan_scaling.sh [BUILD_DIR]     (CTI=PATH to use another binary)
set -u -o pipefail
export LC_ALL=C.UTF-8 NO_COLOR=1 CTI_TODAY=2026-11-23
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
CTI=${CTI:-$ROOT/${1:-build}/src/cti}
[[ -x "$CTI" ]] || { echo "no cti at $CTI" >&2; exit 2; }
TMP=$(mktemp -d "${TMPDIR:-/tmp}/cti-scan.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
cp -r "$ROOT/tests/bad/base" "$TMP/repo"
cd "$TMP/repo" && git init -q -b main
printf '%-12s %-12s %s\n' numbers bytes seconds
for n in 1000 10000 100000 300000; do
    # Every line is 13 bytes; n of them hold a made-up CPR-like number, the rest do not.
    /usr/bin/python3 - "$n" > data.csv <<'PY'
import sys
n, total = int(sys.argv[1]), 300000
step = total // n
print("".join(("2411354312;\n" if i % step == 0 else "9999999999;\n") for i in range(total)), end="")
PY
    git add data.csv
    start=$EPOCHREALTIME
    "$CTI" validate --staged >/dev/null 2>&1
    end=$EPOCHREALTIME
    printf '%-12s %-12s %.3f\n' "$n" "$(stat -c %s data.csv)" "$(echo "$end - $start" | bc)"
done
