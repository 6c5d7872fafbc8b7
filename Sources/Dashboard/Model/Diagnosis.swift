import NeuralCore
import Training

/// A hint for the status bar when the run shows a known trouble: the error swinging up and down (the learning
/// rate is likely too high), the error flat while mistakes remain (a plateau), or sigmoid/tanh units stuck where
/// their derivative is about zero (saturation), which stalls learning through them.
enum Diagnosis: Equatable {
    /// The test loss rising while the training loss falls: the network learns the training rows, not the rule.
    case overfitting
    case oscillating
    case plateau
    case saturated(units: Int, of: Int)

    /// Reports looked at, the newest last.
    static let window = 16

    var hint: String {
        switch self {
        case .overfitting:
            return "hint: test loss rising while training loss falls: overfitting (l2, fewer units, or stop here)"
        case .oscillating: return "hint: the error swings up and down: learning rate too high? (- lowers it)"
        case .plateau: return "hint: the error is flat with mistakes left: a plateau (try + or r)"
        case .saturated(let units, let total):
            return "hint: \(units) of \(total) units saturated (derivative ~0): lower lr or reset (r)"
        }
    }

    /// The hint for a moment of training, or nil when nothing looks wrong.
    static func of(_ snapshot: Snapshot, training: Dataset) -> Diagnosis? {
        guard snapshot.state == .running || snapshot.state == .paused || snapshot.state == .done else { return nil }
        if let saturated = saturation(snapshot.network, training: training) { return saturated }
        let points = snapshot.history.recentPoints.suffix(window)
        if overfits(Array(points)) { return .overfitting }
        let recent = points.map(\.error)
        guard recent.count == window, recent.allSatisfy(\.isFinite) else { return nil }
        let mean = recent.reduce(0, +) / Double(recent.count)
        guard mean > 0 else { return nil }
        let steps = zip(recent, recent.dropFirst()).map { $1 - $0 }
        let swing = steps.map(abs).reduce(0, +) / Double(steps.count) / mean
        if swing > 0.15 && alternates(steps) && !settled(snapshot) { return .oscillating }
        let spread = (recent.max()! - recent.min()!) / mean
        if spread < 0.002, (snapshot.trainingAccuracy ?? 1) < 1 { return .plateau }
        return nil
    }

    /// Whether report-to-report changes alternate more than noise makes them. A loss that only wanders by the
    /// noise of its batches has changes whose signs flip two times in three, and each change is as large as the
    /// next undoes half of on average (the changes' lag-1 correlation is −0.5); a rate too high makes the loss
    /// bounce between two levels, so nearly every change undoes the last (a correlation near −1). Both must be
    /// past what noise gives: signs flipping at least 5 times in 6, and a correlation below −0.8.
    static func alternates(_ steps: [Double]) -> Bool {
        guard steps.count >= 3 else { return false }
        let pairs = Array(zip(steps, steps.dropFirst()))
        let turns = pairs.filter { $0 * $1 < 0 }.count
        let power = steps.reduce(0) { $0 + $1 * $1 }
        guard power > 0, power.isFinite else { return false }
        let correlation = pairs.reduce(0) { $0 + $1.0 * $1.1 } / power
        return Double(turns) >= 5 / 6 * Double(pairs.count) && correlation < -0.8
    }

    /// Whether the run has nothing left for a lower rate to fix: every training row right (a classifier), or a
    /// regression's R² of 0.99 and up. Its error still swings from report to report, by the noise of its own
    /// steps (each follows one batch's gradient, not the whole data's), and near a small mean those swings are
    /// large beside it; they are that noise, not a rate too high.
    static func settled(_ snapshot: Snapshot) -> Bool {
        guard let accuracy = snapshot.trainingAccuracy else { return false }
        return snapshot.task == .regression ? accuracy >= 0.99 : accuracy >= 1
    }

    /// Over the window's two halves: the training loss's mean down and the test loss's up, each by more than 2 %.
    static func overfits(_ points: [ErrorHistory.Point]) -> Bool {
        guard points.count == window else { return false }
        let tests = points.compactMap(\.testError)
        guard tests.count == window, (points.map(\.error) + tests).allSatisfy(\.isFinite) else { return false }
        func mean(_ xs: ArraySlice<Double>) -> Double { xs.reduce(0, +) / Double(xs.count) }
        let train = points.map(\.error), half = window / 2
        let trainBefore = mean(train[..<half]), trainAfter = mean(train[half...])
        let testBefore = mean(tests[..<half]), testAfter = mean(tests[half...])
        return trainAfter < trainBefore * 0.98 && testAfter > testBefore * 1.02
    }

    /// A hint when at least half of the hidden sigmoid and tanh units are saturated (`Saturation`), judged on as
    /// many rows as a frame's share of passes allows, and not at all on fewer than 8.
    static func saturation(_ network: Network, training: Dataset) -> Diagnosis? {
        let rows = FrameBudget.passes(FrameBudget.saturation, of: network)
        guard rows >= 8, let s = Saturation(of: network, on: training, rowLimit: rows), s.total > 0,
            s.saturated * 2 >= s.total
        else { return nil }
        return .saturated(units: s.saturated, of: s.total)
    }
}
