import Testing

/// The mouse in a real terminal: tmux passes the SGR mouse reports (what xterm-256color's terminfo asks for) to
/// the dashboard, as a terminal does when the wheel turns over a pane.
@Suite struct MouseEndToEndTests {
    /// The row number at the start of the dataset pane's first data line (below its header), if any.
    private func firstRow(_ screen: [String]) -> Int? {
        guard let header = screen.firstIndex(where: { $0.contains("# x1") }), header + 1 < screen.count else {
            return nil
        }
        let line = screen[header + 1].drop { $0 == "│" || $0 == " " }
        return Int(line.prefix { $0.isNumber })
    }

    @Test func wheelScrollsTheDatasetPaneUnderThePointer() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let tmux = try startDashboard(width: 120, height: 40, arguments: "--dataset xor", scratch: scratch)
        let shown = try tmux.waitFor { firstRow($0) == 1 && $0.joinedScreen.contains("RUNNING") }
        #expect(shown.ok, "\(shown.screen.joinedScreen)")
        // Wheel down twice over the dataset pane (column 5, row 5; SGR reports count from 1): six rows on.
        try tmux.type("\u{1B}[<65;5;5M")
        try tmux.type("\u{1B}[<65;5;5M")
        let scrolled = try tmux.waitFor(10) { firstRow($0) == 7 }
        #expect(scrolled.ok, "\(scrolled.screen.joinedScreen)")
        // Up once: three rows back. Over the loss chart (far right) it leaves the dataset where it is.
        try tmux.type("\u{1B}[<64;5;5M")
        let back = try tmux.waitFor(10) { firstRow($0) == 4 }
        #expect(back.ok, "\(back.screen.joinedScreen)")
        try tmux.type("\u{1B}[<65;100;30M")
        try tmux.type("\u{1B}[<64;5;5M")
        let top = try tmux.waitFor(10) { firstRow($0) == 1 }
        #expect(top.ok, "\(top.screen.joinedScreen)")
        try tmux.send("q")
    }
}
