#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A hidden layer's nonlinearity. The output unit is always a sigmoid.
public enum Activation: String, CaseIterable, Sendable, Codable {
    case relu, tanh, sigmoid, linear

    @inline(__always)
    public func callAsFunction(_ z: Double) -> Double {
        switch self {
        case .relu: return z > 0 ? z : 0
        case .tanh: return hyperbolicTangent(z)
        case .sigmoid: return logistic(z)
        case .linear: return z
        }
    }

    /// dσ/dz written in terms of the unit's output `a = σ(z)` (and `z` where that is simpler).
    @inline(__always)
    public func derivative(output a: Double, preactivation z: Double) -> Double {
        switch self {
        case .relu: return z > 0 ? 1 : 0
        case .tanh: return 1 - a * a
        case .sigmoid: return a * (1 - a)
        case .linear: return 1
        }
    }

    /// The largest value `derivative` takes: 1/4 for the sigmoid (at 0), 1 for the others.
    public var largestDerivative: Double { self == .sigmoid ? 0.25 : 1 }

    /// The initialisation suited to this activation: He for ReLU, Glorot (Xavier) otherwise.
    public var initialization: Initialization {
        self == .relu ? .he : .glorot
    }
}

/// σ(z) = 1 / (1 + e^−z), the logistic sigmoid.
@inline(__always)
public func logistic(_ z: Double) -> Double {
    1.0 / (1.0 + exp(-z))
}

/// tanh, named apart from the `Activation.tanh` case.
@inline(__always)
func hyperbolicTangent(_ x: Double) -> Double { tanh(x) }
