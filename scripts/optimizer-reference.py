#!/usr/bin/env python3
# Writes the reference numbers that the optimizer tests of NeuralCore compare against: 10 training steps of a small
# fully connected network, [3, 4, 3, K] with tanh hidden layers, for 4 task/loss pairs times 5 optimizers (sgd,
# momentum, nesterov, rmsprop, adam), all computed by PyTorch in float64 (torch.optim, single-tensor code path).
# For each case the JSON holds the data, the initial parameters, the batch loss before every step and the
# parameters after every step. Run it from the repository root (needs torch and numpy):
#
#   python3 scripts/optimizer-reference.py > Tests/NeuralCoreTests/Fixtures/optimizer-reference.json
#
# Conventions the fixture follows:
# - a layer is z = W a + b, W shaped (units, fan_in) like torch.nn.Linear.weight; "weights" holds one list of rows
#   per layer, a row being one unit's incoming weights;
# - the loss of a batch is the mean of the per-instance losses; squared error is (p - y)^2 with no factor 1/2;
#   "binary" is one sigmoid output, "multiclass" a softmax over 3 outputs with the class index as target,
#   "regression" one identity output;
# - batches of 4 in sequential order: the k-th instance drawn in the run is row k mod 6;
# - every case carries every hyperparameter field, each read only by the optimizers that use it: learning_rate by
#   all, momentum by momentum and nesterov, rms_decay by rmsprop, beta1 and beta2 by adam, epsilon by rmsprop and
#   adam. No weight decay, no dampening; rmsprop is neither centered nor with momentum.
#
# Before printing, the script repeats every case with a forward pass, a backward pass and update rules written
# out in NumPy, and stops with an error unless both agree to 1e-13 relative (1e-15 absolute near zero). The
# largest disagreement goes to standard error.
import json
import sys

import numpy as np
import torch

torch.set_default_dtype(torch.float64)
torch.set_num_threads(1)

STEPS = 10
BATCH = 4
HIDDEN = [4, 3]
INPUTS = 3
ROWS = 6
DATA_SEED = 20250
INIT_SEED = 7
INIT_SCALE = 0.5

# Hyperparameters written into every case; LEARNING_RATE depends on the optimizer.
LEARNING_RATE = {"sgd": 0.1, "momentum": 0.1, "nesterov": 0.1, "rmsprop": 0.01, "adam": 0.01}
MOMENTUM = 0.9
BETA1 = 0.9
BETA2 = 0.999
EPSILON = 1e-8
RMS_DECAY = 0.99

TASKS = [("binary", "squared-error"), ("binary", "cross-entropy"), ("multiclass", "cross-entropy"),
         ("regression", "squared-error")]
OPTIMIZERS = ["sgd", "momentum", "nesterov", "rmsprop", "adam"]
OUTPUTS = {"binary": 1, "multiclass": 3, "regression": 1}

REL_TOL = 1e-13
ABS_TOL = 1e-15


def make_data():
    rng = np.random.default_rng(DATA_SEED)
    features = rng.normal(size=(ROWS, INPUTS))
    regression = rng.normal(size=ROWS)
    targets = {
        "binary": np.array([0, 1, 1, 0, 1, 0]),
        "multiclass": np.array([0, 2, 1, 1, 0, 2]),
        "regression": regression,
    }
    return features, targets


def make_initial(outputs):
    """Weights and biases of [3, 4, 3, outputs]; the same numbers for every case with that many outputs."""
    rng = np.random.default_rng(INIT_SEED)
    sizes = [INPUTS] + HIDDEN + [outputs]
    weights, biases = [], []
    for fan_in, units in zip(sizes[:-1], sizes[1:]):
        weights.append(rng.normal(size=(units, fan_in)) * INIT_SCALE)
        biases.append(rng.normal(size=units) * INIT_SCALE)
    return sizes, weights, biases


def batch_rows(step):
    return [(step * BATCH + j) % ROWS for j in range(BATCH)]


# ---------------------------------------------------------------- PyTorch


def torch_loss(task, loss, z, y):
    if task == "multiclass":
        return -torch.log_softmax(z, dim=1).gather(1, y.view(-1, 1)).mean()
    if task == "binary":
        p = torch.sigmoid(z[:, 0])
        if loss == "squared-error":
            return ((p - y) ** 2).mean()
        return (-(y * torch.log(p) + (1 - y) * torch.log(1 - p))).mean()
    return ((z[:, 0] - y) ** 2).mean()


def torch_optimizer(name, params):
    lr = LEARNING_RATE[name]
    if name == "sgd":
        return torch.optim.SGD(params, lr=lr, foreach=False)
    if name == "momentum":
        return torch.optim.SGD(params, lr=lr, momentum=MOMENTUM, foreach=False)
    if name == "nesterov":
        return torch.optim.SGD(params, lr=lr, momentum=MOMENTUM, nesterov=True, foreach=False)
    if name == "rmsprop":
        return torch.optim.RMSprop(params, lr=lr, alpha=RMS_DECAY, eps=EPSILON, foreach=False)
    if name == "adam":
        return torch.optim.Adam(params, lr=lr, betas=(BETA1, BETA2), eps=EPSILON, foreach=False)
    raise ValueError(name)


