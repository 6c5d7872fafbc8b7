"""The tutorial's network in NumPy, written from its description: the reference nntop-bench is compared with.

Each step does what the tutorial's class does: the dot product and the bias, the sigmoid, its derivative
computed from two more sigmoids, the weights' derivative as 0·w + 1·x, and the update of bias and weights with
new arrays. A leaner step (one exponential, updates in place) is measured too, as a second reference.

    python3 bench/tutorial_numpy.py --bench [STEPS]   prints numpy_tutorial_steps_per_second (and the lean one)
    python3 bench/tutorial_numpy.py --seeds N         prints the mean and spread of the final cumulative error
"""
import sys
import time

import numpy as np

INPUTS = np.array([[3, 1.5], [2, 1], [4, 1.5], [3, 4], [3.5, 0.5], [2, 0.5], [5.5, 1], [1, 1]])
TARGETS = np.array([0, 1, 0, 1, 0, 1, 1, 0])


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


class Network:
    def __init__(self, learning_rate=0.1):
        self.weights = np.array([np.random.randn(), np.random.randn()])
        self.bias = np.random.randn()
        self.learning_rate = learning_rate

    def predict(self, x):
        return sigmoid(np.dot(x, self.weights) + self.bias)

    def gradients(self, x, y):
        z = np.dot(x, self.weights) + self.bias
        p = sigmoid(z)
        derror_dprediction = 2 * (p - y)
        dprediction_dz = sigmoid(z) * (1 - sigmoid(z))
        dz_dweights = (0 * self.weights) + (1 * x)
        return derror_dprediction * dprediction_dz, derror_dprediction * dprediction_dz * dz_dweights

    def step(self, x, y):
        derror_dbias, derror_dweights = self.gradients(x, y)
        self.bias = self.bias - derror_dbias * self.learning_rate
        self.weights = self.weights - derror_dweights * self.learning_rate

    def lean_step(self, x, y):
        z = np.dot(x, self.weights) + self.bias
        p = 1 / (1 + np.exp(-z))
        delta = 2 * (p - y) * p * (1 - p)
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


def rate(step, steps):
    np.random.seed(1)
    net = Network()
    start = time.perf_counter()
    for _ in range(steps):
        k = np.random.randint(len(INPUTS))
        step(net, INPUTS[k], TARGETS[k])
    return steps / (time.perf_counter() - start)


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
    print(f"numpy_tutorial_steps_per_second {rate(Network.step, steps)}")
    print(f"numpy_lean_steps_per_second {rate(Network.lean_step, steps)}")


if __name__ == "__main__":
    main()
