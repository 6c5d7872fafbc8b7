#!/usr/bin/env bash
# Soak test: the dashboard training unthrottled (--speed max) in a private tmux session for a long time, with
# its resident memory (VmRSS) and the speed on its status bar (it/s) sampled every 10 s.
#
#   scripts/soak.sh [SECONDS] [extra nntop options…]       default 600 s
#
# Environment: NNTOP_BINARY=path skips the release build and soaks that executable; SOAK_SETTLE=seconds is when
# memory should have settled (default 60): every later sample must be within ±5% of the one taken then.
# Prints one line per sample (with, beside the status bar's it/s, the rate the iteration counter gives over the
# last interval), then first/last/min/max RSS, the it/s trend, and a PASS or MISS line per check:
#   RSS within ±5% from SOAK_SETTLE s on        no slowdown: last it/s ≥ 0.9 × first it/s
# The status bar's figure is measured over a quarter of a second and jumps on a shared machine, so the trend and
# the slowdown check use the counter's rate, and "first" and "last" are the medians of the first three and the
# last three samples (single samples when there are fewer than six). The bar's range is printed beside it.
# Exit status 0 when both pass, 1 when either misses, 2 when the soak could not run.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-600}
shift $(( $# > 0 ? 1 : 0 ))
settle=${SOAK_SETTLE:-60}
interval=10
case $seconds$settle in ''|*[!0-9]*) echo "soak.sh: SECONDS and SOAK_SETTLE must be whole numbers" >&2; exit 2;; esac
command -v tmux >/dev/null || { echo "soak.sh: tmux is required" >&2; exit 2; }

if [ -n "${NNTOP_BINARY:-}" ]; then
    bin=$NNTOP_BINARY
else
    echo "soak: building nntop (release)"
    swift build -c release --product nntop 2>&1 | grep -E 'error|warning:' >&2 || true
    bin=$(swift build -c release --show-bin-path)/nntop
fi
[ -x "$bin" ] || { echo "soak.sh: no executable at $bin" >&2; exit 2; }

socket="nntop-soak-$$"
tmuxs() { tmux -L "$socket" "$@"; }
cleanup() { tmuxs kill-server 2>/dev/null || true; }
trap cleanup EXIT

# exec: the pane's process is nntop itself, so its pid is the pane's pid.
quoted=$(printf '%q ' "$bin" --speed max --iterations 9000000000000000000 "$@")
tmuxs -f /dev/null new-session -d -s soak -x 120 -y 40 "exec env LANG=C.UTF-8 TERM=xterm-256color $quoted"
tmuxs set-option -t soak remain-on-exit on >/dev/null
pid=$(tmuxs display-message -p -t soak '#{pane_pid}')
echo "soak: $bin (pid $pid) for ${seconds}s, sampling every ${interval}s, memory settled at ${settle}s"

# it/s on the status bar ("812.3k it/s", "1.2M it/s", "300 it/s"), as a plain number.
speed() {
    tmuxs capture-pane -p -t soak | grep -Eo '[0-9.]+[kM]? it/s' | tail -1 |
        awk '{ v = $1; m = 1; if (v ~ /k$/) m = 1e3; if (v ~ /M$/) m = 1e6; sub(/[kM]$/, "", v); printf "%.0f", v * m }'
}
iteration() { tmuxs capture-pane -p -t soak | grep -Eo 'it [0-9,]+' | tail -1 | tr -d 'it ,'; }
rss() { awk '/^VmRSS/ { print $2 }' "/proc/$pid/status" 2>/dev/null; }

samples=$(mktemp)
trap 'cleanup; rm -f "$samples"' EXIT
printf '%8s %12s %14s %18s %16s\n' seconds "RSS (KiB)" "it/s (bar)" iteration "it/s (counter)"
previous=0
start=$(date +%s)
for (( t = interval; t <= seconds; t += interval )); do
    sleep $(( start + t - $(date +%s) > 0 ? start + t - $(date +%s) : 0 ))
    if [ "$(tmuxs display-message -p -t soak '#{pane_dead}')" = 1 ]; then
        echo "soak: nntop ended after about ${t}s" >&2
        tmuxs capture-pane -p -t soak | tail -5 >&2
        exit 2
    fi
    r=$(rss); s=$(speed); i=$(iteration)
    counter=$(( (${i:-0} - previous) / interval )); previous=${i:-0}
    printf '%8d %12s %14s %18s %16s\n' "$t" "${r:-?}" "${s:-?}" "${i:-?}" "$counter"
    echo "$t ${r:-0} ${s:-0} $counter" >> "$samples"
done
tmuxs send-keys -t soak q
sleep 1

awk -v settle="$settle" '
    function median3(a, b, c) { return a > b ? (b > c ? b : (a > c ? c : a)) : (a > c ? a : (b > c ? c : b)) }
    { t[NR] = $1; r[NR] = $2; bar[NR] = $3; s[NR] = $4 }
    END {
        if (NR == 0) { print "soak: no samples (SECONDS below 10?)"; exit 2 }
        rmin = rmax = r[1]; smin = smax = s[1]; bmin = bmax = bar[1]
        for (i = 1; i <= NR; i++) {
            if (r[i] < rmin) rmin = r[i]; if (r[i] > rmax) rmax = r[i]
            if (s[i] < smin) smin = s[i]; if (s[i] > smax) smax = s[i]
            if (bar[i] < bmin) bmin = bar[i]; if (bar[i] > bmax) bmax = bar[i]
        }
        printf "RSS (KiB): first %d  last %d  min %d  max %d\n", r[1], r[NR], rmin, rmax
        printf "it/s on the status bar: first %d  last %d  min %d  max %d\n", bar[1], bar[NR], bmin, bmax
        # Least-squares slope of it/s over time, as percent of the first sample per minute.
        n = 0; st = ss = stt = sts = 0
        for (i = 1; i <= NR; i++) { n++; st += t[i]; ss += s[i]; stt += t[i] * t[i]; sts += t[i] * s[i] }
        slope = (n > 1 && n * stt - st * st != 0) ? (n * sts - st * ss) / (n * stt - st * st) : 0
        printf "it/s from the counter: first %d  last %d  min %d  max %d  trend %+.2f%% of first per minute\n", \
            s[1], s[NR], smin, smax, (s[1] > 0 ? slope * 60 * 100 / s[1] : 0)
        ref = 0
        for (i = 1; i <= NR; i++) if (t[i] >= settle) { ref = r[i]; refTime = t[i]; break }
        status = 0
        if (ref == 0) {
            printf "MISS  RSS within ±5%% from %ds on: the soak ended before %ds\n", settle, settle; status = 1
        } else {
            worst = 0
            for (i = 1; i <= NR; i++) if (t[i] >= refTime) {
                d = (r[i] - ref) * 100 / ref; if (d < 0) d = -d; if (d > worst) worst = d
            }
            printf "%s  RSS within ±5%% from %ds on (reference %d KiB at %ds, largest change %.2f%%)\n", \
                (worst <= 5 ? "PASS" : "MISS"), settle, ref, refTime, worst
            if (worst > 5) status = 1
        }
        if (NR >= 6) { first = median3(s[1], s[2], s[3]); last = median3(s[NR - 2], s[NR - 1], s[NR]) }
        else { first = s[1]; last = s[NR] }
        ok = first > 0 && last >= 0.9 * first
        printf "%s  no slowdown: last it/s %d vs first %d (%.1f%%, needs at least 90%%)\n", \
            (ok ? "PASS" : "MISS"), last, first, (first > 0 ? last * 100 / first : 0)
        if (!ok) status = 1
        exit status
    }' "$samples"
