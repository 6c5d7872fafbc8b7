import Testing
import NeuralCore
import TerminalUI
import Training
@testable import Dashboard

/// The error chart. The fixture's history falls from 4 to 1.25 over twelve reports (iterations 100…1 200); the
/// x axis runs from 0.
private func pad(_ n: Int) -> String { String(repeating: " ", count: n) }

@Suite struct ErrorPaneTests {
    static func area(_ state: DashboardState) -> Rect { ErrorPane.chartArea(state)! }

    /// The y label on screen row `y` (at the chart's left edge, or its right), and the number it reads as.
    static func label(_ screen: Buffer, _ state: DashboardState, row y: Int) -> (text: String, value: Double?) {
        let area = Self.area(state)
        func run(_ xs: some Sequence<Int>) -> String {
            String(
                String.UnicodeScalarView(
                    xs.prefix { screen[$0, y].style == Theme.dark.label }.map { screen[$0, y].scalar })
            )
            .trimmingCharacters(in: " ")
        }
        let left = run(area.x..<area.maxX)
        let text = left.isEmpty ? String(run((area.x..<area.maxX).reversed()).reversed()) : left
        return (text, Double(text))
    }

    @Test(arguments: Fixtures.sizes)
    func legendAxisLabelsAndIterations(size: Size) {
        let state = Fixtures.state(size: size)
        let lines = inside(\.error, of: state)
        #expect("━ train 1.25  best 1.25 @ 1,200".hasPrefix(lines[0]) && lines[0].count >= 28, "\(render(state).text)")
        // Y axis: the maximum at the top row, the minimum at the bottom row.
        #expect(lines[1].hasPrefix("4 "), "\(render(state).text)")
        #expect(lines[lines.count - 3].hasPrefix("1.25 "), "\(render(state).text)")
        // X axis: from 0 to the last report.
        #expect(lines.last!.hasPrefix("0 "), "\(lines.last!)")
        #expect(lines.last!.hasSuffix(" 1,200 it"), "\(lines.last!)")
    }

    @Test func theCurveFallsFromLeftToRightAcrossTheWidth() {
        let state = Fixtures.state(size: Size(width: 80, height: 24))
        let screen = render(state)
        let area = Self.area(state)
        func top(_ c: Int) -> Int? {
            (area.y..<area.maxY).first { screen[area.x + c, $0].style == Theme.dark.trainingCurve }
        }
        // The first report is at 100 of 0…1 200: the line starts a twelfth of the way in and reaches the end.
        let drawn = (0..<area.width).compactMap(top)
        #expect(drawn.count >= area.width * 11 / 12 - 1, "\(screen.text)")
        #expect(top(area.width - 1) == area.maxY - 1)
        #expect(zip(drawn, drawn.dropFirst()).allSatisfy { $0 <= $1 }, "\(drawn)")
        #expect(drawn.first == area.y)
    }

    @Test(arguments: Fixtures.sizes)
    func learningRateResetAndBestMarksUnderTheirIterations(size: Size) {
        let events = [
            TrainingEvent(iteration: 500, kind: .learningRate(from: 0.1, to: 0.3)),
            TrainingEvent(iteration: 900, kind: .reset(seed: 2)),
            TrainingEvent(iteration: 700, kind: .paused)
        ]
        let state = Fixtures.state(size: size, snapshot: Fixtures.snapshot(events: events, bestIteration: 1_100))
        let lines = inside(\.error, of: state)
        let chart = state.errorChart!
        let l = chart.cell(of: 500)!, r = chart.cell(of: 900)!, best = chart.cell(of: 1_100)!
        #expect(l == 500 * chart.cells / 1_200 && r == 900 * chart.cells / 1_200)
        let expected = pad(l) + "L" + pad(r - l - 1) + "R" + pad(best - r - 1) + "*"
        #expect(lines[lines.count - 2] == expected, "\(render(state).text)")
    }

    @Test func bestMarkGivesWayToAnEvent() {
        let events = [TrainingEvent(iteration: 1_200, kind: .reset(seed: 2))]
        let state = Fixtures.state(size: Size(width: 80, height: 24), snapshot: Fixtures.snapshot(events: events))
        let lines = inside(\.error, of: state)
        #expect(lines[lines.count - 2] == pad(Self.area(state).width - 1) + "R")
    }

