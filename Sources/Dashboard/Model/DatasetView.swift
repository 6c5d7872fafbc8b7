import NeuralCore

/// What the dataset pane shows: the training or the test rows, all of them or only those the network gets
/// wrong, from which feature column on (`t`, `f`, Left and Right).
public struct DatasetView: Sendable, Equatable {
    /// The test rows instead of the training rows.
    public var showsTest = false
    /// Only the rows the network gets wrong.
    public var wrongOnly = false
    /// The first feature column on screen.
    public var firstColumn = 0

    public init() {}
}

/// The rows of the shown set that the network gets wrong, judged on as many of them, from the first, as a
/// frame's share of forward passes pays for (`FrameBudget.wrongRows`, at most `rowLimit`): made once per snapshot
/// while `f` is on.
struct WrongRows: Equatable {
    /// The snapshot and data they were judged for, and on which set.
    var generation: Int
    var test: Bool
    /// The wrong rows, ascending.
    var rows: [Int]
    /// How many rows were judged (all of them unless the data outrun the share).
    var judged: Int

    /// The most rows judged per snapshot, however small the network: each costs a copy of its inputs as well.
    static let rowLimit = 50_000

    init(generation: Int, test: Bool, rows: [Int], judged: Int) {
        self.generation = generation
        self.test = test
        self.rows = rows
        self.judged = judged
    }

    /// The wrong rows of `state`'s shown set on its snapshot's network (none judged without one).
    init(_ state: DashboardState, generation: Int) {
        self.generation = generation
        test = state.datasetView.showsTest
        let data = state.datasetRows
        guard let network = state.snapshot?.network, network.inputCount == state.networkInputCount,
            data.isLabelled, network.task != .regression
        else {
            rows = []
            judged = 0
            return
        }
        judged = min(data.count, FrameBudget.passes(FrameBudget.wrongRows, of: network), WrongRows.rowLimit)
        rows = (0..<judged).filter { i in
            let target = data.targets[i]
            let input = state.networkInput(Array(data.row(i)))
            if network.task == .binary { return (network.predict(input) >= 0.5 ? 1.0 : 0.0) != target }
            let outputs = network.outputs(input)
            let k = outputs.indices.max { outputs[$0] < outputs[$1] } ?? 0
            return Double(k) != target
        }
    }
}
