#!/usr/bin/env bash
# Held-out accuracy (and R²) of nntop on the fixed splits bench/datasets.py writes, median of three seeds, beside
# scikit-learn's baselines on the same files (bench/reference-accuracy.txt). Also two runs that must not report a
# false divergence: 30 unscaled features, and the spiral with 16,16 relu for 100 000 iterations.
#
#   python3 bench/datasets.py /tmp/nntop-datasets    # once (needs numpy and scikit-learn)
#   bench/accuracy.sh [/tmp/nntop-datasets]
set -euo pipefail
cd "$(dirname "$0")/.."
D=${1:-/tmp/nntop-datasets}
[ -f "$D/iris-train.csv" ] || { echo "accuracy.sh: no $D/iris-train.csv; run python3 bench/datasets.py $D first" >&2; exit 2; }
swift build -c release --product nntop 2>&1 | grep -v '^\[' || true
nntop=.build/release/nntop

field() { python3 -c "import json,sys; d=json.load(sys.stdin); print(d.get('$1'), d.get('status'))"; }
median() { python3 -c "import statistics,sys; v=[float(x) for x in sys.argv[1:]]; print('%.4f' % statistics.median(v), ' '.join('%.4f' % x for x in v))" "$@"; }

run() {  # name metric flags...
    local name=$1 metric=$2; shift 2
    local values=()
    for seed in 1 2 3; do
        values+=("$("$nntop" train --data "$D/$name-train.csv" --test-data "$D/$name-test.csv" --seed "$seed" \
            --json "$@" 2>/dev/null | field "$metric" | cut -d' ' -f1)")
    done
    printf '%-14s %-14s median %s\n' "$name" "$metric" "$(median "${values[@]}")"
}

classifier=(--standardize --hidden 16 --activation tanh --optimizer adam --learning-rate 0.01 --batch-size 16
    --order shuffle --iterations 5000)
run iris test_accuracy "${classifier[@]}"
run wine test_accuracy "${classifier[@]}"
run digits test_accuracy "${classifier[@]}"
run breast_cancer test_accuracy "${classifier[@]}"
run diabetes test_r2 --standardize --optimizer adam --learning-rate 0.01 --batch-size 16 --order shuffle --iterations 5000

echo "no false divergence:"
"$nntop" train --data "$D/breast_cancer-train.csv" --test-data "$D/breast_cancer-test.csv" --hidden 16 \
    --activation tanh --iterations 10000 --json 2>/tmp/nntop-accuracy-note.txt \
    | python3 -c "import json,sys; d=json.load(sys.stdin); print('  breast_cancer unscaled: status', d['status'], 'test accuracy %.4f' % d['test_accuracy'])"
sed 's/^/  /' /tmp/nntop-accuracy-note.txt
"$nntop" train --dataset spiral --samples 1000 --hidden 16,16 --activation relu --iterations 100000 --json 2>/dev/null \
    | python3 -c "import json,sys; d=json.load(sys.stdin); print('  spiral 1000 rows 16,16 relu, 100 000 iterations: status', d['status'], 'train accuracy %.4f' % d['train_accuracy'])"
