#!/usr/bin/env python3
"""Runs a model written by `nntop export` in onnxruntime on rows of numbers and prints each row's outputs.

usage: scripts/onnx-run.py MODEL.onnx [ROWS.csv]

ROWS.csv (standard input when not given) holds one input row a line, the values `nntop predict` takes,
comma-separated; a first line that is not numbers is a header and skipped. Each output row is printed as one
line of comma-separated numbers in full precision (repr), so they can be compared with `nntop predict --json`.
Exit status: 0, 2 for bad usage or input, 3 when onnxruntime or numpy is missing.
"""
import csv
import sys


def read_rows(stream):
    rows = []
    for line_number, cells in enumerate(csv.reader(stream), start=1):
        if not any(cell.strip() for cell in cells):
            continue
        try:
            rows.append([float(cell) for cell in cells])
        except ValueError:
            if rows or line_number != 1:
                raise ValueError(f"line {line_number}: expected numbers, found {','.join(cells)!r}")
    return rows


def main(argv):
    if len(argv) not in (2, 3):
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    try:
        import numpy as np
        import onnxruntime as ort
    except ImportError as error:
        print(
            f"onnx-run: the Python package {error.name} is missing: python3 -m pip install onnxruntime numpy "
            "(.ci/run installs them)",
            file=sys.stderr,
        )
        return 3
    try:
        if len(argv) == 3:
            with open(argv[2], newline="") as stream:
                rows = read_rows(stream)
        else:
            rows = read_rows(sys.stdin)
    except (OSError, ValueError) as error:
        print(f"onnx-run: {error}", file=sys.stderr)
        return 2
    if not rows:
        return 0
    session = ort.InferenceSession(argv[1], providers=["CPUExecutionProvider"])
    (outputs,) = session.run(["output"], {"input": np.array(rows, dtype=np.float64)})
    for row in outputs:
        print(",".join(repr(float(value)) for value in row))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
