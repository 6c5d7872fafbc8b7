import Testing
import NeuralCore
import TerminalUI
import Training
@testable import Dashboard

/// The dataset pane: inputs, target, the live prediction of w = (1.45, −0.66), b = 0 and its right/wrong mark.
@Suite struct DatasetPaneTests {
    /// σ(1.45·x1 − 0.66·x2) for the tutorial's eight points, against their targets.
    static let rows = [
        "1 3       1.5     0  0.966 ✗",
        "2 2       1       1  0.904 ✓",
        "3 4       1.5     0  0.992 ✗",
        "4 3       4       1  0.847 ✓",
        "5 3.5     0.5     0  0.991 ✗",
        "6 2       0.5     1  0.929 ✓",
        "7 5.5     1       1  0.999 ✓",
        "8 1       1       0  0.688 ✗"
    ]

    @Test(arguments: Fixtures.sizes)
    func rowsShowInputsTargetPredictionAndMark(size: Size) {
        let state = Fixtures.state(size: size)
        let lines = inside(\.dataset, of: state)
        #expect(lines[0] == "# x1      x2      y  p", "\(render(state).text)")
        let visible = min(lines.count - 1, 8)
        #expect(Array(lines[1...visible]) == Array(Self.rows.prefix(visible)), "\(render(state).text)")
    }

    @Test func titleCountsRowsAndAccuracy() {
        let state = Fixtures.state(size: Size(width: 120, height: 40))
        #expect(titleLine(\.dataset, of: state).hasPrefix("┌ Dataset · 8 rows · train acc 50% ─"))
    }

    @Test func marksAreColouredRightAndWrong() {
        let state = Fixtures.state(size: Size(width: 120, height: 40))
        let screen = render(state)
        let inner = layout(of: state).dataset.inset(by: 1)
        let markColumn = inner.x + Self.rows[0].unicodeScalars.count - 1
        #expect(screen[markColumn, inner.y + 1] == Cell("✗", style: Theme.dark.wrong))
        #expect(screen[markColumn, inner.y + 2] == Cell("✓", style: Theme.dark.right))
    }

    @Test func asciiMarks() {
        let state = Fixtures.state(size: Size(width: 80, height: 24), glyphs: .ascii)
        let lines = inside(\.dataset, of: state)
        #expect(lines[1] == "1 3       1.5     0  0.966 x")
        #expect(lines[2] == "2 2       1       1  0.904 o")
    }

    @Test func aShortPaneSaysWhichRowsItShowsAndScrolls() {
        var state = Fixtures.state(size: Layout.minimum)
        let rect = layout(of: state).dataset
        #expect(render(state).lines(in: rect).last == "└───────────────── 1…7 of 8 ─┘")
        state = Fixtures.pressing([.end], on: state)
        let lines = inside(\.dataset, of: state)
        #expect(lines[1] == Self.rows[1])
        #expect(lines.last == Self.rows[7])
        #expect(render(state).lines(in: rect).last == "└───────────────── 2…8 of 8 ─┘")
    }

    @Test func manyFeaturesAreCutWithAnEllipsisColumn() {
        let data = Dataset(rows: [[1, 2, 3, 4, 5, 6]], targets: [1])
        let network = Network(weights: [1, 1, 1, 1, 1, 1], bias: 0)
        var state = Fixtures.state(size: Layout.minimum, snapshot: Fixtures.snapshot(network: network), training: data)
        var lines = inside(\.dataset, of: state)
        #expect(lines[0] == "# x1      … y  p")
        #expect(lines[1] == "1 1       … 1  1.000 ✓")
        state.size = Size(width: 80, height: 24)
        lines = inside(\.dataset, of: state)
        #expect(lines[0] == "# x1      x2      … y  p")
        #expect(lines[1] == "1 1       2       … 1  1.000 ✓")
    }

    /// A value wider than its column must not run into the next one (24 691.2 once read "2.469e+0" and the
    /// target was lost).
    @Test func wideValuesStayInTheirColumn() {
        let data = Dataset(rows: [[24_691.2, -0.000_123_45], [0.5, 1]], targets: [1, 0])
        let network = Network(weights: [0, 0], bias: 0)
        let state = Fixtures.state(
            size: Size(width: 80, height: 24), snapshot: Fixtures.snapshot(network: network),
            training: data)
        let lines = inside(\.dataset, of: state)
        #expect(lines[1] == "1 2.5e+04 -0.0001 1  0.500 ✓", "\(lines)")
        #expect(lines[2] == "2 0.5     1       0  0.500 ✗")
    }

    @Test func unlabelledRowsShowAQuestionMarkAndNoMark() {
        let data = Dataset(featureNames: ["a", "b"], unlabelledFeatures: [2, 1])
        let state = Fixtures.state(size: Size(width: 80, height: 24), training: data)
        #expect(inside(\.dataset, of: state)[1] == "1 2       1       ?  0.904")
    }

    @Test func longFeatureNamesAreTruncated() {
        let data = Dataset(featureNames: ["temperature", "y"], features: [1, 2], targets: [0])
        let state = Fixtures.state(size: Size(width: 80, height: 24), training: data)
        #expect(inside(\.dataset, of: state)[0] == "# temper… y       y  p")
    }
}
