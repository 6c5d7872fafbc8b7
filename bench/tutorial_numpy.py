"""The tutorial's network in NumPy, written from its description: the reference nntop-bench is compared with.

    python3 bench/tutorial_numpy.py --bench [STEPS]   prints numpy_tutorial_steps_per_second
    python3 bench/tutorial_numpy.py --seeds N         prints the mean and spread of the final cumulative error
"""
import sys
import time

import numpy as np

INPUTS = np.array([[3, 1.5], [2, 1], [4, 1.5], [3, 4], [3.5, 0.5], [2, 0.5], [5.5, 1], [1, 1]])
TARGETS = np.array([0, 1, 0, 1, 0, 1, 1, 0])


class Network:
    def __init__(self, learning_rate=0.1):
        self.weights = np.array([np.random.randn(), np.random.randn()])
        self.bias = np.random.randn()
        self.learning_rate = learning_rate

    def predict(self, x):
        return 1 / (1 + np.exp(-(np.dot(x, self.weights) + self.bias)))

    def step(self, x, y):
        z = np.dot(x, self.weights) + self.bias
        p = 1 / (1 + np.exp(-z))
        delta = 2 * (p - y) * p * (1 - p)          # d(error)/dp · dp/dz
        self.bias -= self.learning_rate * delta
        self.weights -= self.learning_rate * delta * x

    def train(self, iterations):
        errors = []
        for i in range(iterations):
            k = np.random.randint(len(INPUTS))
            self.step(INPUTS[k], TARGETS[k])
            if (i + 1) % 100 == 0:
                errors.append(float(np.sum((self.predict(INPUTS) - TARGETS) ** 2)))
        return errors


def main():
    args = sys.argv[1:]
    if args and args[0] == "--seeds":
        n = int(args[1]) if len(args) > 1 else 30
        finals = []
        for seed in range(n):
            np.random.seed(seed)
            finals.append(Network().train(10_000)[-1])
        print(f"numpy_final_error_mean {np.mean(finals)}")
        print(f"numpy_final_error_std {np.std(finals)}")
        return
    steps = int(args[1]) if len(args) > 1 else 200_000
    np.random.seed(1)
    net = Network()
    start = time.perf_counter()
    for _ in range(steps):
        k = np.random.randint(len(INPUTS))
        net.step(INPUTS[k], TARGETS[k])
    print(f"numpy_tutorial_steps_per_second {steps / (time.perf_counter() - start)}")


if __name__ == "__main__":
    main()
