#!/usr/bin/env python3
"""nntop-bench's minibatch workloads in NumPy, PyTorch and JAX, for scale.

The same shapes, activations, losses, learning rates and batch sizes as `nntop-bench --minibatch`
(Sources/nntop-bench/Minibatch.swift), float64, plain SGD on the mean gradient of a batch of rows drawn at random
with replacement; data of the same kind drawn from NumPy's generator (the figures do not depend on the values).

- numpy: the batch through each layer as matrix products (the BLAS NumPy is linked to), gradients by hand.
- torch: float64 tensors, autograd, torch.optim.SGD, torch.set_num_threads(the processors, or --threads), rows
  drawn with torch.randint each step.
- jax: float64 (jax_enable_x64), the whole loop jitted as a lax.scan over steps, rows drawn with jax.random inside
  it, compiled ahead of the timed call; block_until_ready.

A framework that is not installed is skipped with a note. Each loop is timed alone after warm-up steps (their
losses go to stderr as a check that the loop learns) for about SECONDS; prints `<framework>_<name>_steps_per_second
N`, the median of RUNS runs, and `#` lines naming the BLAS and thread counts. Each framework runs in its own
process.

    python3 bench/frameworks.py [--framework numpy,torch,jax] [--workload NAME[,NAME]] [--runs 5] [--seconds 0.75]
                                [--threads N]

--threads also limits NumPy's BLAS (through threadpoolctl) and, at 1, XLA's CPU threads. On a machine others are
using, a multi-threaded BLAS or OpenMP pool can run several times slower than one thread: compare both.
"""

import argparse
import os
import statistics
import subprocess
import sys
import time

# name, hidden, activation, loss, learning rate, batch, data, warm-up steps (as Minibatch.swift)
WORKLOADS = []
for _width, _one, _many in [(8, 20000, 2000), (32, 20000, 1000), (128, 5000, 200), (512, 1000, 20)]:
    WORKLOADS.append((f"width{_width}_b1", [_width, _width], "tanh", "squared", 0.1, 1, "moons", _one))
    WORKLOADS.append((f"width{_width}_b64", [_width, _width], "tanh", "squared", 0.1, 64, "moons", _many))
WORKLOADS.append(("relu16_b64", [16, 16], "relu", "squared", 0.05, 64, "sum_sign", 2000))
WORKLOADS.append(("ce30_b32", [16], "tanh", "cross_entropy", 0.05, 32, "linear_rule", 2000))
NAMES = [w[0] for w in WORKLOADS]


def make_data(kind):
    import numpy as np

    rng = np.random.default_rng(11)
    if kind == "moons":
        k = np.arange(1024)
        lower = k % 2 == 1
        t = np.pi * rng.random(1024)
        x = np.where(lower, 1 - np.cos(t), np.cos(t)) + 0.1 * rng.standard_normal(1024)
        y = np.where(lower, 0.5 - np.sin(t), np.sin(t)) + 0.1 * rng.standard_normal(1024)
        return np.stack([x, y], axis=1), lower.astype(np.float64)
    if kind == "sum_sign":
        features = rng.standard_normal((1_000_000, 4))
        return features, (features.sum(axis=1) > 0).astype(np.float64)
    rule = rng.standard_normal(30)
    features = rng.standard_normal((512, 30))
    return features, (features @ rule > 0).astype(np.float64)


def initial_parameters(sizes, activation, rng):
    """Glorot (He for ReLU hidden layers, Glorot at the output) weights as (units, fan-in) matrices, zero biases."""
    import numpy as np

    params = []
    for layer, (fan_in, units) in enumerate(zip(sizes, sizes[1:])):
        he = activation == "relu" and layer < len(sizes) - 2
        scale = np.sqrt((2.0 if he else 1.0) / fan_in)
        params.append((rng.standard_normal((units, fan_in)) * scale, np.zeros(units)))
    return params


