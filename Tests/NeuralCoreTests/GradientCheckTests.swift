import Testing
@testable import NeuralCore

/// Backpropagation against central finite differences, for every activation and both losses,
/// with and without hidden layers, with no regularization, L1 and L2.
@Suite struct GradientCheckTests {
    static let shapes: [[Int]] = [[], [3], [4, 3]]
    /// Rates large enough that a wrong penalty gradient cannot hide under the loss's.
    static let penalties: [(Regularization, Double)] = [(.none, 0), (.l1, 0.3), (.l2, 0.3)]

    @Test(arguments: Activation.allCases, Loss.allCases)
    func backpropagationMatchesFiniteDifferences(activation: Activation, loss: Loss) {
        for hidden in Self.shapes {
            var generator = SeededGenerator(seed: 42)
            let network = Network(inputCount: 3, hidden: hidden, hiddenActivation: activation, generator: &generator)
            // Nudge the biases off zero so ReLU units sit away from their kink.
            var shifted = network
            for k in shifted.parameters.indices { shifted.parameters[k] += 0.05 * generator.standardNormal() }
            let input = [0.7, -1.3, 0.4]
            for target in [0.0, 1.0] {
                for (regularization, rate) in Self.penalties {
                    var sgd = StochasticGradientDescent(
                        network: shifted, learningRate: 0.1, loss: loss,
                        regularization: regularization, regularizationRate: rate)
                    let analytic = sgd.gradient(of: shifted, input: input, target: target)
                    func objective(_ n: Network) -> Double {
                        loss(prediction: n.predict(input), target: target) + regularization.penalty(of: n, rate: rate)
                    }
                    expectGradient(
                        analytic, of: objective, at: shifted,
                        "\(activation) \(loss) \(regularization) hidden \(hidden) target \(target)")
                }
            }
        }
    }

    /// The penalty is part of every instance's gradient, so averaging over the batch applies it once.
    @Test(arguments: [(Regularization.none, 0.0), (.l1, 0.2), (.l2, 0.2)], [[], [3]])
    func batchStepAveragesTheInstanceGradients(penalty: (Regularization, Double), hidden: [Int]) {
        var generator = SeededGenerator(seed: 7)
        var network = Network(inputCount: 2, hidden: hidden, hiddenActivation: .tanh, generator: &generator)
        let data = Dataset(rows: [[1, 2], [-1, 0.5]], targets: [1, 0])
        var sgd = StochasticGradientDescent(
            network: network, learningRate: 0.5, batchSize: 2,
            regularization: penalty.0, regularizationRate: penalty.1)
        // Replay the generator to know which instances the batch draws.
        var replay = generator
        let picks = [replay.index(below: 2), replay.index(below: 2)]
        var expected = network.parameters
        for i in picks {
            let g = sgd.gradient(of: network, input: Array(data.row(i)), target: data.targets[i])
            for k in expected.indices { expected[k] -= 0.5 / 2 * g[k] }
        }
        sgd.step(&network, on: data, generator: &generator)
        for k in expected.indices { #expect(abs(network.parameters[k] - expected[k]) < 1e-12) }
    }
}
