"""pandas read_csv on the benchmark file, best of three: the reference for nntop-bench --csv.

    python3 bench/csv_pandas.py FILE.csv
"""
import sys
import time

import pandas as pd

best = float("inf")
for _ in range(3):
    start = time.perf_counter()
    frame = pd.read_csv(sys.argv[1])
    best = min(best, time.perf_counter() - start)
print(f"pandas_csv_load_seconds {best}")
print(f"pandas_csv_rows {len(frame)}")
