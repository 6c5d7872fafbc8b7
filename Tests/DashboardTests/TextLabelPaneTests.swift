import Testing
import NeuralCore
import TerminalUI
import Training
@testable import Dashboard

/// A dataset whose target column held texts: every pane that names a class names it by its text — the dataset
/// pane's targets and predictions, the probe, the decision map's legend, the confusion matrix and the step
/// explainer — for three classes and for two (binary), where the pane used to show 0 and 1.
@Suite struct TextLabelPaneTests {
    static let species = ["setosa", "versicolor", "virginica"]

    /// Three classes read from texts (targets 0, 1, 2 are species[0…2]): class 0 wins left of x1 = 0, class 1
    /// right of it, class 2 never. The last row, a virginica at the far left, is predicted setosa: wrong.
    static func multiclass(labels: [String] = species) -> DashboardState {
        let network = Network(
            inputCount: 2, hiddenActivation: .tanh, weights: [[[-6, 0], [6, 0], [0, 0]]], biases: [[0, 0, -3]],
            task: .multiclass)!
        let data = Dataset(rows: [[-1, -1], [1, 1], [-1, 1], [1, -1], [-0.9, 0]], targets: [0, 1, 0, 1, 2])
        var state = DashboardState(training: data, size: Size(width: 120, height: 40), colours: .palette)
        state.encoding = TargetEncoding(task: .multiclass, classes: [0, 1, 2], labels: labels)
        _ = update(&state, .snapshot(Fixtures.snapshot(network: network)))
        return state
    }

    /// The tutorial's network and points with the targets read from "no" (0) and "yes" (1).
    static func binary() -> DashboardState {
        var state = Fixtures.state()
        state.encoding = TargetEncoding(task: .binary, labels: ["no", "yes"])
        _ = update(&state, .snapshot(Fixtures.snapshot()))
        return state
    }

    /// The dataset pane's rows 1 to `count`, as text.
    static func rows(_ state: DashboardState, _ count: Int) -> [String] {
        let lines = inside(\.dataset, of: state)
        return (1...count).compactMap { n in lines.first { $0.hasPrefix("\(n) ") } }
    }

    @Test func theDatasetPaneShowsEachRowsLabelAndThePredictedOne() {
        let state = Self.multiclass()
        let lines = inside(\.dataset, of: state)
        #expect(lines.first?.hasSuffix("y         predicted") == true, "\(lines)")
        let rows = Self.rows(state, 5)
        #expect(rows.count == 5, "\(lines)")
        guard rows.count == 5 else { return }
        #expect(rows[0].hasSuffix("setosa    setosa 1.00 ✓"), "\(rows)")
        // Labels longer than the column are cut, the mark still on screen.
        #expect(rows[1].hasSuffix("versico…  versico… 1.00 ✓"), "\(rows)")
        #expect(rows[4].hasSuffix("virgini…  setosa 1.00 ✗"), "\(rows)")
        // Both features still shown.
        #expect(rows[4].hasPrefix("5 -0.9    0       "), "\(rows)")
    }

    @Test func shortLabelsTakeANarrowColumn() {
        let state = Self.multiclass(labels: ["a", "b", "c"])
        let rows = Self.rows(state, 5)
        #expect(inside(\.dataset, of: state).first?.hasSuffix("y  predicted") == true)
        #expect(rows.count == 5 && rows[4].hasSuffix("0       c  a 1.00 ✗"), "\(rows)")
    }

    @Test func theProbeNamesTheClassByItsText() {
        var state = Self.multiclass()
        // The probe at the first row: (−1, −1), setosa.
        state = Fixtures.pressing([.enter], on: state)
        let probe = inside(\.probe, of: state).joined(separator: "\n")
        #expect(probe.contains("class setosa  p 1.000  (next virginica 0.000)"), "\(probe)")
        #expect(probe.contains("p  setosa 1.00  versicolor 0.00  …"), "\(probe)")
    }

    @Test func theMapsLegendHasASwatchPerLabel() throws {
        let state = Self.multiclass()
        let map = try #require(state.layout.map)
        let legend = render(state).lines(in: map.inset(by: 1)).last ?? ""
        #expect(legend.hasPrefix(" setosa  versicolor  virginica · ● train"), "\(legend)")
    }

    @Test func theConfusionMatrixIsHeadedByTheLabels() throws {
        var state = Self.multiclass()
        #expect(Fixtures.effects([.character("C")], on: &state).isEmpty)
        let table = try #require(state.confusion)
        #expect(table.labels == Self.species)
        #expect(table.counts == [[2, 0, 0], [0, 2, 0], [1, 0, 0]])
        let text = render(state).text
        #expect(text.contains("│ actual           setosa versicolor  virginica   right   │"), "\(text)")
        #expect(text.contains("│ versicolor            0          2          0  100%     │"), "\(text)")
        #expect(text.contains("│ virginica             1          0          0  0%       │"), "\(text)")
    }

