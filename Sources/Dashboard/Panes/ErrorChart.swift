import Foundation
import Training

/// What the loss chart draws, made from the snapshot when it, the pane's size or the chart's keys change
/// (`DashboardState.refresh`), so that drawing only reads it: the history smoothed, resampled to the chart's dot
/// columns, on a log scale when asked, and the y range over everything drawn plus now and best.
///
/// Rows are labelled at their centres: the top row's centre is `high`, the bottom row's `low`, evenly between.
struct ErrorChart: Equatable {
    /// One entry per dot column (cells × dots across), nil where the run has nothing to draw.
    var columns: [ErrorColumn?]
    /// The x axis: iterations from `first` (0 for the whole run) to `last`.
    var first: Int
    var last: Int
    /// The y axis, in the drawn scale (log10 on a log scale): the centres of the top and bottom rows.
    var high: Double
    var low: Double
    var rows: Int
    var cells: Int
    var logScale: Bool
    var hasTest: Bool

    /// Errors at or below this are drawn at it on a log scale.
    static let logFloor = 1e-12

    init?(
        history: ErrorHistory, now: [Double?], best: Double?, wholeRun: Bool, logScale: Bool, smoothing: Double,
        cells: Int, rows: Int, dotsAcross: Int
    ) {
        guard !history.isEmpty, cells > 0, rows >= 2, dotsAcross > 0 else { return nil }
        let (count, tooMany) = cells.multipliedReportingOverflow(by: dotsAcross)
        guard !tooMany else { return nil }
        var buckets: [ErrorHistory.Bucket]
        if wholeRun {
            buckets = Smoothing.smoothed(history.buckets, weight: smoothing)
        } else {
            let recent = history.recentPoints.map(ErrorHistory.Bucket.init)
            buckets = Array(Smoothing.smoothed(recent, weight: smoothing).suffix(count))
        }
        guard let lastBucket = buckets.last else { return nil }
        // The axis spans at least one iteration: a recent window starting at Int.max starts one before it.
        first = min(wholeRun ? min(0, buckets[0].first) : buckets[0].first, .max - 1)
        last = max(lastBucket.last, first + 1)
        self.rows = rows
        self.cells = cells
        self.logScale = logScale
        let scale: (Double) -> Double = logScale ? { log10(max($0, ErrorChart.logFloor)) } : { $0 }
        columns = ErrorColumns.resample(buckets, first: first, last: last, count: count).map { column in
            column.map {
                ErrorColumn(
                    low: scale($0.low), high: scale($0.high), mean: scale($0.mean),
                    testLow: $0.testLow.map(scale), testHigh: $0.testHigh.map(scale),
                    testMean: $0.testMean.map(scale), measured: $0.measured)
            }
        }
        hasTest = columns.contains { $0?.testMean != nil }
        var values = columns.compactMap { $0 }.flatMap { [$0.low, $0.high, $0.testLow, $0.testHigh].compactMap { $0 } }
        values += (now + [best]).compactMap { $0 }.map(scale)
        let finite = values.filter(\.isFinite)
        var low = finite.min() ?? 0, high = finite.max() ?? 1
        if high - low < max(abs(high), 1) * 1e-9 {
            let pad = logScale ? 0.05 : max(abs(high) * 0.05, 1e-9)
            // Kept finite: a flat line at the greatest double would otherwise pad its top to infinity.
            low = max(low - pad, -.greatestFiniteMagnitude)
            high = min(high + pad, .greatestFiniteMagnitude)
        }
        self.low = low
        self.high = high
    }

    /// The value (in the error's own units) at the centre of row `row`, 0 at the top.
    func value(atRow row: Int) -> Double {
        let t = row >= rows - 1 ? low : high - Double(row) * (high - low) / Double(rows - 1)
        return logScale ? pow(10, t) : t
    }

    /// The dot row (0 at the top) where a value in the drawn scale goes, clamped to the chart.
    func dotRow(_ t: Double, dotsDown: Int) -> Int {
        let rowsFromTop = (high - t) / (high - low) * Double(rows - 1)
        guard rowsFromTop.isFinite else { return rows * dotsDown - 1 }
        let y = ((rowsFromTop + 0.5) * Double(dotsDown)).rounded(.down)
        return Int(min(max(y, 0), Double(rows * dotsDown - 1)))
    }

    /// The cell an iteration falls in, when it is within the x axis.
    func cell(of iteration: Int) -> Int? {
        guard iteration >= first, iteration <= last else { return nil }
        let c = (Double(iteration) - Double(first)) / max(Double(last) - Double(first), 1) * Double(cells)
        return Int(min(max(c, 0), Double(cells - 1)))
    }

    /// The iteration at the left edge of cell `c`.
    func iteration(atCell c: Int) -> Int {
        let t = Double(first) + (Double(last) - Double(first)) * Double(c) / Double(max(cells, 1))
        return t.isFinite ? Int(min(max(t, -9.0e18), 9.0e18)) : first
    }
}
