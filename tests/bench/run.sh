#!/usr/bin/env bash
# The cti speed benchmark (SPEC section 8). A benchmark, not a test: CI never
# runs it. See tests/bench/README.md.
#
#   tests/bench/run.sh [BUILD_DIR] [SIZES...]      default: build 1000 10000 50000
#
# Environment:
#   BENCH_RUNS=3          runs per measurement (best wall time is reported)
#   BENCH_SEED=1          generator seed
#   BENCH_CACHE=DIR       where generated repositories are kept
#                         (default ${XDG_CACHE_HOME:-~/.cache}/cti-bench)
#   BENCH_PYTHON_ALL=1    also run the Python validator at sizes > 10000
#   BENCH_GIT=0           plain folders instead of git repositories (the default: git)
#   CTI=PATH, PARSE_FLOOR=PATH   use these binaries instead of building them
#
# Exit status: 0 when every command ran (cti's exit 1 = findings is fine), 1 when
# something crashed or failed (exit >= 2, a signal), 2 on a usage error.
# Missed targets are reported in the table, not in the exit status.

set -u -o pipefail
export LC_ALL=C.UTF-8 NO_COLOR=1
unset CTI_TODAY CTI_CPR_FILE

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BENCH="$ROOT/tests/bench"
PY=/usr/bin/python3
TODAY=2026-11-23
QUARTER=2026-Q3
RUNS=${BENCH_RUNS:-3}
SEED=${BENCH_SEED:-1}
CACHE=${BENCH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/cti-bench}
STAGED_SIZE=200

