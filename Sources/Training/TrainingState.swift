/// What the training session is doing.
public enum TrainingState: String, Sendable, Equatable {
    case running = "RUNNING"
    case paused = "PAUSED"
    /// The iteration limit was reached; resuming continues past it.
    case done = "DONE"
    /// A parameter or the error stopped being a finite number; the last finite parameters are kept.
    case diverged = "DIVERGED"
}

/// How fast the session trains.
public enum Speed: Sendable, Equatable, CustomStringConvertible {
    /// A target in iterations per second (at least 1, at most `maximumRate`).
    case perSecond(Double)
    /// As fast as the machine goes.
    case unlimited

    public var description: String {
        switch self {
        case .perSecond(let rate): return "\(Int(saturating: rate.rounded()))/s"
        case .unlimited: return "max"
        }
    }

    /// The fastest pace that can be asked for; beyond it, `unlimited`. (No machine trains a billion iterations a
    /// second, and a pace this size keeps every count of iterations due far from overflowing.)
    public static let maximumRate = 1e9

    /// Ten times faster; `unlimited` past one million per second.
    public var faster: Speed {
        switch self {
        case .perSecond(let rate): return rate * 10 > 1_000_000 ? .unlimited : .perSecond(rate * 10)
        case .unlimited: return .unlimited
        }
    }

    /// Ten times slower, never below one per second; `unlimited` drops to one million per second.
    public var slower: Speed {
        switch self {
        case .perSecond(let rate): return .perSecond(max(1, rate / 10))
        case .unlimited: return .perSecond(1_000_000)
        }
    }
}
