import Foundation
import TerminalUI
import Training

/// The mean loss per instance as a streaming sparkline: y-axis labels, current and best value (and on the
/// tutorial's 8 points its cumulative error, the figure the tutorial prints), iterations along the bottom, marks
/// where the learning rate changed (L), the update rule (O) or the weights were reset (R), the best point (*),
/// and the test loss as dots when there is test data.
enum ErrorPane {
    static let labelWidth = 8

    static func draw(_ state: DashboardState, in rect: Rect, on buffer: inout Buffer) {
        let g = state.glyphs
        let every = state.snapshot.map { Format.count($0.reportInterval) } ?? "100"
        let scale = state.logScale ? "log" : "linear"
        let span = state.wholeRun ? "whole run" : "recent"
        let inner = Panel(
            title: "Loss \(g.middleDot) mean, every \(every) it \(g.middleDot) \(span) \(g.middleDot) \(scale)"
        )
        .draw(in: rect, on: &buffer, glyphs: g)
        guard inner.height >= 4, inner.width > labelWidth + 4, let snapshot = state.snapshot else { return }

        // Line 1: now and best.
        var x = buffer.write("now ", in: inner, row: 0, style: Theme.label)
        x = buffer.write(
            snapshot.trainingLoss.map { Format.short($0, digits: 5) } ?? "-", x: x, y: inner.y,
            style: Theme.trainingCurve.bolded, maxWidth: inner.maxX - x)
        if state.training == .tutorial, let sum = snapshot.trainingError {
            x = buffer.write("  sum ", x: x, y: inner.y, style: Theme.label, maxWidth: inner.maxX - x)
            x = buffer.write(
                Format.short(sum, digits: 5), x: x, y: inner.y, style: Theme.trainingCurve, maxWidth: inner.maxX - x)
        }
        if let test = snapshot.testLoss {
            x = buffer.write("  test ", x: x, y: inner.y, style: Theme.label, maxWidth: inner.maxX - x)
            x = buffer.write(
                Format.short(test, digits: 5), x: x, y: inner.y, style: Theme.testCurve,
                maxWidth: inner.maxX - x)
        }
        if let best = snapshot.bestError, let at = snapshot.bestIteration {
            x = buffer.write("  best ", x: x, y: inner.y, style: Theme.label, maxWidth: inner.maxX - x)
            x = buffer.write(
                "\(Format.short(best, digits: 5)) @ \(Format.count(at))", x: x, y: inner.y,
                style: Theme.best, maxWidth: inner.maxX - x)
        }

        let chart = Rect(
            x: inner.x + labelWidth, y: inner.y + 1, width: inner.width - labelWidth,
            height: inner.height - 3)
        let series = ErrorSeries(history: snapshot.history, wholeRun: state.wholeRun, columns: chart.width)
        guard !series.isEmpty else {
            buffer.write("waiting for the first report", in: inner, row: 2, column: labelWidth, style: Theme.label)
            return
        }
        let transform: (Double) -> Double = state.logScale ? { log10(max($0, 1e-12)) } : { $0 }
        let shown = series.training.map(transform)
        let tests = series.test.map { $0.map(transform) }
        let all = shown + tests.compactMap { $0 }
        var low = all.filter(\.isFinite).min() ?? 0, high = all.filter(\.isFinite).max() ?? 1
        if high - low < 1e-12 { low -= 0.5; high += 0.5 }
        // The floor sits a little below the lowest value, so the curve's shape fills the chart's height.
        low -= (high - low) * 0.05
        if !state.logScale { low = max(low, 0) }  // an error is never negative; neither is its axis
        let untransform: (Double) -> Double = state.logScale ? { pow(10, $0) } : { $0 }

        // Y labels: top is the maximum, bottom the minimum.
        buffer.write(
            Text.right(Format.short(untransform(high), digits: 4), labelWidth - 1), x: inner.x, y: chart.y,
            style: Theme.label)
        buffer.write(
            Text.right(Format.short(untransform(low), digits: 4), labelWidth - 1), x: inner.x,
            y: chart.maxY - 1, style: Theme.label)
        for y in chart.y..<chart.maxY { buffer.put(g.vertical, x: chart.x - 1, y: y, style: Theme.label) }

        Sparkline(values: shown, low: low, high: high, style: Theme.trainingCurve).draw(
            in: chart, on: &buffer, glyphs: g)
        if tests.contains(where: { $0 != nil }) {
            let plot = Sparkline(values: [], low: low, high: high)
            for (c, value) in tests.prefix(chart.width).enumerated() {
                guard let value else { continue }
                let level = plot.level(of: value, rows: chart.height, steps: 1)
                let row = chart.maxY - max(level, 1)
                buffer.put(g.marker, x: chart.x + c, y: row, style: Theme.testCurve)
            }
        }

        // Marks row: learning-rate changes, resets, and the best point.
        let marksRow = chart.maxY
        for event in snapshot.events {
            let mark: Unicode.Scalar
            switch event.kind {
            case .learningRate: mark = "L"
            case .optimizer: mark = "O"
            case .reset: mark = "R"
            default: continue
            }
            if let c = series.column(of: event.iteration, columns: chart.width) {
                buffer.put(mark, x: chart.x + c, y: marksRow, style: Theme.event)
            }
        }
        if let at = snapshot.bestIteration, let c = series.column(of: at, columns: chart.width),
            buffer[chart.x + c, marksRow].scalar == " "
        {
            buffer.put("*", x: chart.x + c, y: marksRow, style: Theme.best)
        }

        // X axis: the first and last iteration drawn.
        let axisRow = marksRow + 1
        buffer.write("it", x: inner.x + labelWidth - 3, y: axisRow, style: Theme.label)
        buffer.write(
            Format.count(series.firstIteration), x: chart.x, y: axisRow, style: Theme.label,
            maxWidth: chart.width)
        let last = Format.count(series.lastIteration)
        let lastColumn = chart.x + min(series.training.count, chart.width) - last.count
        if lastColumn > chart.x + Format.count(series.firstIteration).count + 1 {
            buffer.write(last, x: lastColumn, y: axisRow, style: Theme.label, maxWidth: inner.maxX - lastColumn)
        }
    }
}