case "${1:-}" in -h|--help) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;; esac
BUILD_DIR=build
if [[ $# -gt 0 && ! ( "$1" =~ ^[0-9]+$ && ! -d "$1" ) ]]; then BUILD_DIR=$1; shift; fi
SIZES=("$@")
[[ ${#SIZES[@]} -eq 0 ]] && SIZES=(1000 10000 50000)
for n in "${SIZES[@]}"; do
    [[ "$n" =~ ^[1-9][0-9]*$ ]] || { echo "run.sh: size '$n' is not a positive number" >&2; exit 2; }
done
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || { echo "run.sh: BENCH_RUNS must be a positive number" >&2; exit 2; }

TMP=$(mktemp -d "${TMPDIR:-/tmp}/cti-bench.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
mkdir -p "$CACHE"

# ---------------------------------------------------------------- header
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -n1)
echo "cti benchmark — $(date '+%Y-%m-%d %H:%M:%S %Z')"
echo "host:    nproc=$(nproc), cpu: ${cpu:-unknown}, $(uname -sr), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "source:  $ROOT ($(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo 'no commit')$(git -C "$ROOT" diff --quiet HEAD -- 2>/dev/null || echo ', modified'))"
echo "options: --today $TODAY, seed $SEED, best of $RUNS runs, warm page cache"
echo

# ---------------------------------------------------------------- build
BUILD_LOG="$TMP/build.log"
if [[ -z "${CTI:-}" || -z "${PARSE_FLOOR:-}" ]]; then
    if [[ ! -f "$BUILD_DIR/CMakeCache.txt" ]]; then
        echo "configuring $BUILD_DIR (Release) ..."
        cmake -S "$ROOT" -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=Release >>"$BUILD_LOG" 2>&1 \
            || echo "warning: cmake configure failed (log: $CACHE/last-build.log)"
    else
        bt=$(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$BUILD_DIR/CMakeCache.txt")
        case "$bt" in
            Release|RelWithDebInfo|MinSizeRel) ;;
            *) echo "WARNING: $BUILD_DIR has CMAKE_BUILD_TYPE='${bt}'; numbers are not representative." \
                    "Use a Release build dir, e.g. tests/bench/run.sh build-release" ;;
        esac
        grep -q '^CTI_SANITIZE:BOOL=ON' "$BUILD_DIR/CMakeCache.txt" \
            && echo "WARNING: $BUILD_DIR is built with sanitizers; numbers are not representative."
    fi
    echo "building cti and cti-parse-floor in $BUILD_DIR ..."
    if ! cmake --build "$BUILD_DIR" --target cti cti-parse-floor >>"$BUILD_LOG" 2>&1; then
        # Build what can be built, one target at a time.
        cmake --build "$BUILD_DIR" --target cti-parse-floor >>"$BUILD_LOG" 2>&1
        cmake --build "$BUILD_DIR" --target cti >>"$BUILD_LOG" 2>&1 \
            || echo "WARNING: building cti failed; any cti binary left in $BUILD_DIR is stale" \
                    "(log: $CACHE/last-build.log)"
    fi
fi

find_binary() { # find_binary NAME: the built executable NAME in BUILD_DIR
    local f
    for f in "$BUILD_DIR/$1" "$BUILD_DIR/tests/bench/$1" "$BUILD_DIR/Release/$1" \
             "$BUILD_DIR/tests/bench/Release/$1"; do
        [[ -f "$f" && -x "$f" ]] && { echo "$(cd "$(dirname "$f")" && pwd)/$1"; return 0; }
    done
    f=$(find "$BUILD_DIR" -maxdepth 4 -type f -name "$1" -perm -u+x 2>/dev/null | head -n1)
    [[ -n "$f" ]] && echo "$(cd "$(dirname "$f")" && pwd)/$1"
}
cp "$BUILD_LOG" "$CACHE/last-build.log" 2>/dev/null
CTI=${CTI:-$(find_binary cti)}
PARSE_FLOOR=${PARSE_FLOOR:-$(find_binary cti-parse-floor)}
# The libyaml prototype (README, "Performance"); built only where libyaml-dev is installed.
cmake --build "$BUILD_DIR" --target cti-parse-floor-libyaml >>"$BUILD_LOG" 2>&1
PARSE_LIBYAML=${PARSE_LIBYAML:-$(find_binary cti-parse-floor-libyaml)}
if [[ -z "$PARSE_FLOOR" ]]; then
    # The root project does not configure or build yet: build the floor alone.
    PARSE_FLOOR="$CACHE/cti-parse-floor"
    echo "building cti-parse-floor standalone (root build unavailable) ..."
    "${CXX:-g++}" -O3 -DNDEBUG -std=c++20 -o "$PARSE_FLOOR" "$BENCH/parse_floor.cpp" -lyaml-cpp \
        >>"$BUILD_LOG" 2>&1 || PARSE_FLOOR=""
fi
if [[ -z "$CTI" ]]; then
    echo "WARNING: no cti binary; its rows will read n/a. Build log tail:"
    tail -n 15 "$BUILD_LOG" | sed 's/^/    /'
fi
echo "cti:         ${CTI:-n/a}"
echo "parse floor: ${PARSE_FLOOR:-n/a}"
echo

# ---------------------------------------------------------------- data
GEN_HASH=$(cat "$BENCH/generate.py" | sha256sum | cut -c1-10)
repo_for() { # repo_for N [WORKERS]: the generated repository of size N (generated once)
    local n=$1 workers=${2:-0} dir="$CACHE/repo-$GEN_HASH-t$TODAY-s$SEED-n$1-w${2:-0}" gitflag=""
    # git repositories, as a team's is: the cache lives in .git/ and --staged needs an index.
    [[ "${BENCH_GIT:-1}" == 1 ]] && { dir="$dir-git"; gitflag=--git; }
    if [[ ! -f "$dir/cti.yaml" ]]; then
        echo "generating $n forløb into $dir ..." >&2
        rm -rf "$dir.tmp"
        "$PY" "$BENCH/generate.py" --count "$n" --workers "$workers" --seed "$SEED" --today "$TODAY" --out "$dir.tmp" $gitflag >&2 \
            && mv "$dir.tmp" "$dir" || { echo "run.sh: generate.py failed" >&2; exit 1; }
    fi
    echo "$dir"
}

# ---------------------------------------------------------------- measuring
declare -A WALL PEAK NOTE
ROWS=()
FAILED=0

# measure KEY SIZE MAXRC CMD...: run CMD $RUNS times; record best wall time and
# peak RSS under KEY|SIZE. MAXRC is the highest exit code that is not a failure.
measure() {
    local key=$1 size=$2 maxrc=$3; shift 3
    local i rc t0 t1 us best="" peak=0 note="" info="" kb
    ROWS+=("$key|$size")
    if [[ -z "$1" ]]; then
        NOTE["$key|$size"]="n/a (not built)"; print_row "$key" "$size"; return
    fi
    for ((i = 0; i < RUNS; i++)); do
        t0=${EPOCHREALTIME/[.,]/}
        /usr/bin/time -f '%e %M' -o "$TMP/time" "$@" >"$TMP/out" 2>"$TMP/err"
        rc=$?
        t1=${EPOCHREALTIME/[.,]/}
        us=$((t1 - t0))
        kb=$(tail -n1 "$TMP/time" | awk '{print $2}')
        if grep -q 'terminated by signal' "$TMP/time"; then
            note="CRASH: $(grep -o 'terminated by signal [0-9]*' "$TMP/time")"
        elif ((rc > maxrc)); then
            if ((rc == 2)) && grep -qiE 'unknown (sub)?command|subcommand is required|not expected|unrecogni[sz]ed|unknown option|invalid choice|not (yet )?implemented' "$TMP/err"; then
                note="n/a (unsupported: $(head -n1 "$TMP/err" | cut -c1-60))"
                NOTE["$key|$size"]=$note; print_row "$key" "$size"; return
            fi
            note="FAILED: exit $rc: $(head -n1 "$TMP/err" | cut -c1-70)"
        fi
        if [[ -n "$note" ]]; then
            FAILED=1
            NOTE["$key|$size"]=$note
            cp "$TMP/err" "$CACHE/last-failure.stderr" 2>/dev/null
            print_row "$key" "$size"; return
        fi
        [[ -z "$best" || $us -lt $best ]] && best=$us
        [[ "$kb" =~ ^[0-9]+$ ]] && ((kb > peak)) && peak=$kb
        ((rc != 0)) && info="exit $rc"
    done
    WALL["$key|$size"]=$(awk -v u="$best" 'BEGIN{printf "%.3f", u / 1e6}')
    PEAK["$key|$size"]=$(awk -v k="$peak" 'BEGIN{printf "%.1f", k / 1024}')
    NOTE["$key|$size"]=$info
    print_row "$key" "$size"
}

print_row() {
    printf '%-34s %7s %9s %9s  %s\n' "$1" "$2" "${WALL["$1|$2"]:-n/a}" "${PEAK["$1|$2"]:-n/a}" "${NOTE["$1|$2"]:-}"
}

K_CAT="cat forloeb/*"
K_FLOOR="cti-parse-floor"
K_LIBYAML="libyaml events (prototype)"
K_PY="validate_python.py"
K_STAGED="cti validate --staged (1 file)"
# The commands measured cold (--no-cache: every file read and parsed) and warm (the cache
# of checked files filled by the run before, nothing changed since).
# "status board" is the morning board as a user types it (the table, default filter).
CMD_NAMES=("validate" "status" "status board" "agenda" "validate --staged")
cmd_args() { # cmd_args NAME: cti's arguments for that row
    case "$1" in
        validate) echo "validate" ;;
        status) echo "status --all --format json" ;;
        "status board") echo "status" ;;
        agenda) echo "agenda --all-workers --format json" ;;
        "validate --staged") echo "validate --staged" ;;
    esac
}

