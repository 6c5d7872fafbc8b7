import NeuralCore

/// Keeps a paced run at its speed: how many steps are due now, or when the next one is. A run more than a tenth
/// of a second behind (a slow machine, a long step) starts its pace afresh rather than bursting to catch up.
struct Pacer {
    var speed: Speed
    private var start: (time: Duration, iteration: Int) = (.zero, 0)

    enum Due: Equatable {
        /// Run at most this many steps now (`Int.max` unpaced).
        case steps(Int)
        /// Nothing due before this time.
        case wait(until: Duration)
    }

    init(speed: Speed) { self.speed = speed }

    mutating func restart(at now: Duration, iteration: Int) { start = (now, iteration) }

    mutating func due(now: Duration, iteration: Int) -> Due {
        guard case .perSecond(let rate) = speed else { return .steps(.max) }
        var elapsed = (now - start.time).seconds
        if Double(iteration - start.iteration) < rate * elapsed - max(rate * 0.1, 1) {
            start = (now, iteration)
            elapsed = 0
        }
        let due = Int(saturating: rate * elapsed) - (iteration - start.iteration)
        if due > 0 { return .steps(due) }
        let nextAt = Double(iteration - start.iteration + 1) / rate
        return .wait(until: start.time + .seconds(of: nextAt))
    }
}

/// The iterations per second achieved, measured over windows of a quarter of a second.
struct RateMeter {
    private(set) var rate = 0.0
    private var window: (time: Duration, iteration: Int) = (.zero, 0)
    static let window: Duration = .milliseconds(250)

    mutating func restart(at now: Duration, iteration: Int) { window = (now, iteration) }

    mutating func measure(now: Duration, iteration: Int) {
        let elapsed = now - window.time
        guard elapsed >= Self.window else { return }
        rate = Double(iteration - window.iteration) / elapsed.seconds
        window = (now, iteration)
    }

    mutating func stopped() { rate = 0 }
}
