#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How a step turns the batch's mean gradient g into a change of the parameters θ, each as PyTorch's optimizer of
/// that name does it (torch.optim.SGD with dampening 0, RMSprop uncentred, Adam with bias correction):
///
/// - sgd: θ ← θ − η·g
/// - momentum: b ← μ·b + g, θ ← θ − η·b
/// - nesterov: b ← μ·b + g, θ ← θ − η·(g + μ·b)
/// - rmsprop: v ← α·v + (1 − α)·g², θ ← θ − η·g / (√v + ε)
/// - adam: m ← m + (1 − β₁)(g − m), v ← β₂·v + (1 − β₂)·g², θ ← θ − (η / (1 − β₁ᵗ))·m / (√v / √(1 − β₂ᵗ) + ε)
public enum OptimizerKind: String, CaseIterable, Sendable, Codable {
    case sgd, momentum, nesterov, rmsprop, adam

    /// The next one in the order above, wrapping: the dashboard's key steps through them.
    public var next: OptimizerKind {
        let all = OptimizerKind.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }
}

/// An update rule and its constants (those of another rule are kept but unused).
public struct OptimizerSettings: Sendable, Equatable, Codable {
    public var kind: OptimizerKind
    /// μ, for momentum and nesterov.
    public var momentum: Double
    public var beta1: Double
    public var beta2: Double
    /// ε, for rmsprop and adam.
    public var epsilon: Double
    /// α, rmsprop's decay of the squared gradients.
    public var rmsDecay: Double

    public init(
        _ kind: OptimizerKind = .sgd, momentum: Double = 0.9, beta1: Double = 0.9, beta2: Double = 0.999,
        epsilon: Double = 1e-8, rmsDecay: Double = 0.99
    ) {
        self.kind = kind
        self.momentum = momentum
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.rmsDecay = rmsDecay
    }

    enum CodingKeys: String, CodingKey {
        case kind, momentum, beta1, beta2, epsilon
        case rmsDecay = "rms_decay"
    }

    /// The settings in a few words: `adam β₁ 0.9 β₂ 0.999`, `momentum 0.9`, `sgd`.
    public var summary: String {
        switch kind {
        case .sgd: return "sgd"
        case .momentum, .nesterov: return "\(kind.rawValue) \(momentum)"
        case .rmsprop: return "rmsprop \(rmsDecay)"
        case .adam: return "adam \(beta1),\(beta2)"
        }
    }
}

/// What an update rule remembers between steps, one entry per parameter: b (momentum, nesterov) or m (adam) in
/// `first`, v (rmsprop, adam) in `second`, and adam's step count t. Starts at zero, as PyTorch's does.
public struct UpdateRule: Sendable {
    public let settings: OptimizerSettings
    private var first: [Double]
    private var second: [Double]
    public private(set) var steps = 0

    public init(_ settings: OptimizerSettings, parameterCount: Int) {
        self.settings = settings
        let kind = settings.kind
        first =
            kind == .momentum || kind == .nesterov || kind == .adam ? Array(repeating: 0, count: parameterCount) : []
        second = kind == .rmsprop || kind == .adam ? Array(repeating: 0, count: parameterCount) : []
    }

    /// What the rule remembers now: b or m, v, and the step count.
    public var memory: UpdateMemory { UpdateMemory(first: first, second: second, steps: steps) }

    /// Counts a step made elsewhere: plain SGD on one instance moves the parameters during the backward pass.
    mutating func countStep() { steps += 1 }

    /// Moves `parameters` by the rule for the gradient `sum / instances` (the batch's summed gradient and its
    /// size) at learning rate `rate`. Plain SGD scales the sum by η / instances in one multiply, as it always has.
    public mutating func apply(
        to parameters: UnsafeMutableBufferPointer<Double>, sum: UnsafeBufferPointer<Double>, instances: Double,
        rate: Double
    ) {
        steps += 1
        let p = parameters, count = parameters.count
        let s = settings
        switch s.kind {
        case .sgd:
            let scale = rate / instances
            for k in 0..<count { p[k] -= scale * sum[k] }
        case .momentum, .nesterov:
            let mu = s.momentum, nesterov = s.kind == .nesterov
            first.withUnsafeMutableBufferPointer { b in
                for k in 0..<count {
                    let g = sum[k] / instances
                    b[k] = mu * b[k] + g
                    p[k] -= rate * (nesterov ? g + mu * b[k] : b[k])
                }
            }
        case .rmsprop:
            let alpha = s.rmsDecay, eps = s.epsilon
            second.withUnsafeMutableBufferPointer { v in
                for k in 0..<count {
                    let g = sum[k] / instances
                    v[k] = alpha * v[k] + (1 - alpha) * g * g
                    p[k] -= rate * g / (v[k].squareRoot() + eps)
                }
            }
        case .adam:
            let beta1 = s.beta1, beta2 = s.beta2, eps = s.epsilon
            let t = Double(steps)
            let stepSize = rate / (1 - pow(beta1, t))
            let correction2 = (1 - pow(beta2, t)).squareRoot()
            first.withUnsafeMutableBufferPointer { m in
                second.withUnsafeMutableBufferPointer { v in
                    for k in 0..<count {
                        let g = sum[k] / instances
                        m[k] += (1 - beta1) * (g - m[k])
                        v[k] = beta2 * v[k] + (1 - beta2) * g * g
                        p[k] -= stepSize * m[k] / (v[k].squareRoot() / correction2 + eps)
                    }
                }
            }
        }
    }
}

/// An update rule's memory at one moment, laid out like `Network.parameters`: b (momentum, nesterov) or m (adam) in
/// `first`, v (rmsprop, adam) in `second`, each empty for a rule that keeps none, and the steps taken.
public struct UpdateMemory: Sendable, Equatable {
    public var first: [Double]
    public var second: [Double]
    public var steps: Int
}
