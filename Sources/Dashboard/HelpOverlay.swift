import TerminalUI

/// Every key, in a box over the panes: one column when the screen is tall enough, more side by side when it
/// is not (descriptions cut to fit). Any key closes it.
enum HelpOverlay {
    static let keys: [(String, String)] = [
        ("space", "pause / resume (resume past the iteration limit)"),
        ("n", "one step while paused"),
        ("+ / -", "learning rate one rung up / down"),
        ("L", "type an exact learning rate"),
        ("> / <", "speed ×10 / ÷10 (up to max)"),
        ("r / R", "reset the weights (new seed / same seed)"),
        ("b / B", "batch size ×2 / ÷2 (1 is online SGD)"),
        ("Tab", "into the probe and between its fields"),
        ("Esc", "out of the probe or the map"),
        ("↑ ↓ PgUp PgDn", "scroll the dataset"),
        ("Home / End", "first / last dataset row"),
        ("l", "error chart: log / linear scale"),
        ("w", "error chart: whole run / recent window"),
        ("m", "probe the decision map (arrows or a click)"),
        ("d", "decision map: shaded / discrete"),
        ("x / y", "decision map: next feature across / up"),
        ("s", "save the model (JSON)"),
        ("e", "export the error history (CSV and SVG)"),
        ("? h F1", "this help"),
        ("q  Ctrl-C", "quit"),
    ]

    static func draw(_ state: DashboardState, on buffer: inout Buffer) {
        let g = state.glyphs
        let shownKeys = keys.map { g == .unicode ? $0.0 : $0.0.replacingOccurrences(of: "↑ ↓", with: "Up Down") }
        let shownTexts = keys.map { g == .unicode ? $0.1 : $0.1.replacingOccurrences(of: "×", with: "x").replacingOccurrences(of: "÷", with: "/") }
        let keyWidth = shownKeys.map(\.count).max()! + 2
        let textWidth = shownTexts.map(\.count).max()!
        // Rows inside the frame: the keys, a blank, and "any key closes this".
        let rowsAvailable = max(buffer.size.height - 4, 1)
        let columns = (keys.count + rowsAvailable - 1) / rowsAvailable
        let rows = (keys.count + columns - 1) / columns
        let gap = 2
        let columnWidth = min(keyWidth + textWidth, max((buffer.size.width - 4 - gap * (columns - 1)) / columns, keyWidth + 4))
        let box = buffer.area.centered(Size(width: min(columnWidth * columns + gap * (columns - 1) + 4, buffer.size.width),
                                            height: min(rows + 4, buffer.size.height)))
        buffer.fill(box)
        let inner = Panel(title: "Help \(g.middleDot) keys", focused: true).draw(in: box, on: &buffer, glyphs: g)
        for k in keys.indices {
            let column = k / rows, row = k % rows
            let left = 1 + column * (columnWidth + gap)
            let text = Text.truncate(shownTexts[k], to: columnWidth - keyWidth, ellipsis: g.ellipsis)
            let x = buffer.write(Text.left(shownKeys[k], keyWidth), in: inner, row: row, column: left, style: Theme.heading)
            buffer.write(text, x: x, y: inner.y + row, maxWidth: inner.maxX - x)
        }
        buffer.write("any key closes this", in: inner, row: rows + 1, column: 1, style: Theme.label)
    }
}
