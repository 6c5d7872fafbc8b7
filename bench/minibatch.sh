#!/usr/bin/env bash
# nntop's minibatch workloads against the C reference of the same work (bench/minibatch_ref.c): for each workload,
# PAIRS interleaved pairs of runs (C, then Swift, each its own process timing its loop for about SECONDS), the
# median of each side, and the ratio swift/C against the target of 0.9. Also compares the losses both printed
# after their warm-up steps (the same data, parameters and rows drawn: summed in the same order, as the C and the
# kernels before the rewrite do, the same numbers bit for bit).
#   bench/minibatch.sh [WORKLOAD ...]
#   PAIRS=5 SECONDS_EACH=0.75 BUILD_PATH=.build JOBS=1 CFLAGS='-O3 -march=native -ffp-contract=off' \
#       CFLAGS_EXTRA=-DUNITS=8 bench/minibatch.sh
# Every figure of the run goes to bench/out/minibatch-<time>.txt beside the table.
# The C is built for this processor (-march=native: AVX-512 where there is one), nntop for AVX2 by Package.swift's
# -target-cpu haswell. To see what the instruction set alone is worth, build the C for AVX2
# (CFLAGS='-O3 -march=haswell -ffp-contract=off') or the baseline (-march=x86-64).
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_PATH=${BUILD_PATH:-.build}
PAIRS=${PAIRS:-5}
SECONDS_EACH=${SECONDS_EACH:-0.75}
CFLAGS=${CFLAGS:--O3 -march=native -ffp-contract=off}
CFLAGS_EXTRA=${CFLAGS_EXTRA:-}
cflags="$CFLAGS${CFLAGS_EXTRA:+ $CFLAGS_EXTRA}"
mkdir -p bench/out

# shellcheck disable=SC2086
swift build -c release ${JOBS:+-j "$JOBS"} ${SWIFT_BUILD_FLAGS:-} --scratch-path "$BUILD_PATH" --product nntop-bench \
    >/dev/null
# shellcheck disable=SC2086
cc $cflags -DBUILD_FLAGS="\"$cflags\"" -o bench/out/minibatch_ref bench/minibatch_ref.c -lm
swift_bin="$BUILD_PATH/release/nntop-bench"
c_bin=bench/out/minibatch_ref

all="width8_b1 width8_b64 width32_b1 width32_b64 width128_b1 width128_b64 width512_b1 width512_b64 relu16_b64 ce30_b32"
workloads=${*:-$all}
log="bench/out/minibatch-$(date -u +%Y%m%dT%H%M%SZ).txt"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "nan"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

{
    echo "# $(date -u '+%Y-%m-%d %H:%M:%S UTC'), $(nproc) processors, load $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "# $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
    "$c_bin" --no-such-workload 2>/dev/null | grep '^#' || true
    echo "# nntop-bench built with: swift build -c release ${SWIFT_BUILD_FLAGS:-(no extra flags)}"
    echo "# $PAIRS pairs (C, Swift) per workload, about $SECONDS_EACH s of loop each"
} | tee "$log"

printf '%-14s %14s %14s %8s %8s %6s %s\n' workload swift_steps/s c_steps/s swift/C target result losses | tee -a "$log"
for w in $workloads; do
    : >"$scratch/c"
    : >"$scratch/swift"
    for _ in $(seq "$PAIRS"); do
        "$c_bin" "$w" "$SECONDS_EACH" 2>"$scratch/c.err" | awk '$1 !~ /^#/ { print $2 }' >>"$scratch/c"
        "$swift_bin" --workload "$w" --minibatch "$SECONDS_EACH" 2>"$scratch/swift.err" | awk '{ print $2 }' \
            >>"$scratch/swift"
        cat "$scratch/c.err" "$scratch/swift.err" >>"$log"
    done
    echo "raw $w c $(tr '\n' ' ' <"$scratch/c")swift $(tr '\n' ' ' <"$scratch/swift")" >>"$log"
    # The losses after the warm-up: the same text, or how far apart (a kernel that sums in another order, or an
    # activation a few ulp from libm's, moves them a little; a wrong one, a lot).
    c_loss=$(awk '/mean loss/ { print $7 }' "$scratch/c.err")
    s_loss=$(awk '/mean loss/ { print $7 }' "$scratch/swift.err")
    same=$(awk -v c="$c_loss" -v s="$s_loss" 'BEGIN {
        if (c == s) { print "same"; exit }
        d = (s - c) / c; if (d < 0) d = -d
        printf "differ by %.1e of the loss%s", d, (d > 1e-3 ? " (CHECK)" : "")
    }')
    grep -q 'LOSS DID NOT GO DOWN' "$scratch/c.err" && same="$same, C LOSS NOT DOWN"
    c=$(median <"$scratch/c")
    s=$(median <"$scratch/swift")
    awk -v w="$w" -v s="$s" -v c="$c" -v l="$same" 'BEGIN {
        r = s / c
        printf "%-14s %14.1f %14.1f %8.3f %8s %6s %s\n", w, s, c, r, ">= 0.9", (r >= 0.9 ? "PASS" : "MISS"), l
    }' | tee -a "$log"
done
echo "figures in $log"
