import Foundation
import Testing
import NeuralCore
@testable import DataFiles

/// The careful reader of text columns: RFC 4180 quoting, categories, missing cells, and the schema's round trip
/// through a model file.
@Suite struct CSVTableTests {
    func table(_ text: String) throws(DataError) -> CSVTable {
        try CSVTable.read(Array(text.utf8), file: "t.csv")
    }

    @Test func quotedCellsHoldCommasDoubledQuotesAndLineEnds() throws {
        let t = try table("name,n\r\n\"a, b\",1\r\n\"say \"\"hi\"\"\",2\n \"two\nlines\" ,3\n\"\",4\n")
        #expect(t.names == ["name", "n"])
        #expect(t.rowLines == [2, 3, 4, 6])
        let names = t.columns[0]
        #expect((0..<4).map { names.isMissing($0) } == [false, false, false, true])
        #expect((0..<3).map { names.texts.text(Int(names.codes[$0])) } == ["a, b", "say \"hi\"", "two\nlines"])
        #expect(t.columns[1].numbers == [1, 2, 3, 4])
    }

    @Test func aQuotedNumberIsANumberAndQuotedHeadersAreNames() throws {
        let t = try table("\"a\",\"b, c\"\n\"1.5\",\"2\"\n")
        #expect(t.names == ["a", "b, c"])
        #expect(t.columns[0].numbers == [1.5] && t.columns[1].numbers == [2])
    }

    @Test func badQuotingIsPlaced() {
        #expect(throws: DataError.self) { try table("a,b\n\"1,2\n") }
        do {
            _ = try table("a,b\n1,\"2\"3\n")
        } catch {
            #expect(error.line == 2 && error.column == 2)
            #expect(error.reason.hasPrefix("expected a comma or the line's end after a quoted cell, found \"3\""))
        }
    }

    /// The missing words in any case, and nothing else: control bytes one bit from "/" or "?" are texts, and so
    /// is a word with a space inside its quotes.
    @Test func missingWordsAreLettersWithoutCaseAndNothingElse() throws {
        let cells = ["NA", "na", "N/a", "nAn", "NULL", "?", "N\u{0F}A", "\u{1F}", "NAN ", "Na0"]
        let t = try table("c,y\n" + cells.enumerated().map { "\"\($1)\",\($0)" }.joined(separator: "\n") + "\n")
        let column = t.columns[0]
        #expect(
            (0..<cells.count).map { column.isMissing($0) } == [
                true, true, true, true, true, true, false, false, false, false
            ])
    }

    /// A model's number column refuses an infinite cell in new data, as training does.
    @Test func anInfiniteNumberInNewDataIsRefused() throws {
        let t = try table("n,c,y\n1,a,0\n2,b,1\n")
        let schema = try TableEncoder.fit(t, options: TableOptions()).0
        let new = try table("n,c\n3,a\ninf,b\n")
        do {
            _ = try TableEncoder.apply(
                new, schema: schema, target: -1, dropMissing: false, unknown: .error, binaryTargets: true)
            Issue.record("an infinite cell was read")
        } catch {
            #expect(error.line == 3 && error.column == 1)
            #expect(error.reason.hasPrefix("expected a finite number, found \"inf\""), "\(error.reason)")
        }
    }

    @Test func numbersBeforeTheFirstTextOfATextColumnAreTextsToo() throws {
        let t = try table("t,y\n12,0\nA/5,1\nB,0\nC,1\n")
        let categories = try TableEncoder.fit(t, options: TableOptions()).0.columns[0].categories
        #expect(categories == ["12", "A/5", "B", "C"])
    }

    @Test func fillValuesFollowThePolicy() throws {
        let t = try table("n,c,y\n1,a,0\n,b,1\n1,,0\n4,b,1\n")
        let mean = try TableEncoder.fit(t, options: TableOptions(missing: .mean)).0
        #expect(mean.columns[0].fillNumber == 2 && mean.columns[1].fillCategory == "b")
        let mode = try TableEncoder.fit(t, options: TableOptions(missing: .mode)).0
        #expect(mode.columns[0].fillNumber == 1)
        let (data, report) = try TableEncoder.apply(
            t, schema: mean, target: 2, dropMissing: false, unknown: .error, binaryTargets: true)
        #expect(data.featureNames == ["n", "c=a", "c=b"])
        #expect(data.features == [1, 1, 0, 2, 0, 1, 1, 0, 1, 4, 0, 1])
        #expect(report.filledCells == 2)
        let (dropped, _) = try TableEncoder.apply(
            t, schema: mean, target: 2, dropMissing: true, unknown: .error, binaryTargets: true)
        #expect(dropped.count == 2)
    }

    @Test func theSchemaRoundTripsThroughAModelFile() throws {
        let schema = ColumnSchema(
            columns: [
                .init(name: "age", fillNumber: 29.5), .init(name: "sex", categories: ["f", "m"], fillCategory: "m")
            ], target: "survived", targetLabels: ["no", "yes"], missing: .mean)
        let network = Network(weights: [0.5, -1, 2], bias: 0.25)
        let file = ModelFile(
            network: network, loss: .squaredError, featureNames: schema.featureNames, standardization: nil,
            iterations: 7, columns: schema)
        #expect(file.version == 3)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("schema-\(UUID()).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try file.save(path: path)
        let (loaded, _) = try ModelFile.load(path: path)
        #expect(loaded.columns == schema)
        // Without columns a model is written as version 2, as before.
        let plain = ModelFile(
            network: network, loss: .squaredError, featureNames: ["a", "b", "c"], standardization: nil, iterations: 7)
        #expect(plain.version == 2 && plain.columns == nil)
    }
}

