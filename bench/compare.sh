#!/usr/bin/env bash
# nntop against the frameworks on the workloads where they are strongest: JAX on relu16_b64 (its whole loop
# compiled), NumPy on width128_b64 and width512_b64 (large matrix products in its BLAS). For each, PAIRS
# interleaved pairs of runs (nntop-bench --workload, then bench/frameworks.py for one run, each its own process),
# the medians, and the median of the pairs' ratios nntop/framework against the target of 1.0. A framework that
# is not installed is reported and skipped. Run bench/frameworks.py for every workload in every framework.
#   PAIRS=5 SECONDS_EACH=0.75 BUILD_PATH=.build JOBS=1 THREADS=1 bench/compare.sh
# THREADS is passed to bench/frameworks.py --threads (default: each framework's own thread count).
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_PATH=${BUILD_PATH:-.build}
PAIRS=${PAIRS:-5}
SECONDS_EACH=${SECONDS_EACH:-0.75}
mkdir -p bench/out
# shellcheck disable=SC2086
swift build -c release ${JOBS:+-j "$JOBS"} --scratch-path "$BUILD_PATH" --product nntop-bench >/dev/null
swift_bin="$BUILD_PATH/release/nntop-bench"
log="bench/out/compare-$(date -u +%Y%m%dT%H%M%SZ).txt"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "nan"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "# $(date -u '+%Y-%m-%d %H:%M:%S UTC'), $(nproc) processors, load $(cut -d' ' -f1-3 /proc/loadavg);" \
    "$PAIRS pairs (nntop, framework) each, framework threads ${THREADS:-default}" | tee "$log"
printf '%-14s %-6s %14s %14s %10s %8s %s\n' workload frame nntop_steps/s frame_steps/s nntop/frame target result \
    | tee -a "$log"
for pair in jax:relu16_b64 numpy:width128_b64 numpy:width512_b64; do
    framework=${pair%%:*}
    w=${pair#*:}
    if ! python3 -c "import $framework" 2>/dev/null; then
        echo "$w: $framework is not importable; skipped" | tee -a "$log"
        continue
    fi
    : >"$scratch/swift"
    : >"$scratch/frame"
    for _ in $(seq "$PAIRS"); do
        "$swift_bin" --workload "$w" --minibatch "$SECONDS_EACH" 2>>"$log" | awk '{ print $2 }' >>"$scratch/swift"
        python3 bench/frameworks.py --framework "$framework" --workload "$w" --runs 1 --seconds "$SECONDS_EACH" \
            ${THREADS:+--threads "$THREADS"} \
            2>>"$log" | tee -a "$log" | awk '$1 !~ /^#/ { print $2 }' >>"$scratch/frame"
    done
    echo "raw $w swift $(tr '\n' ' ' <"$scratch/swift")$framework $(tr '\n' ' ' <"$scratch/frame")" >>"$log"
    s=$(median <"$scratch/swift")
    f=$(median <"$scratch/frame")
    # The verdict is the median of the pairs' own ratios: when this machine's host takes a core away for a while,
    # both runs of a pair slow down together, and a ratio of the two sides' medians would mix slow and fast pairs.
    r=$(paste "$scratch/swift" "$scratch/frame" | awk '{ print $1 / $2 }' | median)
    awk -v w="$w" -v fw="$framework" -v s="$s" -v f="$f" -v r="$r" 'BEGIN {
        printf "%-14s %-6s %14.1f %14.1f %10.3f %8s %s\n", w, fw, s, f, r, ">= 1.0", (r >= 1.0 ? "PASS" : "MISS")
    }' | tee -a "$log"
done
echo "figures in $log"
