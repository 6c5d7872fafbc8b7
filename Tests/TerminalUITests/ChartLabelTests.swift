import Testing
@testable import TerminalUI

/// Chart labels that fit their column and read back to their value, and the dot canvas curves are drawn in.
@Suite struct ChartLabelTests {
    @Test(arguments: [0.0007141, 108_312.7, 1.25, 2.0163, 0.48173, 1e-12, 123_456_789.0, -3.5])
    func aLabelFitsAndReadsBack(x: Double) throws {
        for width in [5, 7, 9] {
            let text = Format.label(x, width: width, resolution: abs(x) * 1e-3)
            #expect(text.count <= width, "\(text)")
            let value = try #require(Double(text), "\(text)")
            #expect(abs(value - x) <= Format.lastDigitUnit(text) / 2 * (1 + 1e-9), "\(text) for \(x)")
        }
    }

    @Test func theFewestDigitsThatResolveTheStep() {
        #expect(Format.label(1.2531, width: 7, resolution: 0.05) == "1.25")
        #expect(Format.label(4, width: 7, resolution: 0.05) == "4")
        #expect(Format.label(0.0007141, width: 8, resolution: 1e-7) == "7.141e-4")
        #expect(Format.label(0.0007141, width: 7, resolution: 1e-7) == "7.14e-4")  // as many digits as fit
        #expect(Format.label(0.0007141, width: 7, resolution: 1e-6) == "7.14e-4")
        #expect(Format.label(108_312.7, width: 7, resolution: 100) == "1.083e5")
        #expect(Format.label(108_312.7, width: 7, resolution: 1) == "108313")
        #expect(Format.lastDigitUnit("7.14e-4") == 1e-6)
        #expect(Format.lastDigitUnit("108313") == 1)
        #expect(Format.lastDigitUnit("1.1e5") == 10_000)
    }

    @Test func brailleAndAsciiDots() {
        var canvas = DotCanvas(columns: 2, rows: 1, braille: true)
        canvas.vertical(x: 0, from: 0, to: 3)
        canvas.set(x: 3, y: 3)
        #expect(DotCanvas.scalar(canvas.mask(column: 0, row: 0), braille: true) == "⡇")
        #expect(DotCanvas.scalar(canvas.mask(column: 1, row: 0), braille: true) == "⢀")
        canvas.set(x: 9, y: 9)  // off the canvas: ignored
        var ascii = DotCanvas(columns: 1, rows: 2, braille: false)
        ascii.set(x: 0, y: 2)
        ascii.vertical(x: 0, from: 3, to: 4)
        #expect(DotCanvas.scalar(ascii.mask(column: 0, row: 0), braille: false) == ".")
        #expect(DotCanvas.scalar(ascii.mask(column: 0, row: 1), braille: false) == "|")
        #expect(ascii.isEmpty(column: 0, row: 5))
    }
}

/// Exponents at the ends of Int: Int.min overflowed in `abs` (and less the decimals), Int.max looped for ever.
@Suite struct LastDigitUnitExtremeTests {
    @Test func exponentsPastADoublesRangeAreZeroOrInfinite() {
        #expect(Format.lastDigitUnit("1e-9223372036854775808") == 0)
        #expect(Format.lastDigitUnit("1.5e-9223372036854775808") == 0)
        #expect(Format.lastDigitUnit("1e9223372036854775807") == .infinity)
        #expect(Format.lastDigitUnit("1.25") == 0.01 && Format.lastDigitUnit("1.1e3") == 100)
    }
}
