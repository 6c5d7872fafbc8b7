import Testing
import NeuralCore
import TerminalUI
import Training
@testable import Dashboard

/// The error chart. The fixture's history falls from 4 to 1.25 over twelve reports (iterations 100…1 200).
private func pad(_ n: Int) -> String { String(repeating: " ", count: n) }

@Suite struct ErrorPaneTests {
    static func inner(_ state: DashboardState) -> Rect { layout(of: state).error.inset(by: 1) }

    @Test(arguments: Fixtures.sizes)
    func nowBestAxisLabelsAndIterations(size: Size) {
        let state = Fixtures.state(size: size)
        let lines = inside(\.error, of: state)
        #expect(lines[0] == "now 1.25  best 1.25 @ 1,200", "\(render(state).text)")
        // Y axis: the maximum on the chart's top row, the floor (5 % of the range below the minimum) at its bottom.
        #expect(lines[1].hasPrefix("      4│█"), "\(render(state).text)")
        let bottom = lines[lines.count - 3]
        #expect(bottom.hasPrefix("  1.113│"), "\(render(state).text)")
        #expect(bottom.dropFirst(8).count == 12 && !bottom.dropFirst(8).contains(" "), "\(bottom)")
        for row in lines[2..<(lines.count - 3)] { #expect(row.hasPrefix("       │")) }
        // X axis: the first and last iteration, the last under the last column drawn.
        #expect(lines.last == "     it 100    1,200")
    }

    @Test func theCurveFallsFromLeftToRight() {
        let state = Fixtures.state(size: Size(width: 80, height: 24))
        let screen = render(state)
        let inner = Self.inner(state)
        let chart = Rect(x: inner.x + 8, y: inner.y + 1, width: inner.width - 8, height: inner.height - 3)
        func height(_ c: Int) -> Int { (chart.y..<chart.maxY).filter { screen[chart.x + c, $0].scalar != " " }.count }
        let heights = (0..<12).map(height)
        #expect(heights.first == chart.height)
        #expect(zip(heights, heights.dropFirst()).allSatisfy { $0 >= $1 }, "\(heights)")
        #expect(heights.last == 1)
        #expect(height(12) == 0)
        #expect(screen[chart.x, chart.y].style == Theme.trainingCurve)
    }

    @Test(arguments: Fixtures.sizes)
    func learningRateResetAndBestMarksUnderTheirColumns(size: Size) {
        let events = [
            TrainingEvent(iteration: 500, kind: .learningRate(from: 0.1, to: 0.3)),
            TrainingEvent(iteration: 900, kind: .reset(seed: 2)),
            TrainingEvent(iteration: 700, kind: .paused)
        ]
        let state = Fixtures.state(size: size, snapshot: Fixtures.snapshot(events: events, bestIteration: 1_100))
        let lines = inside(\.error, of: state)
        // One column per report: 500 is column 4, 900 column 8, 1 100 column 10; pauses are not marked.
        #expect(lines[lines.count - 2] == pad(12) + "L" + pad(3) + "R" + pad(1) + "*", "\(render(state).text)")
    }

    @Test func bestMarkGivesWayToAnEvent() {
        let events = [TrainingEvent(iteration: 1_200, kind: .reset(seed: 2))]
        let state = Fixtures.state(size: Size(width: 80, height: 24), snapshot: Fixtures.snapshot(events: events))
        let lines = inside(\.error, of: state)
        #expect(lines[lines.count - 2] == pad(19) + "R")
    }

    @Test func eventsOutsideTheDrawnSpanAreNotMarked() {
        let events = [
            TrainingEvent(iteration: 50, kind: .reset(seed: 2)),
            TrainingEvent(iteration: 5_000, kind: .learningRate(from: 0.1, to: 1))
        ]
        let state = Fixtures.state(size: Size(width: 80, height: 24), snapshot: Fixtures.snapshot(events: events))
        let lines = inside(\.error, of: state)
        #expect(lines[lines.count - 2] == pad(19) + "*")
    }

    @Test(arguments: Fixtures.sizes)
    func testErrorsAreDots(size: Size) {
        let tests: [Double?] = [5, 4, nil, 3, 2.5, 2.4, 2.3, 2.2, 2.1, 2, 2, 2]
        let history = Fixtures.history([4, 3.5, 3, 2.5, 2, 1.8, 1.6, 1.5, 1.4, 1.3, 1.27, 1.25], tests: tests)
        let state = Fixtures.state(size: size, snapshot: Fixtures.snapshot(history: history, testError: 2))
        let screen = render(state)
        let inner = Self.inner(state)
        let chart = Rect(x: inner.x + 8, y: inner.y + 1, width: inner.width - 8, height: inner.height - 3)
        let lines = inside(\.error, of: state)
        #expect(("now 1.25  test 2  best 1.25 @ 1,200").hasPrefix(lines[0]) && lines[0].count >= 27, "\(lines[0])")
        // The top label is now the test error's maximum, and its dot sits on the top row.
        #expect(lines[1].hasPrefix("      5│•"), "\(screen.text)")
        for c in 0..<12 {
            let dots = (chart.y..<chart.maxY).filter { screen[chart.x + c, $0].scalar == "•" }
            #expect(dots.count == (tests[c] == nil ? 0 : 1), "column \(c)\n\(screen.text)")
            for y in dots { #expect(screen[chart.x + c, y].style == Theme.testCurve) }
        }
    }

    @Test func noDotsWithoutTestErrors() {
        let state = Fixtures.state(size: Size(width: 120, height: 40))
        let screen = render(state), pane = state.layout.error
        for y in pane.y..<pane.maxY {
            #expect(!(pane.x..<pane.maxX).contains { screen[$0, y].scalar == "•" }, "row \(y)\n\(screen.text)")
        }
    }

    @Test func logScaleChangesTheTitleAndTheLabels() {
        var state = Fixtures.state(size: Size(width: 120, height: 40))
        #expect(titleLine(\.error, of: state).hasPrefix("┌ Loss · mean, every 100 it · whole run · linear ─"))
        let linear = inside(\.error, of: state)
        state = Fixtures.pressing([.character("l")], on: state)
        #expect(state.logScale)
        #expect(titleLine(\.error, of: state).hasPrefix("┌ Loss · mean, every 100 it · whole run · log ─"))
        let log = inside(\.error, of: state)
        // The top is still the maximum; the floor moves (5 % of the range in log10 below 1.25 is 1.179).
        #expect(log[1].hasPrefix("      4│"))
        #expect(log[log.count - 3].hasPrefix("  1.179│"), "\(log)")
        #expect(linear[linear.count - 3].hasPrefix("  1.113│"))
        // The middle of a falling curve sits higher on a log scale.
        #expect(log != linear)
    }

    @Test func recentWindowShowsTheNewestReportsAtFullResolution() {
        // 200 reports, 100 to 20 000: more than the 38 columns of an 80-wide chart.
        let errors = (0..<200).map { 10 / Double($0 + 1) }
        let snapshot = Fixtures.snapshot(
            iteration: 20_000, history: Fixtures.history(errors), trainingError: 0.05,
            bestError: 0.05, bestIteration: 20_000)
        var state = Fixtures.state(size: Size(width: 80, height: 24), snapshot: snapshot)
        let columns = Self.inner(state).width - 8
        #expect(columns == 38)
        #expect(inside(\.error, of: state).last == "     it 100" + pad(29) + "20,000")
        state = Fixtures.pressing([.character("w")], on: state)
        #expect(!state.wholeRun)
        #expect(titleLine(\.error, of: state).hasPrefix("┌ Loss · mean, every 100 it · recent"))
        // The last 38 reports: 16 300 … 20 000.
        #expect(inside(\.error, of: state).last == "     it 16,300" + pad(26) + "20,000")
        state = Fixtures.pressing([.character("w")], on: state)
        #expect(titleLine(\.error, of: state).contains("whole ru"))
    }

    @Test func waitsForTheFirstReport() {
        let state = Fixtures.state(
            size: Size(width: 80, height: 24),
            snapshot: Fixtures.snapshot(
                history: ErrorHistory(), trainingError: nil,
                bestError: nil, bestIteration: nil))
        let lines = inside(\.error, of: state)
        #expect(lines[0] == "now -")
        #expect(lines[2] == "        waiting for the first report")
    }

    @Test func aFlatHistoryStillDraws() {
        let state = Fixtures.state(
            size: Size(width: 80, height: 24),
            snapshot: Fixtures.snapshot(history: Fixtures.history([2, 2, 2]), trainingError: 2))
        let lines = inside(\.error, of: state)
        #expect(lines[1].hasPrefix("    2.5│"))
        #expect(lines[lines.count - 3].hasPrefix("   1.45│███"))
        #expect(lines.last == "     it 100")
    }

    @Test func reportIntervalInTheTitle() {
        let state = Fixtures.state(
            size: Size(width: 120, height: 40), snapshot: Fixtures.snapshot(reportInterval: 2_000))
        #expect(titleLine(\.error, of: state).hasPrefix("┌ Loss · mean, every 2,000 it ·"))
    }
}

@Suite struct ErrorSeriesTests {
    @Test func wholeRunSqueezesIntoTheColumns() {
        let series = ErrorSeries(history: Fixtures.history([4, 2, 3, 1, 5, 5]), wholeRun: true, columns: 3)
        #expect(series.training == [3, 2, 5])
        #expect(series.test == [nil, nil, nil])
        #expect(series.firstIteration == 100)
        #expect(series.lastIteration == 600)
    }

    @Test func recentTakesTheLastColumnsUnchanged() {
        let series = ErrorSeries(
            history: Fixtures.history([4, 2, 3, 1, 5, 5], tests: [1, nil, 2, 3, 4, 6]),
            wholeRun: false, columns: 3)
        #expect(series.training == [1, 5, 5])
        #expect(series.test == [3, 4, 6])
        #expect(series.firstIteration == 400)
    }

    @Test func columnOfAnIteration() {
        let series = ErrorSeries(history: Fixtures.history([4, 3, 2, 1, 0.5]), wholeRun: true, columns: 10)
        #expect(series.column(of: 100, columns: 10) == 0)
        #expect(series.column(of: 300, columns: 10) == 2)
        #expect(series.column(of: 500, columns: 10) == 4)
        #expect(series.column(of: 99, columns: 10) == nil)
        #expect(series.column(of: 501, columns: 10) == nil)
        // Squeezed: three columns of two reports each (to 200, 400, 600).
        let squeezed = ErrorSeries(history: Fixtures.history([4, 2, 3, 1, 5, 5]), wholeRun: true, columns: 3)
        #expect(squeezed.columnEnds == [200, 400, 600])
        #expect([100, 200, 201, 400, 450, 600].map { squeezed.column(of: $0, columns: 3) } == [0, 0, 1, 1, 2, 2])
    }

    @Test func reportsFurtherApartAfterTheIntervalChangesStillMarkTheRightColumn() {
        // Every 100 to 300, then (a lower speed, a larger batch) every 2 000: 2 300, 4 300, 6 300.
        var history = ErrorHistory()
        for iteration in [100, 200, 300, 2_300, 4_300, 6_300] {
            history.append(.init(iteration: iteration, error: 1))
        }
        let series = ErrorSeries(history: history, wholeRun: false, columns: 20)
        // By proportion, 2 000 would land in column 1; it belongs with the report at 2 300, column 3.
        #expect(series.column(of: 2_000, columns: 20) == 3)
        #expect(series.column(of: 300, columns: 20) == 2)
        #expect(series.column(of: 4_301, columns: 20) == 5)
    }
}
