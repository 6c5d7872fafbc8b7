import NeuralCore

/// Why a run was stopped as DIVERGED: only for a loss that stopped being finite or grew without bound, never for
/// outputs that are merely saturated (a classifier's loss is bounded; such a run is stuck, not diverging).
public enum Divergence: Sendable, Equatable {
    /// The loss, or a parameter, stopped being a finite number.
    case notFinite
    /// The mean loss grew past `DivergenceGuard.growthLimit` times the first one of the run.
    case unbounded(from: Double, to: Double)

    /// One line for the user.
    public var reason: String {
        switch self {
        case .notFinite: return "the loss stopped being a finite number"
        case .unbounded(let from, let to): return "the loss grew from \(from) to \(to)"
        }
    }
}

/// Watches for a run that blew up: a report whose loss is not finite, or a mean loss grown a trillion-fold since
/// the run's first report (only a regression's squared error can grow so: a classifier's loss is bounded). Keeps
/// the last finite parameters, to roll back to.
struct DivergenceGuard {
    /// How far the mean loss may grow over the first report's before the run counts as diverging.
    static let growthLimit = 1e12

    private(set) var lastFinite: [Double]
    /// Set by a report that found the run blown up; looked at after each chunk.
    private(set) var reason: Divergence?
    /// The first finite mean loss of this run (or since resuming), the yardstick for growth.
    private var firstLoss: Double?

    init(_ network: Network) { lastFinite = network.parameters }

    var blewUp: Bool { reason != nil }

    mutating func look(at report: Trainer.Report) {
        guard reason == nil else { return }
        let loss = report.trainingLoss
        guard loss.isFinite, report.trainingError.isFinite else {
            reason = .notFinite
            return
        }
        guard let first = firstLoss else {
            firstLoss = loss
            return
        }
        if loss > max(first, 1e-300) * Self.growthLimit, loss > 1 { reason = .unbounded(from: first, to: loss) }
    }

    /// After a chunk: true when the run must diverge; otherwise the parameters are kept as the last finite ones.
    mutating func check(_ network: Network) -> Bool {
        guard network.isFinite else {
            if reason == nil { reason = .notFinite }
            return true
        }
        guard !blewUp else { return true }
        lastFinite.withUnsafeMutableBufferPointer { keep in
            network.parameters.withUnsafeBufferPointer { now in _ = keep.update(fromContentsOf: now) }
        }
        return false
    }

    /// Puts the last finite parameters back into `network`; the reason stays until the user resumes.
    mutating func rollBack(_ network: inout Network) {
        network.parameters.withUnsafeMutableBufferPointer { p in
            lastFinite.withUnsafeBufferPointer { _ = p.update(fromContentsOf: $0) }
        }
    }

    /// Resuming after a divergence: growth is measured afresh from the next report.
    mutating func resume() {
        reason = nil
        firstLoss = nil
    }

    /// Afresh from new parameters.
    mutating func restart(_ network: Network) { self = DivergenceGuard(network) }
}
