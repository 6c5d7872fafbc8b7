import Foundation
import Testing
import NeuralCore
@testable import DataFiles

/// The CSV format the issue asks for: optional header, comma-separated, target last by default or chosen by name
/// or 1-based number, 0/1 targets, any number of features, blank lines / trailing newline / CRLF tolerated,
/// numbers parsed exactly, and every bad input reported as one `DataError` with file, line and column.
@Suite struct CSVReaderTests {
    func parse(_ text: String, target: TargetColumn = .last, binary: Bool = true) throws(DataError) -> Dataset {
        try CSVReader.parse(Array(text.utf8), file: "data.csv", target: target, binaryTargets: binary)
    }

    /// The error `text` must give; fails the test when it parses.
    func failure(
        _ text: String, target: TargetColumn = .last,
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> DataError? {
        do {
            let data = try parse(text, target: target)
            Issue.record("expected a DataError, parsed \(data.count) rows", sourceLocation: sourceLocation)
            return nil
        } catch {
            return error
        }
    }

    // MARK: Header row

    @Test func headerRowIsDetectedWhenNoCellIsANumber() throws {
        let data = try parse("height,width,label\n1,2,0\n3,4,1\n")
        #expect(data.featureNames == ["height", "width"])
        #expect(data.count == 2)
        #expect(data.features == [1, 2, 3, 4])
        #expect(data.targets == [0, 1])
    }

    @Test func withoutAHeaderTheFirstRowIsData() throws {
        let data = try parse("1,2,0\n3,4,1\n")
        #expect(data.count == 2)
        #expect(data.featureNames == ["x1", "x2"])
        #expect(data.features == [1, 2, 3, 4])
        #expect(data.targets == [0, 1])
    }

    @Test func aFirstRowWithOneNumberIsDataNotAHeader() {
        // "a" is not a number but "1" is, so the row is data and "a" is a bad cell.
        let error = failure("a,1,0\n1,2,0\n")
        #expect(error == DataError(file: "data.csv", line: 1, column: 1, "expected a number, found \"a\""))
    }

    @Test func quotedHeaderNamesLoseTheirQuotes() throws {
        let data = try parse("\"a\",\"b\",\"y\"\n1,2,1\n")
        #expect(data.featureNames == ["a", "b"])
    }

    // MARK: Target column

    @Test func targetIsTheLastColumnByDefault() throws {
        let data = try parse("5,6,7,1\n8,9,10,0\n")
        #expect(data.featureCount == 3)
        #expect(data.features == [5, 6, 7, 8, 9, 10])
        #expect(data.targets == [1, 0])
    }

    @Test func targetByOneBasedPosition() throws {
        let data = try parse("1,5,6\n0,8,9\n", target: .position(1))
        #expect(data.features == [5, 6, 8, 9])
        #expect(data.targets == [1, 0])
        let middle = try parse("5,1,6\n8,0,9\n", target: .position(2))
        #expect(middle.features == [5, 6, 8, 9])
        #expect(middle.targets == [1, 0])
    }

    @Test func targetByHeaderName() throws {
        let data = try parse("label,a,b\n1,5,6\n0,8,9\n", target: .name("label"))
        #expect(data.featureNames == ["a", "b"])
        #expect(data.features == [5, 6, 8, 9])
        #expect(data.targets == [1, 0])
    }

    @Test func targetArgumentIsANumberOrAName() {
        #expect(TargetColumn(argument: "3") == .position(3))
        #expect(TargetColumn(argument: "label") == .name("label"))
    }

    @Test func targetNameNotInHeader() {
        let error = failure("a,b,y\n1,2,0\n", target: .name("label"))
        #expect(error?.file == "data.csv")
        #expect(error?.line == 1)
        #expect(error?.reason.contains("--target \"label\" not found") == true)
        #expect(error?.reason.contains("a, b, y") == true)
    }

    @Test func aWideHeaderIsListedInPart() {
        let header = (1...25).map { "c\($0)" }.joined(separator: ",")
        let row = Array(repeating: "0", count: 25).joined(separator: ",")
        let error = failure(header + "\n" + row + "\n", target: .name("nosuch"))
        #expect(
            error?.reason
                == "--target \"nosuch\" not found in header (c1, c2, c3, c4, c5, c6, c7, c8, c9, c10 … and 15 more)")
    }

