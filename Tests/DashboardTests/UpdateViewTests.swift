import Testing
import NeuralCore
import TerminalUI
import Training
@testable import Dashboard

/// Help, chart toggles and dataset scrolling.
@Suite struct UpdateViewTests {
    @Test(arguments: [Key.character("?"), .character("h"), .function(1)])
    func helpOpens(key: Key) {
        var state = Fixtures.state()
        #expect(update(&state, .key(key)).isEmpty)
        #expect(state.showHelp)
    }

    @Test(arguments: [Key.character(" "), .character("n"), .character("r"), .escape, .tab, .character("?")])
    func anyKeyClosesHelpAndDoesNothingElse(key: Key) {
        var state = Fixtures.pressing([.character("?")], on: Fixtures.state())
        #expect(update(&state, .key(key)).isEmpty)
        #expect(!state.showHelp)
        #expect(state.focus == .none)
    }

    @Test func qClosesHelpWithoutQuitting() {
        var state = Fixtures.state()
        #expect(Fixtures.effects([.character("?"), .character("q")], on: &state).isEmpty)
        #expect(!state.showHelp)
        #expect(Fixtures.effects([.character("q")], on: &state) == [.quit])
    }

    @Test func lTogglesLogScaleAndWTogglesTheWindow() {
        var state = Fixtures.state()
        #expect(!state.logScale && state.wholeRun)
        state = Fixtures.pressing([.character("l")], on: state)
        #expect(state.logScale)
        state = Fixtures.pressing([.character("l")], on: state)
        #expect(!state.logScale)
        state = Fixtures.pressing([.character("w")], on: state)
        #expect(!state.wholeRun)
        state = Fixtures.pressing([.character("w")], on: state)
        #expect(state.wholeRun)
    }

    static let thirtyRows: Dataset = {
        let rows = (0..<30).map { [Double($0), 1] }
        return Dataset(rows: rows, targets: rows.map { $0[0] > 15 ? 1 : 0 })
    }()

    @Test func arrowsScrollOneRowAndClamp() {
        var state = Fixtures.state(training: Self.thirtyRows)
        state = Fixtures.pressing([.up], on: state)
        #expect(state.datasetScroll == 0)
        state = Fixtures.pressing([.down, .down, .down], on: state)
        #expect(state.datasetScroll == 3)
        state = Fixtures.pressing([.up], on: state)
        #expect(state.datasetScroll == 2)
        state = Fixtures.pressing(Array(repeating: .down, count: 40), on: state)
        #expect(state.datasetScroll == 29)
    }

    @Test func pagesScrollTenRowsAndClamp() {
        var state = Fixtures.state(training: Self.thirtyRows)
        state = Fixtures.pressing([.pageDown], on: state)
        #expect(state.datasetScroll == 10)
        state = Fixtures.pressing([.pageDown, .pageDown, .pageDown], on: state)
        #expect(state.datasetScroll == 29)
        state = Fixtures.pressing([.pageUp], on: state)
        #expect(state.datasetScroll == 19)
        state = Fixtures.pressing([.pageUp, .pageUp, .pageUp], on: state)
        #expect(state.datasetScroll == 0)
    }

    @Test func homeAndEnd() {
        var state = Fixtures.pressing([.end], on: Fixtures.state(training: Self.thirtyRows))
        #expect(state.datasetScroll == 29)
        state = Fixtures.pressing([.home], on: state)
        #expect(state.datasetScroll == 0)
    }

    @Test func scrollingMovesTheRowsOnScreen() {
        var state = Fixtures.state(size: Size(width: 80, height: 24), training: Self.thirtyRows)
        #expect(inside(\.dataset, of: state)[1].hasPrefix(" 1 0 "))
        state = Fixtures.pressing([.down, .down], on: state)
        #expect(inside(\.dataset, of: state)[1].hasPrefix(" 3 2 "))
        state = Fixtures.pressing([.end], on: state)
        let lines = inside(\.dataset, of: state)
        #expect(lines.last?.hasPrefix("30 29 ") == true)
        let rect = layout(of: state).dataset
        #expect(render(state).lines(in: rect).last?.hasSuffix(" 18…30 of 30 ─┘") == true)
    }

    @Test func aOneRowDatasetDoesNotScroll() {
        let one = Dataset(featureNames: ["a"], features: [1], targets: [1])
        let state = Fixtures.pressing([.down, .end, .pageDown], on: Fixtures.state(snapshot: nil, training: one))
        #expect(state.datasetScroll == 0)
    }
}