def run_torch(task, loss, optimizer, features, targets, weights, biases):
    ws = [torch.tensor(w, requires_grad=True) for w in weights]
    bs = [torch.tensor(b, requires_grad=True) for b in biases]
    opt = torch_optimizer(optimizer, [p for pair in zip(ws, bs) for p in pair])
    x_all = torch.tensor(features)
    y_all = torch.tensor(targets, dtype=torch.long if task == "multiclass" else torch.float64)
    losses, after = [], []
    for step in range(STEPS):
        rows = torch.tensor(batch_rows(step))
        a = x_all[rows]
        for i, (w, b) in enumerate(zip(ws, bs)):
            a = a @ w.T + b
            if i < len(ws) - 1:
                a = torch.tanh(a)
        value = torch_loss(task, loss, a, y_all[rows])
        opt.zero_grad()
        value.backward()
        opt.step()
        losses.append(value.item())
        after.append(([w.detach().numpy().copy() for w in ws], [b.detach().numpy().copy() for b in bs]))
    return losses, after


# ---------------------------------------------------------------- NumPy, written out


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def numpy_loss_and_gradients(task, loss, weights, biases, x, y):
    """Mean batch loss and its gradients with respect to every weight and bias."""
    acts = [x]
    for i, (w, b) in enumerate(zip(weights, biases)):
        z = acts[-1] @ w.T + b
        acts.append(np.tanh(z) if i < len(weights) - 1 else z)
    z = acts.pop()
    n = x.shape[0]
    if task == "multiclass":
        shifted = z - z.max(axis=1, keepdims=True)
        softmax = np.exp(shifted) / np.exp(shifted).sum(axis=1, keepdims=True)
        value = -np.log(softmax[np.arange(n), y]).mean()
        dz = softmax.copy()
        dz[np.arange(n), y] -= 1.0
    elif task == "binary":
        p = sigmoid(z[:, 0])
        if loss == "squared-error":
            value = ((p - y) ** 2).mean()
            dz = (2.0 * (p - y) * p * (1.0 - p))[:, None]
        else:
            value = (-(y * np.log(p) + (1 - y) * np.log(1 - p))).mean()
            dz = (p - y)[:, None]
    else:
        value = ((z[:, 0] - y) ** 2).mean()
        dz = (2.0 * (z[:, 0] - y))[:, None]
    delta = dz / n
    gw, gb = [None] * len(weights), [None] * len(weights)
    for i in reversed(range(len(weights))):
        gw[i] = delta.T @ acts[i]
        gb[i] = delta.sum(axis=0)
        if i > 0:
            delta = (delta @ weights[i]) * (1.0 - acts[i] ** 2)
    return value, gw, gb


class NumpyOptimizer:
    """The update rules, one state per parameter array."""

    def __init__(self, name, count):
        self.name, self.lr, self.t = name, LEARNING_RATE[name], 0
        self.buf = [None] * count  # momentum buffer, or Adam's first moment
        self.sq = [None] * count   # RMSprop's and Adam's running mean of squared gradients

    def step(self, params, grads):
        self.t += 1
        out = []
        for i, (p, g) in enumerate(zip(params, grads)):
            if self.name == "sgd":
                p = p - self.lr * g
            elif self.name in ("momentum", "nesterov"):
                self.buf[i] = g.copy() if self.buf[i] is None else MOMENTUM * self.buf[i] + g
                direction = self.buf[i] if self.name == "momentum" else g + MOMENTUM * self.buf[i]
                p = p - self.lr * direction
            elif self.name == "rmsprop":
                v = np.zeros_like(g) if self.sq[i] is None else self.sq[i]
                self.sq[i] = RMS_DECAY * v + (1 - RMS_DECAY) * g * g
                p = p - self.lr * g / (np.sqrt(self.sq[i]) + EPSILON)
            elif self.name == "adam":
                m = np.zeros_like(g) if self.buf[i] is None else self.buf[i]
                v = np.zeros_like(g) if self.sq[i] is None else self.sq[i]
                self.buf[i] = BETA1 * m + (1 - BETA1) * g
                self.sq[i] = BETA2 * v + (1 - BETA2) * g * g
                # As torch: epsilon is added to sqrt(v) / sqrt(1 - beta2^t), i.e. to the corrected root.
                correction1 = 1 - BETA1 ** self.t
                correction2 = 1 - BETA2 ** self.t
                denom = np.sqrt(self.sq[i]) / correction2 ** 0.5 + EPSILON
                p = p - (self.lr / correction1) * self.buf[i] / denom
            else:
                raise ValueError(self.name)
            out.append(p)
        return out


