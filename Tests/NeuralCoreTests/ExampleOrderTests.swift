import Testing

@testable import NeuralCore

@Suite struct ExampleOrderTests {
    @Test func sequentialTakesTheRowsInOrderAndWraps() {
        var sampler = ExampleSampler(order: .sequential)
        var generator = SeededGenerator(seed: 3)
        let before = generator
        let rows = (0..<8).map { _ in sampler.next(rows: 3, generator: &generator) }
        #expect(rows == [0, 1, 2, 0, 1, 2, 0, 1])
        #expect(generator == before)
        #expect(abs(sampler.epochs(rows: 3) - 8.0 / 3) < 1e-15)
    }

    @Test func shuffleVisitsEveryRowOncePerEpochInANewOrder() {
        var sampler = ExampleSampler(order: .shuffle)
        var generator = SeededGenerator(seed: 5)
        var epochs: [[Int]] = []
        for _ in 0..<6 { epochs.append((0..<10).map { _ in sampler.next(rows: 10, generator: &generator) }) }
        for epoch in epochs { #expect(epoch.sorted() == Array(0..<10)) }
        #expect(Set(epochs).count > 1)
    }

    @Test func randomIsTheTutorialsDrawWithReplacement() {
        var sampler = ExampleSampler(order: .random)
        var generator = SeededGenerator(seed: 9)
        var replay = generator
        for _ in 0..<50 { #expect(sampler.next(rows: 8, generator: &generator) == replay.index(below: 8)) }
        #expect(sampler.drawn == 50)
    }

    /// The tutorial's single-unit loop counts its draws too, so epochs are right on the fast path.
    @Test func theTutorialLoopCountsEpochs() {
        var generator = SeededGenerator(seed: 1)
        var network = Network(inputCount: 2, generator: &generator)
        var sgd = StochasticGradientDescent(network: network, learningRate: 0.2)
        sgd.train(&network, on: .tutorial, steps: 100, generator: &generator)
        #expect(sgd.sampler.drawn == 100)
    }

    /// A given-up step leaves the sampler where it was, so the step taken later draws the same rows.
    @Test func anInterruptedStepRestoresTheSampler() {
        var generator = SeededGenerator(seed: 2)
        var network = Network(inputCount: 2, hidden: [3], hiddenActivation: .tanh, generator: &generator)
        var sgd = StochasticGradientDescent(network: network, learningRate: 0.1, batchSize: 200, order: .shuffle)
        let data = Dataset(rows: (0..<50).map { [Double($0), 1] }, targets: (0..<50).map { Double($0 % 2) })
        let before = sgd.sampler
        #expect(!sgd.step(&network, on: data, generator: &generator, interrupted: { true }))
        #expect(sgd.sampler == before)
    }
}
