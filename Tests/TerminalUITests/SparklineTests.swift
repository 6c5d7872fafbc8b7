import Testing
import TerminalUI

@Suite struct SparklineTests {
    @Test func levelOfLowHighAndMiddle() {
        let s = Sparkline(values: [], low: 10, high: 20)
        #expect(s.level(of: 10, rows: 2, steps: 8) == 0)
        #expect(s.level(of: 20, rows: 2, steps: 8) == 16)
        #expect(s.level(of: 15, rows: 2, steps: 8) == 8)
        #expect(s.level(of: 17.5, rows: 2, steps: 8) == 12)
    }

    @Test func levelClampsAndNeverHidesAPositiveValue() {
        let s = Sparkline(values: [], low: 0, high: 1)
        #expect(s.level(of: -5, rows: 3, steps: 8) == 0)
        #expect(s.level(of: 7, rows: 3, steps: 8) == 24)
        #expect(s.level(of: 0.001, rows: 3, steps: 8) == 1)
        #expect(s.level(of: .nan, rows: 3, steps: 8) == 0)
        #expect(s.level(of: .infinity, rows: 3, steps: 8) == 0)
    }

    @Test func flatRangeDrawsHalfHeight() {
        let s = Sparkline(values: [], low: 3, high: 3)
        #expect(s.level(of: 3, rows: 2, steps: 8) == 8)
    }

    /// 0 → nothing, 0.1 → 2 of 16 steps, 0.5 → 8, 0.75 → 12, 1 → 16.
    static let series: [Double] = [0, 0.1, 0.5, 0.75, 1]

    @Test func drawStacksFullBlocksBelowThePartialOne() {
        var b = Buffer(size: Size(width: 5, height: 2))
        Sparkline(values: Self.series, low: 0, high: 1).draw(in: b.area, on: &b, glyphs: .unicode)
        #expect(b.lines == ["   ▄█", " ▂███"])
    }

    @Test func drawWithAsciiLevels() {
        var b = Buffer(size: Size(width: 5, height: 2))
        Sparkline(values: Self.series, low: 0, high: 1).draw(in: b.area, on: &b, glyphs: .ascii)
        #expect(b.lines == ["   ~#", " ,###"])
    }

    @Test func drawIsBottomAlignedInItsRectAndCutToItsWidth() {
        var b = Buffer(size: Size(width: 6, height: 4))
        let rect = Rect(x: 1, y: 1, width: 3, height: 2)
        Sparkline(values: Self.series.reversed(), low: 0, high: 1, style: Style(.cyan))
            .draw(in: rect, on: &b, glyphs: .unicode)
        // Only the first three values (1, 0.75, 0.5) fit.
        #expect(b.lines == ["", " █▄", " ███", ""])
        #expect(b[1, 2].style == Style(.cyan))
    }

    @Test func drawInAnEmptyRectDoesNothing() {
        var b = Buffer(size: Size(width: 3, height: 3))
        Sparkline(values: [1, 1], low: 0, high: 1).draw(
            in: Rect(x: 0, y: 0, width: 0, height: 3), on: &b,
            glyphs: .unicode)
        #expect(b == Buffer(size: Size(width: 3, height: 3)))
    }

    @Test func glyphSetsHaveNineLevelsStartingBlank() {
        for g in [GlyphSet.unicode, .ascii] {
            #expect(g.steps == 8)
            #expect(g.levels.first == " ")
        }
        #expect(GlyphSet.ascii.levels.allSatisfy { $0.isASCII })
    }
}
