import Testing
import TerminalUI
@testable import Dashboard

/// Below `Layout.minimum` the panes give way to one centred message.
@Suite struct TooSmallTests {
    @Test func centredMessageNamesBothSizes() {
        let screen = render(Fixtures.state(size: Size(width: 50, height: 12)))
        // Two lines centred vertically: rows 5 and 6 of 12.
        #expect(
            screen.lines == [
                "", "", "", "", "", "   terminal too small (have 50×12, need 60×18)",
                "                     q quits", "", "", "", "", ""
            ])
    }

    @Test func narrowerThanTheMessageSplitsIt() {
        let screen = render(Fixtures.state(size: Size(width: 30, height: 10)))
        #expect(
            screen.lines[3...5].map { $0.trimmingCharacters(in: .whitespaces) }
                == ["terminal too small", "(have 30×10, need 60×18)", "q quits"])
    }

    @Test(arguments: [Size(width: 59, height: 40), Size(width: 200, height: 17), Size(width: 10, height: 3)])
    func anythingNarrowerOrShorterIsTooSmall(size: Size) {
        let screen = render(Fixtures.state(size: size))
        #expect(screen.size == size)
        #expect(screen.text.contains("terminal t"))
        #expect(!screen.text.contains("Dataset"))
    }

    @Test func theMinimumItselfShowsThePanes() {
        let screen = render(Fixtures.state(size: Layout.minimum))
        #expect(!screen.text.contains("terminal too small"))
        #expect(screen.text.contains("Dataset"))
    }

    @Test func asciiUsesAnX() {
        let screen = render(Fixtures.state(size: Size(width: 50, height: 12), glyphs: .ascii))
        #expect(screen.text.contains("(have 50x12, need 60x18)"))
    }

    @Test func anEmptyScreenDoesNotCrash() {
        #expect(render(Fixtures.state(size: Size(width: 0, height: 0))).cells.isEmpty)
        #expect(render(Fixtures.state(size: Size(width: 5, height: 1))).line(0) == "termi")
    }
}
