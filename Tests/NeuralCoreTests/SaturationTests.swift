import Testing
@testable import NeuralCore

/// Hidden sigmoid and tanh units whose derivative has all but vanished on the data.
@Suite struct SaturationTests {
    static let sizes = [2, 4, 1]

    /// Saturated, then total.
    static func counts(_ s: Saturation?) -> [Int]? { s.map { [$0.saturated, $0.total] } }

    @Test func unitsPinnedAtTheirLimitsAreCountedAndOthersAreNot() throws {
        // Weights of ±40: every hidden sigmoid unit at 0 or 1 on the tutorial's inputs.
        let big = Network(
            sizes: Self.sizes, hiddenActivation: .sigmoid,
            parameters: [40, 40, -40, -40, 40, 0, 0, -40, 0, 0, 0, 0, 1, 1, 1, 1, 0])
        #expect(Self.counts(Saturation(of: big, on: .tutorial)) == [4, 4])
        var tanh = big
        tanh.hiddenActivation = .tanh
        #expect(Self.counts(Saturation(of: tanh, on: .tutorial)) == [4, 4])
        let small = Network(
            sizes: Self.sizes, hiddenActivation: .sigmoid,
            parameters: Array(repeating: 0.05, count: Network.parameterCount(sizes: Self.sizes)))
        #expect(Self.counts(Saturation(of: small, on: .tutorial)) == [0, 4])
        // ReLU units and a lone output unit are not counted.
        var relu = big
        relu.hiddenActivation = .relu
        #expect(Self.counts(Saturation(of: relu, on: .tutorial)) == [0, 0])
        #expect(Self.counts(Saturation(of: Network(weights: [40, -40], bias: 0), on: .tutorial)) == [0, 0])
        // Data of another width cannot be measured.
        #expect(Saturation(of: big, on: Dataset(rows: [[1, 2, 3]], targets: [1])) == nil)
    }

    @Test func theThresholdIsOnePerCentOfTheLargestDerivative() {
        #expect(Activation.sigmoid.largestDerivative == Activation.sigmoid.derivative(output: 0.5, preactivation: 0))
        #expect(Activation.tanh.largestDerivative == Activation.tanh.derivative(output: 0, preactivation: 0))
        // One sigmoid hidden unit with preactivation z = w·x1 on rows with x1 = 1: σ'(z) = 1 % of 1/4 near z = 5.99.
        let rows = Dataset(rows: Array(repeating: [1, 0], count: 10), targets: Array(repeating: 1, count: 10))
        func unit(_ w: Double) -> Network {
            Network(sizes: [2, 1, 1], hiddenActivation: .sigmoid, parameters: [w, 0, 0, 1, 0])
        }
        #expect(Self.counts(Saturation(of: unit(5.9), on: rows)) == [0, 1])
        #expect(Self.counts(Saturation(of: unit(6.1), on: rows)) == [1, 1])
    }
}