echo "wall s = best of $RUNS (bash EPOCHREALTIME around /usr/bin/time), peak MB = max RSS (%M)"
printf '%-34s %7s %9s %9s  %s\n' "command" "size" "wall s" "peak MB" "note"
printf '%-34s %7s %9s %9s  %s\n' "-------" "----" "------" "-------" "----"
for n in "${SIZES[@]}"; do
    dir=$(repo_for "$n")
    measure "$K_CAT" "$n" 0 sh -c 'find "$1" -name "*.yaml" -exec cat {} + >/dev/null' sh "$dir/forloeb"
    measure "$K_FLOOR" "$n" 0 "${PARSE_FLOOR:-}" "$dir"
    measure "$K_LIBYAML" "$n" 0 "${PARSE_LIBYAML:-}" "$dir"
    for c in "${CMD_NAMES[@]}"; do
        # shellcheck disable=SC2046
        measure "cti $c, cold" "$n" 1 "${CTI:-}" -C "$dir" --no-cache $(cmd_args "$c") --today "$TODAY"
        "${CTI:-true}" -C "$dir" $(cmd_args "$c") --today "$TODAY" >/dev/null 2>&1  # fills the cache
        measure "cti $c, warm" "$n" 1 "${CTI:-}" -C "$dir" $(cmd_args "$c") --today "$TODAY"
    done
    if ((n <= 10000)) || [[ "${BENCH_PYTHON_ALL:-0}" == 1 ]]; then
        measure "$K_PY" "$n" 0 "$PY" "$BENCH/validate_python.py" "$dir"
    else
        ROWS+=("$K_PY|$n"); NOTE["$K_PY|$n"]="skipped (BENCH_PYTHON_ALL=1 runs it)"; print_row "$K_PY" "$n"
    fi
done

# Many workers: the largest size with 10x the usual workers (one per forløb). Every
# command must stay linear in workers too (status once took seconds here).
K_WSTATUS="cti status, 10x workers"
K_WLOAD="cti caseload, 10x workers"
wn=${SIZES[-1]}; ((wn > 10000)) && wn=10000
wdir=$(repo_for "$wn" "$wn")
measure "$K_WSTATUS" "$wn" 1 "${CTI:-}" -C "$wdir" status --format json --today "$TODAY"
measure "$K_WLOAD" "$wn" 1 "${CTI:-}" -C "$wdir" caseload --format json --today "$TODAY"

