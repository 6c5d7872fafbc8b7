#!/usr/bin/env python3
"""Runs a model written by `nntop export` in onnxruntime on rows of a CSV file and prints each row's outputs.

usage: scripts/onnx-run.py MODEL.onnx [ROWS.csv]

For a graph with the one input "input", ROWS.csv (standard input when not given) holds one input row a line,
the values `nntop predict` takes, comma-separated; a first line that is not numbers is a header and skipped.
For a graph with one input a column (a model that reads categories), ROWS.csv has a header, and each input
takes the column of its name (case aside), as `nntop predict` does: a number column's missing cells (empty, NA,
NaN, ?, null) become NaN, a text column's cells are given as they are, spaces and tabs around them left out.
Each output row is printed as one line: the numbers in full precision (repr), comma-separated, so they can be
compared with `nntop predict --json`, then the label when the graph gives one.
Exit status: 0, 2 for bad usage or input, 3 when onnxruntime or numpy is missing.
"""
import csv
import math
import sys

MISSING = {"", "na", "n/a", "nan", "null", "?"}


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


def read_columns(stream, inputs):
    """The columns the graph's inputs name, as {name: [cell, ...]}, and the row count."""
    lines = [cells for cells in csv.reader(stream) if any(cell.strip() for cell in cells)]
    if not lines:
        return {}, 0
    header = [cell.strip(" \t").lower() for cell in lines[0]]
    columns = {}
    for name in inputs:
        wanted = name.lower()
        if wanted not in header and wanted.endswith("_input"):
            wanted = wanted[: -len("_input")]
        if wanted not in header:
            raise ValueError(f"no column {name!r} in the header ({', '.join(lines[0])})")
        k = header.index(wanted)
        columns[name] = [cells[k].strip(" \t") if k < len(cells) else "" for cells in lines[1:]]
    return columns, len(lines) - 1


def number(cell):
    if cell.lower() in MISSING:
        return math.nan
    return float(cell)


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
    session = ort.InferenceSession(argv[1], providers=["CPUExecutionProvider"])
    inputs = session.get_inputs()
    outputs = [output.name for output in session.get_outputs()]
    stream = open(argv[2], newline="") if len(argv) == 3 else sys.stdin
    try:
        with stream:
            if [i.name for i in inputs] == ["input"]:
                rows = read_rows(stream)
                count = len(rows)
                feed = {"input": np.array(rows, dtype=np.float64)}
            else:
                columns, count = read_columns(stream, [i.name for i in inputs])
                feed = {}
                for i in inputs:
                    cells = columns[i.name]
                    if i.type == "tensor(string)":
                        feed[i.name] = np.array(cells, dtype=object).reshape(-1, 1)
                    else:
                        feed[i.name] = np.array([number(c) for c in cells], dtype=np.float64).reshape(-1, 1)
    except (OSError, ValueError) as error:
        print(f"onnx-run: {error}", file=sys.stderr)
        return 2
    if count == 0:
        return 0
    results = dict(zip(outputs, session.run(outputs, feed)))
    writer = csv.writer(sys.stdout, lineterminator="\n")
    for k, row in enumerate(results["output"]):
        cells = [repr(float(value)) for value in row]
        if "label" in results:
            cells.append(str(results["label"][k][0]))
        writer.writerow(cells)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
