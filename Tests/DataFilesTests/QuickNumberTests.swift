import Foundation
import Testing
import NeuralCore
@testable import DataFiles

/// The fast number paths the CSV reader takes for almost every cell must give exactly what `Double(String)`
/// gives, bit for bit, whenever they give anything — and must give something for the common cases, or the
/// speed is lost without any test noticing.
@Suite struct QuickNumberTests {
    /// How a number was read by `DecimalParser.quick` from the text followed by `terminator` and 16 bytes of
    /// padding: the value and the number of bytes taken, or nil.
    static func quick(_ text: String, terminator: String = ",", padded: Bool = true) -> (value: Double, length: Int)? {
        // One byte before the number, as in a row, and enough after it for the 16-byte reads.
        let bytes = Array(("," + text + terminator + (padded ? String(repeating: "7", count: 16) : "")).utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            var i = 1
            guard let value = DecimalParser.quick(buffer.baseAddress!, &i, buffer.count, LaneMasks.shared) else {
                return nil
            }
            return (value, i - 1)
        }
    }

    /// `DecimalParser.short` alone (the 16-byte SIMD path), as `quick` above.
    static func short(_ text: String) -> (value: Double, length: Int)? {
        let bytes = Array(("," + text + "," + String(repeating: "7", count: 16)).utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            var i = 1
            guard let value = DecimalParser.short(buffer.baseAddress!, &i, LaneMasks.shared) else { return nil }
            return (value, i - 1)
        }
    }