def mean_loss_numpy(params, activation, loss, x, y):
    import numpy as np

    a = x
    for layer, (w, b) in enumerate(params):
        z = a @ w.T + b
        if layer == len(params) - 1:
            a = 1 / (1 + np.exp(-z))
        else:
            a = np.tanh(z) if activation == "tanh" else np.maximum(z, 0)
    p = a[:, 0]
    if loss == "squared":
        return float(np.mean((p - y) ** 2))
    q = np.clip(p, 1e-15, 1 - 1e-15)
    return float(np.mean(-(y * np.log(q) + (1 - y) * np.log(1 - q))))


def time_loop(train, target):
    """Doubles the steps until a run takes a tenth of `target`, then times a run sized to take `target`."""
    probe = 1
    while True:
        t0 = time.perf_counter()
        train(probe)
        t = time.perf_counter() - t0
        if t >= target / 10 or probe >= 1 << 30:
            steps = max(1, int(probe / t * target))
            t0 = time.perf_counter()
            train(steps)
            return steps / (time.perf_counter() - t0)
        probe *= 2


# ---- NumPy


def numpy_runner(workload, x, y, target, runs):
    import numpy as np

    name, hidden, activation, loss, rate, batch, _, warm = workload
    rng = np.random.default_rng(1)
    params = initial_parameters([x.shape[1]] + hidden + [1], activation, rng)
    ws = [w for w, _ in params]
    bs = [b for _, b in params]
    rows, scale, last = x.shape[0], rate / batch, len(ws) - 1

    def train(steps):
        for _ in range(steps):
            idx = rng.integers(0, rows, size=batch)
            acts = [x[idx]]
            for layer in range(last + 1):
                z = acts[-1] @ ws[layer].T
                z += bs[layer]
                if layer == last:
                    np.negative(z, out=z)
                    np.exp(z, out=z)
                    z += 1
                    np.reciprocal(z, out=z)
                elif activation == "tanh":
                    np.tanh(z, out=z)
                else:
                    np.maximum(z, 0, out=z)
                acts.append(z)
            p = acts[-1]
            t = y[idx][:, None]
            delta = 2 * (p - t) * p * (1 - p) if loss == "squared" else p - t
            for layer in range(last, -1, -1):
                grad_w = delta.T @ acts[layer]
                grad_b = delta.sum(axis=0)
                if layer > 0:
                    a = acts[layer]
                    delta = delta @ ws[layer]
                    delta *= (1 - a * a) if activation == "tanh" else (a > 0)
                grad_w *= scale
                ws[layer] -= grad_w
                bs[layer] -= scale * grad_b

    def check():
        return mean_loss_numpy(list(zip(ws, bs)), activation, loss, x, y)

    return run_workload("numpy", workload, train, check, target, runs)


def run_workload(framework, workload, train, check, target, runs):
    name, warm = workload[0], workload[7]
    before = check()
    train(warm)
    after = check()
    note = "" if after < before else "  LOSS DID NOT GO DOWN"
    print(f"{framework} {name} mean loss {before:.17g} -> {after:.17g} after {warm} steps{note}", file=sys.stderr)
    rates = [time_loop(train, target) for _ in range(runs)]
    print(f"{framework} {name} runs {' '.join(f'{r:.1f}' for r in rates)}", file=sys.stderr)
    return statistics.median(rates)


# ---- PyTorch


