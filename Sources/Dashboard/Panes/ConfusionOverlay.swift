import TerminalUI

/// The confusion matrix in a box over the panes: a row per actual class, a column per predicted class, the
/// diagonal (right) in green and the rest (wrong) in red where not zero, and each row's share right. As many
/// classes as fit; any key closes it.
enum ConfusionOverlay {
    /// The most characters of a class label a column heading shows.
    static let labelLimit = 10

    static func draw(_ table: ConfusionTable, state: DashboardState, on buffer: inout Buffer) {
        let g = state.glyphs
        let k = table.counts.count
        // A column as wide as its count or its label, the labels up to `labelLimit` (longer ones are cut).
        let cell =
            max(
                (table.counts.joined().max() ?? 0).description.count,
                min(table.labels.map(\.count).max() ?? 1, labelLimit), 3) + 1
        let labelWidth = min(max(table.labels.map(\.count).max() ?? 1, 6), 12)
        // Classes shown: as many columns as the screen's width allows.
        let fit = max((buffer.size.width - 6 - labelWidth - 8) / cell, 1)
        let shown = min(k, fit, max(buffer.size.height - 7, 1))
        let width = min(labelWidth + 2 + shown * cell + 8 + 4, buffer.size.width)
        let footer = "rows: actual \(g.middleDot) columns: predicted \(g.middleDot) any key closes this"
        let box = buffer.area.centered(
            Size(
                width: min(max(width, footer.count + 4), buffer.size.width), height: min(shown + 6, buffer.size.height))
        )
        buffer.fill(box)
        let title = "Confusion \(g.middleDot) \(table.on) data \(g.middleDot) it \(Format.count(table.iteration))"
        let inner = Panel(title: title, focused: true).draw(in: box, on: &buffer, glyphs: g, theme: state.theme)
        var header = Text.left("actual", labelWidth + 2)
        for c in 0..<shown {
            header += Text.right(Text.truncate(table.labels[c], to: cell - 1, ellipsis: g.ellipsis), cell)
        }
        header += shown < k ? " \(g.ellipsis)" : "   right"
        buffer.write(header, in: inner, row: 0, column: 1, style: state.theme.heading)
        for r in 0..<shown {
            var x = buffer.write(
                Text.left(Text.truncate(table.labels[r], to: labelWidth, ellipsis: g.ellipsis), labelWidth + 2),
                in: inner,
                row: r + 1, column: 1, style: state.theme.heading)
            for c in 0..<shown {
                let n = table.counts[r][c]
                let style = n == 0 ? state.theme.label : (r == c ? state.theme.right : state.theme.wrong)
                x = buffer.write(
                    Text.right(String(n), cell), x: x, y: inner.y + r + 1, style: style, maxWidth: inner.maxX - x)
            }
            let total = table.counts[r].reduce(0, +)
            if shown == k, total > 0 {
                buffer.write(
                    "  " + Format.percent(Double(table.counts[r][r]) / Double(total)), x: x, y: inner.y + r + 1,
                    maxWidth: inner.maxX - x)
            }
        }
        buffer.write(footer, in: inner, row: shown + 2, column: 1, style: state.theme.label)
    }
}