    @Test func headerNamesAndTheTargetAreEscapedInTheMessage() {
        let error = failure("a\u{1B}[2J,\(String(repeating: "b", count: 30)),y\n1,2,0\n", target: .name("no\rsuch"))
        #expect(
            error?.reason
                == "--target \"no\\rsuch\" not found in header (a\\u{1B}[2J, \(String(repeating: "b", count: 20))…, y)")
    }

    @Test func targetNameWithoutAHeader() {
        let error = failure("1,2,0\n", target: .name("label"))
        #expect(error?.line == 1)
        #expect(error?.reason.contains("no header") == true)
    }

    @Test(arguments: [0, 4, -1, 100])
    func targetPositionOutOfRange(position: Int) {
        let error = failure("1,2,0\n", target: .position(position))
        #expect(error?.line == 1)
        #expect(error?.reason == "--target \(position) not found: columns are numbered 1 to 3")
    }

    @Test(arguments: ["0", "1", "0.0", "1.0", "1e0", "+1", "-0", "  1 "])
    func targetsEqualToZeroOrOneAreAccepted(text: String) throws {
        let data = try parse("1,\(text)\n")
        #expect(data.targets.count == 1)
        #expect(data.targets[0] == 0 || data.targets[0] == 1)
    }

    @Test(arguments: ["2", "-1", "0.5", "1.0000001", "10"])
    func targetsOtherThanZeroOrOneAreRejected(text: String) throws {
        let error = failure("a,y\n1,0\n1,\(text)\n")
        #expect(
            error
                == DataError(
                    file: "data.csv", line: 3, column: 2,
                    "expected a target of 0 or 1, found \"\(text)\""))
        // Without the binary rule (multiclass or regression targets) the same file reads.
        let data = try parse("a,y\n1,0\n1,\(text)\n", binary: false)
        #expect(data.targets == [0, Double(text)!])
    }

    // MARK: Shape

    @Test(arguments: [1, 2, 7, 50])
    func anyNumberOfFeatureColumns(features: Int) throws {
        let row = (0..<features).map { "\($0)" }.joined(separator: ",")
        let data = try parse("\(row),1\n\(row),0\n")
        #expect(data.featureCount == features)
        #expect(data.count == 2)
        #expect(Array(data.row(1)) == (0..<features).map(Double.init))
    }

    @Test func aSingleColumnIsNotEnoughForTraining() {
        let error = failure("1\n0\n")
        #expect(error?.line == 1)
        #expect(error?.reason.contains("at least 2 columns") == true)
    }

    @Test func raggedRowsAreReportedWithTheirLine() {
        #expect(failure("a,b,y\n1,2,0\n1,2\n") == DataError(file: "data.csv", line: 3, "expected 3 columns, found 2"))
        #expect(failure("1,2,0\n1,2,0,1\n") == DataError(file: "data.csv", line: 2, "expected 3 columns, found 4"))
        #expect(failure("1,2,0\n1,2,0,\n") == DataError(file: "data.csv", line: 2, "expected 3 columns, found 4"))
    }

    // MARK: Line ends and blank lines

    @Test func blankLinesAndTrailingNewlinesAreTolerated() throws {
        let expected = try parse("a,b,y\n1,2,0\n3,4,1")
        for text in [
            "a,b,y\n1,2,0\n3,4,1\n",
            "a,b,y\n1,2,0\n3,4,1\n\n\n",
            "\n\na,b,y\n\n1,2,0\n\n\n3,4,1\n\n",
            "a,b,y\n   \n1,2,0\n\t\n3,4,1\n"
        ] {
            #expect(try parse(text) == expected, "\(text.debugDescription)")
        }
    }

    @Test func crlfLineEndsAreTolerated() throws {
        let expected = try parse("a,b,y\n1,2,0\n3,4,1\n")
        #expect(try parse("a,b,y\r\n1,2,0\r\n3,4,1\r\n") == expected)
        #expect(try parse("a,b,y\r\n1,2,0\r\n3,4,1") == expected)
        #expect(try parse("a,b,y\r\n\r\n1,2,0\r\n\r\n3,4,1\r\n\r\n") == expected)
        #expect(try parse("a,b,y\r\n1,2,0\n3,4,1\r\n") == expected)
        // The header's last name must not keep the carriage return.
        #expect(try parse("a,b,y\r\n1,2,0\r\n", target: .name("y")).targets == [0])
    }

    @Test func aByteOrderMarkIsSkipped() throws {
        let bom = "\u{FEFF}"
        #expect(try parse(bom + "1,2,0\n3,4,1\n") == parse("1,2,0\n3,4,1\n"))
        // The header is recognised as one, and its first name is clean.
        let headed = try parse(bom + "y,a,b\n0,1,2\n", target: .name("y"))
        #expect(headed.featureNames == ["a", "b"])
        #expect(headed.targets == [0])
        // Only at the very start: a second one is an ordinary (bad) cell.
        #expect(failure("1,2,0\n\(bom)3,4,1\n")?.column == 1)
        #expect(failure(bom)?.reason.contains("empty") == true)
        #expect(CSVReader.width(of: Array((bom + "\n1,2,3\n").utf8)) == 3)
    }

    @Test func cellsAreTrimmedOfSpaces() throws {
        let data = try parse(" a , b ,y\n 1 ,\t2\t, 0 \n")
        #expect(data.featureNames == ["a", "b"])
        #expect(data.features == [1, 2])
        #expect(data.targets == [0])
    }

    @Test func lineNumbersCountBlankLinesAndColumnsAreOneBased() {
        #expect(
            failure("a,b,y\n\n1,2,0\n\n1,x,1\n")
                == DataError(file: "data.csv", line: 5, column: 2, "expected a number, found \"x\""))
        #expect(
            failure("a,b,y\r\n\r\n1,2,0\r\n\r\n1,2,x\r\n")
                == DataError(file: "data.csv", line: 5, column: 3, "expected a number, found \"x\""))
    }

    // MARK: Empty input

    @Test func emptyFile() {
        let error = failure("")
        #expect(error?.file == "data.csv")
        #expect(error?.reason.contains("empty") == true)
    }

    @Test func onlyBlankLines() {
        #expect(failure("\n\r\n  \n")?.reason.contains("empty") == true)
    }

    @Test func headerOnly() {
        #expect(failure("a,b,y\n")?.reason == "has a header but no data rows")
        #expect(failure("a,b,y\r\n\r\n")?.reason == "has a header but no data rows")
    }

    // MARK: Bad cells

    @Test(arguments: ["x", "1.2.3", "1,5", "--1", "1e", "1e+", ".", "-", "+", "0x10", "1_000", "1 2", "one"])
    func nonNumericCells(text: String) {
        let error = failure("a,b,y\n1,\(text),0\n")
        #expect(error?.file == "data.csv")
        #expect(error?.line == 2)
        // "1,5" splits into two cells and makes the row ragged (a whole-row error, no column);
        // everything else is one bad cell in column 2.
        if text.contains(",") {
            #expect(error?.column == nil)
            #expect(error?.reason == "expected 3 columns, found 4")
        } else {
            #expect(error?.column == 2)
            #expect(error?.reason == "expected a number, found \"\(text)\"")
        }
    }

    @Test func badCellsAreEscapedAndCutInTheMessage() {
        #expect(failure("a,b,y\n1,2\u{1B}[2J\u{7},0\n")?.reason == "expected a number, found \"2\\u{1B}[2J\\u{7}\"")
        #expect(failure("a,b,y\n1,2\r3,0\n")?.reason == "expected a number, found \"2\\r3\"")
        #expect(failure("a,b,y\n1,2\u{0}3,0\n")?.reason == "expected a number, found \"2\\03\"")
        let long = String(repeating: "9", count: 100_000) + "x"
        #expect(failure("a,b,y\n1,\(long),0\n")?.reason == "expected a number, found \"\(long.prefix(40))…\"")
        #expect(failure("a,b,y\n1,2,\u{9B}1\n")?.reason == "expected a number, found \"\\u{9B}1\"")
    }

    @Test func emptyCell() {
        #expect(
            failure("1,2,0\n1,,1\n")
                == DataError(file: "data.csv", line: 2, column: 2, "expected a number, found an empty cell"))
    }

    @Test(arguments: ["nan", "NaN", "inf", "-inf", "Infinity", "1e400", "-1e999"])
    func nonFiniteCells(text: String) {
        let error = failure("1,2,0\n1,\(text),1\n")
        #expect(error == DataError(file: "data.csv", line: 2, column: 2, "expected a finite number, found \"\(text)\""))
    }

    @Test func nonFiniteTarget() {
        let error = failure("1,2,0\n1,2,nan\n")
        #expect(error?.line == 2)
        #expect(error?.column == 3)
    }

    @Test func errorDescriptionIsOneLineWithFileLineColumn() {
        let error = failure("a,b,y\n1,2,0\n1,x,1\n")
        #expect(error?.description == "data.csv:3:2: expected a number, found \"x\"")
        #expect(error?.description.contains("\n") == false)
    }

    // MARK: Files

    @Test func loadReportsAMissingFile() {
        let path = "/nonexistent-\(UUID().uuidString)/data.csv"
        #expect(throws: DataError(file: path, "no such file")) { try CSVReader.load(path: path) }
    }

    @Test func loadReportsADirectory() {
        let path = FileManager.default.temporaryDirectory.path
        #expect(throws: DataError(file: path, "is a directory, expected a file")) { try CSVReader.load(path: path) }
    }

    @Test func loadReadsAFile() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("csvreader-\(UUID().uuidString).csv")
        try Data("a,b,y\r\n1,2,0\r\n3,4,1\r\n".utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let data = try CSVReader.load(path: url.path)
        #expect(data.features == [1, 2, 3, 4])
        #expect(data.targets == [0, 1])
    }

    @Test func widthIsTheCellCountOfTheFirstNonBlankLine() {
        #expect(CSVReader.width(of: Array("\n\r\n1,2,3\r\n4,5\n".utf8)) == 3)
        #expect(CSVReader.width(of: Array("".utf8)) == 0)
        #expect(CSVReader.width(of: Array("\n \n".utf8)) == 0)
    }

    @Test func unlabelledDataKeepsEveryColumn() throws {
        let data = try parse("1,2,3\n4,5,6\n", target: .none)
        #expect(data.featureCount == 3)
        #expect(!data.isLabelled)
        #expect(data.features == [1, 2, 3, 4, 5, 6])
    }
}

