#!/usr/bin/env bash
# Every benchmark in one go, with the ratios against references measured in the same run:
# nntop-bench (Swift, release) beside a C loop of the same maths and the tutorial's network in NumPy.
#   BUILD_PATH=.build bench/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_PATH=${BUILD_PATH:-.build}
mkdir -p bench/out
swift build -c release --scratch-path "$BUILD_PATH" --product nntop-bench >/dev/null
cc -O3 -o bench/out/tutorial_loop bench/tutorial_loop.c -lm
python3 -c "import numpy, pandas" 2>/dev/null || python3 -m pip install --quiet numpy pandas
[ -f bench/out/points-1m.csv ] || python3 bench/make_csv.py bench/out/points-1m.csv 1000000
bin="$BUILD_PATH/release/nntop-bench"

figures=$( {
    "$bin" --csv bench/out/points-1m.csv
    bench/out/tutorial_loop
    python3 bench/csv_pandas.py bench/out/points-1m.csv
    "$bin" --seeds 30
    python3 bench/tutorial_numpy.py --bench
    python3 bench/tutorial_numpy.py --seeds 30
    "$bin" --engine 3
} 2>/dev/null )
echo "$figures"
get() { echo "$figures" | awk -v k="$1" '$1 == k {print $2}'; }
ratio() {  # name, numerator, denominator, target description, minimum
    awk -v n="$1" -v a="$2" -v b="$3" -v t="$4" -v m="$5" \
        'BEGIN { r = a / b; printf "%-34s %10.3f  target %s  %s\n", n, r, t, (r >= m ? "PASS" : "MISS") }'
}
echo "--- ratios"
ratio swift_over_c_tutorial "$(get swift_tutorial_steps_per_second)" "$(get c_tutorial_steps_per_second)" ">= 0.9" 0.9
ratio swift_over_numpy_tutorial "$(get swift_tutorial_steps_per_second)" "$(get numpy_tutorial_steps_per_second)" ">= 200" 200
ratio swift_over_numpy_lean "$(get swift_tutorial_steps_per_second)" "$(get numpy_lean_steps_per_second)" "(lean step, for scale)" 0
ratio engine_over_bare_tutorial "$(get engine_tutorial_steps_per_second)" "$(get bare_tutorial_steps_per_second)" ">= 0.9" 0.9
ratio engine_over_bare_2_8_8_1 "$(get engine_2_8_8_1_steps_per_second)" "$(get bare_2_8_8_1_steps_per_second)" ">= 0.9" 0.9
ratio pandas_over_swift_csv_load_time "$(get pandas_csv_load_seconds)" "$(get swift_csv_load_seconds)" ">= 1" 1
ratio pandas_over_swift_csv_one_thread "$(get pandas_csv_load_seconds)" "$(get swift_csv_one_thread_load_seconds)" "(one thread, for scale)" 0
awk -v a="$(get swift_final_error_mean)" -v b="$(get numpy_final_error_mean)" \
    'BEGIN { d = a - b; if (d < 0) d = -d; printf "%-34s %10.3f  target <= 0.15  %s\n", "final_error_mean_difference", d, (d <= 0.15 ? "PASS" : "MISS") }'
