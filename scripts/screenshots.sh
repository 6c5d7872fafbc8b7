#!/usr/bin/env bash
# Real screenshots of the nntop dashboard, as PNG files in screenshots/.
#
# Each shot runs nntop inside tmux (which we drive with send-keys), shows that tmux session in an xterm on a
# private Xvfb display, and grabs the xterm window with ImageMagick's `import`. Everything comes from Debian
# packages; missing ones are installed with apt-get (as root, or through sudo).
#
#   scripts/screenshots.sh                  # build nntop (swift build --product nntop), then take every shot
#   NNTOP=/path/to/nntop scripts/screenshots.sh   # use this binary, no build
#   OUT=/tmp/shots scripts/screenshots.sh         # write somewhere else (default: screenshots/)
#   scripts/screenshots.sh help decision-map      # only these shots (names as the files, without .png)
#   MAP_ARGS='--dataset circle --hidden 8' scripts/screenshots.sh decision-map   # try other map settings
#   NETWORK_ARGS='--dataset spiral --hidden 16,16' scripts/screenshots.sh network-pane   # and other networks
#
# The font, its pixel size, the colours and the terminal sizes are fixed, so the pictures look the same from
# run to run; only the numbers of a live run (iteration, speed, error) differ.
set -euo pipefail
# A given binary as an absolute path (it runs from a temporary directory), before we change directory.
if [ -n "${NNTOP:-}" ]; then
    case $NNTOP in
        */*) NNTOP="$(cd "$(dirname "$NNTOP")" && pwd)/$(basename "$NNTOP")" ;;
        *) NNTOP=$(command -v "$NNTOP") || { echo "no $NNTOP on PATH" >&2; exit 1; } ;;
    esac
fi
cd "$(dirname "$0")/.."
repo=$PWD
out=${OUT:-$repo/screenshots}

# Which shots: those named on the command line, else all of them.
all=(tutorial-running paused-probe help decision-map multiclass-map network-pane step-explainer small-terminal)
shots=("${@:-${all[@]}}")
for name in "${shots[@]}"; do
    [[ " ${all[*]} " == *" $name "* ]] || { echo "no shot called $name (there are: ${all[*]})" >&2; exit 2; }
done

# DejaVu Sans Mono at 16 px gives 10×19 cells in which the block characters (█ ▀ ▄) fill the whole cell: the
# error bars and the decision map have no seams. (At 11 pt the blocks are a fraction of a pixel short.)
font='DejaVu Sans Mono:pixelsize=16'

# --- Tools -----------------------------------------------------------------------------------------------
need=()
command -v Xvfb     >/dev/null || need+=(xvfb)
command -v xterm    >/dev/null || need+=(xterm)
command -v tmux     >/dev/null || need+=(tmux)
command -v xwininfo >/dev/null || need+=(x11-utils)
[ -x /usr/bin/import ] || need+=(imagemagick)
# (fc-list into a variable first: grep -q stopping early would fail the pipe under pipefail)
fonts=$(fc-list 2>/dev/null || true)
grep -q 'DejaVu Sans Mono' <<<"$fonts" || need+=(fonts-dejavu-core fontconfig)
if [ ${#need[@]} -gt 0 ]; then
    echo "installing: ${need[*]}"
    sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi
# ImageMagick by full path: another `convert` or `import` earlier on PATH is not necessarily ImageMagick.
import=/usr/bin/import

# --- The binary ------------------------------------------------------------------------------------------
if [ -z "${NNTOP:-}" ]; then
    swift build --product nntop
    NNTOP="$(swift build --product nntop --show-bin-path)/nntop"
fi
[ -x "$NNTOP" ] || { echo "no nntop binary at $NNTOP" >&2; exit 1; }

# --- Display, tmux, clean-up ---------------------------------------------------------------------------------
work=$(mktemp -d)
sock="$work/tmux.sock"   # our own tmux server, its socket in our temporary directory
tm() { tmux -S "$sock" -f /dev/null "$@"; }
xvfb_pid="" xterm_pid=""
cleanup() {
    set +e    # tidy up as much as we can, whatever fails
    [ -n "$xterm_pid" ] && kill "$xterm_pid" 2>/dev/null
    tm kill-server 2>/dev/null
    [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null && wait "$xvfb_pid" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

# Xvfb picks a free display number itself and writes it to fd 3.
Xvfb -displayfd 3 -screen 0 1600x1000x24 -nolisten tcp 3>"$work/display" 2>"$work/xvfb.log" &
xvfb_pid=$!
for _ in $(seq 100); do [ -s "$work/display" ] && break; sleep 0.1; done
[ -s "$work/display" ] || { cat "$work/xvfb.log" >&2; echo "Xvfb did not start" >&2; exit 1; }
export DISPLAY=":$(head -1 "$work/display")"
export LANG=C.UTF-8 LC_ALL=C.UTF-8   # xterm and the tmux client both decide on UTF-8 from the locale
mkdir -p "$out"

screen_text() { tm capture-pane -p -t shot; }
wait_for() {  # text [seconds]: until the dashboard shows it
    local end=$((SECONDS + ${2:-20}))
    until grep -q -- "$1" <<<"$(screen_text)"; do
        [ $SECONDS -lt $end ] || { echo "timed out waiting for \"$1\"" >&2; screen_text >&2; exit 1; }
        sleep 0.1
    done
}
keys() { tm send-keys -t shot "$@"; sleep 0.3; }
repeat_keys() { local n=$1; shift; for _ in $(seq "$n"); do tm send-keys -t shot "$@"; done; sleep 0.3; }

# start COLUMNS ROWS NNTOP-ARGUMENTS...: nntop in a tmux session of that size, shown in an xterm of that size.
start() {
    local cols=$1 rows=$2; shift 2
    local cmd; cmd="exec env -u NO_COLOR TERM=xterm-256color LANG=C.UTF-8 $(printf '%q ' "$NNTOP" "$@")"
    tm new-session -d -s shot -x "$cols" -y "$rows" -c "$work" "$cmd"
    tm set -g status off            # no tmux status line: the pane is the whole terminal
    tm set -g window-size latest
    # -tn tells tmux (the client) that the outer terminal has 256 colours; forceBoxChars has xterm draw
    # the line characters itself, so frames join up.
    xterm -T nntop-shot -tn xterm-256color -fa "$font" -geometry "${cols}x${rows}+0+0" -b 8 \
          -bg black -fg '#d0d0d0' -xrm 'XTerm*cursorBlink: false' -xrm 'XTerm*forceBoxChars: true' \
          -xrm 'XTerm*allowTitleOps: false' -e tmux -S "$sock" attach -t shot 2>"$work/xterm.log" &
    xterm_pid=$!
    local i
    for i in $(seq 100); do
        [ -n "$(tm list-clients -t shot 2>/dev/null)" ] && xwininfo -name nntop-shot >/dev/null 2>&1 && break
        sleep 0.1
    done
    [ "$i" -lt 100 ] || { cat "$work/xterm.log" >&2; echo "xterm did not come up" >&2; exit 1; }
}

# shoot NAME: the xterm window as OUT/NAME.png, then close this shot's xterm and nntop.
shoot() {
    sleep 0.5    # a few frames, so the last key has reached the screen
    local id file="$out/$1.png"
    id=$(xwininfo -name nntop-shot | awk '/Window id:/ {print $4}')
    # -strip drops the time stamps, so an unchanged picture gives an unchanged file.
    "$import" -window "$id" -strip "$file"
    echo "wrote $file ($(/usr/bin/identify -format '%wx%h' "$file"))"
    kill "$xterm_pid" 2>/dev/null; wait "$xterm_pid" 2>/dev/null || true; xterm_pid=""
    tm kill-session -t shot 2>/dev/null || true
}

# --- The shots ---------------------------------------------------------------------------------------------
shot_tutorial_running() {   # the tutorial, training
    start 120 40 --speed 300
    wait_for RUNNING
    sleep 5
    shoot tutorial-running
}

shot_paused_probe() {       # paused, the probe asked about (2, 1.5)
    start 120 40 --speed 300
    wait_for RUNNING
    sleep 8
    keys Space; wait_for PAUSED
    keys Tab
    repeat_keys 5 BSpace; keys -l 2
    keys Tab
    repeat_keys 5 BSpace; keys -l 1.5
    shoot paused-probe
}

shot_help() {               # the help overlay
    start 120 40 --speed 300
    wait_for RUNNING
    sleep 3
    keys '?'
    shoot help
}

shot_decision_map() {       # the map on a dataset a straight line cannot split, the cursor in it
    # The built-in XOR data when the binary has it (else the spiral); older binaries get the tutorial's points.
    local args=(--speed max)
    if grep -q -- '--dataset' <<<"$("$NNTOP" help dashboard 2>/dev/null)"; then
        if "$NNTOP" train --dataset xor --iterations 1 >/dev/null 2>&1; then
            args=(--dataset xor --hidden 8 --activation tanh --loss cross-entropy --learning-rate 0.03 --speed max)
        elif "$NNTOP" train --dataset spiral --iterations 1 >/dev/null 2>&1; then
            args=(--dataset spiral --hidden 16,16 --activation tanh --loss cross-entropy --speed max)
        fi
    fi
    if [ -n "${MAP_ARGS:-}" ]; then
        # shellcheck disable=SC2206  # split into words on purpose
        args=($MAP_ARGS)
    fi
    echo "decision map: nntop ${args[*]}"
    start 120 40 "${args[@]}"
    wait_for DONE 120
    keys m                  # the cursor starts in the map's top-left corner: walk it inwards
    repeat_keys 20 Right
    repeat_keys 5 Down
    shoot decision-map
}

shot_multiclass_map() {     # three classes: the map in three colours, paler where the winner barely leads
    # Three clusters of 100 points around the corners of a triangle, drawn the same way every time (awk's seed 7).
    awk 'BEGIN {
        srand(7); print "x1,x2,class"
        split("0 0 4 4 0 3.5", c, " ")
        for (i = 0; i < 300; i++) {
            k = i % 3
            # Box-Muller: two normal draws of spread 1.1 around the class centre.
            r = sqrt(-2 * log(1 - rand())) * 1.1; a = 6.283185307 * rand()
            printf "%.3f,%.3f,%d\n", c[2 * k + 1] + r * cos(a), c[2 * k + 2] + r * sin(a), k
        }
    }' >"$work/three-classes.csv"
    start 120 40 --data "$work/three-classes.csv" --hidden 8 --activation tanh --standardize --speed max \
        --iterations 20000
    wait_for DONE 120
    shoot multiclass-map
}

shot_network_pane() {       # the Network pane on XOR: every unit's map, a hidden unit selected and its weights
    local args=(--dataset xor --hidden 8,8 --activation tanh --loss cross-entropy --learning-rate 0.03 --speed max)
    if [ -n "${NETWORK_ARGS:-}" ]; then
        # shellcheck disable=SC2206  # split into words on purpose
        args=($NETWORK_ARGS)
    fi
    echo "network pane: nntop ${args[*]}"
    start 120 40 "${args[@]}"
    wait_for DONE 120
    keys u                  # the first hidden unit; then the third of the second hidden layer, its second weight
    keys Right
    repeat_keys 2 Down
    keys Tab Tab
    shoot network-pane
}

shot_step_explainer() {     # X: one step of a 2-4-1 network laid open, over the right column
    start 120 40 --hidden 4 --activation tanh --speed 300
    wait_for RUNNING
    sleep 3
    keys X
    wait_for 'Step explainer · iteration'
    shoot step-explainer
}

shot_small_terminal() {     # below 60×18: the dashboard says so
    start 50 12
    wait_for 'too small'
    shoot small-terminal
}

for name in "${shots[@]}"; do "shot_${name//-/_}"; done
