import NeuralCore

/// The dataset pane's live predictions: the network's output for the rows on screen, as many of them, from the
/// first, as the frame's share of forward passes pays for (`FrameBudget.dataset`); the rest show none.
struct RowPredictions: Equatable {
    /// The snapshot and data they were made for (`DashboardState`'s count of their changes).
    var generation: Int
    /// The rows on screen, of the training or the test set (`test`); `values` holds the outputs for the first
    /// of them.
    var rows: [Int]
    var test = false
    /// Binary: the probability of class 1. Multiclass: the probability of the predicted class. Regression: the
    /// value, in the target's units.
    var values: [Double]
    /// Multiclass: the predicted class of each row (its output unit); empty for the other tasks.
    var classes: [Int] = []

    /// Before anything was made.
    static let none = RowPredictions(generation: -1, rows: [], values: [])

    init(generation: Int, rows: [Int], values: [Double]) {
        self.generation = generation
        self.rows = rows
        self.values = values
    }

    /// The predictions for `rows` of `state`'s shown data (`datasetRows`) on its snapshot's network (none
    /// without one, or with one of another width), keeping those of `old` made for the same `generation` and set
    /// (rows still on screen after a scroll).
    init(_ state: DashboardState, rows: [Int], generation: Int, reusing old: RowPredictions) {
        self.generation = generation
        self.rows = rows
        test = state.datasetView.showsTest
        let data = state.datasetRows
        guard let network = state.snapshot?.network, network.inputCount == state.networkInputCount else {
            values = []
            return
        }
        let count = min(rows.count, FrameBudget.passes(FrameBudget.dataset, of: network))
        let reuse = old.generation == generation && old.test == test
        let encoding = state.encoding
        switch network.task {
        case .binary, .regression:
            values = rows.prefix(count).map { i in
                if reuse, let p = old.value(row: i) { return p }
                let output = network.predict(state.networkInput(Array(data.row(i))))
                return network.task == .regression ? encoding.value(fromOutput: output) : output
            }
        case .multiclass:
            var values: [Double] = [], classes: [Int] = []
            for i in rows.prefix(count) {
                if reuse, let p = old.value(row: i), let k = old.predictedClass(row: i) {
                    values.append(p)
                    classes.append(k)
                    continue
                }
                let outputs = network.outputs(state.networkInput(Array(data.row(i))))
                let k = outputs.indices.max { outputs[$0] < outputs[$1] } ?? 0
                values.append(outputs[k])
                classes.append(k)
            }
            self.values = values
            self.classes = classes
        }
    }

    /// The predicted class of row `i` (multiclass), when it was made.
    func predictedClass(row i: Int) -> Int? {
        guard let k = position(of: i) else { return nil }
        return k < classes.count ? classes[k] : nil
    }

    /// The prediction for row `i`, when it was made.
    func value(row i: Int) -> Double? {
        guard let k = position(of: i) else { return nil }
        return k < values.count ? values[k] : nil
    }

    /// Where row `i` is in `rows` (ascending), by bisection.
    private func position(of i: Int) -> Int? {
        var low = 0, high = rows.count
        while low < high {
            let mid = (low + high) / 2
            if rows[mid] < i { low = mid + 1 } else { high = mid }
        }
        return low < rows.count && rows[low] == i ? low : nil
    }
}
