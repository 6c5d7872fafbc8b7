import Testing
@testable import NeuralCore

/// The weight penalties: what they charge, what they leave alone, and what they do to training.
@Suite struct RegularizationTests {
    /// 2 → 2 → 1 with weights ±1…±6 and biases 10, 20, 30, so any bias in a sum would show.
    static let network = Network(
        sizes: [2, 2, 1], hiddenActivation: .tanh,
        parameters: [1, -2, 3, -4, 10, 20, 5, -6, 30])

    @Test func thePenaltyChargesWeightsAndNotBiases() {
        let n = Self.network
        #expect(Regularization.none.penalty(of: n, rate: 0.5) == 0)
        #expect(Regularization.l1.penalty(of: n, rate: 0.5) == 0.5 * (1 + 2 + 3 + 4 + 5 + 6))
        #expect(Regularization.l2.penalty(of: n, rate: 0.5) == 0.5 * 0.5 * (1 + 4 + 9 + 16 + 25 + 36))
    }

    @Test func thePenaltysGradientIsAddedToWeightsOnly() {
        let n = Self.network
        var plain = StochasticGradientDescent(network: n, learningRate: 0.1)
        let base = plain.gradient(of: n, input: [0.3, -0.2], target: 1)
        let biases: Set = [4, 5, 8]
        for (regularization, expected) in [
            (Regularization.l1, [1.0, -1, 1, -1, 0, 0, 1, -1, 0]),
            (.l2, [1.0, -2, 3, -4, 0, 0, 5, -6, 0])
        ] {
            var sgd = StochasticGradientDescent(
                network: n, learningRate: 0.1, regularization: regularization,
                regularizationRate: 0.25)
            let g = sgd.gradient(of: n, input: [0.3, -0.2], target: 1)
            for k in g.indices {
                #expect(abs(g[k] - base[k] - 0.25 * expected[k]) < 1e-15, "\(regularization) parameter \(k)")
                if biases.contains(k) { #expect(g[k] == base[k]) }
            }
        }
    }

    @Test func aZeroRateOrNoneLeavesTheRunBitForBit() {
        func run(_ regularization: Regularization, _ rate: Double, hidden: [Int]) -> [Double] {
            var generator = SeededGenerator(seed: 3)
            var network = Network(inputCount: 2, hidden: hidden, hiddenActivation: .tanh, generator: &generator)
            var sgd = StochasticGradientDescent(
                network: network, learningRate: 0.1, regularization: regularization,
                regularizationRate: rate)
            sgd.train(&network, on: .tutorial, steps: 1_000, generator: &generator)
            return network.parameters
        }
        for hidden in [[], [3]] {
            let plain = run(.none, 0, hidden: hidden)
            #expect(run(.l2, 0, hidden: hidden) == plain)
            #expect(run(.none, 0.5, hidden: hidden) == plain)
            #expect(run(.l2, 0.01, hidden: hidden) != plain)
        }
    }

    /// The tutorial's single unit trained online with L2: each step is w ← w − η(δ·x + λw), b ← b − η·δ.
    @Test func anOnlineSingleUnitStepWithL2IsWeightDecay() {
        var network = Network(weights: [1.5, -0.5], bias: 0.25)
        let data = Dataset(rows: [[2, 1]], targets: [0])
        var sgd = StochasticGradientDescent(
            network: network, learningRate: 0.1, regularization: .l2,
            regularizationRate: 0.2)
        let z = 1.5 * 2 - 0.5 * 1 + 0.25
        let p = 1 / (1 + exp(-z))
        let delta = 2 * p * (p - 0) * (1 - p)
        var generator = SeededGenerator(seed: 1)
        sgd.step(&network, on: data, generator: &generator)
        let expected = [1.5 - 0.1 * (delta * 2 + 0.2 * 1.5), -0.5 - 0.1 * (delta * 1 + 0.2 * -0.5), 0.25 - 0.1 * delta]
        for k in 0..<3 { #expect(abs(network.parameters[k] - expected[k]) < 1e-14) }
    }

    /// Training on a third feature that is pure noise: L1 pushes its weight to about zero; L2 shrinks every
    /// weight; both keep the problem solved.
    @Test func l1SilencesANoiseFeatureAndL2ShrinksTheWeights() {
        var draw = SeededGenerator(seed: 21)
        var rows: [[Double]] = [], targets: [Double] = []
        for i in 0..<200 {
            let y = Double(i % 2)
            rows.append([y * 2 - 1 + 0.5 * draw.standardNormal(), draw.standardNormal(), draw.standardNormal()])
            targets.append(y)
        }
        let data = Dataset(rows: rows, targets: targets)
        func train(_ regularization: Regularization, _ rate: Double) -> Network {
            var generator = SeededGenerator(seed: 4)
            var network = Network(inputCount: 3, generator: &generator)
            var sgd = StochasticGradientDescent(
                network: network, learningRate: 0.05, batchSize: 10,
                loss: .crossEntropy, regularization: regularization,
                regularizationRate: rate)
            sgd.train(&network, on: data, steps: 20_000, generator: &generator)
            return network
        }
        let plain = train(.none, 0), lasso = train(.l1, 0.05), ridge = train(.l2, 0.1)
        let noise = { (n: Network) in max(abs(n.parameters[1]), abs(n.parameters[2])) }
        #expect(noise(lasso) < 0.01, "L1 left the noise weights at \(noise(lasso))")
        #expect(noise(plain) > 0.05, "the noise weights were small anyway: \(noise(plain))")
        let size = { (n: Network) in n.parameters.prefix(3).reduce(0) { $0 + $1 * $1 } }
        #expect(size(ridge) < 0.5 * size(plain), "L2 \(size(ridge)) against \(size(plain))")
        for n in [plain, lasso, ridge] {
            #expect(Evaluation.of(n, on: data, loss: .crossEntropy).accuracy > 0.9)
        }
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
