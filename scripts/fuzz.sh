#!/usr/bin/env bash
# Builds the libFuzzer harnesses in fuzz/ and runs each for a while on its seed corpus, in parallel, at the
# lowest CPU priority. Prints, per harness, the executions, their rate, and the crashes found (inputs kept).
#
#   scripts/fuzz.sh [SECONDS] [csv|model|update ...]     default: 600 seconds, all three harnesses
#
# csv and model feed untrusted bytes to the CSV reader and the model-file loader; update decodes each input into
# a dashboard state and a stream of key, mouse, resize, snapshot and notice events, drawing after every one.
#
# Work files live in fuzz/.build (ignored by git): the growing corpus in fuzz/.build/work/NAME/corpus, crash,
# timeout and out-of-memory inputs in fuzz/.build/work/NAME/artifacts, the log in fuzz/.build/work/NAME/log.
# A crashing input replays with: fuzz/.build/release/FuzzCSV fuzz/.build/work/csv/artifacts/crash-…
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-600}
shift || true
harnesses=("$@")
[ ${#harnesses[@]} -gt 0 ] || harnesses=(csv model update)
case $seconds in ''|*[!0-9]*) echo "fuzz.sh: SECONDS must be a whole number, got '$seconds'" >&2; exit 2;; esac

linker=()
if command -v ld.lld >/dev/null 2>&1 || [ -x "$(dirname "$(command -v swift)")/ld.lld" ]; then
    linker=(-Xswiftc -use-ld=lld)    # gold warns about an ASan symbol it cannot export; lld does not
fi
echo "fuzz: building (release, -sanitize=fuzzer,address)"
nice -n 19 swift build --package-path fuzz -c release -Xswiftc -sanitize=fuzzer,address "${linker[@]}" 2>&1 \
    | grep -Ev '^\[[0-9]+/[0-9]+\]' || true
bin=$(swift build --package-path fuzz -c release --show-bin-path)

pids=()
for name in "${harnesses[@]}"; do
    case $name in
        csv) exe=FuzzCSV; max_len=4096; asan= ;;
        model) exe=FuzzModel; max_len=8192; asan= ;;
        # Each update input draws up to a few hundred frames, allocation-heavy: a small quarantine and short
        # allocation stacks halve the time AddressSanitizer takes, and still catch use after free.
        update) exe=FuzzUpdate; max_len=4096; asan=quarantine_size_mb=16:malloc_context_size=4 ;;
        *) echo "fuzz.sh: unknown harness '$name' (csv, model or update)" >&2; exit 2 ;;
    esac
    [ -x "$bin/$exe" ] || { echo "fuzz.sh: $bin/$exe was not built" >&2; exit 1; }
    work=fuzz/.build/work/$name
    mkdir -p "$work/corpus" "$work/artifacts"
    echo "fuzz: $name for ${seconds}s (log $work/log)"
    # -rss_limit_mb: a model may legitimately be large; -timeout: any single input over 10 s is a hang.
    # SWIFT_BACKTRACE=enable=no: a trap goes to libFuzzer's handler (artifact, stack), not Swift's backtracer.
    SWIFT_BACKTRACE=${SWIFT_BACKTRACE:-enable=no} ASAN_OPTIONS=${ASAN_OPTIONS:-$asan} nice -n 19 "$bin/$exe" "$work/corpus" "fuzz/corpus/$name" \
        -dict="fuzz/$name.dict" -max_total_time="$seconds" -max_len="$max_len" -timeout=10 \
        -rss_limit_mb=2048 -artifact_prefix="$work/artifacts/" -print_final_stats=1 \
        > "$work/log" 2>&1 &
    pids+=($!)
done

status=0
for pid in "${pids[@]}"; do wait "$pid" || status=1; done

echo
printf '%-6s %10s %14s %10s %8s %s\n' harness seconds executions "exec/s" crashes "corpus"
for name in "${harnesses[@]}"; do
    work=fuzz/.build/work/$name
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/log" | tail -1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$work/log" | tail -1)
    # A run that stopped on a crash or a timeout has no "Done" line: "?" then, not an exit without the table.
    took=$( (grep -Eo 'Done [0-9]+ runs in [0-9]+ second' "$work/log" || true) | grep -Eo '[0-9]+ second' \
        | grep -Eo '[0-9]+' | tail -1 || true)
    crashes=$(find "$work/artifacts" -type f \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' -o -name 'leak-*' \) | wc -l)
    corpus=$(find "$work/corpus" -type f | wc -l)
    printf '%-6s %10s %14s %10s %8s %s\n' "$name" "${took:-?}" "${runs:-?}" "${rate:-?}" "$crashes" "$corpus files"
    if [ "$crashes" -gt 0 ]; then
        status=1
        find "$work/artifacts" -type f | sed 's/^/    kept: /'
        grep -m1 -E 'ERROR|Fatal error|precondition|deadly signal' "$work/log" | sed 's/^/    first: /' || true
    fi
done
exit $status
