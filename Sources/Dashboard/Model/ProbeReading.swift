import NeuralCore

/// What the network makes of one input: the output unit's weighted sum z, σ(z), the class, and the
/// contribution to z of the features in `shown` (how much z changes when that feature is set to zero; for the
/// tutorial's single unit this is exactly weight × input). A contribution costs a forward pass: those past
/// `passes` are not measured, and `contributions` holds the ones that are, from the first shown feature on.
struct ProbeReading: Equatable {
    var z: Double
    var probability: Double
    var predictedClass: Int
    var contributions: [Double]
    /// The feature of `contributions[0]`.
    var firstContribution: Int
    /// The output unit's bias (its share of z with every input at zero, for a single-unit network).
    var bias: Double?
    /// Every output: one probability per class (multiclass), the value as trained (regression), p (binary).
    var outputs: [Double] = []

    init(network: Network, input: [Double], shown: Range<Int>? = nil, passes: Int = .max) {
        z = ProbeReading.outputSum(network, input)
        probability = logistic(z)
        predictedClass = probability >= 0.5 ? 1 : 0
        let whole = z
        let features = (shown ?? input.indices).clamped(to: input.indices)
        firstContribution = features.lowerBound
        if network.layerCount == 1 {
            // One unit: exactly weight × input (a difference of two sums of 1e300 would lose it to rounding).
            let weights = network.weights(layer: 0)[0]
            contributions = features.map { weights[$0] * input[$0] }
        } else {
            var zeroed = input
            contributions = features.prefix(max(passes - 1, 0)).map { i in
                zeroed[i] = 0
                defer { zeroed[i] = input[i] }
                return whole - ProbeReading.outputSum(network, zeroed)
            }
        }
        bias = network.layerCount == 1 ? network.biases(layer: 0)[0] : nil
        outputs = network.task == .binary ? [probability] : network.outputs(input)
    }

    /// The contribution of feature `k`, when it was measured.
    func contribution(of k: Int) -> Double? {
        let i = k - firstContribution
        return contributions.indices.contains(i) ? contributions[i] : nil
    }

    /// The output unit's pre-activation z.
    static func outputSum(_ network: Network, _ input: [Double]) -> Double {
        var pass = ForwardPass(network: network)
        _ = input.withUnsafeBufferPointer { pass.run(network, input: $0.baseAddress!) }
        return pass.z[pass.z.count - 1]
    }
}
