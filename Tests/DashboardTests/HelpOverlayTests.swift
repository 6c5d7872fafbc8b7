import Testing
import TerminalUI
@testable import Dashboard

/// The help box over the panes.
@Suite struct HelpOverlayTests {
    static let keys = [
        "space", "n", "+ / -", "L", "> / <", "r / R", "b / B", "a", "c", "o", "S", "C", "1-7", "N", "[ / ]", "Tab",
        "Shift-Tab",
        "Esc",
        "↑ ↓ PgUp PgDn",
        "Home / End", "l", "w", "v", "m", "d", "x / y", "P", "T", "s", "e", "? h F1", "q  Ctrl-C", "Ctrl-Z"
    ]

    @Test(arguments: Fixtures.sizes)
    func listsEveryKey(size: Size) {
        var state = Fixtures.state(size: size)
        state.showHelp = true
        // A small screen pages the keys; every page together shows them all.
        let pages = HelpOverlay.pages(for: size)
        #expect(pages.first?.lowerBound == 0 && pages.last?.upperBound == HelpOverlay.keys.count)
        for page in pages.indices {
            state.helpPage = page
            expectKeys(HelpOverlay.keys[pages[page]], on: state, size: size, paged: pages.count > 1)
        }
        #expect(HelpOverlay.keys.map(\.0) == Self.keys)
    }

    func expectKeys(_ keys: ArraySlice<(String, String)>, on state: DashboardState, size: Size, paged: Bool) {
        let screen = render(state)
        let top = screen.row(containing: "┌ Help · keys ─")
        #expect(top != nil, "\(screen.text)")
        guard let top else { return }
        // Every key and the start of its description, in one column or, on a short screen, in several.
        let lines = screen.lines
        for (key, what) in keys {
            let start = String(what.prefix(size.width >= 80 ? 12 : 5))
            let shown = lines.contains { line in
                guard let k = line.range(of: "│ " + key + " ") ?? line.range(of: "  " + key + " ") else { return false }
                return line[k.upperBound...].drop { $0 == " " }.hasPrefix(start)
            }
            #expect(shown, "\(key)\n\(screen.text)")
        }
        #expect(lines[top...].contains { $0.contains(paged ? "any other key closes this" : "│ any key closes this") })
        if size.height >= HelpOverlay.keys.count + 4 {
            for (r, (key, _)) in HelpOverlay.keys.enumerated() {
                #expect(screen.line(top + 1 + r).contains("│ " + Text.left(key, 15)), "\(key)\n\(screen.text)")
            }
        }
    }

    @Test func theBoxIsCentredAndCoversWhatIsBelow() {
        var state = Fixtures.state(size: Size(width: 120, height: 40))
        state.showHelp = true
        let screen = render(state)
        // Keys 15 + longest text 48, plus border and margins: 67 wide; the keys, a blank, a hint and the
        // frame; centred in 120 × 40.
        let height = HelpOverlay.keys.count + 4
        let box = Rect(x: 26, y: (40 - height) / 2, width: 67, height: height)
        #expect(screen[box.x, box.y].scalar == "┌")
        #expect(screen[box.maxX - 1, box.maxY - 1].scalar == "┘")
        #expect(screen[box.x + 1, box.y + 1].scalar == " ")
        #expect(screen[box.x + 60, box.y + 2].scalar == " ")  // a blank inside, over the panes
        #expect(screen[box.x, box.y].style == Style(.cyan, bold: true))
    }

    @Test func asciiSpellsTheArrowsAndSigns() {
        var state = Fixtures.state(size: Size(width: 80, height: 24), glyphs: .ascii)
        state.showHelp = true
        let screen = render(state)
        #expect(screen.text.contains("  Up Down PgUp PgDn  scroll the"), "\(screen.text)")
        #expect(screen.text.contains("speed x10 / /10"))
    }
}
