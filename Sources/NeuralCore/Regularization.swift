/// A penalty on the size of the weights, added to the loss to keep a network simple. Biases are never penalised.
/// With rate λ the penalty on a weight w is λ·|w| (L1, which drives weights to zero) or λ·w²/2 (L2, which
/// shrinks them in proportion to their size).
public enum Regularization: String, CaseIterable, Sendable, Codable {
    case none, l1, l2

    /// The penalty on one weight, before the rate.
    @inline(__always)
    public func penalty(_ w: Double) -> Double {
        switch self {
        case .none: return 0
        case .l1: return abs(w)
        case .l2: return 0.5 * w * w
        }
    }

    /// rate × the penalty summed over every weight of `network` (its biases excluded).
    public func penalty(of network: Network, rate: Double) -> Double {
        guard self != .none else { return 0 }
        var sum = 0.0
        for l in 0..<network.layerCount {
            for k in network.weightIndices(layer: l) { sum += penalty(network.parameters[k]) }
        }
        return rate * sum
    }
}
