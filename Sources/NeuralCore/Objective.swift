#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The loss of one instance for a task, read from the output layer's values `a`, and its gradient with respect to
/// the output layer's pre-activations z (the δ that backpropagation starts from).
///
/// - binary: `Loss` on the sigmoid's probability against a 0/1 target.
/// - multiclass: against the one-hot vector t of the target class c: cross-entropy −ln p_c, whose δ is p − t;
///   or squared error Σₖ (pₖ − tₖ)², whose δ goes through the softmax's Jacobian: δₖ = pₖ (gₖ − Σⱼ gⱼ pⱼ)
///   with gⱼ = 2(pⱼ − tⱼ).
/// - regression: squared error (a − y)² of the linear output, δ = 2(a − y), whatever `loss` says.
public struct Objective: Sendable, Equatable {
    public let task: Task
    public let loss: Loss

    public init(task: Task, loss: Loss) {
        self.task = task
        self.loss = loss
    }

    /// The class a multiclass target stands for, or −1 (no class: every one-hot entry 0) for anything else.
    @inline(__always)
    static func classIndex(_ y: Double, classes: Int) -> Int {
        y >= 0 && y < Double(classes) ? Int(y) : -1
    }

    @inline(__always)
    public func callAsFunction(outputs a: UnsafePointer<Double>, count: Int, target y: Double) -> Double {
        switch task {
        case .binary:
            return loss(prediction: a[0], target: y)
        case .regression:
            let d = a[0] - y
            return d * d
        case .multiclass:
            let c = Self.classIndex(y, classes: count)
            switch loss {
            case .crossEntropy:
                return -log(max(c < 0 ? 0 : a[c], Loss.probabilityFloor))
            case .squaredError:
                var sum = 0.0
                for k in 0..<count {
                    let d = a[k] - (k == c ? 1 : 0)
                    sum += d * d
                }
                return sum
            }
        }
    }

    /// Writes ∂loss/∂zₖ for every output unit k into `delta`.
    @inline(__always)
    public func outputDelta(
        outputs a: UnsafePointer<Double>, count: Int, target y: Double, into delta: UnsafeMutablePointer<Double>
    ) {
        switch task {
        case .binary:
            delta[0] = loss.outputDelta(prediction: a[0], target: y)
        case .regression:
            delta[0] = 2 * (a[0] - y)
        case .multiclass:
            let c = Self.classIndex(y, classes: count)
            switch loss {
            case .crossEntropy:
                for k in 0..<count { delta[k] = a[k] - (k == c ? 1 : 0) }
            case .squaredError:
                var weighted = 0.0
                for j in 0..<count { weighted += 2 * (a[j] - (j == c ? 1 : 0)) * a[j] }
                for k in 0..<count { delta[k] = a[k] * (2 * (a[k] - (k == c ? 1 : 0)) - weighted) }
            }
        }
    }

    /// Whether the outputs `a` predict the target right: the class with the largest probability (1 at 0.5 and
    /// above, for binary). Never for regression.
    @inline(__always)
    public func isRight(outputs a: UnsafePointer<Double>, count: Int, target y: Double) -> Bool {
        switch task {
        case .binary: return (a[0] >= 0.5 ? 1.0 : 0.0) == y
        case .multiclass: return Double(largestIndex(a, count: count)) == y
        case .regression: return false
        }
    }
}

/// The index of the largest of `count` values (the first of equals); 0 when none is larger than −∞ (NaNs).
@inline(__always)
public func largestIndex(_ a: UnsafePointer<Double>, count: Int) -> Int {
    var best = 0
    for k in 1..<max(count, 1) where a[k] > a[best] { best = k }
    return best
}