/// Numbers must come out exactly as Swift's own `Double(String)` reads them, bit for bit.
@Suite struct DecimalParsingTests {
    func parsed(_ text: String) -> Double? {
        // A spare byte after the field so even "" has a base address; the parser must stop at `end`.
        let bytes = Array(text.utf8) + [UInt8(ascii: "7")]
        return bytes.withUnsafeBufferPointer { DecimalParser.parse($0.baseAddress!, 0, $0.count - 1) }
    }

    func expectExact(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        guard let expected = Double(text) else {
            Issue.record("test bug: Swift does not read \(text.debugDescription)", sourceLocation: sourceLocation)
            return
        }
        let got = parsed(text)
        #expect(
            got?.bitPattern == expected.bitPattern,
            "\(text.debugDescription): parsed \(got.map { "\($0)" } ?? "nil"), Double(String) gives \(expected)",
            sourceLocation: sourceLocation)
    }

    static let forms = [
        // integers
        "0", "1", "-1", "+1", "42", "-0", "+0", "007", "9007199254740991", "9007199254740992", "9007199254740993",
        "18446744073709551615", "18446744073709551616", "123456789012345678901234567890",
        // decimals
        "0.1", "0.2", "0.3", "-0.1", "1.45", "-0.66", "1.66", "1.56", "3.14159", "2.718281828459045",
        ".5", "-.5", "+.5", "5.", "-5.", "0.", ".0", "000.000100", "1.000000000000000000001",
        // exponents
        "1e0", "1e1", "1E1", "1e+1", "1e-1", "1.5e3", "-2.5E-3", ".5e1", "5.e-1", "1e22", "1e23", "1e-22", "1e-23",
        "1e-300", "1e300", "1e308", "1.7976931348623157e308", "2.2250738585072014e-308", "4.9e-324", "5e-324",
        "2.4703282292062327e-324", "2.4703282292062328e-324", "1e-400", "0e999999", "1e-0000001",
        // 17+ digit mantissas and halfway cases
        "0.30000000000000004", "0.1000000000000000055511151231257827", "9007199254740993.0",
        "1.00000000000000011102230246251565404236316680908203125",
        "1.00000000000000011102230246251565404236316680908203124",
        "1.00000000000000011102230246251565404236316680908203126",
        "123456789012345678", "1234567890123456789", "12345678901234567890", "0.12345678901234567890123",
        "2.2250738585072011e-308", "2.225073858507201136057409796709131975934819546351645648e-308",
        "7.0420557077594588669468784357561207962098443483187940792729600000e+59",
        "3.4028236692093846346337460743176821145600000000001e38",
        "-999999999999999999999999999999999999999999999.9999999999999999999999999999999999",
        "0.000000000000000000000000000000000000000000000000000000000000000000000000000001",
        String(repeating: "9", count: 100),
        "0." + String(repeating: "3", count: 120),
        "1" + String(repeating: "0", count: 200) + "e-200"
    ]

    @Test(arguments: forms)
    func parsesLikeSwift(text: String) {
        expectExact(text)
    }

    @Test(arguments: [
        "", "-", "+", ".", "-.", "e1", ".e1", "1e", "1e+", "1e-", "1.2.3", "--1", "+-1", "1-",
        "1 2", "0x10", "1_0", "1d", "1f", "e", "abc", "1e1.5"
    ])
    func rejectsWhatIsNotANumber(text: String) {
        #expect(parsed(text) == nil)
    }

    @Test func randomDoublesRoundTripInManyFormats() {
        var generator = SeededGenerator(seed: 2024)
        var checked = 0
        for _ in 0..<3_000 {
            let value = Double(bitPattern: generator.next())
            guard value.isFinite else { continue }
            for text in [
                "\(value)",
                String(format: "%.17g", value),
                String(format: "%.25e", value),
                String(format: "%.3e", value),
                String(format: "%.12g", value)
            ] {
                expectExact(text)
                checked += 1
            }
        }
        #expect(checked > 10_000)
    }

    @Test func randomDecimalStringsParseLikeSwift() {
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<20_000 {
            let digitCount = 1 + generator.index(below: 30)
            var text = generator.index(below: 3) == 0 ? "-" : (generator.index(below: 5) == 0 ? "+" : "")
            var digits = ""
            for _ in 0..<digitCount { digits.append(Character(UnicodeScalar(UInt8(48 + generator.index(below: 10))))) }
            let point = generator.index(below: digitCount + 2)
            if point <= digitCount {
                digits.insert(".", at: digits.index(digits.startIndex, offsetBy: point))
            }
            text += digits
            if generator.index(below: 2) == 0 {
                text += ["e", "E", "e+", "e-"][generator.index(below: 4)]
                text += "\(generator.index(below: 330))"
            }
            guard Double(text) != nil else { continue }  // e.g. a lone "."
            expectExact(text)
        }
    }

    @Test func smallDecimalsThroughTheCSVReader() throws {
        // The same numbers read through a whole file, with spaces and CRLF around them.
        let texts = Self.forms.filter { Double($0)?.isFinite == true && $0.utf8.count < 100 }
        let csv = texts.map { " \($0) ,1\r\n" }.joined()
        let data = try CSVReader.parse(Array(csv.utf8), file: "n.csv")
        #expect(data.count == texts.count)
        for (k, text) in texts.enumerated() {
            #expect(data.features[k].bitPattern == Double(text)!.bitPattern, "\(text)")
        }
    }
}
