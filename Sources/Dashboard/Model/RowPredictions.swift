import NeuralCore

/// The dataset pane's live predictions: the network's output for the rows on screen, as many of them, from the
/// first, as the frame's share of forward passes pays for (`FrameBudget.dataset`); the rest show none.
struct RowPredictions: Equatable {
    /// The snapshot and data they were made for (`DashboardState`'s count of their changes).
    var generation: Int
    /// The rows on screen; `values` holds the outputs for the first of them.
    var rows: Range<Int>
    var values: [Double]

    /// Before anything was made.
    static let none = RowPredictions(generation: -1, rows: 0..<0, values: [])

    init(generation: Int, rows: Range<Int>, values: [Double]) {
        self.generation = generation
        self.rows = rows
        self.values = values
    }

    /// The predictions for `rows` of `state`'s training data on its snapshot's network (none without one, or
    /// with one of another width), keeping those of `old` made for the same `generation` (rows still on screen
    /// after a scroll).
    init(_ state: DashboardState, rows: Range<Int>, generation: Int, reusing old: RowPredictions) {
        self.generation = generation
        self.rows = rows
        guard let network = state.snapshot?.network, network.inputCount == state.training.featureCount else {
            values = []
            return
        }
        let count = min(rows.count, FrameBudget.passes(FrameBudget.dataset, of: network))
        let reuse = old.generation == generation
        values = (rows.lowerBound..<rows.lowerBound + count).map { i in
            if reuse, let p = old.value(row: i) { return p }
            return network.predict(state.networkInput(Array(state.training.row(i))))
        }
    }

    /// The prediction for training row `i`, when it was made.
    func value(row i: Int) -> Double? {
        let k = i - rows.lowerBound
        return k >= 0 && k < values.count ? values[k] : nil
    }
}
