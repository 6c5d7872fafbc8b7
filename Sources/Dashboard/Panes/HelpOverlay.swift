import TerminalUI

/// Every key, in a box over the panes: one column when the screen is tall enough, more side by side when it
/// is not, and in pages (PgDn, PgUp) when even those do not hold them. A description longer than its column
/// wraps onto the next lines rather than being cut. Any other key closes it, q too.
enum HelpOverlay {
    /// Each binding's label and what it does (`KeyTable`).
    static let keys: [(String, String)] = KeyTable.bindings.map { ($0.label, $0.help) }

    /// Columns side by side give each description at least this much room; else one column, over pages.
    static let narrowestText = 30
    static let gap = 2
    /// A description wraps past this many characters, so that the box stays narrow enough to read.
    static let widestText = 48

    /// One page of the help: its columns, each the keys in it (by index) with their descriptions' lines.
    struct Page {
        var keys: Range<Int>
        var columns: [[(key: Int, lines: [String])]]
        /// Every row's key label is padded to this.
        var keyWidth: Int
    }

    /// The keys on each page the help takes on a screen of `size`.
    static func pages(for size: Size, glyphs: GlyphSet = .unicode) -> [Range<Int>] {
        layout(for: size, glyphs: glyphs).map(\.keys)
    }

    /// The pages for a screen of `size`: the fewest columns that hold every key at once, or, when none do, as
    /// many columns as fit on each of several pages.
    static func layout(for size: Size, glyphs: GlyphSet) -> [Page] {
        let texts = keys.map { shownText($0.1, glyphs) }
        let keyWidth = keys.map { shownKey($0.0, glyphs).count }.max()! + 2
        let rows = max(size.height - 4, 1)
        let room = size.width - 4
        let longest = min(texts.map(\.count).max()!, widestText)
        func textWidth(_ columns: Int) -> Int {
            max(min(longest, (room - gap * (columns - 1)) / columns - keyWidth), 4)
        }
        var columnsFit = 1
        while columnsFit < keys.count, textWidth(columnsFit + 1) >= narrowestText { columnsFit += 1 }
        for columns in 1...columnsFit {
            let page = fill(from: 0, columns: columns, width: textWidth(columns), rows: rows, texts, keyWidth)
            if page.keys.upperBound == keys.count { return [page] }
        }
        var pages: [Page] = []
        var start = 0
        while start < keys.count {
            let page = fill(from: start, columns: columnsFit, width: textWidth(columnsFit), rows: rows, texts, keyWidth)
            pages.append(page)
            start = page.keys.upperBound
        }
        return pages
    }

    /// The keys from `start` on, column after column, as many as `rows` hold; a key's lines stay together (one
    /// taller than a whole column is cut to it).
    private static func fill(
        from start: Int, columns: Int, width: Int, rows: Int, _ texts: [String], _ keyWidth: Int
    ) -> Page {
        var page = Page(keys: start..<start, columns: [], keyWidth: keyWidth)
        var k = start
        for _ in 0..<columns {
            var column: [(key: Int, lines: [String])] = []
            var used = 0
            while k < texts.count {
                var lines = wrap(texts[k], width: width)
                if used + lines.count > rows {
                    guard column.isEmpty else { break }
                    lines = Array(lines.prefix(rows))
                }
                column.append((k, lines))
                used += lines.count
                k += 1
            }
            guard !column.isEmpty else { break }
            page.columns.append(column)
        }
        page.keys = start..<k
        return page
    }

    /// `text` in lines of at most `width` characters, broken between words (a word longer than a line is cut).
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            var word = String(word)
            if !line.isEmpty, line.count + 1 + word.count <= width {
                line += " " + word
                continue
            }
            if !line.isEmpty { lines.append(line) }
            while word.count > width {
                lines.append(String(word.prefix(width)))
                word = String(word.dropFirst(width))
            }
            line = word
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }

    private static func shownKey(_ key: String, _ g: GlyphSet) -> String {
        g == .unicode
            ? key
            : key.replacingOccurrences(of: "↑ ↓", with: "Up Down").replacingOccurrences(
                of: "← →", with: "Left Right")
    }

    private static func shownText(_ text: String, _ g: GlyphSet) -> String {
        g == .unicode ? text : text.replacingOccurrences(of: "×", with: "x").replacingOccurrences(of: "÷", with: "/")
    }

    static func draw(_ state: DashboardState, on buffer: inout Buffer) {
        let g = state.glyphs
        let pages = layout(for: buffer.size, glyphs: g)
        let pageIndex = min(max(state.helpPage, 0), pages.count - 1)
        let page = pages[pageIndex]
        // Each column as wide as its keys and its longest line.
        let widths = page.columns.map { column in
            page.keyWidth + column.flatMap(\.lines).map(\.count).max()!
        }
        let rows = page.columns.map { $0.reduce(0) { $0 + $1.lines.count } }.max() ?? 0
        let footer =
            pages.count > 1
            ? "page \(pageIndex + 1)/\(pages.count): PgDn PgUp \(g.middleDot) any other key closes this"
            : "any key closes this"
        let box = buffer.area.centered(
            Size(
                width: min(
                    max(widths.reduce(0, +) + gap * (widths.count - 1), footer.count + 2) + 4, buffer.size.width),
                height: min(rows + 4, buffer.size.height)))
        buffer.fill(box)
        let inner = Panel(title: "Help \(g.middleDot) keys", focused: true).draw(
            in: box, on: &buffer, glyphs: g, theme: state.theme)
        var left = 1
        for (c, column) in page.columns.enumerated() {
            var row = 0
            for (k, lines) in column {
                buffer.write(
                    Text.left(shownKey(Self.keys[k].0, g), page.keyWidth), in: inner, row: row, column: left,
                    style: state.theme.heading)
                for line in lines {
                    buffer.write(line, in: inner, row: row, column: left + page.keyWidth)
                    row += 1
                }
            }
            left += widths[c] + gap
        }
        buffer.write(footer, in: inner, row: rows + 1, column: 1, style: state.theme.label)
    }
}
