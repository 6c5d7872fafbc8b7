import Synchronization

/// Time as the engine reads it: how long since some fixed start. The session runs on `SystemClock`; tests pass
/// a `ManualClock` and move it by hand, so pacing, publishing and rate measurement are exact and never flaky.
public protocol EngineClock: Sendable {
    var now: Duration { get }
}

/// The machine's monotonic clock.
public struct SystemClock: EngineClock {
    private let origin = ContinuousClock.now
    public init() {}
    public var now: Duration { ContinuousClock.now - origin }
}

/// A clock that moves only when told to.
public final class ManualClock: EngineClock {
    private let time = Mutex<Duration>(.zero)
    public init() {}
    public var now: Duration { time.withLock { $0 } }
    public func advance(by step: Duration) { time.withLock { $0 += step } }
}

/// Durations as numbers, in one place: the engine's pacing, the program loop's input timeout, the commands'
/// rates and the benchmarks all convert here.
extension Duration {
    /// In seconds, with the fraction.
    public var seconds: Double {
        let (s, atto) = components
        return Double(s) + Double(atto) * 1e-18
    }

    /// In whole milliseconds, the fraction dropped.
    public var wholeMilliseconds: Int64 {
        let (s, atto) = components
        return s * 1000 + atto / 1_000_000_000_000_000
    }

    /// In whole nanoseconds, the fraction dropped.
    public var wholeNanoseconds: Int64 {
        let (s, atto) = components
        return s * 1_000_000_000 + atto / 1_000_000_000
    }

    /// `seconds` as a duration (negative and non-finite amounts count as none, huge ones as a day).
    static func seconds(of seconds: Double) -> Duration {
        guard seconds.isFinite, seconds > 0 else { return .zero }
        return .nanoseconds(Int64(min(seconds, 86_400) * 1e9))
    }
}
