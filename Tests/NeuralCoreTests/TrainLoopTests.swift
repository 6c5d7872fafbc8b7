import Testing
@testable import NeuralCore

/// `train(steps:)` is the same run as that many `step` calls, bit for bit, in its fast case and in the others.
@Suite struct TrainLoopTests {
    @Test(arguments: [
        ([Int](), 1, Loss.squaredError), ([], 1, .crossEntropy), ([], 4, .squaredError), ([3], 1, .squaredError)
    ])
    func oneLoopEqualsSingleSteps(hidden: [Int], batch: Int, loss: Loss) {
        var generator = SeededGenerator(seed: 42)
        let start = Network(inputCount: 2, hidden: hidden, hiddenActivation: .tanh, generator: &generator)
        var (a, b) = (start, start)
        var (ga, gb) = (generator, generator)
        var sgdA = StochasticGradientDescent(network: start, learningRate: 0.1, batchSize: batch, loss: loss)
        var sgdB = sgdA
        sgdA.train(&a, on: .tutorial, steps: 5_000, generator: &ga)
        for _ in 0..<5_000 { sgdB.step(&b, on: .tutorial, generator: &gb) }
        #expect(a.parameters == b.parameters)
        #expect(ga == gb)
        #expect(a.parameters != start.parameters)
    }
}
