"""Writes a seeded CSV for the load benchmark: N rows (default 1 000 000) of four features and a 0/1 label.

    python3 bench/make_csv.py OUT.csv [ROWS]
"""
import sys

import numpy as np

path = sys.argv[1]
rows = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
rng = np.random.default_rng(2026)
features = rng.normal(size=(rows, 4)) * [1.0, 10.0, 0.01, 1000.0]
label = (features[:, 0] + features[:, 1] / 10 > 0).astype(int)
with open(path, "w") as f:
    f.write("a,b,c,d,label\n")
    np.savetxt(f, np.column_stack([features, label]), fmt=["%.6g", "%.6g", "%.6g", "%.6g", "%d"], delimiter=",")
