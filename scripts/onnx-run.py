#!/usr/bin/env python3
"""Runs a model written by `nntop export` in onnxruntime on rows of a CSV file and prints each row's outputs.

usage: scripts/onnx-run.py MODEL.onnx [ROWS.csv]

The CSV file (standard input when not given) is read as `nntop predict` reads one: a UTF-8 byte order mark is
skipped, lines end in LF or CRLF, blank lines are skipped, a cell in double quotes may hold commas, line ends and
doubled quotes, spaces and tabs around a cell are not part of it, bytes that are not UTF-8 read as U+FFFD, and
the first line is a header when none of its cells is a number. Every row must have the header's number of cells.
The graph's metadata says how a row reaches it. A model that reads its columns by name ("columns": trained with
--columns, --drop, --missing, or on text columns) finds each in the header by its name, else by its name in
another case, as predict does; the file may hold others, in any order. A graph with one input a column (a model
that reads categories) gives each input its column: a number column's missing cells (empty, NA, NaN, ?, null,
in any case) as NaN, a text column's cells as they are (the graph fills or refuses them). A graph with the one
input "input" takes those columns, or every column of the file in order, as numbers (a missing cell is NaN).
Each output row is printed as one line: the numbers in full precision (repr), comma-separated, so they can be
compared with `nntop predict --json`, then the label when the graph gives one (quoted when it holds a comma; empty
when the output is not a number).
Exit status: 0; 1 when the output's reader stops early (| head); 2 for bad usage or input, a model onnxruntime
cannot load, or rows it cannot run (a category the training data did not have); 3 when onnxruntime or numpy is
missing.
"""
import csv
import ctypes
import json
import math
import os
import re
import sys
import unicodedata

MISSING = {b"", b"na", b"n/a", b"nan", b"null", b"?"}
DECIMAL = re.compile(rb"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?\Z")
DIGIT_FIRST = re.compile(rb"[+-]?\.?[0-9]")


def tokenize(data):
    """The rows of CSV bytes as lists of cells (bytes), with the line each row starts on."""
    i = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    n, line, rows = len(data), 1, []
    while i < n:
        j = i
        while j < n and data[j] in b" \t":
            j += 1
        if j < n and data[j] == 13 and j + 1 < n and data[j + 1] == 10:
            j += 1
        if j == n or data[j] == 10:  # a blank line
            i, line = j + 1, line + 1
            continue
        start_line, cells = line, []
        while True:
            while i < n and data[i] in b" \t":
                i += 1
            if i < n and data[i] == 34:  # a quoted cell
                opened, i, text = line, i + 1, bytearray()
                while True:
                    close = data.find(b'"', i)
                    if close < 0:
                        raise ValueError(f"line {opened}: a quoted cell opens here and never closes (a missing \")")
                    line += data.count(b"\n", i, close)
                    text += data[i:close]
                    if close + 1 < n and data[close + 1] == 34:
                        text += b'"'
                        i = close + 2
                        continue
                    i = close + 1
                    break
                while i < n and data[i] in b" \t":
                    i += 1
                if i < n and data[i] == 13 and i + 1 < n and data[i + 1] == 10:
                    i += 1
                if i < n and data[i] not in b",\n":
                    raise ValueError(f"line {line}: expected a comma or the line's end after a quoted cell")
                cells.append(bytes(text))
            else:
                end = i
                while end < n and data[end] not in b",\n":
                    end += 1
                cell = data[i:end]
                if (end == n or data[end] == 10) and cell.endswith(b"\r"):
                    cell = cell[:-1]
                cells.append(cell.rstrip(b" \t"))
                i = end
            if i >= n:
                break
            if data[i] == 10:
                i, line = i + 1, line + 1
                break
            i += 1  # the comma
        rows.append((start_line, cells))
    return rows


try:
    _strtod = ctypes.CDLL(None).strtod
    _strtod.restype = ctypes.c_double
    _strtod.argtypes = [ctypes.c_char_p, ctypes.POINTER(ctypes.c_char_p)]
except (OSError, AttributeError):
    _strtod = None


def number(cell):
    """A cell's number as nntop reads it: a decimal, else what C's strtod reads of the whole cell (inf, …); or
    None when it is not a number."""
    if DECIMAL.match(cell):
        return float(cell)
    if DIGIT_FIRST.match(cell) or not cell or b"\0" in cell or _strtod is None:
        return None
    buffer = ctypes.create_string_buffer(cell)
    stop = ctypes.c_char_p()
    value = _strtod(buffer, ctypes.byref(stop))
    used = ctypes.cast(stop, ctypes.c_void_p).value - ctypes.addressof(buffer)
    return value if used == len(cell) else None


def is_missing(cell):
    return cell.lower() in MISSING


def text(cell):
    return cell.decode("utf-8", errors="replace")


def split_header(rows):
    """The column names and the data rows: the first row is a header when none of its cells is a number."""
    if not rows:
        return [], []
    first = rows[0][1]
    if any(number(cell) is not None for cell in first):
        return [f"x{k + 1}" for k in range(len(first))], rows
    return [text(cell) for cell in first], rows[1:]


def check_widths(names, rows):
    for line, cells in rows:
        if len(cells) != len(names):
            raise ValueError(f"line {line}: expected {len(names)} columns, found {len(cells)}")


