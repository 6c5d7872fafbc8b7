#if canImport(Glibc)
    import Glibc
#endif
import Testing

@testable import NeuralCore

/// Backpropagation for the multiclass and regression outputs against central finite differences, for every
/// hidden activation and every loss the task takes, with and without hidden layers.
@Suite struct TaskGradientCheckTests {
    static let cases: [(Task, Loss, outputs: Int, targets: [Double])] = [
        (.multiclass, .crossEntropy, 3, [0, 1, 2]),
        (.multiclass, .squaredError, 3, [0, 2]),
        (.multiclass, .crossEntropy, 2, [1]),
        (.regression, .squaredError, 1, [-1.7, 0.3, 2.5])
    ]

    @Test(arguments: Activation.allCases, 0..<4)
    func backpropagationMatchesFiniteDifferences(activation: Activation, index: Int) {
        let (task, loss, outputs, targets) = Self.cases[index]
        for hidden in [[], [3], [4, 3]] {
            var generator = SeededGenerator(seed: 11)
            var network = Network(
                inputCount: 3, hidden: hidden, hiddenActivation: activation, task: task, outputs: outputs,
                generator: &generator)
            for k in network.parameters.indices { network.parameters[k] += 0.05 * generator.standardNormal() }
            let input = [0.7, -1.3, 0.4]
            let objective = Objective(task: task, loss: loss)
            for target in targets {
                func lossAt(_ n: Network) -> Double {
                    let a = n.outputs(input)
                    return a.withUnsafeBufferPointer {
                        objective(outputs: $0.baseAddress!, count: a.count, target: target)
                    }
                }
                var sgd = StochasticGradientDescent(network: network, learningRate: 0.1, loss: loss)
                let analytic = sgd.gradient(of: network, input: input, target: target)
                expectGradient(
                    analytic, of: lossAt, at: network, "\(task) \(loss) \(activation) hidden \(hidden) target \(target)"
                )
            }
        }
    }

    @Test func softmaxOutputsAreADistributionEvenForHugeLogits() {
        var z: [Double] = [1000, 999, -1e308]
        z.withUnsafeMutableBufferPointer { softmaxInPlace($0.baseAddress!, count: 3) }
        #expect(abs(z.reduce(0, +) - 1) < 1e-15)
        #expect(abs(z[0] - 1 / (1 + exp(-1.0))) < 1e-15)
        #expect(z[2] == 0)
        var bad: [Double] = [.nan, 1]
        bad.withUnsafeMutableBufferPointer { softmaxInPlace($0.baseAddress!, count: 2) }
        #expect(bad.allSatisfy { $0.isNaN })
    }

    @Test func multiclassAccuracyAndConfusionCountTheLargestProbability() {
        // One layer, no hidden: output k's logit is x·w_k; pick weights so row i predicts class i % 3.
        let network = Network(
            inputCount: 3, hiddenActivation: .tanh,
            weights: [[[5, 0, 0], [0, 5, 0], [0, 0, 5]]], biases: [[0, 0, 0]], task: .multiclass)!
        let data = Dataset(rows: [[1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 0, 0]], targets: [0, 1, 2, 2])
        let evaluation = Evaluation.of(network, on: data, loss: .crossEntropy)
        #expect(evaluation.accuracy == 0.75)
        #expect(Evaluation.confusion(of: network, on: data) == [[1, 0, 0], [0, 1, 0], [1, 0, 1]])
        let e5 = exp(5.0)
        let expectedLoss = -3 * log(e5 / (e5 + 2)) - log(1 / (e5 + 2))
        #expect(abs(evaluation.cumulativeError - expectedLoss) < 1e-12)
        #expect(abs(evaluation.meanLoss - expectedLoss / 4) < 1e-12)
    }

    @Test func regressionReportsRSquaredAndRMSE() {
        // The identity y = x: residuals 0, 0, 1 against targets 1, 2, 4 (mean 7/3).
        let network = Network(
            inputCount: 1, hiddenActivation: .linear, weights: [[[1]]], biases: [[0]], task: .regression)!
        let data = Dataset(rows: [[1], [2], [3]], targets: [1, 2, 4])
        let evaluation = Evaluation.of(network, on: data, loss: .squaredError)
        let total = [1.0, 2, 4].map { ($0 - 7.0 / 3) * ($0 - 7.0 / 3) }.reduce(0, +)
        #expect(abs(evaluation.accuracy - (1 - 1 / total)) < 1e-15)
        #expect(abs(evaluation.rootMeanSquaredError - (1.0 / 3).squareRoot()) < 1e-15)
        #expect(evaluation.cumulativeError == 1)
    }
}
