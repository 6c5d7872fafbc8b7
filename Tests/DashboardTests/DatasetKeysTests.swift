import Testing
import NeuralCore
import TerminalUI
import Training
@testable import Dashboard

/// The dataset pane's keys: rows as in less, columns across, the marked row into the probe, the test rows, and
/// only the wrong ones; each seen in the rendered pane.
@Suite struct DatasetKeysTests {
    /// 300 rows of two features, so the pane scrolls.
    static let long: Dataset = {
        let rows = (0..<300).map { [Double($0 % 17) / 4, Double($0 % 5) / 2] }
        return Dataset(rows: rows, targets: rows.map { $0[0] > 2 ? 1 : 0 })
    }()

    /// 30 features named f1 to f30, so the columns do not all fit.
    static let wide: Dataset = {
        let rows = (0..<4).map { r in (0..<30).map { Double($0 * 10 + r) } }
        var data = Dataset(rows: rows, targets: [0, 1, 0, 1])
        data.featureNames = (1...30).map { "f\($0)" }
        return data
    }()

    /// The first row number the dataset pane shows.
    static func firstShown(_ state: DashboardState) -> Int? {
        inside(\.dataset, of: state).dropFirst().first.flatMap { line in
            line.split(separator: " ").first.flatMap { Int($0) }
        }
    }

    @Test func jKAndHalfPagesMoveTheMarkedRowAsInLess() {
        var state = Fixtures.state(training: Self.long)
        let visible = DatasetPane.visibleRows(state)!
        _ = Fixtures.effects([.character("j"), .character("j")], on: &state)
        #expect(state.datasetScroll == 2 && Self.firstShown(state) == 3)
        _ = Fixtures.effects([.character("k")], on: &state)
        #expect(Self.firstShown(state) == 2)
        _ = Fixtures.effects([.control("d")], on: &state)
        #expect(state.datasetScroll == 1 + visible / 2)
        _ = Fixtures.effects([.control("u"), .control("u")], on: &state)
        #expect(state.datasetScroll == 0 && Self.firstShown(state) == 1)
        _ = Fixtures.effects([.character("G")], on: &state)
        #expect(state.datasetScroll == 299)
        #expect(inside(\.dataset, of: state).last?.hasPrefix("300 ") == true)
        _ = Fixtures.effects([.character("g")], on: &state)
        #expect(state.datasetScroll == 0)
    }

    @Test func theMarkedRowIsReversedAndEnterPutsItIntoTheProbe() {
        var state = Fixtures.state()
        _ = Fixtures.effects([.down, .down], on: &state)
        // All 8 rows fit: the view stays, the mark moves to row 3 (4, 1.5).
        let pane = layout(of: state).dataset.inset(by: 1)
        let screen = render(state)
        #expect(screen[pane.x, pane.y + 3].style.reverse && !screen[pane.x, pane.y + 1].style.reverse)
        #expect(Self.firstShown(state) == 1)
        #expect(Fixtures.effects([.enter], on: &state).isEmpty)
        #expect(state.probeTexts == ["4", "1.5"])
        #expect(state.notice?.text == "probe: training row 3")
        #expect(inside(\.probe, of: state)[0].hasPrefix("x1 4 "))
        // The function a click calls: any row, the focus out of the probe's fields.
        state.focus = .probe(1)
        loadRowIntoProbe(&state, row: 6)
        #expect(state.probeTexts == ["5.5", "1"] && state.focus == .none)
    }

    @Test func leftAndRightScrollTheColumns() {
        var state = Fixtures.state(snapshot: nil, training: Self.wide)
        let header = { inside(\.dataset, of: state)[0] }
        #expect(header().hasPrefix("# f1      f2 ") && header().contains("… y"))
        _ = Fixtures.effects([.right, .right], on: &state)
        #expect(header().hasPrefix("# … f3      f4 "), "\(header())")
        #expect(inside(\.dataset, of: state)[1].hasPrefix("1 … 20      30 "))
        _ = Fixtures.effects([.left], on: &state)
        #expect(header().hasPrefix("# … f2 "))
        _ = Fixtures.effects([.left], on: &state)
        #expect(header().hasPrefix("# f1 "))
        _ = Fixtures.effects([.left], on: &state)
        #expect(state.notice?.text == "the first column is shown: Right scrolls the columns")
        // To the end: the last column shows, and Right says so.
        for _ in 0..<40 { _ = Fixtures.effects([.right], on: &state) }
        #expect(header().contains("f30") && !header().hasSuffix("… y  p"))
        #expect(state.notice?.text == "the last column is shown: Left scrolls back")
        // Two features fit whole: nothing to scroll.
        var tutorial = Fixtures.state()
        _ = Fixtures.effects([.right], on: &tutorial)
        #expect(tutorial.datasetView.firstColumn == 0 && tutorial.notice?.text == "every column is shown")
    }