def find(name, names):
    """The column `name` names among `names`, as nntop finds one: the same text, else the first that differs only
    in case."""
    same = [unicodedata.normalize("NFC", n) for n in names]
    wanted = unicodedata.normalize("NFC", name)
    if wanted in same:
        return same.index(wanted)
    lower = [unicodedata.normalize("NFC", n.lower()) for n in names]
    wanted = unicodedata.normalize("NFC", name.lower())
    return lower.index(wanted) if wanted in lower else None


def find_all(wanted, names):
    """The place of each of the columns `wanted` in the header `names`; an error for one that is not there, or
    for two found as one (names a case apart), as nntop predict gives."""
    found = []
    for name in wanted:
        k = find(name, names)
        if k is None:
            raise ValueError(f"no column {name!r} in the header ({', '.join(names)})")
        if k in found:
            raise ValueError(f"columns {wanted[found.index(k)]!r} and {name!r} are both read from column {k + 1}")
        found.append(k)
    return found


def cell_number(cell, where):
    x = math.nan if is_missing(cell) else number(cell)
    if x is None:
        raise ValueError(f"{where}: expected a number, found {text(cell)!r}")
    return x


def read_rows(data, by_name, width):
    """The rows of numbers for the one input "input" of `width` values: for a model that reads its columns by
    name (`by_name`, in the input's order), those columns; else the file's columns in order, as predict takes
    them: without a first column that is a row index as pandas writes one (no name; 0, 1, 2, …), and without a
    last one beyond the values (the target)."""
    names, rows = split_header(tokenize(data))
    check_widths(names, rows)
    if by_name is not None:
        found = find_all(by_name, names)
        rows = [(line, [cells[k] for k in found]) for line, cells in rows]
    values = [[cell_number(cell, f"line {line}") for cell in cells] for line, cells in rows]
    if names and names[0].lower() in ("", "unnamed: 0") and len(names) > 1 and by_name is None and rows:
        if all(row[0] == k for k, row in enumerate(values)):
            values = [row[1:] for row in values]
    if by_name is None and isinstance(width, int) and values and len(values[0]) == width + 1:
        values = [row[:-1] for row in values]
    return values


def read_columns(data, inputs, columns):
    """The cells of the column each input reads (`columns`, by input), as {input: [cell, ...]}, and the row
    count."""
    names, rows = split_header(tokenize(data))
    check_widths(names, rows)
    found = find_all([columns[name] for name in inputs], names)
    return {name: [cells[k] for _, cells in rows] for name, k in zip(inputs, found)}, len(rows)


def metadata(session, key):
    """A list of texts the model's metadata_props hold as JSON, or None."""
    try:
        value = json.loads(session.get_modelmeta().custom_metadata_map[key])
    except (KeyError, ValueError):
        return None
    return value if isinstance(value, list) and all(isinstance(v, str) for v in value) else None


def one_line(error):
    return " ".join(str(error).split())


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
    # onnxruntime's own log would say again, in colour, what the error below says.
    ort.set_default_logger_severity(4)
    options = ort.SessionOptions()
    options.log_severity_level = 4
    try:
        session = ort.InferenceSession(argv[1], options, providers=["CPUExecutionProvider"])
    except Exception as error:  # onnxruntime raises its own kinds, and more than one
        print(f"onnx-run: {argv[1]}: onnxruntime cannot load it: {one_line(error)}", file=sys.stderr)
        return 2
    inputs = session.get_inputs()
    outputs = [output.name for output in session.get_outputs()]
    try:
        if len(argv) == 3:
            with open(argv[2], "rb") as stream:
                data = stream.read()
        else:
            data = sys.stdin.buffer.read()
        names = [i.name for i in inputs]
        # One input a column when the metadata lists the inputs ("inputs"), each reading the column at its place in
        # "feature_names"; else the one "input", of the columns "columns" names (a model that reads them by name),
        # or of the file's columns in order.
        graph_inputs = metadata(session, "inputs")
        if graph_inputs is None and names == ["input"]:
            rows = read_rows(data, metadata(session, "columns"), inputs[0].shape[1])
            count = len(rows)
            feed = {"input": np.array(rows, dtype=np.float64).reshape(count, -1)}
        else:
            columns = metadata(session, "feature_names") if graph_inputs == names else None
            if columns is None or len(columns) != len(names):
                columns = names
            cells, count = read_columns(data, names, dict(zip(names, columns)))
            feed = {}
            for i in inputs:
                if i.type == "tensor(string)":
                    values = [text(cell) for cell in cells[i.name]]
                    feed[i.name] = np.array(values, dtype=object).reshape(-1, 1)
                else:
                    values = [cell_number(cell, f"column {i.name!r}") for cell in cells[i.name]]
                    feed[i.name] = np.array(values, dtype=np.float64).reshape(-1, 1)
    except (OSError, ValueError) as error:
        print(f"onnx-run: {error}", file=sys.stderr)
        return 2
    if count == 0:
        print("onnx-run: no rows to run the model on", file=sys.stderr)
        return 2
    try:
        results = dict(zip(outputs, session.run(outputs, feed)))
    except Exception as error:
        message = one_line(error)
        if "Unknown Category" in message:
            message += " (a category the training data did not have; nntop export --unknown zero reads it as zeros)"
        print(f"onnx-run: onnxruntime cannot run the model on these rows: {message}", file=sys.stderr)
        return 2
    writer = csv.writer(sys.stdout, lineterminator="\n")
    try:
        for k, row in enumerate(results["output"]):
            cells = [repr(float(value)) for value in row]
            if "label" in results:
                cells.append(str(results["label"][k][0]))
            writer.writerow(cells)
        sys.stdout.flush()
    except BrokenPipeError:  # a reader that stopped early (| head): nothing more to say
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
