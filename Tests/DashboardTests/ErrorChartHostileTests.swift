import Foundation
import Testing
import TerminalUI
import Training
@testable import Dashboard

/// The loss chart on snapshots no trainer sends but the public API takes: iterations at the ends of Int, a loss
/// at the greatest double, counts that sum past Int.max. Each of these trapped (the update fuzzer found them);
/// now each draws, and its labels read back as numbers (none NaN) and its axis as ascending iterations.
@Suite struct ErrorChartHostileTests {
    static func history(_ iterations: [Int], error: Double = 0.5) -> ErrorHistory {
        var history = ErrorHistory()
        for (k, it) in iterations.enumerated() { history.append(.init(iteration: it, error: error + Double(k) / 8)) }
        return history
    }

    /// Draws the history on a 120 × 40 screen and checks what a user reads: every y label a number, not NaN, the
    /// axis's iterations ascending from the chart's first.
    @discardableResult
    static func drawn(
        _ history: ErrorHistory, iteration: Int, trainingError: Double? = nil, wholeRun: Bool = true,
        logScale: Bool = false
    ) throws -> ErrorChart {
        var state = Fixtures.state(
            size: Size(width: 120, height: 40),
            snapshot: Fixtures.snapshot(
                iteration: iteration, history: history, trainingError: trainingError, bestError: nil,
                bestIteration: nil))
        state.wholeRun = wholeRun
        state.logScale = logScale
        let screen = render(state)
        let area = try #require(ErrorPane.chartArea(state))
        let chart = try #require(state.errorChart)
        for row in ErrorPane.labelRows(area.height) {
            let label = ErrorPaneTests.label(screen, state, row: area.y + row)
            let value = try #require(label.value, "label '\(label.text)' on row \(row)\n\(screen.text)")
            #expect(!value.isNaN, "label '\(label.text)' on row \(row)\n\(screen.text)")
        }
        let axis = screen.lines(in: Rect(x: area.x, y: area.maxY + 1, width: area.width, height: 1))[0]
        let iterations = axis.split(separator: " ").prefix { !$0.hasPrefix("(") && $0 != "it" }
            .map { Int($0.replacingOccurrences(of: ",", with: "")) }
        #expect(iterations.allSatisfy { $0 != nil }, "\(axis)")
        #expect(iterations.first == chart.first, "\(axis)")
        let values = iterations.compactMap { $0 }
        #expect(values.count >= 2 && zip(values, values.dropFirst()).allSatisfy { $0 < $1 }, "\(axis)")
        return chart
    }

    /// ErrorPane.ticks subtracted the first iteration from the last in Int: Int.min to Int.max overflowed.
    @Test func aWholeRunAcrossAllOfIntHasItsAxis() throws {
        let chart = try Self.drawn(Self.history([.min, 0, .max]), iteration: .max)
        #expect(chart.first == .min && chart.last == .max)
        #expect(ErrorPane.ticks(chart, width: 112).count >= 2)
    }

    /// ErrorChart's axis added 1 to a recent window's first iteration: from Int.max, it overflowed.
    @Test func aRecentWindowAtIntMaxHasItsAxis() throws {
        let chart = try Self.drawn(Self.history([.max, .max]), iteration: .max, wholeRun: false)
        #expect(chart.first == .max - 1 && chart.last == .max)
        try Self.drawn(Self.history([.max - 3, .max]), iteration: .max, wholeRun: false, logScale: true)
    }

    /// ErrorPane.ticks rounded the first iteration up to a multiple of the step in Int: past Int.max near its end.
    @Test func ticksNearIntMaxStopBeforeOverflowing() throws {
        let chart = try #require(
            ErrorChart(
                history: Self.history([.max - 100, .max]), now: [], best: nil, wholeRun: false, logScale: false,
                smoothing: 0, cells: 1, rows: 2, dotsAcross: 1))
        #expect(ErrorPane.ticks(chart, width: 1) == [])  // the step is 2 000: its next multiple is past Int.max
        var near = chart
        near.first = .max - 25
        #expect(ErrorPane.ticks(near, width: 5) == [.max - 7])  // every 100, ...775,800 the last before Int.max
        near.first = .max
        #expect(ErrorPane.ticks(near, width: 1) == [])
        try Self.drawn(Self.history([.max - 100, .max]), iteration: .max, wholeRun: false)
    }

    /// A flat line at the greatest double padded its range's top to infinity: the labels read inf and NaN.
    @Test func aFlatLineAtTheGreatestDoubleHasFiniteLabels() throws {
        var history = ErrorHistory()
        for it in [0, 100, 200] { history.append(.init(iteration: it, error: .greatestFiniteMagnitude)) }
        let chart = try Self.drawn(history, iteration: 200, trainingError: .greatestFiniteMagnitude)
        #expect(chart.high.isFinite && chart.low.isFinite && chart.high > chart.low)
        try Self.drawn(history, iteration: 200, trainingError: .infinity, logScale: true)
    }

    /// Non-finite losses and iterations anywhere, smoothed: drawn without a trap.
    @Test func nonFiniteLossesAtHostileIterationsDraw() throws {
        var history = ErrorHistory(capacity: 4)
        let errors: [Double] = [.nan, .infinity, 1, .greatestFiniteMagnitude, 0, .leastNonzeroMagnitude, 2, .nan]
        for (k, it) in [Int.max, .min, 0, .max - 1, 5, .min + 1, 7, .max].enumerated() {
            history.append(.init(iteration: it, error: errors[k], testError: errors[7 - k]))
        }
        for wholeRun in [true, false] {
            for logScale in [true, false] {
                var state = Fixtures.state(
                    size: Size(width: 120, height: 40),
                    snapshot: Fixtures.snapshot(iteration: .max, history: history, trainingError: .nan))
                state.wholeRun = wholeRun
                state.logScale = logScale
                state.smoothing = 0.9
                #expect(render(state).size == Size(width: 120, height: 40))
            }
        }
    }

    /// Counts summed in Int (merging buckets, and a column's tally) overflowed for buckets built by hand.
    @Test func countsPastIntMaxSaturate() {
        let b = ErrorColumnsTests.bucket(0, 0, low: 1, high: 3, mean: 2, count: .max)
        let merged = b.merged(with: b)
        #expect(merged.count == .max && merged.mean == 2)
        let columns = ErrorColumns.resample([b, b], first: 0, last: 1, count: 1)
        #expect(columns == [ErrorColumn(low: 1, high: 3, mean: 2, testLow: nil, testHigh: nil, testMean: nil)])
    }

    /// Degenerate shapes: no rows to label, and more dot columns than Int holds.
    @Test func degenerateShapesAreRefused() {
        #expect(ErrorPane.labelRows(0) == [] && ErrorPane.labelRows(.min) == [])
        let history = Self.history([0, 1])
        #expect(
            ErrorChart(
                history: history, now: [], best: nil, wholeRun: true, logScale: false, smoothing: 0, cells: .max,
                rows: 2, dotsAcross: 2) == nil)
        #expect(
            ErrorChart(
                history: history, now: [], best: nil, wholeRun: true, logScale: false, smoothing: 0, cells: 4,
                rows: 2, dotsAcross: 0) == nil)
    }
}
