#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The error of one prediction `p` (a probability from the sigmoid output) against a 0/1 target `y`.
public enum Loss: String, CaseIterable, Sendable, Codable {
    /// (p − y)², the tutorial's error.
    case squaredError = "squared-error"
    /// −[y·ln p + (1 − y)·ln(1 − p)], binary cross-entropy.
    case crossEntropy = "cross-entropy"

    /// Keeps ln away from zero so a saturated unit reports a large finite error.
    static let probabilityFloor = 1e-15

    @inline(__always)
    public func callAsFunction(prediction p: Double, target y: Double) -> Double {
        switch self {
        case .squaredError:
            let d = p - y
            return d * d
        case .crossEntropy:
            let q = min(max(p, Loss.probabilityFloor), 1 - Loss.probabilityFloor)
            return -(y * log(q) + (1 - y) * log(1 - q))
        }
    }

    /// ∂loss/∂z for the sigmoid output unit, where p = σ(z).
    /// Squared error: 2(p − y)·p(1 − p). Cross-entropy: p − y (the sigmoid's derivative cancels).
    @inline(__always)
    public func outputDelta(prediction p: Double, target y: Double) -> Double {
        switch self {
        case .squaredError: return 2 * (p - y) * p * (1 - p)
        case .crossEntropy: return p - y
        }
    }
}
