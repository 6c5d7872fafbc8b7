"""Writes standard small datasets as CSV files with fixed train/test splits, and the scikit-learn baselines on
exactly those splits, so that nntop's accuracy can be compared on the same files.

    python3 bench/datasets.py [OUTDIR]          (OUTDIR defaults to /tmp/nntop-datasets)

Needs numpy and scikit-learn (`pip install numpy scikit-learn`). The datasets are the ones scikit-learn ships
(iris, wine, digits, breast_cancer, diabetes), so nothing is downloaded; california housing needs a download
and is left out.

For each dataset NAME it writes to OUTDIR:
    NAME-train.csv, NAME-test.csv   train_test_split(test_size=0.3, random_state=0), stratified for classes
    NAME.csv                        all rows, train then test, for runs that use nntop's own split
Each file has a header line (the feature names with anything outside [A-Za-z0-9_] turned into _, then
`target`) and one row per sample: the unscaled features as plain decimal numbers, the target last (class
numbers 0..K-1 as scikit-learn gives them, or the regression value).

Then it reads the train/test files back, fits each baseline on train and scores it on test, prints the table
and writes it, with the date, the versions and the exact settings, to bench/reference-accuracy.txt.
"""
import datetime
import os
import platform
import re
import statistics
import sys
import warnings

import numpy as np
import sklearn
from sklearn import datasets as skdatasets
from sklearn.compose import TransformedTargetRegressor
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import LinearRegression, LogisticRegression
from sklearn.metrics import accuracy_score, mean_squared_error, r2_score
from sklearn.model_selection import train_test_split
from sklearn.neural_network import MLPClassifier, MLPRegressor
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

SEEDS = (1, 2, 3)
SPLIT = dict(test_size=0.3, random_state=0)
REFERENCE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "reference-accuracy.txt")

# name, loader, kind
DATASETS = [
    ("iris", skdatasets.load_iris, "classification"),
    ("wine", skdatasets.load_wine, "classification"),
    ("digits", skdatasets.load_digits, "classification"),
    ("breast_cancer", skdatasets.load_breast_cancer, "classification"),
    ("diabetes", skdatasets.load_diabetes, "regression"),
]


def column_name(name):
    cleaned = re.sub(r"[^A-Za-z0-9_]+", "_", str(name)).strip("_")
    return cleaned or "x"


def header(feature_names):
    names, seen = [], set()
    for raw in feature_names:
        name = base = column_name(raw)
        n = 2
        while name in seen or name == "target":
            name = f"{base}_{n}"
            n += 1
        seen.add(name)
        names.append(name)
    return ",".join(names + ["target"])


def number(x):
    text = repr(float(x))
    if "e" in text or "n" in text:  # no exponents in the files: write the same shortest digits positionally
        text = np.format_float_positional(float(x), unique=True, trim="0")
    return text


def write_csv(path, head, X, y, integer_target):
    with open(path, "w") as f:
        f.write(head + "\n")
        for row, target in zip(X, y):
            t = str(int(target)) if integer_target else number(target)
            f.write(",".join(number(v) for v in row) + "," + t + "\n")


def read_csv(path, integer_target):
    data = np.loadtxt(path, delimiter=",", skiprows=1, ndmin=2)
    X, y = data[:, :-1], data[:, -1]
    return X, (y.astype(int) if integer_target else y)


def mlp_classifier(hidden, seed):
    return make_pipeline(StandardScaler(), MLPClassifier(hidden_layer_sizes=hidden, max_iter=2000, random_state=seed))


def logistic():
    return make_pipeline(StandardScaler(), LogisticRegression(max_iter=5000))


def mlp_regressor(seed):
    return TransformedTargetRegressor(
        regressor=make_pipeline(StandardScaler(), MLPRegressor(hidden_layer_sizes=(16,), max_iter=5000, random_state=seed)),
        transformer=StandardScaler(),
    )


def fmt_runs(values):
    return f"{statistics.median(values):.4f} (" + " ".join(f"{v:.4f}" for v in values) + ")"


