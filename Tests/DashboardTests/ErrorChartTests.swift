import Foundation
import Testing
import TerminalUI
import Training
@testable import Dashboard

/// The loss chart drawn from long histories, as a user sees it after 1 000, 10 000 and 1 000 000 iterations: the
/// curves across the width, every label its row's value, the axis from 0 and the range over now and best.
@Suite struct ErrorChartTests {
    /// A falling, noisy loss reported every `every` iterations from 0 to `iterations`, test loss above it.
    static func snapshot(iterations: Int, every: Int, test: Bool) -> Snapshot {
        var history = ErrorHistory()
        var best = (Double.infinity, 0), last = (0.0, 0.0)
        for it in stride(from: 0, through: iterations, by: every) {
            let t = Double(it) / Double(iterations)
            let loss = 0.7 * exp(-4 * t) + 0.05 + 0.02 * sin(Double(it) / Double(every))
            let testLoss = test ? loss * 1.2 + 0.01 : nil
            history.append(.init(iteration: it, error: loss, testError: testLoss))
            if loss < best.0 { best = (loss, it) }
            last = (loss, testLoss ?? 0)
        }
        return Fixtures.snapshot(
            iteration: iterations, history: history, trainingError: last.0, testError: test ? last.1 : nil,
            bestError: best.0, bestIteration: best.1)
    }

    static let cases: [(Size, Int, Bool)] = [Size(width: 120, height: 40), Size(width: 200, height: 60)].flatMap {
        size in [1_000, 10_000, 1_000_000].flatMap { n in [(size, n, false), (size, n, true)] }
    }

    @Test(arguments: cases)
    func aLongRunFillsThePaneAndItsLabelsReadBack(size: Size, iterations: Int, test: Bool) throws {
        let snapshot = Self.snapshot(iterations: iterations, every: 100, test: test)
        let state = Fixtures.state(size: size, snapshot: snapshot)
        let screen = render(state)
        let area = try #require(ErrorPane.chartArea(state))
        let chart = try #require(state.errorChart)
        let curve: [Style] = [
            Theme.dark.trainingCurve, Theme.dark.trainingSpread, Theme.dark.testCurve, Theme.dark.testSpread
        ]
        let drawn = (area.x..<area.maxX).filter { x in
            (area.y..<area.maxY).contains { curve.contains(screen[x, $0].style) }
        }
        // The curves span the pane's whole inner width (the labels are drawn over them).
        let span = (drawn.last ?? 0) - (drawn.first ?? 0) + 1
        let inner = state.layout.error.inset(by: 1)
        #expect(Double(span) >= 0.95 * Double(inner.width), "\(screen.text)")
        #expect(drawn.first == area.x)

        // Every label reads back as its row's value, within its last digit; none is cut.
        var labelled = 0
        for row in 0..<area.height {
            let label = ErrorPaneTests.label(screen, state, row: area.y + row)
            guard !label.text.isEmpty else { continue }
            labelled += 1
            let value = try #require(label.value, "label '\(label.text)' on row \(row)\n\(screen.text)")
            let unit = Format.lastDigitUnit(label.text)
            #expect(abs(value - chart.value(atRow: row)) <= unit / 2 * (1 + 1e-9), "'\(label.text)' row \(row)")
        }
        #expect(labelled >= 2)
        // The range holds now, best and the start of the run.
        let top = chart.value(atRow: 0), bottom = chart.value(atRow: area.height - 1)
        for value in [snapshot.trainingLoss!, snapshot.bestError!, snapshot.history.buckets[0].maximum] {
            #expect(bottom <= value && value <= top, "\(value) outside \(bottom)…\(top)")
        }
        let topLabel = try #require(ErrorPaneTests.label(screen, state, row: area.y).value)
        #expect(topLabel >= 0.7)

        // The x axis starts at 0.
        let axis = screen.lines(in: Rect(x: area.x, y: area.maxY + 1, width: area.width, height: 1))[0]
        #expect(axis.hasPrefix("0 "), "\(axis)")
        #expect(axis.hasSuffix(Format.count(iterations) + " it"), "\(axis)")

        // The test series, and its legend, when there is test loss.
        let legend = screen.lines(
            in: Rect(x: area.x, y: area.y - 1, width: area.width, height: 1))[0]
        let testCells = (area.x..<area.maxX).filter { x in
            (area.y..<area.maxY).contains { screen[x, $0].style == Theme.dark.testCurve }
        }
        #expect(legend.contains("━ test") == test, "\(legend)")
        #expect(test ? testCells.count >= area.width * 9 / 10 : testCells.isEmpty, "\(screen.text)")
    }

