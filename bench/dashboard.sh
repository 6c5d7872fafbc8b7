#!/usr/bin/env bash
# Dashboard figures in a real terminal (tmux, 120×40, release build): first frame, key-to-screen latency, CPU
# of the UI thread while running and of the whole process while paused, training speed at max with the
# dashboard open against headless `nntop train` in the same run, and the UI thread's CPU at max speed on a 2-8-8-1
# network with the Network pane shown and hidden (U), alternately.
#   BUILD_PATH=.build bench/dashboard.sh
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_PATH=${BUILD_PATH:-.build}
swift build -c release --scratch-path "$BUILD_PATH" --product nntop >/dev/null
bin="$PWD/$BUILD_PATH/release/nntop"
sock="nntop-bench-$$"
tm() { tmux -L "$sock" "$@"; }
trap 'tm kill-server 2>/dev/null || true' EXIT
now_ms() { date +%s%3N; }
screen() { tm capture-pane -p -t b; }
wait_for() {  # pattern, timeout seconds
    local end=$(( $(now_ms) + ${2:-10} * 1000 ))
    while [ "$(now_ms)" -lt "$end" ]; do screen | grep -q -- "$1" && return 0; sleep 0.005; done
    return 1
}
ticks() { awk '{print $14 + $15}' "$1"; }
hz=$(getconf CLK_TCK)

start=$(now_ms)
tm -f /dev/null new-session -d -s b -x 120 -y 40 "LANG=C.UTF-8 TERM=xterm-256color $bin"
wait_for "Dataset" 10
echo "first_frame_ms $(( $(now_ms) - start ))"
pid=$(pgrep -f "^$bin\$" | head -1)
sleep 2
a=$(ticks /proc/$pid/task/$pid/stat); sleep 10; b=$(ticks /proc/$pid/task/$pid/stat)
echo "ui_thread_cpu_percent_running $(awk -v t=$((b - a)) -v hz=$hz 'BEGIN{printf "%.2f", t*100/hz/10}')"
tm send-keys -t b space; wait_for "PAUSED" 5; sleep 1
a=$(ticks /proc/$pid/stat); sleep 10; b=$(ticks /proc/$pid/stat)
echo "process_cpu_percent_paused $(awk -v t=$((b - a)) -v hz=$hz 'BEGIN{printf "%.2f", t*100/hz/10}')"
worst=0; total=0
for i in 1 2 3 4 5 6; do
    if [ $((i % 2)) = 1 ]; then key=+; want="lr 0.3"; else key=-; want="lr 0.1 "; fi
    t0=$(now_ms); tm send-keys -t b "$key"; wait_for "$want" 5; dt=$(( $(now_ms) - t0 ))
    total=$((total + dt)); [ $dt -gt $worst ] && worst=$dt
    sleep 0.2
done
echo "key_to_screen_ms_mean $((total / 6)) (worst $worst, includes tmux capture-pane polling)"
tm send-keys -t b q; sleep 0.5; tm kill-server 2>/dev/null || true

# Throughput at max with the dashboard open, against headless, same binary, same run.
tm -f /dev/null new-session -d -s b -x 120 -y 40 "LANG=C.UTF-8 TERM=xterm-256color $bin --speed max --iterations 1000000000"
wait_for "RUNNING" 10; sleep 2
it() { screen | grep -v '^ *$' | tail -1 | grep -oE 'it [0-9,]+' | head -1 | tr -d 'it ,'; }
i0=$(it); t0=$(now_ms); sleep 8; i1=$(it); t1=$(now_ms)
dash=$(awk -v i=$((i1 - i0)) -v t=$((t1 - t0)) 'BEGIN{printf "%.0f", i*1000/t}')
tm send-keys -t b q; sleep 0.5
headless=$("$bin" train --iterations 200000000 --json 2>/dev/null | grep -o '"steps_per_second":[0-9.]*' | cut -d: -f2)
echo "dashboard_max_steps_per_second $dash"
echo "headless_steps_per_second ${headless%.*}"
awk -v d="$dash" -v h="$headless" 'BEGIN{printf "dashboard_to_headless_ratio %.3f (target >= 0.9)\n", d/h}'

# The Network pane at max speed: the UI thread of a 2-8-8-1 run, pane shown and hidden in turn (5 s each, twice).
tm kill-server 2>/dev/null || true
tm -f /dev/null new-session -d -s b -x 120 -y 40 \
    "LANG=C.UTF-8 TERM=xterm-256color $bin --hidden 8,8 --activation tanh --speed max --iterations 1000000000"
wait_for "Network ·" 10; sleep 2
pid=$(pgrep -f "^$bin --hidden 8,8" | head -1)
shown=0; hidden=0
for round in 1 2; do
    a=$(ticks /proc/$pid/task/$pid/stat); sleep 5; b=$(ticks /proc/$pid/task/$pid/stat); shown=$((shown + b - a))
    tm send-keys -t b U; sleep 0.5
    a=$(ticks /proc/$pid/task/$pid/stat); sleep 5; b=$(ticks /proc/$pid/task/$pid/stat); hidden=$((hidden + b - a))
    tm send-keys -t b U; sleep 0.5
done
echo "ui_thread_cpu_percent_max_network_pane $(awk -v t=$shown -v hz=$hz 'BEGIN{printf "%.2f", t*100/hz/10}') (target <= 5)"
echo "ui_thread_cpu_percent_max_without_network_pane $(awk -v t=$hidden -v hz=$hz 'BEGIN{printf "%.2f", t*100/hz/10}')"
tm send-keys -t b q; sleep 0.5
