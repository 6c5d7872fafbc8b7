import Testing
@testable import NeuralCore

@Suite struct TrainingBehaviourTests {
    @Test func sameSeedSameRunBitForBit() {
        func run(_ seed: UInt64) -> [Double] {
            var generator = SeededGenerator(seed: seed)
            var network = Network(inputCount: 2, hidden: [8, 8], hiddenActivation: .relu, generator: &generator)
            var sgd = StochasticGradientDescent(network: network, learningRate: 0.1, batchSize: 3)
            sgd.train(&network, on: .tutorial, steps: 2_000, generator: &generator)
            return network.parameters
        }
        #expect(run(3) == run(3))
        #expect(run(3) != run(4))
    }

    @Test func tutorialTrainingLowersTheCumulativeError() {
        var generator = SeededGenerator(seed: 11)
        var network = Network(inputCount: 2, generator: &generator)
        let before = Evaluation.of(network, on: .tutorial, loss: .squaredError).cumulativeError
        var sgd = StochasticGradientDescent(network: network, learningRate: 0.1)
        sgd.train(&network, on: .tutorial, steps: 10_000, generator: &generator)
        let after = Evaluation.of(network, on: .tutorial, loss: .squaredError).cumulativeError
        #expect(after < before)
        #expect(after < 2.5)  // eight instances; a network guessing 0.5 everywhere scores 2.0
    }

    @Test func xorIsLearnedByATwoFourOneTanhNetwork() {
        let xor = Dataset(rows: [[0, 0], [0, 1], [1, 0], [1, 1]], targets: [0, 1, 1, 0])
        var generator = SeededGenerator(seed: 1)
        var network = Network(inputCount: 2, hidden: [4], hiddenActivation: .tanh, generator: &generator)
        var sgd = StochasticGradientDescent(network: network, learningRate: 0.3, loss: .crossEntropy)
        sgd.train(&network, on: xor, steps: 20_000, generator: &generator)
        #expect(Evaluation.of(network, on: xor, loss: .crossEntropy).accuracy == 1)
    }

    @Test func initialisationFollowsTheActivation() {
        var generator = SeededGenerator(seed: 5)
        let tutorial = Network(inputCount: 2, generator: &generator)
        #expect(tutorial.biases(layer: 0)[0] != 0)  // standard normal bias, as the tutorial draws it
        let relu = Network(inputCount: 400, hidden: [300], hiddenActivation: .relu, generator: &generator)
        let w = relu.weights(layer: 0).joined()
        let variance = w.reduce(0) { $0 + $1 * $1 } / Double(w.count)
        #expect(abs(variance - 2.0 / 400) < 0.0005)  // He: 2 / fan-in
        #expect(relu.biases(layer: 0).allSatisfy { $0 == 0 })
        let tanh = Network(inputCount: 400, hidden: [300], hiddenActivation: .tanh, generator: &generator)
        let v = tanh.weights(layer: 0).joined().reduce(0) { $0 + $1 * $1 } / Double(120_000)
        #expect(abs(v - 1.0 / 400) < 0.00025)  // Glorot: 1 / fan-in
    }

    @Test func generatorDrawsAreUniformAndNormal() {
        var generator = SeededGenerator(seed: 9)
        var counts = [Int](repeating: 0, count: 8)
        for _ in 0..<80_000 { counts[generator.index(below: 8)] += 1 }
        #expect(counts.allSatisfy { abs($0 - 10_000) < 500 })
        let normals = (0..<100_000).map { _ in generator.standardNormal() }
        let mean = normals.reduce(0, +) / 100_000
        let variance = normals.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / 100_000
        #expect(abs(mean) < 0.02 && abs(variance - 1) < 0.02)
    }

    @Test func standardizationCentresAndScalesAndSparesConstantColumns() {
        let data = Dataset(rows: [[1, 5], [3, 5], [5, 5]], targets: [0, 1, 0])
        let z = Standardization(fitting: data)
        #expect(z.mean == [3, 5])
        #expect(abs(z.deviation[0] - (8.0 / 3).squareRoot()) < 1e-12)
        #expect(z.deviation[1] == 0)
        let scaled = z.apply(data)
        #expect(scaled.features.allSatisfy { $0.isFinite })
        #expect(Array(scaled.row(1)) == [0, 0])
        #expect(z.apply([5, 7]) == [2 / (8.0 / 3).squareRoot(), 2])
    }
}
