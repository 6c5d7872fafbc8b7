import Foundation
import TerminalUI
import Training

/// The error curve as a standalone SVG picture: axes with ticks, the training curve (with its spread where
/// reports were merged), the test curve dashed, the best point, and a labelled mark at every event `label`
/// names: learning-rate changes, resets and divergence.
public enum ErrorPlotSVG {
    static let width = 880.0, height = 480.0
    static let left = 78.0, right = 24.0, top = 48.0, bottom = 58.0

    public static func render(
        _ table: HistoryTable, events: [TrainingEvent], best: (error: Double, iteration: Int)?,
        title: String
    ) -> String {
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" \
            viewBox="0 0 \(Int(width)) \(Int(height))" font-family="DejaVu Sans, Helvetica, Arial, sans-serif" font-size="13">
            <rect width="100%" height="100%" fill="white"/>
            <text x="\(left)" y="28" font-size="17" font-weight="bold">\(escaped(title))</text>

            """
        let rows = table.rows
        guard let firstRow = rows.first, let lastRow = rows.last else {
            svg += "<text x=\"\(left)\" y=\"\(top + 40)\">no error reports yet</text>\n</svg>\n"
            return svg
        }
        let errors = rows.flatMap { [$0.minimum, $0.maximum] + ($0.testMean.map { [$0] } ?? []) }.filter(\.isFinite)
        let yLow = 0.0, yHigh = niceCeiling(errors.max() ?? 1)
        let xLow = 0.0, xHigh = max(Double(lastRow.last), Double(firstRow.last) + 1)
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        func x(_ it: Double) -> Double { left + (it - xLow) / (xHigh - xLow) * plotWidth }
        func y(_ e: Double) -> Double {
            top + plotHeight - (min(max(e, yLow), yHigh) - yLow) / (yHigh - yLow) * plotHeight
        }

        // Axes, grid and ticks.
        svg += "<g stroke=\"#d0d0d0\" stroke-width=\"1\">\n"
        for k in 0...5 {
            let value = yLow + Double(k) / 5 * (yHigh - yLow)
            svg += "<line x1=\"\(f(left))\" y1=\"\(f(y(value)))\" x2=\"\(f(width - right))\" y2=\"\(f(y(value)))\"/>\n"
        }
        svg += "</g>\n<g fill=\"#333\" text-anchor=\"end\">\n"
        for k in 0...5 {
            let value = yLow + Double(k) / 5 * (yHigh - yLow)
            svg += "<text x=\"\(f(left - 8))\" y=\"\(f(y(value) + 4))\">\(tick(value))</text>\n"
        }
        svg += "</g>\n<g fill=\"#333\" text-anchor=\"middle\">\n"
        let xStep = niceCeiling((xHigh - xLow) / 5)
        var xTick = xLow
        while xTick <= xHigh + xStep / 1000 {
            svg += "<text x=\"\(f(x(xTick)))\" y=\"\(f(height - bottom + 20))\">\(Int(xTick.rounded()))</text>\n"
            xTick += xStep
        }
        svg += """
            </g>
            <line x1="\(f(left))" y1="\(f(top + plotHeight))" x2="\(f(width - right))" y2="\(f(top + plotHeight))" stroke="#333"/>
            <line x1="\(f(left))" y1="\(f(top))" x2="\(f(left))" y2="\(f(top + plotHeight))" stroke="#333"/>
            <text x="\(f(left + plotWidth / 2))" y="\(f(height - 14))" text-anchor="middle">iteration</text>
            <text transform="translate(20 \(f(top + plotHeight / 2))) rotate(-90)" text-anchor="middle">mean loss</text>

            """

        // Where reports were merged, the band between their minimum and maximum.
        if rows.contains(where: { $0.count > 1 }) {
            let upper = rows.map { "\(f(x(Double($0.last)))),\(f(y($0.maximum)))" }
            let lower = rows.reversed().map { "\(f(x(Double($0.last)))),\(f(y($0.minimum)))" }
            svg +=
                "<polygon points=\"\((upper + lower).joined(separator: " "))\" fill=\"#0877bd\" fill-opacity=\"0.18\" stroke=\"none\"/>\n"
        }
        let training = rows.filter { $0.mean.isFinite }.map { "\(f(x(Double($0.last)))),\(f(y($0.mean)))" }
        svg +=
            "<polyline points=\"\(training.joined(separator: " "))\" fill=\"none\" stroke=\"#0877bd\" stroke-width=\"2\"/>\n"
        if table.hasTest {
            let test = rows.compactMap { row in
                row.testMean.flatMap { $0.isFinite ? $0 : nil }.map { "\(f(x(Double(row.last)))),\(f(y($0)))" }
            }
            svg +=
                "<polyline points=\"\(test.joined(separator: " "))\" fill=\"none\" stroke=\"#e8710a\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>\n"
        }

        // Events: a dashed vertical line and a label.
        for event in events {
            guard let label = label(event.kind), Double(event.iteration) <= xHigh else { continue }
            let ex = x(Double(event.iteration))
            svg +=
                "<line x1=\"\(f(ex))\" y1=\"\(f(top))\" x2=\"\(f(ex))\" y2=\"\(f(top + plotHeight))\" stroke=\"#b8860b\" stroke-dasharray=\"3 3\"/>\n"
            svg +=
                "<text x=\"\(f(ex + 3))\" y=\"\(f(top + 12))\" fill=\"#8a6508\" font-size=\"11\">\(escaped(label))</text>\n"
        }
        if let best, best.error.isFinite {
            let bx = x(Double(best.iteration)), by = y(best.error)
            svg += "<circle cx=\"\(f(bx))\" cy=\"\(f(by))\" r=\"5\" fill=\"#2a9d3a\"/>\n"
            svg +=
                "<text x=\"\(f(min(bx + 8, width - right - 150)))\" y=\"\(f(by - 8))\" fill=\"#2a9d3a\">best \(tick(best.error)) @ \(best.iteration)</text>\n"
        }

        // Legend.
        var legend = "<g font-size=\"12\">\n"
        legend +=
            "<line x1=\"\(f(width - right - 230))\" y1=\"24\" x2=\"\(f(width - right - 205))\" y2=\"24\" stroke=\"#0877bd\" stroke-width=\"2\"/>"
        legend += "<text x=\"\(f(width - right - 200))\" y=\"28\">training</text>\n"
        if table.hasTest {
            legend +=
                "<line x1=\"\(f(width - right - 130))\" y1=\"24\" x2=\"\(f(width - right - 105))\" y2=\"24\" stroke=\"#e8710a\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>"
            legend += "<text x=\"\(f(width - right - 100))\" y=\"28\">test</text>\n"
        }
        svg += legend + "</g>\n</svg>\n"
        return svg
    }

    /// What an event is called on the plot, or nil for events not worth a mark.
    static func label(_ kind: TrainingEvent.Kind) -> String? {
        if case .learningRate(_, let to) = kind { return "lr \(tick(to))" }
        if case .reset = kind { return "reset" }
        if case .diverged = kind { return "diverged" }
        return nil
    }

    /// The smallest of 1, 2, 2.5, 5 × a power of ten at or above `value`.
    static func niceCeiling(_ value: Double) -> Double {
        guard value.isFinite, value > 0 else { return 1 }
        let power = pow(10, (log10(value)).rounded(.down))
        for step in [1.0, 2, 2.5, 5, 10] where step * power >= value { return step * power }
        return 10 * power
    }

    static func tick(_ value: Double) -> String { Format.general((value * 1e6).rounded() / 1e6) }

    private static func f(_ value: Double) -> String { Format.plain(value, decimals: 1) }

    private static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}
