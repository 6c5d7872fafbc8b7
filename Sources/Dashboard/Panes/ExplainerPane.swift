import NeuralCore
import TerminalUI

/// The step explainer (X), over the right column: the last explained step with its numbers, the tutorial's
/// chain. The batch's rows and the first one's x; every hidden layer's z, a and δ; the output, the error, its
/// two slopes and δ; then the update rule and, for every parameter, its value before, its gradient, the rule's
/// memory that went into the update, and its value after. Arrows and pages scroll it; only the lines on screen
/// are formatted.
enum ExplainerPane {
    /// Where it is drawn: over the weights and the loss chart.
    static func area(_ layout: Layout) -> Rect {
        Rect(
            x: layout.weights.x, y: layout.weights.y, width: layout.weights.width,
            height: max(layout.error.maxY - layout.weights.y, 0))
    }

    /// Lines the explanation of `trace` has in all.
    static func lineCount(_ trace: StepTrace) -> Int { Lines(trace, unicode: true).count }

    static func draw(_ state: DashboardState, in rect: Rect, on buffer: inout Buffer) {
        buffer.fill(rect)
        let g = state.glyphs, dot = g.middleDot
        guard let snapshot = state.snapshot, let trace = snapshot.explanation else {
            let inner = Panel(title: "Step explainer", focused: true).draw(
                in: rect, on: &buffer, glyphs: g, theme: state.theme)
            buffer.write("taking one step\(g.ellipsis) (Esc closes)", in: inner, row: 0, style: state.theme.label)
            return
        }
        var title = "Step explainer \(dot) iteration \(Format.count(trace.iteration))"
        if snapshot.iteration != trace.iteration { title += " (now \(Format.count(snapshot.iteration)))" }
        title += " \(dot) X steps \(dot) Esc closes"
        let inner = Panel(title: title, focused: true).draw(in: rect, on: &buffer, glyphs: g, theme: state.theme)
        guard inner.height > 0 else { return }
        let labels = state.encoding.labels != nil && state.encoding.task == trace.task
        let lines = Lines(
            trace, unicode: g != .ascii, theme: state.theme, labels: labels ? state.encoding.classLabels : nil)
        let room = lines.count > inner.height ? inner.height - 1 : inner.height
        let top = min(max(state.explainer?.scroll ?? 0, 0), max(lines.count - room, 0))
        for r in 0..<max(min(room, lines.count - top), 0) {
            buffer.write(lines.line(top + r), x: inner.x, y: inner.y + r, maxX: inner.maxX)
        }
        if room < lines.count {
            let below = lines.count - top - room
            let text =
                below > 0
                ? "\(g.ellipsis) \(Format.count(below)) more lines (arrows, PgUp PgDn, Home End)"
                : "\(g.ellipsis) the end (arrows, PgUp PgDn, Home End)"
            buffer.write(text, in: inner, row: room, style: state.theme.label)
        }
    }

    typealias Span = WeightsPane.Span
}