/// Inputs the fuzzer found that crashed the careful reader.
@Suite struct CSVTableFuzzFindingsTests {
    /// Two header names that are the same once their bytes (not UTF-8) are decoded, a text cell, a target that is
    /// not a number: the schema's category lookup was read past its end.
    /// The same input, asked for its features: the two names are different bytes that decode the same, so they are
    /// not renamed, and the model's two columns found as one are refused in one line naming both.
    @Test func namesThatOnlyDecodeTheSameAreRefused() {
        let bytes = Array(Data(base64Encoded: "7yy/LHkKMDEsJzIsaW5mMC4tMQo=")!)
        let error = #expect(throws: DataError.self) {
            try TableLoader.parse(bytes, file: "f.csv", options: TableOptions(), schema: nil)
        }
        #expect(error?.reason.contains("are both read from column 1") == true, "\(String(describing: error))")
        #expect(error?.reason.hasSuffix("give every column a name of its own") == true, "\(String(describing: error))")
    }

    /// Composed and decomposed é are different bytes, so not renamed, but the same text to Swift: refused too.
    @Test func namesThatReadTheSameAreRefused() {
        let bytes = Array("\u{E9},e\u{301},t,y\n1,2,p,0\n3,4,q,1\n".utf8)
        let error = #expect(throws: DataError.self) {
            try TableLoader.parse(bytes, file: "f.csv", options: TableOptions(), schema: nil)
        }
        #expect(error?.reason.contains("are both read from column 1") == true, "\(String(describing: error))")
    }

    /// `--drop A` beside a column "a": the column left unread was found without case, so "a" was counted and not
    /// read, and encoding it read past its (empty) cells.
    @Test func droppingAColumnLeavesOneACaseApartRead() throws {
        let bytes = Array("a,A,t,y\n1,2,p,0\n3,4,q,1\n".utf8)
        for (drop, kept) in [("A", ["a", "t=p", "t=q"]), ("a", ["A", "t=p", "t=q"])] {
            let loaded = try TableLoader.parse(
                bytes, file: "f.csv", options: TableOptions(drop: [drop]), schema: nil)
            #expect(loaded.dataset.featureNames == kept)
            #expect(loaded.dataset.features.count == 6 && loaded.dataset.features.first == (drop == "A" ? 1 : 2))
        }
        let only = try TableLoader.parse(bytes, file: "f.csv", options: TableOptions(columns: ["A"]), schema: nil)
        #expect(only.dataset.features == [2, 4])
    }

    @Test func sameNamedColumnsWithATextCellDoNotCrash() {
        let bytes = Array(Data(base64Encoded: "7yy/LHkKMDEsJzIsaW5mMC4tMQo=")!)
        for missing in [nil, MissingPolicy.drop, .mean, .mode] {
            for target in [TargetColumn.last, .none, .name("y")] {
                let loaded = try? TableLoader.parse(
                    bytes, file: "f.csv", options: TableOptions(target: target, missing: missing), schema: nil)
                if let data = loaded?.dataset {
                    #expect(data.features.count == data.count * data.featureCount)
                    #expect(data.features.allSatisfy { $0.isFinite })
                }
            }
        }
    }
}

