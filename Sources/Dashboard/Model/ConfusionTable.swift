import NeuralCore

/// A classifier's confusion matrix, counts[actual][predicted], on the test data when there are any (else the
/// training data), made when the C key opens it: it is not redrawn with every snapshot, and says as of which
/// iteration it is.
public struct ConfusionTable: Sendable, Equatable {
    public var counts: [[Int]]
    public var labels: [String]
    public var iteration: Int
    /// "test" or "training".
    public var on: String

    /// The rows evaluated at most, so that opening it stays quick on large data.
    static let rowLimit = 100_000

    /// Nil for a regression, or before the first snapshot.
    init?(_ state: DashboardState) {
        guard let snapshot = state.snapshot, snapshot.task.isClassification,
            snapshot.network.inputCount == state.networkInputCount
        else { return nil }
        let raw = state.test ?? state.training
        let rows = Array(0..<min(raw.count, Self.rowLimit))
        let data = state.networkInput(raw.subset(rows))
        counts = Evaluation.confusion(of: snapshot.network, on: data)
        let classes = counts.count
        labels = (0..<classes).map { state.encoding.label(ofClass: $0) }
        iteration = snapshot.iteration
        on = state.test == nil ? "training" : "test"
    }
}