# validate --staged: a ${STAGED_SIZE}-file git repository with one modified file staged.
sdir="$TMP/staged"
"$PY" "$BENCH/generate.py" --count "$STAGED_SIZE" --seed "$SEED" --today "$TODAY" --out "$sdir" --git \
    || { echo "run.sh: generate.py --git failed" >&2; exit 1; }
sfile=$(cd "$sdir" && ls forloeb | head -n1)
echo "  Ny samtale med borgeren; aftalt opfølgning om to uger." >>"$sdir/forloeb/$sfile"
git -C "$sdir" add "forloeb/$sfile"
measure "$K_STAGED" "$STAGED_SIZE" 1 "${CTI:-}" -C "$sdir" validate --staged --today "$TODAY"

# ---------------------------------------------------------------- ratios and targets
ratio() { # ratio KEY_A KEY_B SIZE: WALL(a)/WALL(b), or n/a
    local a=${WALL["$1|$3"]:-} b=${WALL["$2|$3"]:-}
    [[ -n "$a" && -n "$b" ]] || { echo "n/a"; return; }
    awk -v a="$a" -v b="$b" 'BEGIN{ if (b > 0) printf "%.2f", a / b; else print "n/a" }'
}
verdict() { # verdict VALUE OP LIMIT: PASS / MISS / n/a
    [[ "$1" == n/a || -z "$1" ]] && { echo "n/a"; return; }
    awk -v v="$1" -v l="$3" -v op="$2" 'BEGIN{ ok = (op == "<=") ? v <= l : (op == "<") ? v < l : v >= l;
        print ok ? "PASS" : "MISS" }'
}

echo
printf '%-34s' "ratio"
for n in "${SIZES[@]}"; do printf ' %8s' "$n"; done
printf '   %s\n' "target (at 10000)"
ratio_row() { # ratio_row LABEL KEY_A KEY_B OP LIMIT
    local label=$1 a=$2 b=$3 op=$4 lim=$5 n
    printf '%-34s' "$label"
    for n in "${SIZES[@]}"; do printf ' %8s' "$(ratio "$a" "$b" "$n")"; done
    printf '   %s %s  %s\n' "$op" "$lim" "$(verdict "$(ratio "$a" "$b" 10000)" "$op" "$lim")"
}
for c in "${CMD_NAMES[@]}"; do
    ratio_row "$c, cold / parse floor" "cti $c, cold" "$K_FLOOR" "<=" 0.5
    ratio_row "$c, warm / parse floor" "cti $c, warm" "$K_FLOOR" "<=" 0.1
done
ratio_row "libyaml prototype / parse floor" "$K_LIBYAML" "$K_FLOOR" "<=" 1
ratio_row "python / cti validate, cold" "$K_PY" "cti validate, cold" ">=" 10

echo
echo "absolute targets (SPEC section 8)"
for k in "cti validate, cold" "cti status, cold"; do
    printf '  %-44s %9s  %s\n' "$k, 10000 forløb (well under 1 s)" "${WALL["$k|10000"]:-n/a}" \
        "$(verdict "${WALL["$k|10000"]:-n/a}" "<" 1)"
done
printf '  %-44s %9s  %s\n' "cti status, warm, 10000 forløb (< 0.1 s)" "${WALL["cti status, warm|10000"]:-n/a}" \
    "$(verdict "${WALL["cti status, warm|10000"]:-n/a}" "<" 0.1)"
printf '  %-44s %9s  %s\n' "cti status (board), warm, 10000 (< 0.1 s)" "${WALL["cti status board, warm|10000"]:-n/a}" \
    "$(verdict "${WALL["cti status board, warm|10000"]:-n/a}" "<" 0.1)"
printf '  %-44s %9s  %s\n' "cti status, $wn forløb and $wn workers (< 1 s)" "${WALL["$K_WSTATUS|$wn"]:-n/a}" \
    "$(verdict "${WALL["$K_WSTATUS|$wn"]:-n/a}" "<" 1)"
printf '  %-44s %9s  %s\n' "validate --staged, $STAGED_SIZE files (< 0.05 s)" "${WALL["$K_STAGED|$STAGED_SIZE"]:-n/a}" \
    "$(verdict "${WALL["$K_STAGED|$STAGED_SIZE"]:-n/a}" "<" 0.05)"

if ((FAILED)); then
    echo
    echo "run.sh: some commands failed or crashed (see notes; last stderr in $CACHE/last-failure.stderr)"
    exit 1
fi
exit 0