    /// Checks every path on `text`: what any of them reads is `Double(text)` bit for bit, over the whole text.
    static func expectAgreement(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        guard let expected = Double(text) else {
            Issue.record("test bug: Swift does not read \(text.debugDescription)", sourceLocation: sourceLocation)
            return
        }
        let length = text.utf8.count
        for (path, result) in [
            ("quick", quick(text)), ("quick at the end", quick(text, terminator: "\n", padded: false)),
            ("short", short(text))
        ] {
            guard let result else { continue }
            #expect(
                result.value.bitPattern == expected.bitPattern && result.length == length,
                "\(path) read \(text.debugDescription) as \(result.value) over \(result.length) bytes; Double(String) gives \(expected)",
                sourceLocation: sourceLocation)
        }
    }

    // MARK: - Edge cases

    static let edgeCases = [
        "0", "-0", "+0", "0.0", "-0.0", "00", "007", ".5", "-.5", "+.5", "5.", "-5.", "0.", ".0",
        "1", "-1", "9", "10", "0.1", "0.2", "0.3", "-0.793122", "2.40571", "-0.0189633", "1395.77", "0.00311949",
        "123456789012345", "1234567890123456", "12345678.1234567", "99999999999999.9", "0.00000000000001",
        "9007199254740991", "9007199254740992", "9007199254740993", "9007199254740993.0", "18446744073709551615",
        "1e0", "1e22", "1e23", "1e-22", "1e-23", "1.5e3", "-2.5E-3", "1e308", "1.7976931348623157e308",
        "2.2250738585072014e-308", "2.2250738585072011e-308", "4.9e-324", "5e-324", "1e-320", "0e999",
        "0.30000000000000004", "1.00000000000000011102230246251565404236316680908203125",
        "123456789012345678901234567890", "0." + String(repeating: "3", count: 40)
    ]

    @Test(arguments: edgeCases)
    func edgeCasesAgree(text: String) {
        Self.expectAgreement(text)
    }

    @Test func commonShapesTakeTheShortPath() {
        // Up to 15 bytes, no exponent: the SIMD path must read them (else every such cell is slow).
        for text in [
            "0", "-0", "1", "-0.793122", "2.40571", "-0.0189633", "1395.77", "0.00311949", "-0.00311949",
            ".5", "5.", "+3.25", "123456789012345", "12345678.123456", "-123456.1234567"
        ] {
            #expect(Self.short(text) != nil, "\(text) is not read by the 16-byte path")
        }
        // Longer ones and exponents fall to the word path, which must read these too.
        for text in ["1.23457e-05", "-4.5E+12", "0.123456789012345", "1234567890123456", "1e22"] {
            #expect(Self.short(text) == nil, "\(text) should be too long or have an exponent")
            #expect(Self.quick(text) != nil, "\(text) is not read by the word path")
        }
    }

    @Test func whatIsNotANumberIsLeftAlone() {
        // Nothing is read, or the reading stops before the stray byte (the row then goes the careful way).
        for text in ["", "-", "+", ".", "-.", "e5", ".e1", "x", "nan", "inf", " 1"] {
            #expect(Self.quick(text) == nil, "\(text.debugDescription) was read")
        }
        for (text, length) in [("1.2.3", 3), ("1x", 1), ("0x10", 1), ("1-2", 1), ("1 ", 1), ("2\r3", 1)] {
            #expect(Self.quick(text)?.length == length, "\(text.debugDescription)")
        }
        for text in ["1e", "1e+", "1e-", "1e12345"] {
            #expect(Self.quick(text) == nil || Self.quick(text)?.length == 1, "\(text.debugDescription)")
        }
    }

    // MARK: - Generated numbers

    @Test func randomDigitStringsAgree() {
        var generator = SeededGenerator(seed: 11)
        var read = 0
        for _ in 0..<40_000 {
            let digitCount = 1 + generator.index(below: 20)
            var digits = ""
            for _ in 0..<digitCount { digits.append(Character(UnicodeScalar(UInt8(48 + generator.index(below: 10))))) }
            let point = generator.index(below: digitCount + 2)
            if point <= digitCount { digits.insert(".", at: digits.index(digits.startIndex, offsetBy: point)) }
            let sign = ["", "", "-", "+"][generator.index(below: 4)]
            var text = sign + digits
            if generator.index(below: 4) == 0 {
                text += ["e", "E", "e-", "e+"][generator.index(below: 4)] + "\(generator.index(below: 40))"
            }
            guard Double(text) != nil else { continue }
            Self.expectAgreement(text)
            if Self.quick(text) != nil { read += 1 }
        }
        #expect(read > 25_000, "the fast paths read only \(read) numbers")
    }

    @Test func printedDoublesAgree() {
        var generator = SeededGenerator(seed: 12)
        var texts = 0, read = 0
        for _ in 0..<4_000 {
            // Random bit patterns (every exponent, subnormals included) and ordinary-sized values.
            let wild = Double(bitPattern: generator.next())
            let tame = (generator.unit() - 0.5) * pow(10, Double(generator.index(below: 12)) - 4)
            for value in [wild, tame] where value.isFinite {
                for text in ["%.17g", "%.6g", "%.15g", "%.3f", "%.8f", "%.10e"].map({ String(format: $0, value) }) + [
                    "\(value)"
                ] {
                    Self.expectAgreement(text)
                    texts += 1
                    if Self.quick(text) != nil { read += 1 }
                }
            }
        }
        // The fast paths must take a good share (about half: long and huge ones go to strtod), or agreeing where
        // they do would prove little.
        #expect(read * 3 > texts, "the fast paths read only \(read) of \(texts) numbers")
    }

    // MARK: - Through the reader

    @Test func aWholeFileOfNumbersReadsAsDoubleDoes() throws {
        var generator = SeededGenerator(seed: 13)
        var texts: [String] = []
        for _ in 0..<6_000 {
            let value = (generator.unit() - 0.5) * pow(10, Double(generator.index(below: 16)) - 8)
            texts.append(String(format: ["%.6g", "%.17g", "%.4f", "%g", "%.12e"][generator.index(below: 5)], value))
        }
        // Four features a row, a target after them; some rows CRLF, some cells padded, some lines blank.
        var csv = "a,b,c,d,y\n"
        for row in 0..<(texts.count / 4) {
            let cells = texts[(row * 4)..<(row * 4 + 4)]
            csv += (row % 7 == 3 ? cells.map { " \($0)\t" } : Array(cells)).joined(separator: ",")
            csv += ",\(row % 2)" + (row % 5 == 1 ? "\r\n" : "\n") + (row % 11 == 0 ? "\n" : "")
        }
        let data = try CSVReader.parse(Array(csv.utf8), file: "numbers.csv")
        #expect(data.count == texts.count / 4)
        for (k, text) in texts.enumerated() {
            #expect(data.features[k].bitPattern == Double(text)!.bitPattern, "\(text)")
        }
        #expect(data.targets == (0..<data.count).map { Double($0 % 2) })
    }

    @Test func randomFilesReadAsDoubleDoesInOneOrManyParts() throws {
        var generator = SeededGenerator(seed: 14)
        for _ in 0..<40 {
            var csv = ""
            var expected: [Double] = []
            var targets: [Double] = []
            for _ in 0..<(1 + generator.index(below: 300)) {
                if generator.index(below: 20) == 0 {
                    csv += ["\n", "  \n", "\t\r\n", "\r\n"][generator.index(below: 4)]
                }
                var cells: [String] = []
                for _ in 0..<2 {
                    let value = (generator.unit() - 0.5) * pow(10, Double(generator.index(below: 24)) - 12)
                    let text = String(
                        format: ["%.6g", "%.17g", "%.3f", "%.9e", "%.0f"][generator.index(below: 5)], value)
                    expected.append(Double(text)!)
                    let pad = generator.index(below: 10) == 0 ? " " : ""
                    cells.append(pad + text + pad)
                }
                let target = generator.index(below: 2)
                targets.append(Double(target))
                cells.append(["\(target)", "\(target).0", "+\(target)"][generator.index(below: 3)])
                csv += cells.joined(separator: ",") + (generator.index(below: 4) == 0 ? "\r\n" : "\n")
            }
            let data = try CSVReader.parse(Array(csv.utf8), file: "r.csv", target: .last)
            #expect(data.features.map(\.bitPattern) == expected.map(\.bitPattern))
            #expect(data.targets == targets)
        }
    }

    // MARK: - Whole files

    /// A file of `rows` rows, with blank lines now and then.
    static func sampleFile(rows: Int, seed: UInt64) -> String {
        var generator = SeededGenerator(seed: seed)
        var csv = "x,y,z,label\n"
        for row in 0..<rows {
            let cells = (0..<3).map { _ in String(format: "%.6g", (generator.unit() - 0.5) * 200) }
            csv += cells.joined(separator: ",") + ",\(row % 2)\n" + (row % 97 == 5 ? "\n \n" : "")
        }
        return csv
    }

    @Test func everyRowOfAFileWithBlankLinesIsRead() throws {
        for rows in [1, 2, 3, 50, 3_000] {
            let text = Self.sampleFile(rows: rows, seed: UInt64(rows))
            let data = try CSVReader.parse(Array(text.utf8), file: "f.csv", target: .last)
            #expect(data.count == rows)
            #expect(data.targets == (0..<rows).map { Double($0 % 2) })
            let first = text.split(separator: "\n")[1].split(separator: ",").prefix(3).map { Double($0)! }
            #expect(Array(data.row(0)) == first)
        }
    }

    @Test func anErrorNearTheEndNamesItsOwnLine() {
        var lines = Self.sampleFile(rows: 400, seed: 3).split(separator: "\n", omittingEmptySubsequences: false)
        let bad = lines.count - 20
        lines[bad] = "1,2,oops,0"
        let bytes = Array(lines.joined(separator: "\n").utf8)
        #expect(throws: DataError(file: "f.csv", line: bad + 1, column: 3, "expected a number, found \"oops\"")) {
            try CSVReader.parse(bytes, file: "f.csv", target: .last)
        }
    }

    @Test func theFirstErrorInTheFileIsTheOneReported() {
        var lines = Self.sampleFile(rows: 400, seed: 4).split(separator: "\n", omittingEmptySubsequences: false)
        lines[10] = "1,2,3,7"
        lines[lines.count - 10] = "1,2"
        let bytes = Array(lines.joined(separator: "\n").utf8)
        #expect(throws: DataError(file: "f.csv", line: 11, column: 4, "expected a target of 0 or 1, found \"7\"")) {
            try CSVReader.parse(bytes, file: "f.csv", target: .last, binaryTargets: true)
        }
    }
}
