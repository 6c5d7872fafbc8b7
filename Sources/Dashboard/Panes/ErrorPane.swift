import Foundation
import NeuralCore
import TerminalUI
import Training

/// The mean loss per instance over the run: a legend with the training loss now (and on the tutorial's 8 points
/// its cumulative error, the figure the tutorial prints), the test loss and the best point; the curves across the
/// whole width, in braille dots (or their ASCII stand-ins), each column the spread of the reports it covers
/// (dim) and their mean as the line; y labels over the curves' edges, each on the side where it hides fewer
/// dots, so the curves take the pane's whole width; iterations from 0 along the bottom; and
/// marks where the learning rate changed (L), the update rule (O) or the weights were reset (R), and the best
/// point (*). `ErrorChart`, made in `DashboardState.refresh`, holds what is drawn.
enum ErrorPane {
    /// The widest y label.
    static let labelWidth = 7

    /// Where the curves go within the pane's inner area, below the legend and above the marks and the x axis: the
    /// whole width, the y labels drawn over it.
    static func chartArea(in inner: Rect) -> Rect? {
        guard inner.height >= 5, inner.width > 2 * labelWidth + 2 else { return nil }
        return Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: inner.height - 3)
    }

    /// The chart's area for the state's layout.
    static func chartArea(_ state: DashboardState) -> Rect? { chartArea(in: state.layout.error.inset(by: 1)) }

    static func draw(_ state: DashboardState, in rect: Rect, on buffer: inout Buffer) {
        let g = state.glyphs
        let every = state.snapshot.map { Format.count($0.chartInterval) } ?? "100"
        let of = state.snapshot?.chartSampleRows.map { " of \(Format.count($0)) rows" } ?? ""
        let scale = state.logScale ? "log" : "linear"
        let span = state.wholeRun ? "whole run" : "recent"
        // What the keys set (span, scale, smoothing) is kept longer than how often the loss is measured.
        var title = [
            RankedItem("Loss", rank: 0), RankedItem("mean\(of), every \(every) it", rank: 3),
            RankedItem(span, rank: 2), RankedItem(scale, rank: 1)
        ]
        if state.smoothing > 0 { title.append(RankedItem("smoothing \(Format.short(state.smoothing))", rank: 1)) }
        let inner = Panel(title: Panel.title(title, width: rect.width, glyphs: g)).draw(
            in: rect, on: &buffer, glyphs: g, theme: state.theme)
        guard let area = chartArea(in: inner), let snapshot = state.snapshot else { return }
        drawLegend(state, snapshot, in: inner, on: &buffer)
        guard let chart = state.errorChart else {
            buffer.write("waiting for the first report", in: inner, row: 2, column: 1, style: state.theme.label)
            return
        }
        drawCurves(chart, in: area, glyphs: g, theme: state.theme, on: &buffer)
        drawLabels(chart, in: area, theme: state.theme, on: &buffer)
        drawMarks(chart, snapshot, row: area.maxY, x: area.x, theme: state.theme, on: &buffer)
        drawAxis(chart, snapshot, in: area, theme: state.theme, on: &buffer)
    }

    /// Row 0: each series' mark in its colour, its value now, and the best point.
    private static func drawLegend(
        _ state: DashboardState, _ snapshot: Snapshot, in inner: Rect, on buffer: inout Buffer
    ) {
        let g = state.glyphs
        var x = inner.x
        func text(_ s: String, _ style: Style) {
            x = buffer.write(s, x: x, y: inner.y, style: style, maxWidth: inner.maxX - x)
        }
        text("\(g.legend)", state.theme.trainingCurve.bolded)
        text(" train ", state.theme.label)
        text(snapshot.trainingLoss.map { Format.short($0, digits: 5) } ?? "-", state.theme.trainingCurve.bolded)
        if state.training == .tutorial, let sum = snapshot.trainingError {
            text("  sum ", state.theme.label)
            text(Format.short(sum, digits: 5), state.theme.trainingCurve)
        }
        if let test = snapshot.testLoss {
            text("  ", state.theme.label)
            text("\(g.legend)", state.theme.testCurve)
            text(" test ", state.theme.label)
            text(Format.short(test, digits: 5), state.theme.testCurve)
        }
        if let best = snapshot.bestError, let at = snapshot.bestIteration {
            text("  best ", state.theme.label)
            text("\(Format.short(best, digits: 5)) @ \(Format.count(at))", state.theme.best)
        }
    }

    /// The curves: lines over spreads, training over test.
    private static func drawCurves(
        _ chart: ErrorChart, in area: Rect, glyphs: GlyphSet, theme: Theme, on buffer: inout Buffer
    ) {
        func canvas() -> DotCanvas { DotCanvas(columns: area.width, rows: area.height, braille: glyphs.braille) }
        var line = canvas(), testLine = canvas(), spread = canvas(), testSpread = canvas()
        let down = line.down
        var previous: Int?, previousTest: Int?
        for (x, column) in chart.columns.enumerated() {
            guard let column, column.mean.isFinite else {
                previous = nil
                continue
            }
            let y = chart.dotRow(column.mean, dotsDown: down)
            line.vertical(x: x, from: previous ?? y, to: y)
            previous = y
            if column.measured, column.high > column.low {
                spread.vertical(
                    x: x, from: chart.dotRow(column.high, dotsDown: down), to: chart.dotRow(column.low, dotsDown: down))
            }
            if let mean = column.testMean, mean.isFinite {
                let ty = chart.dotRow(mean, dotsDown: down)
                testLine.vertical(x: x, from: previousTest ?? ty, to: ty)
                previousTest = ty
                if column.measured, let high = column.testHigh, let low = column.testLow, high > low {
                    testSpread.vertical(
                        x: x, from: chart.dotRow(high, dotsDown: down), to: chart.dotRow(low, dotsDown: down))
                }
            } else {
                previousTest = nil
            }
        }
        let layers: [(DotCanvas, Style)] = [
            (line, theme.trainingCurve), (testLine, theme.testCurve), (spread, theme.trainingSpread),
            (testSpread, theme.testSpread)
        ]
        for row in 0..<area.height {
            for c in 0..<area.width {
                guard let k = layers.firstIndex(where: { !$0.0.isEmpty(column: c, row: row) }) else { continue }
                let (layer, style) = layers[k]
                // In ASCII the spread is dotted (:), so that it reads apart from the line without colour.
                let scalar =
                    glyphs.braille || k < 2
                    ? DotCanvas.scalar(layer.mask(column: c, row: row), braille: glyphs.braille) : ":"
                buffer.put(scalar, x: area.x + c, y: area.y + row, style: style)
            }
        }
    }

    /// Y labels at the top row, the bottom row and every few rows between, each its row's value in as many digits
    /// as tell it from its neighbours, over the curves: at the left edge, or at the right where that hides fewer
    /// dots (a falling loss fills the top left and the bottom right).
    private static func drawLabels(_ chart: ErrorChart, in area: Rect, theme: Theme, on buffer: inout Buffer) {
        let rows = labelRows(chart.rows)
        for (k, row) in rows.enumerated() {
            let value = chart.value(atRow: row)
            let neighbours = [k > 0 ? rows[k - 1] : nil, k + 1 < rows.count ? rows[k + 1] : nil].compactMap { $0 }
            let gap = neighbours.map { abs(chart.value(atRow: $0) - value) }.min() ?? abs(value)
            let text = Format.label(value, width: labelWidth, resolution: gap / 10)
            let y = area.y + row
            // The label and a blank cell beside it, so it reads apart from the dots.
            let span = text.count + 1
            func hidden(from x: Int) -> Int { (x..<x + span).filter { buffer[$0, y].scalar != " " }.count }
            let left = hidden(from: area.x), right = hidden(from: area.maxX - span)
            if right < left {
                buffer.write(" " + text, x: area.maxX - span, y: y, style: theme.label)
            } else {
                buffer.write(text + " ", x: area.x, y: y, style: theme.label)
            }
        }
    }

    /// The rows that carry a label: the first, the last, and every fourth between (none next to the last).
    static func labelRows(_ rows: Int) -> [Int] {
        guard rows > 0 else { return [] }
        var out = Array(stride(from: 0, to: rows - 1, by: 4))
        if let last = out.last, rows - 1 - last < 2, out.count > 1 { out.removeLast() }
        return out + [rows - 1]
    }

    /// Learning-rate changes, update rules, resets, and the best point where no event is.
    private static func drawMarks(
        _ chart: ErrorChart, _ snapshot: Snapshot, row: Int, x: Int, theme: Theme, on buffer: inout Buffer
    ) {
        for event in snapshot.events {
            let mark: Unicode.Scalar
            switch event.kind {
            case .learningRate: mark = "L"
            case .optimizer: mark = "O"
            case .reset: mark = "R"
            default: continue
            }
            if let c = chart.cell(of: event.iteration) { buffer.put(mark, x: x + c, y: row, style: theme.event) }
        }
        if let at = snapshot.bestIteration, let c = chart.cell(of: at), buffer[x + c, row].scalar == " " {
            buffer.put("*", x: x + c, y: row, style: theme.best)
        }
    }

    /// Iterations along the bottom: the first at the left, the last with the unit (and the epochs it reaches, when
    /// known) at the right, and round numbers between where they fit.
    private static func drawAxis(
        _ chart: ErrorChart, _ snapshot: Snapshot, in area: Rect, theme: Theme, on buffer: inout Buffer
    ) {
        let row = area.maxY + 1
        var end = Format.count(chart.last) + " it"
        if snapshot.epochs > 0, snapshot.iteration > 0 {
            let epochs = snapshot.epochs * Double(chart.last) / Double(snapshot.iteration)
            let count = epochs < 1_000 ? Format.short(epochs, digits: 3) : Format.count(Int(saturating: epochs))
            let withEpochs = end + " (\(count) ep)"
            if withEpochs.count * 3 <= area.width { end = withEpochs }
        }
        let endX = area.maxX - end.count
        var x = buffer.write(Format.count(chart.first), x: area.x, y: row, style: theme.label, maxWidth: area.width)
        for tick in ticks(chart, width: area.width) {
            guard let c = chart.cell(of: tick) else { continue }
            let text = Format.count(tick)
            guard area.x + c > x + 1, area.x + c + text.count < endX - 1 else { continue }
            x = buffer.write(text, x: area.x + c, y: row, style: theme.label)
        }
        if endX > x + 1 { buffer.write(end, x: endX, y: row, style: theme.label) }
    }

    /// Round iterations (1, 2 or 5 times a power of ten apart) about every 14 cells.
    /// With overflow checked: the axis may span anywhere in Int's range.
    static func ticks(_ chart: ErrorChart, width: Int) -> [Int] {
        // The span exactly when Int holds it (near Int.max doubles are 2 048 apart), else in doubles.
        let (exact, past) = chart.last.subtractingReportingOverflow(chart.first)
        let span = past ? Double(chart.last) - Double(chart.first) : Double(exact)
        let wanted = span * 14 / Double(max(width, 1))
        let nice = [1, 2, 5]
        var step = 1, k = 0
        while Double(step) < wanted, step < Int.max / 100 {
            k += 1
            step = nice[k % 3] * (0..<(k / 3)).reduce(1) { p, _ in p * 10 }
        }
        // The first multiple of `step` past `first` (towards zero, as `/` rounds), then every `step` to `last`.
        let (above, beyond) = (chart.first / step).addingReportingOverflow(1)
        var (tick, overflow) = above.multipliedReportingOverflow(by: step)
        overflow = overflow || beyond
        var out: [Int] = []
        while !overflow, tick < chart.last {
            out.append(tick)
            (tick, overflow) = tick.addingReportingOverflow(step)
        }
        return out
    }
}