/// A header that names a column again, as pandas reads one: the later ones are renamed "a.1", "a.2", …, by both
/// readers, with a note; `--columns`, `--drop` and `--target` take the new names, and a model's columns are found
/// again under them.
@Suite struct DuplicateHeaderTests {
    static func distinct(_ names: [String]) -> [String] {
        HeaderNames.distinct(names, bytes: names.map { Array($0.utf8) }).names
    }

    /// pandas 3.1's `read_csv` (either engine) on these headers: `pd.read_csv(io.StringIO("a,a,a.1\n1,2,3\n"))`.
    @Test(arguments: [
        (["a", "a", "a"], ["a", "a.1", "a.2"]),
        (["x", "y", "x", "x"], ["x", "y", "x.1", "x.2"]),
        (["a", "a", "a.1"], ["a", "a.2", "a.1"]),
        (["a", "a.1", "a"], ["a", "a.1", "a.2"]),
        (["a", "a", "a", "a.1", "a.2"], ["a", "a.3", "a.4", "a.1", "a.2"]),
        (["a.1", "a", "a"], ["a.1", "a", "a.2"]),
        (["a", "a", "a.1", "a.1"], ["a", "a.2", "a.1", "a.1.1"]),
        (["a", "a.1", "a.1", "a"], ["a", "a.1", "a.1.1", "a.2"]),
        (["a", "a", "a.2", "a.1", "a"], ["a", "a.3", "a.2", "a.1", "a.4"]),
        (["b", "a", "b", "a", "b"], ["b", "a", "b.1", "a.1", "b.2"])
    ])
    func namesAreMadeDistinctAsPandasMakesThem(header: [String], pandas: [String]) {
        #expect(Self.distinct(header) == pandas)
    }

    @Test func namesThatAreNotTheSameBytesStay() {
        #expect(Self.distinct(["x", "y", "z"]) == ["x", "y", "z"])
        // Not the same bytes: a case apart, composed and decomposed é, and empty names (none to repeat).
        #expect(Self.distinct(["a", "A"]) == ["a", "A"])
        #expect(Self.distinct(["\u{E9}", "e\u{301}"]) == ["\u{E9}", "e\u{301}"])
        #expect(Self.distinct(["", "", "y"]) == ["", "", "y"])
        // Two bytes that are not UTF-8 decode to the same U+FFFD, but are not the same name.
        let fffd = HeaderNames.distinct(["\u{FFFD}", "\u{FFFD}"], bytes: [[0xEF], [0xBF]])
        #expect(fffd.names == ["\u{FFFD}", "\u{FFFD}"] && fffd.renamed.isEmpty)
    }

