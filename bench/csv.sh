#!/usr/bin/env bash
# CSV load time against pandas read_csv, in interleaved same-run pairs (the machine's state drifts, so each
# nntop figure is set against the pandas figure measured just after it). Prints each pair and the medians.
#   bench/csv.sh [PAIRS]          default 8 pairs; BUILD_PATH=.build as in bench/run.sh
#   bench/csv.sh PAIRS table      a passenger list of 1 M rows instead: quoted names, text columns, missing
#                                 cells, read as train --missing mean reads it (the careful reader)
set -euo pipefail
cd "$(dirname "$0")/.."
pairs=${1:-8}
case $pairs in ''|*[!0-9]*) echo "csv.sh: PAIRS must be a whole number, got '$pairs'" >&2; exit 2;; esac
mode=${2:-numeric}
case $mode in numeric|table) ;; *) echo "csv.sh: the mode is numeric or table, got '$mode'" >&2; exit 2;; esac
BUILD_PATH=${BUILD_PATH:-.build}
mkdir -p bench/out
swift build -c release --scratch-path "$BUILD_PATH" --product nntop-bench >/dev/null
python3 -c "import pandas" 2>/dev/null || python3 -m pip install --quiet numpy pandas
[ -f bench/out/points-1m.csv ] || python3 bench/make_csv.py bench/out/points-1m.csv 1000000
bin="$BUILD_PATH/release/nntop-bench"

if [ "$mode" = table ]; then
    [ -f bench/out/passengers-1m.csv ] || python3 scripts/make-passengers.py bench/out/passengers-1m.csv 1000000
    printf '%-5s %10s %10s %8s\n' pair nntop_s pandas_s ratio
    results=""
    for i in $(seq 1 "$pairs"); do
        swift=$("$bin" --steps 1000 --table-csv bench/out/passengers-1m.csv 2>/dev/null | awk '$1 == "swift_table_csv_load_seconds" {print $2}')
        pandas=$(python3 bench/csv_pandas.py bench/out/passengers-1m.csv | awk '$1 == "pandas_csv_load_seconds" {print $2}')
        line=$(awk -v a="$swift" -v p="$pandas" -v i="$i" 'BEGIN { printf "%-5d %10.4f %10.4f %8.2f", i, a, p, p / a }')
        echo "$line"
        results+="$line"$'\n'
    done
    median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
    echo "--- pandas time / nntop time on quoted and text cells (target >= 0.5: within 2x of pandas)"
    echo "median: $(echo -n "$results" | awk '{print $4}' | median)   min $(echo -n "$results" | awk '{print $4}' | sort -n | head -1)"
    exit 0
fi

printf '%-5s %10s %12s %10s %10s %8s %9s %9s\n' pair nntop_s one_thread_s whole_s pandas_s ratio ratio_1t ratio_wh
results=""
for i in $(seq 1 "$pairs"); do
    swift=$("$bin" --steps 1000 --csv bench/out/points-1m.csv 2>/dev/null)
    pandas=$(python3 bench/csv_pandas.py bench/out/points-1m.csv)
    get() { echo "$1" | awk -v k="$2" '$1 == k {print $2}'; }
    line=$(awk -v a="$(get "$swift" swift_csv_load_seconds)" -v b="$(get "$swift" swift_csv_one_thread_load_seconds)" \
               -v w="$(get "$swift" swift_csv_whole_file_load_seconds)" -v p="$(get "$pandas" pandas_csv_load_seconds)" -v i="$i" \
               'BEGIN { printf "%-5d %10.4f %12.4f %10.4f %10.4f %8.2f %9.2f %9.2f", i, a, b, w, p, p / a, p / b, p / w }')
    echo "$line"
    results+="$line"$'\n'
done
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
echo "--- pandas time / nntop time (target >= 2: twice as fast as pandas), $("$bin" --steps 1000 --csv bench/out/points-1m.csv 2>/dev/null | awk '$1 == "swift_csv_parts" {print $2}') runs of lines"
echo "median, as the commands load:  $(echo -n "$results" | awk '{print $6}' | median)   min $(echo -n "$results" | awk '{print $6}' | sort -n | head -1)"
echo "median, one thread:            $(echo -n "$results" | awk '{print $7}' | median)   min $(echo -n "$results" | awk '{print $7}' | sort -n | head -1)"
echo "median, read whole then parsed: $(echo -n "$results" | awk '{print $8}' | median)   min $(echo -n "$results" | awk '{print $8}' | sort -n | head -1)"