def torch_runner(workload, x, y, target, runs):
    import numpy as np
    import torch

    name, hidden, activation, loss, rate, batch, _, warm = workload
    torch.manual_seed(1)
    params = initial_parameters([x.shape[1]] + hidden + [1], activation, np.random.default_rng(1))
    tensors = []
    for w, b in params:
        tensors += [torch.tensor(w, requires_grad=True), torch.tensor(b, requires_grad=True)]
    optimizer = torch.optim.SGD(tensors, lr=rate)
    xt, yt = torch.from_numpy(x), torch.from_numpy(y)
    rows, layers = x.shape[0], len(params)
    act = torch.tanh if activation == "tanh" else torch.relu

    def outputs(a):
        for layer in range(layers):
            z = torch.nn.functional.linear(a, tensors[2 * layer], tensors[2 * layer + 1])
            a = z if layer == layers - 1 else act(z)
        return a[:, 0]  # the output's z

    def objective(z, t):
        if loss == "squared":
            return torch.mean((torch.sigmoid(z) - t) ** 2)
        return torch.nn.functional.binary_cross_entropy_with_logits(z, t)

    def train(steps):
        for _ in range(steps):
            idx = torch.randint(rows, (batch,))
            optimizer.zero_grad(set_to_none=False)
            objective(outputs(xt[idx]), yt[idx]).backward()
            optimizer.step()

    def check():
        with torch.no_grad():
            return mean_loss_numpy(
                [(tensors[2 * k].detach().numpy(), tensors[2 * k + 1].detach().numpy()) for k in range(layers)],
                activation, loss, x, y)

    return run_workload("torch", workload, train, check, target, runs)


# ---- JAX


def jax_runner(workload, x, y, target, runs):
    import jax
    import jax.numpy as jnp
    import numpy as np
    from jax import lax

    name, hidden, activation, loss, rate, batch, _, warm = workload
    params = [(jnp.asarray(w), jnp.asarray(b))
              for w, b in initial_parameters([x.shape[1]] + hidden + [1], activation, np.random.default_rng(1))]
    xj, yj = jnp.asarray(x), jnp.asarray(y)
    rows, layers = x.shape[0], len(params)
    act = jnp.tanh if activation == "tanh" else jax.nn.relu

    def objective(ps, xb, yb):
        a = xb
        for layer, (w, b) in enumerate(ps):
            z = a @ w.T + b
            a = z if layer == layers - 1 else act(z)
        z = a[:, 0]
        if loss == "squared":
            return jnp.mean((jax.nn.sigmoid(z) - yb) ** 2)
        return jnp.mean(jnp.logaddexp(0.0, z) - yb * z)  # binary cross-entropy of sigmoid(z)

    gradient = jax.grad(objective)

    def step(ps, key):
        idx = jax.random.randint(key, (batch,), 0, rows)
        g = gradient(ps, xj[idx], yj[idx])
        return jax.tree_util.tree_map(lambda p, d: p - rate * d, ps, g), None

    compiled = {}

    def loop(steps):
        if steps not in compiled:
            def run(ps, key):
                return lax.scan(step, ps, jax.random.split(key, steps))[0]
            compiled[steps] = jax.jit(run).lower(params, jax.random.key(0)).compile()
        return compiled[steps]

    state = {"params": params, "calls": 0}

    def train(steps):
        fn = loop(steps)  # compiled before the clock starts in time_loop's timed run (see below)
        state["calls"] += 1
        state["params"] = jax.block_until_ready(fn(state["params"], jax.random.key(state["calls"])))

    def timed_loop(target_seconds):
        probe = 1
        while True:
            loop(probe)
            t0 = time.perf_counter()
            train(probe)
            t = time.perf_counter() - t0
            if t >= target_seconds / 10 or probe >= 1 << 30:
                steps = max(1, int(probe / t * target_seconds))
                loop(steps)  # compile outside the timing
                t0 = time.perf_counter()
                train(steps)
                return steps / (time.perf_counter() - t0)
            probe *= 2

    def check():
        return mean_loss_numpy([(np.asarray(w), np.asarray(b)) for w, b in state["params"]], activation, loss, x, y)

    before = check()
    train(warm)
    after = check()
    note = "" if after < before else "  LOSS DID NOT GO DOWN"
    print(f"jax {name} mean loss {before:.17g} -> {after:.17g} after {warm} steps{note}", file=sys.stderr)
    rates = [timed_loop(target) for _ in range(runs)]
    print(f"jax {name} runs {' '.join(f'{r:.1f}' for r in rates)}", file=sys.stderr)
    return statistics.median(rates)


