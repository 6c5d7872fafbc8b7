#if canImport(Glibc)
    import Glibc
#endif
import Testing

@testable import NeuralCore

@Suite struct InputFeatureTests {
    @Test func eachFeatureIsItsFormula() {
        let (a, b) = (1.5, -2.0)
        let values = InputFeature.allCases.map { $0(a, b) }
        #expect(values == [1.5, -2, 2.25, 4, -3, sin(1.5), sin(-2.0)])
    }

    @Test func aMapKeepsTheCanonicalOrderAndNamesItsColumns() throws {
        let map = try #require(FeatureMap([.x2Squared, .x1, .x1Squared, .x1]))
        #expect(map.features == [.x1, .x1Squared, .x2Squared])
        let data = map.apply(Dataset(rows: [[2, 3], [-1, 0.5]], targets: [1, 0]))
        #expect(data.featureNames == ["x1", "x1^2", "x2^2"])
        #expect(data.features == [2, 4, 9, -1, 1, 0.25])
        #expect(data.targets == [1, 0])
        #expect(FeatureMap([]) == nil)
        #expect(map.toggling(.x1)?.features == [.x1Squared, .x2Squared])
        #expect(FeatureMap([.x1])?.toggling(.x1) == nil)
    }

    /// Playground's lesson: with x1² and x2² a single sigmoid unit separates the circle.
    @Test func squaresLetOneUnitSeparateTheCircle() throws {
        var generator = SeededGenerator(seed: 3)
        let circle = Dataset.generated(.circle, samples: 200, noise: 0, generator: &generator)
        let map = try #require(FeatureMap([.x1Squared, .x2Squared]))
        let data = map.apply(circle)
        var network = Network(inputCount: 2, generator: &generator)
        var sgd = StochasticGradientDescent(network: network, learningRate: 0.05, loss: .crossEntropy)
        sgd.train(&network, on: data, steps: 20_000, generator: &generator)
        #expect(Evaluation.of(network, on: data, loss: .crossEntropy).accuracy == 1)
    }
}