    @Test func theNoteSaysWhichColumnsAreReadUnderWhichNames() {
        let one = HeaderNames.distinct(["a", "b", "a"], bytes: [[97], [98], [97]]).renamed
        #expect(HeaderNames.note(one) == "column 3 repeats the name \"a\": read as \"a.1\", as pandas names it")
        let two = HeaderNames.distinct(["a", "a", "b", "b"], bytes: [[97], [97], [98], [98]]).renamed
        #expect(HeaderNames.note(two) == "columns repeat names, read as pandas names them: 2 as \"a.1\", 4 as \"b.1\"")
        // A long name is cut before its suffix, which is what to type; a control character is escaped.
        let long = String(repeating: "n", count: 30) + "\u{1B}"
        let cut = HeaderNames.distinct([long, long], bytes: [Array(long.utf8), Array(long.utf8)]).renamed
        #expect(
            HeaderNames.note(cut)?.hasSuffix(
                "read as \"" + String(repeating: "n", count: 20) + "….1\", as pandas names it") == true)
        #expect(HeaderNames.note([]) == nil)
    }

    @Test func theCarefulReaderRenamesAndTheColumnsAreChosenByTheNewNames() throws {
        let bytes = Array("a,a,\"a\",kind,y\n1,2,3,p,0\n4,5,6,q,1\n".utf8)
        let all = try TableLoader.parse(bytes, file: "f.csv", options: TableOptions(), schema: nil)
        #expect(all.dataset.featureNames == ["a", "a.1", "a.2", "kind=p", "kind=q"])
        #expect(all.notes.first == "columns repeat names, read as pandas names them: 2 as \"a.1\", 3 as \"a.2\"")
        #expect(all.dataset.features == [1, 2, 3, 1, 0, 4, 5, 6, 0, 1])

        let chosen = try TableLoader.parse(
            bytes, file: "f.csv", options: TableOptions(columns: ["a.2", "A.1"]), schema: nil)
        #expect(chosen.dataset.features == [3, 2, 6, 5])
        let dropped = try TableLoader.parse(
            bytes, file: "f.csv", options: TableOptions(drop: ["a.1", "kind"]), schema: nil)
        #expect(dropped.dataset.features == [1, 3, 4, 6])
        let target = try TableLoader.parse(
            bytes, file: "f.csv", options: TableOptions(target: .name("a.2"), drop: ["kind"]), schema: nil)
        #expect(target.dataset.targets == [3, 6] && target.dataset.featureNames == ["a", "a.1", "y"])

        // The model's columns are found again under their new names, in another file of the same header.
        let schema = try #require(chosen.schema)
        #expect(schema.columns.map(\.name) == ["a.2", "a.1"])
        let again = Array("kind,a,a,a,y\nq,7,8,9,1\n".utf8)
        let applied = try TableLoader.parse(again, file: "g.csv", options: TableOptions(), schema: schema)
        #expect(applied.dataset.features == [9, 8])
    }

    @Test func theNumericReaderRenamesToo() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("dup-\(UUID()).csv").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data("a,b,a,y\n1,2,3,0\n4,5,6,1\n".utf8).write(to: URL(fileURLWithPath: path))
        let loaded = try TableLoader.load(path: path, options: TableOptions())
        #expect(loaded.schema == nil, "a plain numeric file takes the numeric reader")
        #expect(loaded.dataset.featureNames == ["a", "b", "a.1"])
        #expect(loaded.notes == ["column 3 repeats the name \"a\": read as \"a.1\", as pandas names it"])
        let target = try TableLoader.load(path: path, options: TableOptions(target: .name("a.1")))
        #expect(target.dataset.targets == [3, 6] && target.dataset.featureNames == ["a", "b", "y"])
        // The layout a large file is read in runs by has them too.
        let layout = try CSVReader.layout(of: Array("a,a,y\n1,2,0\n".utf8), file: "f.csv")
        #expect(layout.names == ["a", "a.1", "y"] && layout.renamed.count == 1)
    }
}