def run_numpy(task, loss, optimizer, features, targets, weights, biases):
    weights = [w.copy() for w in weights]
    biases = [b.copy() for b in biases]
    opt = NumpyOptimizer(optimizer, 2 * len(weights))
    losses, after = [], []
    for step in range(STEPS):
        rows = batch_rows(step)
        value, gw, gb = numpy_loss_and_gradients(task, loss, weights, biases, features[rows], targets[rows])
        params = opt.step(weights + biases, gw + gb)
        weights, biases = params[: len(weights)], params[len(weights):]
        losses.append(float(value))
        after.append(([w.copy() for w in weights], [b.copy() for b in biases]))
    return losses, after


# ---------------------------------------------------------------- comparison and output


class Agreement:
    def __init__(self):
        self.max_rel, self.max_abs, self.max_used, self.where = 0.0, 0.0, 0.0, ""

    def check(self, case, what, ours, theirs):
        ours, theirs = np.asarray(ours, dtype=np.float64), np.asarray(theirs, dtype=np.float64)
        diff = np.abs(ours - theirs)
        scale = np.maximum(np.abs(ours), np.abs(theirs))
        allowed = np.maximum(REL_TOL * scale, ABS_TOL)
        used = diff / allowed  # above 1 fails
        if used.max() > 1:
            k = int(np.argmax(used))
            sys.exit(f"optimizer-reference: {case} {what}: torch {theirs.ravel()[k]!r} vs numpy {ours.ravel()[k]!r}"
                     f" (difference {diff.ravel()[k]:.3g}) beyond {REL_TOL} relative / {ABS_TOL} absolute")
        rel = diff / np.where(scale > 0, scale, 1.0)
        if used.max() > self.max_used:
            self.max_used, self.where = float(used.max()), f"{case} {what}"
        self.max_rel = max(self.max_rel, float(rel.max()))
        self.max_abs = max(self.max_abs, float(diff.max()))


def parameters_json(weights, biases):
    return {"weights": [w.tolist() for w in weights], "biases": [b.tolist() for b in biases]}


def layout(document):
    """JSON with one line per case field and per step, each value compact; floats as Python's repr."""
    def compact(value):
        return json.dumps(value, separators=(",", ":"))

    def case_text(case):
        fields = []
        for key, value in case.items():
            if key == "after_step":
                steps = ",\n   ".join(compact(entry) for entry in value)
                fields.append(f'  "after_step": [\n   {steps}\n  ]')
            else:
                fields.append(f"  {json.dumps(key)}: {compact(value)}")
        return " {\n" + ",\n".join(fields) + "\n }"

    head = [f" {json.dumps(key)}: {compact(value)}" for key, value in document.items() if key != "cases"]
    cases = ",\n".join(case_text(case) for case in document["cases"])
    return "{\n" + ",\n".join(head) + ',\n "cases": [\n' + cases + "\n ]\n}\n"


def main():
    features, targets = make_data()
    agreement = Agreement()
    cases = []
    for task, loss in TASKS:
        sizes, weights, biases = make_initial(OUTPUTS[task])
        y = targets[task]
        for optimizer in OPTIMIZERS:
            name = f"{task}-{loss}-{optimizer}"
            t_losses, t_after = run_torch(task, loss, optimizer, features, y, weights, biases)
            n_losses, n_after = run_numpy(task, loss, optimizer, features, y, weights, biases)
            agreement.check(name, "losses", n_losses, t_losses)
            for step, ((tw, tb), (nw, nb)) in enumerate(zip(t_after, n_after)):
                for layer in range(len(tw)):
                    agreement.check(name, f"step {step + 1} layer {layer} weights", nw[layer], tw[layer])
                    agreement.check(name, f"step {step + 1} layer {layer} biases", nb[layer], tb[layer])
            cases.append({
                "name": name,
                "task": task,
                "loss": loss,
                "hidden_activation": "tanh",
                "optimizer": optimizer,
                "learning_rate": LEARNING_RATE[optimizer],
                "momentum": MOMENTUM,
                "beta1": BETA1,
                "beta2": BETA2,
                "epsilon": EPSILON,
                "rms_decay": RMS_DECAY,
                "batch_size": BATCH,
                "sizes": sizes,
                "features": features.tolist(),
                "targets": y.tolist(),
                "initial": parameters_json(weights, biases),
                "losses": t_losses,
                "after_step": [parameters_json(w, b) for w, b in t_after],
            })
    document = {
        "generator": "scripts/optimizer-reference.py",
        "torch_version": torch.__version__,
        "order": "sequential",
        "cases": cases,
    }
    sys.stdout.write(layout(document))
    print(f"optimizer-reference: {len(cases)} cases; torch and numpy agree: largest relative difference "
          f"{agreement.max_rel:.3g}, largest absolute {agreement.max_abs:.3g}, closest to the tolerance "
          f"{agreement.max_used:.3g} of it ({agreement.where})", file=sys.stderr)


if __name__ == "__main__":
    main()
