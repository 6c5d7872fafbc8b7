import Foundation
import NeuralCore

// The minibatch workloads: the training loop alone (forward, backward, update on one minibatch of rows drawn at
// random with replacement), float64, plain SGD, in steps per second. bench/minibatch_ref.c does the same work in
// C and bench/frameworks.py in NumPy, PyTorch and JAX; the data, the initial parameters and the rows drawn are
// the same in Swift and C (same generator, same seeds, same order of draws), so their losses can be compared.

/// One benchmark workload: a network shape, its loss and learning rate, a batch size and the data it trains on.
struct MinibatchWorkload {
    enum Data { case moons, sumSign, linearRule }

    let name: String
    let hidden: [Int]
    let activation: Activation
    let loss: Loss
    let learningRate: Double
    let batchSize: Int
    let data: Data
    /// Steps between the two losses printed as a check that the loop learns (also the warm-up).
    let checkSteps: Int

    /// The order bench/minibatch.sh and the references print them in.
    static let all: [MinibatchWorkload] =
        [(8, 20_000, 2_000), (32, 20_000, 1_000), (128, 5_000, 200), (512, 1_000, 20)].flatMap { width, one, many in
            [(1, one), (64, many)].map { batch, check in
                MinibatchWorkload(
                    name: "width\(width)_b\(batch)", hidden: [width, width], activation: .tanh, loss: .squaredError,
                    learningRate: 0.1, batchSize: batch, data: .moons, checkSteps: check)
            }
        } + [
            MinibatchWorkload(
                name: "relu16_b64", hidden: [16, 16], activation: .relu, loss: .squaredError, learningRate: 0.05,
                batchSize: 64, data: .sumSign, checkSteps: 2_000),
            MinibatchWorkload(
                name: "ce30_b32", hidden: [16], activation: .tanh, loss: .crossEntropy, learningRate: 0.05,
                batchSize: 32, data: .linearRule, checkSteps: 2_000)
        ]

    /// The training data, drawn from `SeededGenerator(seed: 11)` in the order bench/minibatch_ref.c draws it.
    func dataset() -> Dataset {
        var g = SeededGenerator(seed: 11)
        switch data {
        case .moons:
            // 1 024 points of two interleaved half-moons with a little noise; the rows alternate between them.
            var features: [Double] = [], targets: [Double] = []
            for k in 0..<1024 {
                let lower = k % 2 == 1
                let t = Double.pi * g.unit()
                let nx = g.standardNormal()
                let ny = g.standardNormal()
                features.append((lower ? 1 - cos(t) : cos(t)) + 0.1 * nx)
                features.append((lower ? 0.5 - sin(t) : sin(t)) + 0.1 * ny)
                targets.append(lower ? 1 : 0)
            }
            return Dataset(featureNames: ["x", "y"], features: features, targets: targets)
        case .sumSign:
            // 1 000 000 rows of 4 standard normals; the target is 1 when their sum is positive.
            let rows = 1_000_000, width = 4
            var features = [Double](repeating: 0, count: rows * width), targets = [Double](repeating: 0, count: rows)
            for r in 0..<rows {
                var sum = 0.0
                for c in 0..<width {
                    let x = g.standardNormal()
                    features[r * width + c] = x
                    sum += x
                }
                targets[r] = sum > 0 ? 1 : 0
            }
            return Dataset(featureNames: (1...width).map { "x\($0)" }, features: features, targets: targets)
        case .linearRule:
            // 512 rows of 30 standard normals; the target is 1 when a fixed random linear rule is positive.
            let rows = 512, width = 30
            let rule = (0..<width).map { _ in g.standardNormal() }
            var features: [Double] = [], targets: [Double] = []
            for _ in 0..<rows {
                var sum = 0.0
                for c in 0..<width {
                    let x = g.standardNormal()
                    features.append(x)
                    sum += rule[c] * x
                }
                targets.append(sum > 0 ? 1 : 0)
            }
            return Dataset(featureNames: (1...width).map { "x\($0)" }, features: features, targets: targets)
        }
    }

    /// The mean loss of `network` over every row of `data`.
    func meanLoss(_ network: Network, on data: Dataset) -> Double {
        var pass = ForwardPass(network: network)
        var total = 0.0
        data.features.withUnsafeBufferPointer { f in
            for r in 0..<data.count {
                let p = pass.run(network, input: f.baseAddress! + r * data.featureCount)
                total += loss(prediction: p, target: data.targets[r])
            }
        }
        return total / Double(data.count)
    }

    /// Steps per second of the training loop alone, timed over about `target` seconds after the check steps
    /// (the warm-up) and a short calibration. The losses before and after the check steps go to stderr.
    func stepsPerSecond(target: Double) -> Double {
        let data = dataset()
        var generator = SeededGenerator(seed: 1)
        var network = Network(
            inputCount: data.featureCount, hidden: hidden, hiddenActivation: activation, task: .binary, outputs: 1,
            generator: &generator)
        var sgd = StochasticGradientDescent(
            network: network, learningRate: learningRate, batchSize: batchSize, loss: loss)
        let before = meanLoss(network, on: data)
        sgd.train(&network, on: data, steps: checkSteps, generator: &generator)
        let after = meanLoss(network, on: data)
        // Printed as bench/minibatch_ref.c prints them, so the two can be compared as text.
        standardError(
            "swift \(name) mean loss \(String(format: "%.17g", before)) -> \(String(format: "%.17g", after))"
                + " after \(checkSteps) steps\n")
        // Calibrate: double the steps until a run takes a tenth of the target, then size the timed run from it.
        var probe = 1
        while true {
            let t = seconds { sgd.train(&network, on: data, steps: probe, generator: &generator) }
            if t >= target / 10 || probe >= 1 << 30 {
                let steps = max(1, Int(Double(probe) / t * target))
                let timed = seconds { sgd.train(&network, on: data, steps: steps, generator: &generator) }
                standardError("swift \(name) checksum \(network.parameters.reduce(0, +)) steps \(steps)\n")
                return Double(steps) / timed
            }
            probe *= 2
        }
    }
}

func standardError(_ text: String) {
    FileHandle.standardError.write(text.data(using: .utf8)!)
}

/// `--minibatch [SECONDS]` and `--workload NAME`: every workload, or one, printed as
/// `swift_<name>_steps_per_second N`.
func runMinibatch(arguments: [String]) -> Int32 {
    let target = option("--minibatch", in: arguments).flatMap(Double.init) ?? 0.75
    var chosen = MinibatchWorkload.all
    if let name = option("--workload", in: arguments) {
        chosen = chosen.filter { $0.name == name }
        if chosen.isEmpty {
            standardError(
                "nntop-bench: no workload \(name); one of \(MinibatchWorkload.all.map(\.name).joined(separator: " "))\n"
            )
            return 2
        }
    }
    for workload in chosen {
        print("swift_\(workload.name)_steps_per_second \(workload.stepsPerSecond(target: target))")
    }
    return 0
}
