import NeuralCore

/// Watches for a run that blew up: a report whose error is not finite, or with more saturated mistakes than
/// were accepted when the user resumed. Keeps the last finite parameters, to roll back to.
struct DivergenceGuard {
    private(set) var lastFinite: [Double]
    /// Set by a report that found the run blown up; looked at after each chunk.
    private(set) var blewUp = false
    /// Saturated mistakes accepted without diverging: those present when the user resumed after a divergence.
    private var saturationBaseline = 0

    init(_ network: Network) { lastFinite = network.parameters }

    mutating func look(at report: Trainer.Report) {
        if !report.trainingError.isFinite || report.saturatedMistakes > saturationBaseline { blewUp = true }
    }

    /// After a chunk: true when the run must diverge; otherwise the parameters are kept as the last finite ones.
    mutating func check(_ network: Network) -> Bool {
        guard network.isFinite, !blewUp else { return true }
        lastFinite.withUnsafeMutableBufferPointer { keep in
            network.parameters.withUnsafeBufferPointer { now in _ = keep.update(fromContentsOf: now) }
        }
        return false
    }

    /// Puts the last finite parameters back into `network`.
    mutating func rollBack(_ network: inout Network) {
        blewUp = false
        network.parameters.withUnsafeMutableBufferPointer { p in
            lastFinite.withUnsafeBufferPointer { _ = p.update(fromContentsOf: $0) }
        }
    }

    /// Resuming after a divergence: the mistakes already saturated stay as they are and do not count again.
    mutating func accept(saturatedMistakes: Int) { saturationBaseline = saturatedMistakes }

    /// Afresh from new parameters.
    mutating func restart(_ network: Network) { self = DivergenceGuard(network) }
}
