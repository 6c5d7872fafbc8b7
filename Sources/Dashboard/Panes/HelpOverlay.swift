import TerminalUI

/// Every key, in a box over the panes: one column when the screen is tall enough, more side by side when it
/// is not, and in pages (PgDn, PgUp) when more columns would cut the descriptions short. Any other key closes it.
enum HelpOverlay {
    /// Each binding's label and what it does (`KeyTable`).
    static let keys: [(String, String)] = KeyTable.bindings.map { ($0.label, $0.help) }

    /// The narrowest a column gets: its keys and enough of the description to read.
    static let columnWidth = 34

    /// The pages the help takes on a screen of `size`, and the keys on each.
    static func pages(for size: Size) -> [Range<Int>] {
        let rowsAvailable = max(size.height - 4, 1)
        let columnsFit = max((size.width - 4) / columnWidth, 1)
        let perPage = rowsAvailable * columnsFit
        return stride(from: 0, to: keys.count, by: perPage).map { $0..<min($0 + perPage, keys.count) }
    }

    static func draw(_ state: DashboardState, on buffer: inout Buffer) {
        let g = state.glyphs
        let pages = pages(for: buffer.size)
        let pageIndex = min(max(state.helpPage, 0), pages.count - 1)
        let page = pages[pageIndex]
        let keys = Array(Self.keys[page])
        let shownKeys = keys.map { g == .unicode ? $0.0 : $0.0.replacingOccurrences(of: "↑ ↓", with: "Up Down") }
        let shownTexts = keys.map {
            g == .unicode
                ? $0.1 : $0.1.replacingOccurrences(of: "×", with: "x").replacingOccurrences(of: "÷", with: "/")
        }
        // Rows inside the frame: the keys, a blank, and "any key closes this".
        let rowsAvailable = max(buffer.size.height - 4, 1)
        let columns = (keys.count + rowsAvailable - 1) / rowsAvailable
        let rows = (keys.count + columns - 1) / columns
        let gap = 2
        // Each column as wide as its keys and texts need, cut evenly when the screen is narrower.
        let parts = (0..<columns).map { c in Array((c * rows)..<min((c + 1) * rows, keys.count)) }
        let keyWidths = parts.map { $0.map { shownKeys[$0].count }.max()! + 2 }
        let natural = parts.enumerated().map { c, part in keyWidths[c] + part.map { shownTexts[$0].count }.max()! }
        let room = buffer.size.width - 4 - gap * (columns - 1)
        var widths = natural
        // Too wide: narrow the widest column, one cell at a time, down to its keys and four cells of text.
        while widths.reduce(0, +) > room,
            let c = widths.indices.filter({ widths[$0] > keyWidths[$0] + 4 }).max(by: { widths[$0] < widths[$1] })
        {
            widths[c] -= 1
        }
        let footer =
            pages.count > 1
            ? "page \(pageIndex + 1)/\(pages.count): PgDn PgUp \(g.middleDot) any other key closes this"
            : "any key closes this"
        let box = buffer.area.centered(
            Size(
                width: min(max(widths.reduce(0, +) + gap * (columns - 1), footer.count + 2) + 4, buffer.size.width),
                height: min(rows + 4, buffer.size.height)))
        buffer.fill(box)
        let inner = Panel(title: "Help \(g.middleDot) keys", focused: true).draw(in: box, on: &buffer, glyphs: g)
        var left = 1
        for (c, part) in parts.enumerated() {
            for (row, k) in part.enumerated() {
                let text = Text.truncate(shownTexts[k], to: widths[c] - keyWidths[c], ellipsis: g.ellipsis)
                let x = buffer.write(
                    Text.left(shownKeys[k], keyWidths[c]), in: inner, row: row, column: left,
                    style: state.theme.heading)
                buffer.write(text, x: x, y: inner.y + row, maxWidth: inner.maxX - x)
            }
            left += widths[c] + gap
        }
        buffer.write(footer, in: inner, row: rows + 1, column: 1, style: state.theme.label)
    }
}
