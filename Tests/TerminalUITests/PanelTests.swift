import Testing
import TerminalUI

@Suite struct PanelTests {
    @Test func frameAndTitleAtTenByFour() {
        var b = Buffer(size: Size(width: 10, height: 4))
        let inner = Panel(title: "T").draw(in: b.area, on: &b, glyphs: .unicode)
        #expect(b.lines == ["┌ T ─────┐", "│        │", "│        │", "└────────┘"])
        #expect(inner == Rect(x: 1, y: 1, width: 8, height: 2))
    }

    @Test func asciiFrame() {
        var b = Buffer(size: Size(width: 10, height: 4))
        Panel(title: "T").draw(in: b.area, on: &b, glyphs: .ascii)
        #expect(b.lines == ["+ T -----+", "|        |", "|        |", "+--------+"])
    }

    @Test func frameInsideALargerBufferStaysInItsRect() {
        var b = Buffer(size: Size(width: 12, height: 6))
        let inner = Panel(title: "T").draw(in: Rect(x: 1, y: 1, width: 10, height: 4), on: &b, glyphs: .unicode)
        #expect(b.lines == ["", " ┌ T ─────┐", " │        │", " │        │", " └────────┘", ""])
        #expect(inner == Rect(x: 2, y: 2, width: 8, height: 2))
    }

    @Test func longTitleIsCutInsideTheCorners() {
        var b = Buffer(size: Size(width: 10, height: 3))
        Panel(title: "A very long title").draw(in: b.area, on: &b, glyphs: .unicode)
        #expect(b.line(0).first == "┌")
        #expect(b.line(0).last == "┐")
        #expect(b.line(0).unicodeScalars.count == 10)
        #expect(b.line(0) == "┌ A ver… ┐", "a cut title ends with an ellipsis")
    }

    @Test func titleIsBoldAndFocusedBorderIsCyan() {
        var b = Buffer(size: Size(width: 10, height: 4))
        Panel(title: "T", focused: true).draw(in: b.area, on: &b, glyphs: .unicode)
        #expect(b[2, 0].style.bold)
        #expect(b[0, 0].style == Style(.cyan, bold: true))
        #expect(b[0, 2].style == Style(.cyan, bold: true))
        var plain = Buffer(size: Size(width: 10, height: 4))
        Panel(title: "T").draw(in: plain.area, on: &plain, glyphs: .unicode)
        #expect(plain[0, 0].style.foreground == .standard)
    }

    @Test(arguments: [(1, 5), (5, 1), (0, 0), (1, 1)])
    func tinyRectsDrawNothingAndHaveNoInside(width: Int, height: Int) {
        var b = Buffer(size: Size(width: 6, height: 6))
        let inner = Panel(title: "Title").draw(
            in: Rect(x: 1, y: 1, width: width, height: height), on: &b,
            glyphs: .unicode)
        #expect(inner.isEmpty)
        #expect(b == Buffer(size: Size(width: 6, height: 6)))
    }

    @Test func twoByTwoIsJustCorners() {
        var b = Buffer(size: Size(width: 2, height: 2))
        let inner = Panel(title: "Title").draw(in: b.area, on: &b, glyphs: .unicode)
        #expect(inner.isEmpty)
        #expect(b.lines == ["┌┐", "└┘"])
    }

    @Test func narrowFrameHasNoTitle() {
        var b = Buffer(size: Size(width: 4, height: 3))
        Panel(title: "Title").draw(in: b.area, on: &b, glyphs: .unicode)
        #expect(b.lines == ["┌──┐", "│  │", "└──┘"])
    }
}