    @Test func eventsOutsideTheDrawnSpanAreNotMarked() {
        let events = [TrainingEvent(iteration: 5_000, kind: .learningRate(from: 0.1, to: 1))]
        let state = Fixtures.state(size: Size(width: 80, height: 24), snapshot: Fixtures.snapshot(events: events))
        let lines = inside(\.error, of: state)
        #expect(lines[lines.count - 2] == pad(Self.area(state).width - 1) + "*")
    }

    @Test(arguments: Fixtures.sizes)
    func testLossIsASecondSeriesWithALegend(size: Size) {
        let tests: [Double?] = [5, 4, nil, 3, 2.5, 2.4, 2.3, 2.2, 2.1, 2, 2, 2]
        let history = Fixtures.history([4, 3.5, 3, 2.5, 2, 1.8, 1.6, 1.5, 1.4, 1.3, 1.27, 1.25], tests: tests)
        let state = Fixtures.state(size: size, snapshot: Fixtures.snapshot(history: history, testError: 2))
        let screen = render(state)
        let area = Self.area(state)
        let lines = inside(\.error, of: state)
        #expect(
            ("━ train 1.25  ━ test 2  best 1.25 @ 1,200").hasPrefix(lines[0]) && lines[0].count >= 22, "\(lines[0])")
        // The top label is now the test loss's maximum, and the test line starts on the top row.
        #expect(lines[1].hasPrefix("5 "), "\(screen.text)")
        let testCells = (area.y..<area.maxY).flatMap { y in
            (area.x..<area.maxX).filter { screen[$0, y].style == Theme.dark.testCurve }.map { ($0, y) }
        }
        #expect(testCells.count >= area.width * 3 / 4, "\(screen.text)")
        #expect(testCells.contains { $0.1 == area.y })
    }

    @Test func noTestSeriesWithoutTestLoss() {
        let state = Fixtures.state(size: Size(width: 120, height: 40))
        let screen = render(state), pane = state.layout.error
        for y in pane.y..<pane.maxY {
            #expect(!(pane.x..<pane.maxX).contains { screen[$0, y].style == Theme.dark.testCurve }, "row \(y)")
        }
        #expect(!inside(\.error, of: state)[0].contains("test"))
    }

    @Test func logScaleChangesTheTitleAndTheLabels() {
        var state = Fixtures.state(size: Size(width: 120, height: 40))
        #expect(titleLine(\.error, of: state).hasPrefix("┌ Loss · mean, every 100 it · whole run · linear ─"))
        let linear = inside(\.error, of: state)
        state = Fixtures.pressing([.character("l")], on: state)
        #expect(state.logScale)
        #expect(titleLine(\.error, of: state).hasPrefix("┌ Loss · mean, every 100 it · whole run · log ─"))
        let log = inside(\.error, of: state)
        #expect(log[1].hasPrefix("4 "))
        #expect(log[log.count - 3].hasPrefix("1.25 "), "\(log)")
        // The labels between are evenly spaced in log10, so the second label differs; so does the curve.
        #expect(log[5] != linear[5])
        #expect(log != linear)
    }

    @Test func smoothingIsInTheTitleAndFlattensTheLine() {
        // A line that zigzags between 1 and 3.
        let zigzag = (0..<200).map { $0 % 2 == 0 ? 1.0 : 3.0 }
        let snapshot = Fixtures.snapshot(
            iteration: 19_900, history: Fixtures.history(zigzag, first: 0), trainingError: 3, bestError: 1,
            bestIteration: 0)
        var state = Fixtures.state(size: Size(width: 120, height: 40), snapshot: snapshot)
        func lineRows(_ s: DashboardState) -> Set<Int> {
            let screen = render(s), area = Self.area(s)
            return Set(
                (area.y..<area.maxY).filter { y in
                    (area.x..<area.maxX).contains { screen[$0, y].style == Theme.dark.trainingCurve }
                })
        }
        #expect(!titleLine(\.error, of: state).contains("smoothing"))
        let raw = lineRows(state)
        state = Fixtures.pressing([.character("v"), .character("v")], on: state)
        #expect(state.smoothing == 0.9)
        #expect(titleLine(\.error, of: state).contains("· smoothing 0.9 ─"))
        let smooth = lineRows(state)
        #expect(smooth.count < raw.count, "\(raw) \(smooth)")
        // The spread still shows the reports' extremes, so the axis keeps 1…3.
        #expect(inside(\.error, of: state)[1].hasPrefix("3 "))
        state = Fixtures.pressing([.character("v"), .character("v")], on: state)
        #expect(state.smoothing == 0)
    }

    @Test func recentWindowShowsTheNewestReportsAtFullResolution() {
        let errors = (0..<200).map { 10 / Double($0 + 1) }
        let snapshot = Fixtures.snapshot(
            iteration: 20_000, history: Fixtures.history(errors), trainingError: 0.05,
            bestError: 0.05, bestIteration: 20_000)
        var state = Fixtures.state(size: Size(width: 80, height: 24), snapshot: snapshot)
        let columns = Self.area(state).width
        #expect(columns == 46)
        #expect(inside(\.error, of: state).last!.hasPrefix("0 "))
        state = Fixtures.pressing([.character("w")], on: state)
        #expect(!state.wholeRun)
        #expect(titleLine(\.error, of: state).hasPrefix("┌ Loss · mean, every 100 it · recent"))
        // The last 92 reports (two dots a cell): 10 900 … 20 000.
        let axis = inside(\.error, of: state).last!
        #expect(axis.hasPrefix("10,900 ") && axis.hasSuffix(" 20,000 it"), "\(axis)")
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
        #expect(lines[0] == "━ train -")
        #expect(lines[2] == " waiting for the first report")
    }

    @Test func aFlatHistoryStillDraws() {
        let state = Fixtures.state(
            size: Size(width: 80, height: 24),
            snapshot: Fixtures.snapshot(history: Fixtures.history([2, 2, 2], first: 0), trainingError: 2, bestError: 2))
        let lines = inside(\.error, of: state)
        #expect(lines[1].split(separator: " ").first == "2.1", "\(lines)")
        #expect(lines[lines.count - 3].split(separator: " ").first == "1.9", "\(lines)")
        #expect(lines.last!.hasPrefix("0 "))
    }

    @Test func reportIntervalInTheTitle() {
        let state = Fixtures.state(
            size: Size(width: 120, height: 40), snapshot: Fixtures.snapshot(reportInterval: 2_000))
        #expect(titleLine(\.error, of: state).hasPrefix("┌ Loss · mean, every 2,000 it ·"))
    }

    @Test func asciiDrawsTheCurveWithoutBraille() {
        let state = Fixtures.state(size: Size(width: 120, height: 40), glyphs: .ascii)
        let screen = render(state), area = Self.area(state)
        let cells = (area.y..<area.maxY).flatMap { y in (area.x..<area.maxX).map { screen[$0, y].scalar } }
        #expect(cells.allSatisfy { $0.isASCII }, "\(screen.text)")
        #expect(cells.contains("."), "\(screen.text)")
        #expect(inside(\.error, of: state)[0].hasPrefix("= train 1.25"))
        // A spread (reports merged into one column) is dotted, apart from the line.
        let noisy: [Double] = (0..<400).map { (k: Int) -> Double in
            let sign = k % 2 == 0 ? 1.0 : -1.0
            return 2 + sign / Double(k / 40 + 1)
        }
        let spread = Fixtures.state(
            size: Size(width: 120, height: 40), snapshot: Fixtures.snapshot(history: Fixtures.history(noisy)),
            glyphs: .ascii)
        let spreadScreen = render(spread)
        let styles: [Cell] = (area.y..<area.maxY).flatMap { y in (area.x..<area.maxX).map { spreadScreen[$0, y] } }
        #expect(styles.contains { $0.scalar == ":" && $0.style == Theme.dark.trainingSpread }, "\(spreadScreen.text)")
        #expect(styles.allSatisfy { $0.style != Theme.dark.trainingSpread || $0.scalar == ":" })
    }
}
