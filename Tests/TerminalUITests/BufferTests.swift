import Testing
@testable import TerminalUI

@Suite struct BufferTests {
    @Test func newBufferIsBlankAndSized() {
        let b = Buffer(size: Size(width: 4, height: 3))
        #expect(b.cells.count == 12)
        #expect(b.cells.allSatisfy { $0 == .blank })
        #expect(b.lines == ["", "", ""])
        #expect(b.area == Rect(x: 0, y: 0, width: 4, height: 3))
    }

    @Test func negativeSizeBecomesEmpty() {
        let b = Buffer(size: Size(width: -3, height: 2))
        #expect(b.size == Size(width: 0, height: 2))
        #expect(b.cells.isEmpty)
    }

    @Test func writeStopsAtTheRightEdge() {
        var b = Buffer(size: Size(width: 5, height: 1))
        let end = b.write("abcdefg", x: 2, y: 0)
        #expect(b.line(0) == "  abc")
        #expect(end == 5)
    }

    @Test func writeStopsAtMaxWidth() {
        var b = Buffer(size: Size(width: 10, height: 1))
        let end = b.write("abcdef", x: 1, y: 0, maxWidth: 3)
        #expect(b.line(0) == " abc")
        #expect(end == 4)
        #expect(b.write("xyz", x: 0, y: 0, maxWidth: 0) == 0)
        #expect(b.write("xyz", x: 0, y: 0, maxWidth: -2) == 0)
        #expect(b.line(0) == " abc")
    }

    @Test func writeLeftOfTheScreenKeepsOnlyTheVisiblePart() {
        var b = Buffer(size: Size(width: 4, height: 1))
        b.write("abc", x: -1, y: 0)
        #expect(b.line(0) == "bc")
    }

    @Test func writeOnARowOffScreenDrawsNothing() {
        var b = Buffer(size: Size(width: 4, height: 2))
        b.write("abc", x: 0, y: 2)
        b.write("abc", x: 0, y: -1)
        #expect(b == Buffer(size: Size(width: 4, height: 2)))
    }

    @Test func writeKeepsTheStyle() {
        var b = Buffer(size: Size(width: 4, height: 1))
        b.write("ab", x: 1, y: 0, style: Style(.red, bold: true))
        #expect(b[1, 0] == Cell("a", style: Style(.red, bold: true)))
        #expect(b[2, 0].style == Style(.red, bold: true))
        #expect(b[0, 0].style == .plain)
        #expect(b[3, 0].style == .plain)
    }

    @Test func putOutsideTheBufferIsIgnored() {
        var b = Buffer(size: Size(width: 3, height: 2))
        for (x, y) in [(-1, 0), (3, 0), (0, 2), (0, -1), (100, 100)] { b.put("X", x: x, y: y) }
        b[-1, 0] = Cell("X")
        b[3, 1] = Cell("X")
        #expect(b == Buffer(size: Size(width: 3, height: 2)))
        b.put("X", x: 2, y: 1)
        #expect(b.lines == ["", "  X"])
    }

    @Test func putOutsideTheClipIsIgnored() {
        var b = Buffer(size: Size(width: 5, height: 1))
        let clip = Rect(x: 1, y: 0, width: 2, height: 1)
        for x in 0..<5 { b.put("X", x: x, y: 0, clip: clip) }
        #expect(b.line(0) == " XX")
    }

    @Test func lineTrimsTrailingBlanksOnly() {
        var b = Buffer(size: Size(width: 8, height: 1))
        b.write(" a b", x: 1, y: 0)
        #expect(b.line(0) == "  a b")
    }

    @Test func charactersThatAreNotSingleWidthPrintAsQuestionMarks() {
        var b = Buffer(size: Size(width: 10, height: 4))
        b.write("a中b", x: 0, y: 0)
        b.write("x😀y", x: 0, y: 1)
        b.write("t\tu", x: 0, y: 2)
        b.write("┌─▁█✓σ·", x: 0, y: 3)
        #expect(b.lines == ["a?b", "x?y", "t?u", "┌─▁█✓σ·"])
    }

    @Test func combiningMarksTakeNoCell() {
        var b = Buffer(size: Size(width: 5, height: 1))
        let end = b.write("e\u{301}x", x: 0, y: 0)
        #expect(b.line(0) == "ex")
        #expect(end == 2)
    }

    @Test func writeInRectIsCutToTheRect() {
        var b = Buffer(size: Size(width: 10, height: 3))
        let rect = Rect(x: 2, y: 1, width: 4, height: 1)
        let end = b.write("abcdef", in: rect, row: 0, column: 1)
        #expect(b.lines == ["", "   abc", ""])
        #expect(end == 6)
        // Rows and columns outside the rect draw nothing.
        b.write("zz", in: rect, row: 1)
        b.write("zz", in: rect, row: -1)
        b.write("zz", in: rect, row: 0, column: 4)
        #expect(b.lines == ["", "   abc", ""])
    }

    @Test func fillCoversTheRectOnly() {
        var b = Buffer(size: Size(width: 5, height: 3))
        b.fill(Rect(x: 1, y: 1, width: 3, height: 5), with: "#")
        #expect(b.lines == ["", " ###", " ###"])
    }

    @Test func restyleKeepsTheCharacter() {
        var b = Buffer(size: Size(width: 2, height: 1))
        b.put("q", x: 0, y: 0)
        b.restyle(x: 0, y: 0, Style(.green))
        b.restyle(x: 5, y: 0, Style(.green))
        #expect(b[0, 0] == Cell("q", style: Style(.green)))
    }

    @Test func textJoinsTheLines() {
        var b = Buffer(size: Size(width: 3, height: 2))
        b.write("ab", x: 0, y: 0)
        b.write("c", x: 2, y: 1)
        #expect(b.text == "ab\n  c")
    }
}