    @Test func theStartOfAMillionIterationsStaysOnTheChart() {
        let state = Fixtures.state(
            size: Size(width: 120, height: 40), snapshot: Self.snapshot(iterations: 1_000_000, every: 100, test: false))
        let chart = state.errorChart!
        // The first column covers iteration 0, where the loss was 0.75, and the axis reaches it.
        let first = chart.columns[0]!
        #expect(first.high >= 0.74)
        #expect(chart.high >= 0.74)
        #expect(chart.first == 0)
    }
}

@Suite struct ErrorColumnsTests {
    static func bucket(_ first: Int, _ last: Int, low: Double, high: Double, mean: Double, count: Int = 1)
        -> ErrorHistory.Bucket
    {
        var b = ErrorHistory.Bucket(.init(iteration: first, error: mean))
        b.last = last
        b.minimum = low
        b.maximum = high
        b.count = count
        return b
    }

    @Test func fewReportsSpreadOverEveryColumnBetweenThem() {
        let buckets = [0, 100, 200].map {
            Self.bucket($0, $0, low: 4 - Double($0) / 50, high: 4 - Double($0) / 50, mean: 4 - Double($0) / 50)
        }
        let columns = ErrorColumns.resample(buckets, first: 0, last: 200, count: 9)
        #expect(columns.allSatisfy { $0 != nil })
        #expect(columns.map { $0!.measured } == [true, false, false, false, true, false, false, false, true])
        #expect(columns[0]!.mean == 4 && columns[8]!.mean == 0)
        // Between reports, the line is interpolated: column 2 is halfway from 4 to 2.
        #expect(columns[2]!.mean == 3)
        #expect(columns[2]!.low == 3 && columns[2]!.high == 3)
    }

    @Test func manyReportsInAColumnKeepTheirExtremesAndMean() {
        let buckets = (0..<8).map { i in Self.bucket(i * 10, i * 10, low: Double(i), high: Double(i), mean: Double(i)) }
        let columns = ErrorColumns.resample(buckets, first: 0, last: 79, count: 2)
        #expect(columns[0] == ErrorColumn(low: 0, high: 3, mean: 1.5, testLow: nil, testHigh: nil, testMean: nil))
        #expect(columns[1] == ErrorColumn(low: 4, high: 7, mean: 5.5, testLow: nil, testHigh: nil, testMean: nil))
    }

    @Test func aBucketOverSeveralColumnsCountsInEach() {
        let buckets = [
            Self.bucket(0, 74, low: 1, high: 5, mean: 2, count: 4), Self.bucket(100, 100, low: 1, high: 1, mean: 1)
        ]
        let columns = ErrorColumns.resample(buckets, first: 0, last: 100, count: 4)
        #expect(
            columns[0..<3].allSatisfy {
                $0 == ErrorColumn(low: 1, high: 5, mean: 2, testLow: nil, testHigh: nil, testMean: nil)
            })
        #expect(columns[3]!.mean == 1)
    }

    @Test func nonFiniteValuesAreLeftOut() {
        let buckets = [
            Self.bucket(0, 0, low: 1, high: 1, mean: 1), Self.bucket(1, 1, low: .nan, high: .infinity, mean: .infinity)
        ]
        let columns = ErrorColumns.resample(buckets, first: 0, last: 1, count: 2)
        #expect(columns[0]!.mean == 1)
        #expect(columns[1] == nil)
    }

    @Test func smoothingIsTensorBoardsDebiasedAverage() {
        let smoothed = Smoothing.smoothed([1, 3, nil, 3], weight: 0.5)
        // 1; (0.5·0.5 + 1.5) / 0.75 = 2.333…; nil kept; (1.75·0.5 + 1.5)/0.875 = 2.714….
        #expect(smoothed[0] == 1)
        #expect(abs(smoothed[1]! - 7.0 / 3) < 1e-12)
        #expect(smoothed[2] == nil)
        #expect(abs(smoothed[3]! - 19.0 / 7) < 1e-12)
        #expect(Smoothing.smoothed([1, 3], weight: 0) == [1, 3])
        #expect(Smoothing.levels.map { Smoothing.next(after: $0) } == [0.6, 0.9, 0.99, 0])
    }

    @Test func labelRowsIncludeTheTopAndTheBottom() {
        #expect(ErrorPane.labelRows(2) == [0, 1])
        #expect(ErrorPane.labelRows(9) == [0, 4, 8])
        #expect(ErrorPane.labelRows(10) == [0, 4, 9])
        #expect(ErrorPane.labelRows(6) == [0, 5])
    }
}