def describe(framework, threads, threads_given):
    """Sets the threads (torch always; NumPy's BLAS and JAX only when --threads is given) and prints `#` lines:
    versions, threads, the BLAS."""
    if framework == "numpy":
        import numpy as np

        print(f"# numpy {np.__version__}")
        try:
            from threadpoolctl import threadpool_info, threadpool_limits

            if threads_given:
                BLAS_LIMITS.append(threadpool_limits(threads))  # kept: the limit holds while it lives

            for pool in threadpool_info():
                print(f"# numpy blas: {pool.get('internal_api')} {pool.get('version')}, "
                      f"{pool.get('num_threads')} threads, {pool.get('architecture', '?')}, {pool.get('filepath')}")
        except ImportError:
            config = np.show_config(mode="dicts")["Build Dependencies"]
            blas = config.get("blas", {})
            print(f"# numpy blas: {blas.get('name')} {blas.get('version')} (threadpoolctl not installed)")
    elif framework == "torch":
        import torch

        torch.set_num_threads(threads)
        print(f"# torch {torch.__version__}, {torch.get_num_threads()} threads, "
              f"blas {torch.backends.mkl.is_available() and 'mkl' or 'other'}")
    elif framework == "jax":
        if threads_given and threads == 1:
            os.environ["XLA_FLAGS"] = (os.environ.get("XLA_FLAGS", "")
                                       + " --xla_cpu_multi_thread_eigen=false intra_op_parallelism_threads=1")
        import jax

        jax.config.update("jax_enable_x64", True)
        print(f"# jax {jax.__version__}, devices {jax.devices()}")
    sys.stdout.flush()


BLAS_LIMITS = []
RUNNERS = {"numpy": numpy_runner, "torch": torch_runner, "jax": jax_runner}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--framework", default="numpy,torch,jax")
    parser.add_argument("--workload", default=",".join(NAMES))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seconds", type=float, default=0.75)
    parser.add_argument("--threads", type=int, help="torch's, NumPy's BLAS's, and JAX's when 1 (default: torch "
                        "the processors, the others their own defaults)")
    args = parser.parse_args()
    chosen = args.workload.split(",")
    unknown = [n for n in chosen if n not in NAMES]
    if unknown:
        parser.error(f"no workload {' '.join(unknown)}; one of {' '.join(NAMES)}")
    frameworks = args.framework.split(",")
    for framework in frameworks:
        if framework not in RUNNERS:
            parser.error(f"no framework {framework}; one of {' '.join(RUNNERS)}")
    if len(frameworks) > 1:
        # One process each: a framework's idle worker threads (OpenMP, OpenBLAS) spin for a while after its work
        # and would take processors from the next one.
        for framework in frameworks:
            command = [sys.executable, os.path.abspath(__file__), "--framework", framework,
                       "--workload", args.workload, "--runs", str(args.runs), "--seconds", str(args.seconds),
                       ] + (["--threads", str(args.threads)] if args.threads else [])
            status = subprocess.call(command)
            if status != 0:
                sys.exit(status)
        return
    data = {}
    for framework in frameworks:
        try:
            describe(framework, args.threads or os.cpu_count() or 1, args.threads is not None)
        except ImportError as error:
            print(f"# {framework} skipped: not importable ({error})")
            continue
        for workload in WORKLOADS:
            if workload[0] not in chosen:
                continue
            kind = workload[6]
            if kind not in data:
                data[kind] = make_data(kind)
            rate = RUNNERS[framework](workload, *data[kind], args.seconds, args.runs)
            print(f"{framework}_{workload[0]}_steps_per_second {rate:.1f}", flush=True)


if __name__ == "__main__":
    main()
