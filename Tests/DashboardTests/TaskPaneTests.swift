import Testing
import NeuralCore
import TerminalUI
import Training
@testable import Dashboard

/// The dataset pane, the probe and the map for a multiclass and a regression network: labels and values in the
/// data's own terms, never a binary probability read wrong.
@Suite struct TaskPaneTests {
    /// Three classes, labelled 3, 5 and 9, along the three inputs: row i is class i % 3.
    static func multiclassState() -> DashboardState {
        let network = Network(
            inputCount: 3, hiddenActivation: .tanh, weights: [[[6, 0, 0], [0, 6, 0], [0, 0, 6]]],
            biases: [[0, 0, 0]], task: .multiclass)!
        let data = Dataset(rows: [[1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 0, 0]], targets: [0, 1, 2, 2])
        var state = Fixtures.state(snapshot: Fixtures.snapshot(network: network), training: data)
        state.encoding = TargetEncoding(task: .multiclass, classes: [3, 5, 9])
        _ = update(&state, .snapshot(Fixtures.snapshot(network: network)))
        return state
    }

    @Test func theDatasetPaneShowsLabelsAndTheirPredictedClass() {
        let screen = render(Self.multiclassState())
        let rows = (1...4).compactMap { screen.row(startingWith: "│\($0) ", in: screen) }
        let text = screen.text
        #expect(text.contains("y        predicted"), "\(text)")
        #expect(rows.count == 4, "\(text)")
        #expect(rows.count == 4 && rows[0].contains("3        3 1.00 ✓"), "\(rows)")
        #expect(rows.count == 4 && rows[2].contains("9        9 1.00 ✓"), "\(rows)")
        #expect(rows.count == 4 && rows[3].contains("9        3 1.00 ✗"), "\(rows)")
    }

    @Test func theProbeNamesTheClass() {
        let text = render(Self.multiclassState()).text
        #expect(text.contains("class 3  p 1.000  (next 5 0.000)") || text.contains("class 3  p 0.99"), "\(text)")
    }

    @Test func capitalCShowsTheConfusionMatrixAndAnyKeyClosesIt() {
        var state = Self.multiclassState()
        #expect(Fixtures.effects([.character("C")], on: &state).isEmpty)
        let table = try! #require(state.confusion)
        #expect(table.counts == [[1, 0, 0], [0, 1, 0], [1, 0, 1]])
        #expect(table.labels == ["3", "5", "9"])
        let text = render(state).text
        #expect(text.contains("Confusion · training data · it 1,200"), "\(text)")
        #expect(text.contains("│ 9          1   0   1  50% "), "\(text)")
        #expect(Fixtures.effects([.character("x")], on: &state).isEmpty)
        #expect(state.confusion == nil)
    }

    @Test func aRegressionShowsValuesInTheTargetsUnits() {
        let network = Network(
            inputCount: 1, hiddenActivation: .tanh, weights: [[[1]]], biases: [[0]], task: .regression)!
        let data = Dataset(rows: [[0], [1]], targets: [100, 110])
        var state = Fixtures.state(snapshot: Fixtures.snapshot(network: network), training: data)
        // Trained on y′ = (y − 100) / 10: an output of 1 is 110.
        state.encoding = TargetEncoding(task: .regression, scale: TargetScale(mean: 100, deviation: 10))
        _ = update(&state, .snapshot(Fixtures.snapshot(network: network)))
        let text = render(state).text
        #expect(text.contains("100      100"), "\(text)")
        #expect(text.contains("110      110"), "\(text)")
        #expect(text.contains("train R² "), "\(text)")
    }
}

extension Buffer {
    /// The first line (as text) that starts with `prefix`, if any.
    func row(startingWith prefix: String, in _: Buffer) -> String? {
        (0..<size.height).map { line($0) }.first { $0.hasPrefix(prefix) }
    }
}
