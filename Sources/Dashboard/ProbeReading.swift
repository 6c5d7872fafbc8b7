import NeuralCore

/// What the network makes of one input: the output unit's weighted sum z, σ(z), the class, and each feature's
/// contribution to z (how much z changes when that feature is set to zero; for the tutorial's single unit this
/// is exactly weight × input).
struct ProbeReading: Equatable {
    var z: Double
    var probability: Double
    var predictedClass: Int
    var contributions: [Double]
    /// The output unit's bias (its share of z with every input at zero, for a single-unit network).
    var bias: Double?

    init(network: Network, input: [Double]) {
        z = ProbeReading.outputSum(network, input)
        probability = logistic(z)
        predictedClass = probability >= 0.5 ? 1 : 0
        let whole = z
        contributions = input.indices.map { i in
            var zeroed = input
            zeroed[i] = 0
            return whole - ProbeReading.outputSum(network, zeroed)
        }
        bias = network.layerCount == 1 ? network.biases(layer: 0)[0] : nil
    }

    /// The output unit's pre-activation z.
    static func outputSum(_ network: Network, _ input: [Double]) -> Double {
        var pass = ForwardPass(network: network)
        _ = input.withUnsafeBufferPointer { pass.run(network, input: $0.baseAddress!) }
        return pass.z[pass.z.count - 1]
    }
}