def classification_row(Xtr, ytr, Xte, yte):
    def acc(model):
        return accuracy_score(yte, model.fit(Xtr, ytr).predict(Xte))

    return {
        "metric": "accuracy",
        "MLP(16) median [s=1 2 3]": fmt_runs([acc(mlp_classifier((16,), s)) for s in SEEDS]),
        "MLP(100) median [s=1 2 3]": fmt_runs([acc(mlp_classifier((100,), s)) for s in SEEDS]),
        "LogReg": f"{acc(logistic()):.4f}",
    }


def regression_row(Xtr, ytr, Xte, yte):
    pred = LinearRegression().fit(Xtr, ytr).predict(Xte)
    r2 = [r2_score(yte, mlp_regressor(s).fit(Xtr, ytr).predict(Xte)) for s in SEEDS]
    return {
        "metric": "R2",
        "LinReg": f"R2 {r2_score(yte, pred):.4f}, RMSE {mean_squared_error(yte, pred) ** 0.5:.2f}",
        "MLP(16) median [s=1 2 3]": fmt_runs(r2),
    }


def main():
    outdir = sys.argv[1] if len(sys.argv) > 1 else "/tmp/nntop-datasets"
    os.makedirs(outdir, exist_ok=True)
    warnings.filterwarnings("ignore", category=ConvergenceWarning)

    lines = []
    for name, loader, kind in DATASETS:
        bunch = loader()
        X, y = np.asarray(bunch.data, dtype=float), np.asarray(bunch.target)
        classification = kind == "classification"
        Xtr, Xte, ytr, yte = train_test_split(X, y, stratify=y if classification else None, **SPLIT)
        head = header(bunch.feature_names)
        paths = {part: os.path.join(outdir, f"{name}-{part}.csv") for part in ("train", "test")}
        write_csv(paths["train"], head, Xtr, ytr, classification)
        write_csv(paths["test"], head, Xte, yte, classification)
        write_csv(os.path.join(outdir, f"{name}.csv"), head, np.vstack([Xtr, Xte]), np.concatenate([ytr, yte]), classification)

        # Scores come from the files as written, so they are the scores of exactly these splits.
        Xtr, ytr = read_csv(paths["train"], classification)
        Xte, yte = read_csv(paths["test"], classification)
        row = (classification_row if classification else regression_row)(Xtr, ytr, Xte, yte)
        classes = str(len(np.unique(ytr))) if classification else "-"
        first = f"{name:<14} {len(ytr):>4}/{len(yte):<4} features {Xtr.shape[1]:>2}  classes {classes:>2}  {row.pop('metric')}"
        lines.append(first)
        lines.extend(f"    {k:<26} {v}" for k, v in row.items())
        print("\n".join(lines[-(len(row) + 1):]), flush=True)
    lines.append("california_housing: left out (scikit-learn downloads it)")
    print(lines[-1])

    settings = f"""nntop reference baselines: scikit-learn on the train/test CSV files that bench/datasets.py writes
date: {datetime.date.today().isoformat()}
python {platform.python_version()}, scikit-learn {sklearn.__version__}, numpy {np.__version__}
command: python3 bench/datasets.py [OUTDIR]   (files NAME-train.csv, NAME-test.csv, NAME.csv in OUTDIR)

split: train_test_split(X, y, test_size=0.3, random_state=0, stratify=y for classification, none for diabetes);
  features unscaled in the files; every model is fitted on NAME-train.csv and scored on NAME-test.csv
MLP(16):  make_pipeline(StandardScaler(), MLPClassifier(hidden_layer_sizes=(16,), max_iter=2000, random_state=s))
MLP(100): make_pipeline(StandardScaler(), MLPClassifier(hidden_layer_sizes=(100,), max_iter=2000, random_state=s))
LogReg:   make_pipeline(StandardScaler(), LogisticRegression(max_iter=5000))
LinReg:   LinearRegression() on the unscaled features; RMSE in the target's units
MLP(16) for diabetes: TransformedTargetRegressor(regressor=make_pipeline(StandardScaler(),
  MLPRegressor(hidden_layer_sizes=(16,), max_iter=5000, random_state=s)), transformer=StandardScaler())
s = 1, 2, 3; shown as the median, then the three runs; all other settings scikit-learn's defaults;
  convergence warnings silenced

dataset        train/test
"""
    with open(REFERENCE, "w") as f:
        f.write(settings + "\n".join(lines) + "\n")
    print(f"wrote {outdir} and {REFERENCE}")


if __name__ == "__main__":
    main()