    @Test func tShowsTheTestRows() {
        let test = Dataset(rows: [[9, 9], [8, 8]], targets: [1, 0])
        var state = Fixtures.state(test: test)
        _ = Fixtures.effects([.character("t")], on: &state)
        #expect(titleLine(\.dataset, of: state).hasPrefix("┌ Dataset · test · 2 rows"))
        #expect(inside(\.dataset, of: state)[1].hasPrefix("1 9 "))
        #expect(state.notice?.text == "dataset: the 2 test rows (t switches)")
        _ = Fixtures.effects([.enter], on: &state)
        #expect(state.probeTexts == ["9", "9"] && state.notice?.text == "probe: test row 1")
        _ = Fixtures.effects([.character("t")], on: &state)
        #expect(titleLine(\.dataset, of: state).hasPrefix("┌ Dataset · 8 rows"))
        // Without test rows it says how to have some.
        var none = Fixtures.state()
        _ = Fixtures.effects([.character("t")], on: &none)
        #expect(none.notice?.isProblem == true && none.notice?.text.contains("--test-fraction") == true)
    }

    @Test func fShowsOnlyTheWrongRows() {
        var state = Fixtures.state()
        let network = Fixtures.tutorialNetwork
        let wrong = (0..<8).filter { i in
            (network.predict(Array(Dataset.tutorial.row(i))) >= 0.5 ? 1.0 : 0.0) != Dataset.tutorial.targets[i]
        }
        #expect(!wrong.isEmpty && wrong.count < 8)
        _ = Fixtures.effects([.character("f")], on: &state)
        #expect(titleLine(\.dataset, of: state).hasPrefix("┌ Dataset · \(wrong.count) wrong of 8 ·"))
        let lines = inside(\.dataset, of: state).dropFirst().prefix(wrong.count)
        #expect(lines.map { Int($0.split(separator: " ")[0]) } == wrong.map { $0 + 1 })
        #expect(lines.allSatisfy { $0.hasSuffix("✗") })
        // Enter takes the marked wrong row.
        _ = Fixtures.effects([.down, .enter], on: &state)
        #expect(state.probeTexts == Dataset.tutorial.row(wrong[1]).map { Format.short($0) })
        _ = Fixtures.effects([.character("f")], on: &state)
        #expect(titleLine(\.dataset, of: state).hasPrefix("┌ Dataset · 8 rows"))
        // A regression has no wrong rows.
        var regression = Fixtures.state()
        regression.encoding = TargetEncoding(task: .regression)
        _ = Fixtures.effects([.character("f")], on: &regression)
        #expect(regression.notice?.isProblem == true && !regression.datasetView.wrongOnly)
    }

    @Test func noWrongRowsSaysSo() {
        let two = Dataset(rows: [[1, 0], [-1, 0]], targets: [1, 0])
        var state = Fixtures.state(
            snapshot: Fixtures.snapshot(network: Network(weights: [1, 0], bias: 0)), training: two)
        _ = Fixtures.effects([.character("f")], on: &state)
        #expect(inside(\.dataset, of: state)[1] == "no wrong rows: f shows them all")
        #expect(titleLine(\.dataset, of: state).hasPrefix("┌ Dataset · 0 wrong of 2 ·"))
    }

    /// A large set is judged on its first rows only, and the title says how many.
    @Test func aLargeSetsWrongRowsAreAmongItsFirst() {
        let rows = (0..<60_000).map { [Double($0 % 9) - 4, Double($0 % 7) - 3] }
        let large = Dataset(rows: rows, targets: rows.map { $0[1] > 0 ? 1 : 0 })
        var state = Fixtures.state(training: large)
        _ = Fixtures.effects([.character("f")], on: &state)
        #expect(
            titleLine(\.dataset, of: state).contains(" wrong of the first 50,000"),
            "\(titleLine(\.dataset, of: state))")
        #expect(state.wrongRows.map { $0.judged == WrongRows.rowLimit && !$0.rows.isEmpty } == true)
    }
}
