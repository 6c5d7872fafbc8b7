import Testing
import TerminalUI
@testable import Dashboard

/// The help box over the panes.
@Suite struct HelpOverlayTests {
    static let keys = [
        "space", "n", "X / W", "+ / -", "L", "> / <", "r / R", "b / B", "a", "c", "o", "S", "C", "1-7", "N", "[ / ]",
        "Tab",
        "Shift-Tab",
        "Esc",
        "↑ ↓ PgUp PgDn",
        "j k ^D ^U", "Home End g G", "← →", "Enter", "t", "f", "l", "w", "v", "m", "d", "x / y", "u / U", "P", "T", "s",
        "e / E",
        "? h F1",
        "q  Ctrl-C", "Ctrl-Z", "mouse"
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
    }

    /// On the smallest screen each description wraps onto the lines below its key, whole, rather than being cut;
    /// the pages together hold every word of every one.
    @Test func descriptionsWrapOnASmallScreenRatherThanBeingCut() {
        var state = Fixtures.state(size: Layout.minimum)
        state.showHelp = true
        let pages = HelpOverlay.layout(for: Layout.minimum, glyphs: .unicode)
        #expect(pages.count > 1 && pages.allSatisfy { $0.columns.count == 1 })
        var shown = ""
        for page in pages.indices {
            state.helpPage = page
            let screen = render(state)
            let top = screen.row(containing: "┌ Help · keys ─")!
            // The box's borders, and in it the text beside the keys' column.
            let left = (0..<60).first { screen[$0, top].scalar == "┌" && screen[$0 + 2, top].scalar == "H" }!
            let right = ((left + 1)..<60).first { screen[$0, top].scalar == "┐" }!
            let bottom = ((top + 1)..<18).first { screen[left, $0].scalar == "└" }!
            let text = Rect(
                x: left + 2 + pages[page].keyWidth, y: top + 1, width: right - left - 3 - pages[page].keyWidth,
                height: bottom - top - 3)
            for line in screen.lines(in: text) {
                #expect(!line.contains("…"), "\(screen.text)")
                shown += " " + line
            }
        }
        let words = shown.split(separator: " ").joined(separator: " ")
        for (key, what) in HelpOverlay.keys {
            #expect(words.contains(what), "\(key): \(what)\n\(words)")
        }
    }

    @Test func theBoxIsCentredAndCoversWhatIsBelow() {
        var state = Fixtures.state(size: Size(width: 120, height: 40))
        state.showHelp = true
        let screen = render(state)
        // Every key on one page, in two columns (they are more than the 36 rows hold), centred in 120 × 40.
        let pages = HelpOverlay.layout(for: Size(width: 120, height: 40), glyphs: .unicode)
        #expect(pages.count == 1 && pages[0].columns.count == 2)
        guard let top = screen.row(containing: "┌ Help · keys ─") else {
            Issue.record("no help box\n\(screen.text)")
            return
        }
        // The box's corners, found along its borders.
        let left = (0..<120).first { screen[$0, top].scalar == "┌" }!
        let right = ((left + 1)..<120).first { screen[$0, top].scalar == "┐" }!
        let bottom = ((top + 1)..<40).first { screen[left, $0].scalar == "└" }!
        #expect(abs(left - (120 - 1 - right)) <= 1, "\(screen.text)")
        #expect(abs(top - (40 - 1 - bottom)) <= 1, "\(screen.text)")
        #expect(screen[left, top].scalar == "┌" && screen[right, bottom].scalar == "┘")
        #expect(screen[left + 1, top + 1].scalar == " ")
        #expect(screen[left, top].style == Style(.cyan, bold: true))
    }

    @Test func asciiSpellsTheArrowsAndSigns() {
        var state = Fixtures.state(size: Size(width: 80, height: 24), glyphs: .ascii)
        state.showHelp = true
        let pages = HelpOverlay.pages(for: state.size, glyphs: .ascii)
        let text = pages.indices.map { page in
            state.helpPage = page
            return render(state).text
        }.joined(separator: "\n")
        #expect(text.contains("| Up Down PgUp PgDn  dataset: the"), "\(text)")
        #expect(text.contains("| Left Right") && text.contains("speed x10 / /10"))
    }
}