    @Test func theConfusionMatrixCutsLongLabels() throws {
        var state = Self.multiclass(labels: ["Iris-setosa", "Iris-versicolor", "Iris-virginica"])
        #expect(Fixtures.effects([.character("C")], on: &state).isEmpty)
        let text = render(state).text
        #expect(text.contains("│ actual         Iris-seto… Iris-vers… Iris-virg…   right"), "\(text)")
        #expect(text.contains("│ Iris-virgin…            1          0          0  0% "), "\(text)")
    }

    @Test func aBinaryDatasetShowsItsTwoLabels() {
        let state = Self.binary()
        let lines = inside(\.dataset, of: state)
        #expect(lines.first?.hasSuffix("y    predicted") == true, "\(lines)")
        let rows = Self.rows(state, 8)
        #expect(rows.count == 8, "\(lines)")
        guard rows.count == 8 else { return }
        // Row 1, (3, 1.5), is a no: the tutorial's weights give it p = 0.966, a yes.
        #expect(rows[0].hasSuffix("no   yes 0.97 ✗"), "\(rows)")
        for row in rows {
            let cells = row.split(separator: " ")
            #expect(cells.count >= 6 && ["no", "yes"].contains(cells[3]) && ["no", "yes"].contains(cells[4]), "\(row)")
        }
    }

    @Test func aBinaryProbeAndMapLegendNameTheClasses() throws {
        let state = Fixtures.pressing([.enter], on: Self.binary())
        let probe = inside(\.probe, of: state)
        #expect(probe.contains { $0.hasPrefix("class yes") }, "\(probe)")
        let map = try #require(state.layout.map)
        let legend = render(state).lines(in: map.inset(by: 1)).last ?? ""
        #expect(legend.hasPrefix("● yes ○ no · ●○ train"), "\(legend)")
    }

    @Test func numberTargetsStayAsTheyWere() throws {
        // Without texts, the binary pane keeps its 0/1 column and the probability of class 1.
        let state = Fixtures.pressing([.enter], on: Fixtures.state())
        let lines = inside(\.dataset, of: state)
        #expect(lines.first?.hasSuffix("y  p") == true, "\(lines)")
        #expect(inside(\.probe, of: state).contains { $0.hasPrefix("class 1") })
        let map = try #require(state.layout.map)
        #expect(render(state).lines(in: map.inset(by: 1)).last?.hasPrefix("●○ train") == true)
    }

    @Test func theStepExplainerNamesTheTargetAndEachOutputsClass() {
        var generator = SeededGenerator(seed: 3)
        let network = Network(
            inputCount: 2, hidden: [3], hiddenActivation: .relu, task: .multiclass, outputs: 3, generator: &generator)
        let data = Dataset(rows: [[1, 2], [0, -1], [2, 2]], targets: [2, 0, 1])
        var state = ExplainerPaneTests.explained(network, data: data, loss: .crossEntropy)
        state.encoding = TargetEncoding(task: .multiclass, classes: [0, 1, 2], labels: ["cat", "dog", "eel"])
        let lines = ExplainerPaneTests.lines(state)
        #expect(lines[1] == "x = (1, 2) · target class 3 (eel)", "\(lines)")
        #expect(lines.contains { $0.hasPrefix("cat      z") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("eel      z") }, "\(lines)")
        #expect(!lines.contains { $0.hasPrefix("class ") }, "\(lines)")

        var binary = ExplainerPaneTests.explained()
        binary.encoding = TargetEncoding(task: .binary, labels: ["no", "yes"])
        let tutorial = ExplainerPaneTests.lines(binary)
        #expect(tutorial[1] == "x = (3, 1.5) · target 0 (no)", "\(tutorial)")
        #expect(tutorial[4] == "error: E = (p − y)² = 0.933988 (y = 0, no)", "\(tutorial)")
    }

    /// An output unit is named with the class it stands for when the target held texts; a hidden unit, and an
    /// output of number classes, keep their plain names.
    @Test func outputUnitsAreNamedByTheirClass() throws {
        var generator = SeededGenerator(seed: 2)
        let multi = Network(
            inputCount: 2, hidden: [3], hiddenActivation: .tanh, task: .multiclass, outputs: 3, generator: &generator)
        let labelled = TargetEncoding(task: .multiclass, classes: [0, 1, 2], labels: Self.species)
        #expect(NetworkUnit(layer: 1, index: 2).name(in: multi, encoding: labelled) == "out 3 (virginica)")
        #expect(NetworkUnit(layer: 0, index: 2).name(in: multi, encoding: labelled) == "h1 3")
        let numbers = TargetEncoding(task: .multiclass, classes: [4, 5, 9])
        #expect(NetworkUnit(layer: 1, index: 2).name(in: multi, encoding: numbers) == "out 3")
        let binary = Network(inputCount: 2, hidden: [3], hiddenActivation: .tanh, generator: &generator)
        let yesNo = TargetEncoding(task: .binary, labels: ["no", "yes"])
        #expect(NetworkUnit(layer: 1, index: 0).name(in: binary, encoding: yesNo) == "out 1 (yes)")
        let long = TargetEncoding(task: .multiclass, classes: [0, 1, 2], labels: ["a", "b", "a very long class name"])
        #expect(NetworkUnit(layer: 1, index: 2).name(in: multi, encoding: long) == "out 3 (a very long…)")
    }
}
