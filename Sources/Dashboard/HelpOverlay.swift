import TerminalUI

/// Every key, in a box over the panes. Any key closes it.
enum HelpOverlay {
    static let keys: [(String, String)] = [
        ("space", "pause / resume (resume past the iteration limit)"),
        ("n", "one step while paused"),
        ("+ / -", "learning rate one rung up / down"),
        ("L", "type an exact learning rate"),
        ("> / <", "speed ×10 / ÷10 (up to max)"),
        ("r / R", "reset the weights (new seed / same seed)"),
        ("Tab", "into the probe and between its fields"),
        ("Esc", "out of the probe"),
        ("↑ ↓ PgUp PgDn", "scroll the dataset"),
        ("Home / End", "first / last dataset row"),
        ("l", "error chart: log / linear scale"),
        ("w", "error chart: whole run / recent window"),
        ("? h F1", "this help"),
        ("q  Ctrl-C", "quit"),
    ]

    static func draw(_ state: DashboardState, on buffer: inout Buffer) {
        let g = state.glyphs
        let shownKeys = keys.map { g == .unicode ? $0.0 : $0.0.replacingOccurrences(of: "↑ ↓", with: "Up Down") }
        let keyWidth = shownKeys.map(\.count).max()! + 2
        let lineWidth = keyWidth + keys.map { $0.1.count }.max()!
        let box = buffer.area.centered(Size(width: lineWidth + 4, height: keys.count + 4))
        buffer.fill(box)
        let inner = Panel(title: "Help \(g.middleDot) keys", focused: true).draw(in: box, on: &buffer, glyphs: g)
        for (r, (_, what)) in keys.enumerated() {
            let shownKey = shownKeys[r]
            let shownWhat = g == .unicode ? what : what.replacingOccurrences(of: "×", with: "x").replacingOccurrences(of: "÷", with: "/")
            let x = buffer.write(Text.left(shownKey, keyWidth), in: inner, row: r, column: 1, style: Theme.heading)
            buffer.write(shownWhat, x: x, y: inner.y + r, maxWidth: inner.maxX - x)
        }
        buffer.write("any key closes this", in: inner, row: keys.count + 1, column: 1, style: Theme.label)
    }
}
