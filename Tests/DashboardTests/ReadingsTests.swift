import NeuralCore
import TerminalUI
import Testing
import Training
@testable import Dashboard

/// What the network makes of what is on screen is made when the state changes, so that `render` only reads it:
/// the dataset pane's predictions, the probe's reading and the decision map's judged points.
@Suite struct ReadingsTests {
    /// 300 rows of two features, so the dataset pane scrolls.
    static let long: Dataset = {
        let rows = (0..<300).map { [Double($0 % 17) / 4, Double($0 % 5) / 2] }
        return Dataset(rows: rows, targets: rows.map { $0[0] > 2 ? 1 : 0 })
    }()

    static func predicted(_ network: Network, _ data: Dataset, _ rows: [Int]) -> [Double] {
        rows.map { network.predict(Array(data.row($0))) }
    }

    @Test func predictionsAreMadeForTheRowsOnScreenAndFollowTheScroll() {
        var state = Fixtures.state(training: Self.long)
        let network = Fixtures.tutorialNetwork
        let rows = DatasetPane.shownRows(state)
        #expect(rows.first == 0 && rows.count > 4)
        #expect(state.predictions.rows == rows)
        #expect(state.predictions.values == Self.predicted(network, Self.long, rows))
        for key: Key in [.down, .down, .pageDown] { _ = update(&state, .key(key)) }
        #expect(state.predictions.rows == rows.map { $0 + 12 })
        #expect(state.predictions.values == Self.predicted(network, Self.long, state.predictions.rows))
        _ = update(&state, .key(.end))
        #expect(state.predictions.rows.last == 299)
    }

    @Test func aNewSnapshotOrNewDataMakesThemAgain() {
        var state = Fixtures.state(training: Self.long)
        let next = Network(weights: [-1, 2], bias: 0.5)
        _ = update(&state, .snapshot(Fixtures.snapshot(network: next)))
        #expect(state.predictions.values == Self.predicted(next, Self.long, state.predictions.rows))
        _ = update(&state, .data(training: .tutorial, test: nil, standardization: nil, noise: 0))
        #expect(state.predictions.rows == Array(0..<8))
        #expect(state.predictions.values == Self.predicted(next, .tutorial, Array(0..<8)))
    }

    @Test func aScreenTooSmallForPanesMakesNone() {
        var state = Fixtures.state()
        _ = update(&state, .resize(Size(width: 40, height: 10)))
        #expect(state.predictions.values.isEmpty && state.probeReading == nil && state.pointPredictions.isEmpty)
        _ = update(&state, .resize(Size(width: 120, height: 40)))
        #expect(state.predictions.values.count == 8 && state.probeReading != nil)
    }

    @Test func theProbeIsReadWhenAFieldChanges() throws {
        var state = Fixtures.state()
        let network = Fixtures.tutorialNetwork
        #expect(try #require(state.probeReading) == ProbeReading(network: network, input: [3, 1.5], shown: 0..<2))
        state = Fixtures.pressing([.tab, .backspace, .character("2")], on: state)
        #expect(try #require(state.probeReading) == ProbeReading(network: network, input: [2, 1.5], shown: 0..<2))
        state = Fixtures.pressing([.character("x")], on: state)
        #expect(state.probeReading == nil)
    }

    @Test func theMapsPointsAreJudgedOncePerSnapshotAndOnlyWithAMap() {
        var state = MapPaneTests.state()
        let judged = Self.predicted(MapPaneTests.vertical, .tutorial, Array(0..<8))
        #expect(state.pointPredictions == judged)
        _ = update(&state, .resize(Size(width: 80, height: 24)))
        #expect(state.pointPredictions.isEmpty)
        _ = update(&state, .resize(Size(width: 120, height: 40)))
        #expect(state.pointPredictions == judged)
    }

    /// Drawing twice gives the same screen and leaves the readings as they were: render only reads them.
    @Test func renderingReadsAndChangesNothing() {
        let state = Fixtures.pressing([.down, .tab, .character("5")], on: Fixtures.state(training: Self.long))
        #expect(render(state) == render(state))
        #expect(render(state).text.contains("0.") && state.probeReading != nil)
    }
}
