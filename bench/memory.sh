#!/usr/bin/env bash
# Resident memory of a long unthrottled `nntop train`: sampled at 10 s and at 120 s (or the times given),
# with the relative change. Bounded history means the two should agree within a few percent.
#   bench/memory.sh [FIRST_SECONDS] [SECOND_SECONDS] [extra nntop train options…]
set -euo pipefail
cd "$(dirname "$0")/.."
first=${1:-10}; second=${2:-120}; shift $(( $# >= 2 ? 2 : $# ))
BUILD_PATH=${BUILD_PATH:-.build}
swift build -c release --scratch-path "$BUILD_PATH" --product nntop >/dev/null
bin="$BUILD_PATH/release/nntop"
"$bin" train --iterations 1000000000000 "$@" >/dev/null 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
rss() { awk '/^VmRSS/ {print $2}' "/proc/$pid/status"; }
sleep "$first"; a=$(rss)
sleep $(( second - first )); b=$(rss)
kill "$pid"
awk -v a="$a" -v b="$b" -v t1="$first" -v t2="$second" 'BEGIN {
    printf "rss_at_%ss_kib %d\nrss_at_%ss_kib %d\nrss_change_percent %.2f\n", t1, a, t2, b, (b - a) * 100 / a }'
