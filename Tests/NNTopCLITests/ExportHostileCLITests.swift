import Foundation
import Testing

/// `nntop export` of table models given what a hostile user gives: column names ONNX or the graph holds dear,
/// categories spelt in other bytes, odd CSV files for scripts/onnx-run.py, inputs that make no number, and model
/// files edited by hand. Each graph is run in onnxruntime beside `nntop predict --json`, as in
/// ExportColumnsCLITests.
@Suite struct ExportHostileCLITests {
    let columns = ExportColumnsCLITests()

    /// A table of `header`'s columns and a target y: `count` rows, each `row(i)` and yes or no.
    static func table(_ header: String, count: Int, _ row: (Int) -> String) -> String {
        (0..<count).reduce(header + ",y\n") { csv, i in csv + row(i) + ",\(i % 3 == 0 || i % 7 == 2 ? "yes" : "no")\n" }
    }

    /// A column with no name, columns named like the graph's outputs, like each other once renamed, or with a
    /// quote, a comma or a line end: every input has a name (ONNX names no tensor ""), onnx-run.py finds each
    /// input's column from the metadata, and the line saying what was written stays one line.
    @Test func namesThatAreEmptyOrLikeTheGraphsOwn() throws {
        let header = "\"\",output,output_input,label,input,\"a\"\"b\",\"c,d\",\"e\nf\",ü"
        let data = Self.table(header, count: 60) { i in
            let words = ["p", "q", "r"]
            return [
                words[i % 3], String(Double(i % 5) / 2), words[(i / 2) % 3], words[(i / 3) % 2], String(i % 4),
                words[(i / 5) % 3], String(Double(i % 9) - 4), words[(i + 1) % 2], ["ä", "ö"][i % 2]
            ].joined(separator: ",")
        }
        let (line, rows) = try columns.expectAgreement(
            ["--target", "y", "--hidden", "3", "--iterations", "300"], data: data, labelled: true)
        #expect(rows.count == 60)
        #expect(
            line.contains(
                "inputs _input (text), output_input, output_input_input (text), label_input (text), input, a\"b (text), c,d, e\\nf (text), ü (text) →"
            ), "\(line)")
        #expect(line.split(separator: "\n").count == 1 && line.hasSuffix("\n"), "\(line)")
    }

    /// One text column named "input": the graph takes it as a column (a string), not as the matrix of numbers.
    @Test func aSingleTextColumnNamedInput() throws {
        let data = Self.table("input", count: 40) { i in ["low", "mid", "high"][i % 3] }
        let (line, _) = try columns.expectAgreement(
            ["--target", "y", "--iterations", "200"], data: data, labelled: true)
        #expect(line.contains("inputs input (text) → output [N, 1], label [N, 1]"), "\(line)")
    }

    /// Predict reads "é" as one scalar or as e and an accent alike (Swift's strings compare so), and a training
    /// file that has both has two equal categories, of which a cell takes the last; the graph spells every
    /// category out so that onnxruntime does the same with its bytes.
    @Test func categoriesSpeltInOtherBytes() throws {
        let composed = "\u{E9}", decomposed = "e\u{301}"
        let data = Self.table("drink,size", count: 90) { i in
            let drink = ["caf\u{E9}", composed, decomposed, "tea", "\u{65E5}\u{672C}"][i % 5]
            return "\(drink),\(Double(i % 11) / 3)"
        }
        // New rows spell the café only ever seen composed with its accent apart.
        let rows = data + "cafe\u{301},1,yes\n\(decomposed),2,no\n\(composed),3,no\n"
        let (_, out) = try columns.expectAgreement(
            ["--target", "y", "--hidden", "3", "--iterations", "400"], data: data, rows: rows, labelled: true)
        #expect(out.count == 93)
    }

    /// Bytes that are not UTF-8 (Latin-1: é and è) read as U+FFFD, so "été" and "ètè" are the same text twice
    /// among the categories; onnx-run.py reads them so too.
    @Test func categoriesOfBytesThatAreNotUTF8() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        var bytes = Data("season,warmth,y\n".utf8)
        for i in 0..<60 {
            let season: [UInt8] = [[0xE9, 0x74, 0xE9], [0xE8, 0x74, 0xE8], [0xE9, 0x74, 0xE8], Array("winter".utf8)][
                i % 4]
            bytes += Data(season) + Data(",\(i % 7),\(i % 4 == 3 || i % 5 == 1 ? "yes" : "no")\n".utf8)
        }
        let data = scratch.path("data.csv")
        try bytes.write(to: URL(fileURLWithPath: data))
        let model = scratch.path("m.json"), onnx = scratch.path("m.onnx")
        let trained = try runNNTop(["train", "--data", data, "--target", "y", "--iterations", "300", "--save", model])
        try #require(trained.status == 0, "\(trained)")
        try #require(try runNNTop(["export", "--model", model, "--onnx", onnx]).status == 0)
        let fromONNX = try ExportColumnsCLITests.onnxRuntime(onnx, rows: data, labelled: true)
        let fromPredict = try ExportColumnsCLITests.predicted(model, rows: data)
        #expect(fromONNX.count == 60 && fromPredict.count == 60)
        for (k, (a, b)) in zip(fromONNX, fromPredict).enumerated() {
            #expect(a.outputs.count == 1 && abs(a.outputs[0] - b.outputs[0]) <= 1e-6, "row \(k + 1): \(a) vs \(b)")
            #expect(a.label == b.label, "row \(k + 1): \(a) vs \(b)")
        }
    }

    /// onnx-run.py reads a CSV file as predict does: a byte order mark, CRLF line ends, a quoted header with
    /// spaces around its cells and in another case, columns in another order and one more, quoted cells with
    /// spaces outside the quotes (not part of the cell) and inside them (part of it: " red" is no colour the
    /// training data had), a quoted line end, lines of spaces, and a row of empty cells (a row, all filled).
    @Test func anOddCSVFileIsReadAsPredictReadsIt() throws {
        let rows =
            "\u{FEFF} \"Size\" ,\t\"COLOUR\"\t, \"note\" ,weight\r\n"
            + "small, red ,\"a, b\",3\r\n"
            + "  \"large\"  ,\"green\",\"two\r\nlines\",\"7.5\"\r\n"
            + "   \t \r\n"
            + "\"small\",\" red\",,1e0\r\n"
            + ",,,\r\n"
            + "large,\"NA\",x,NaN\r\n"
            + "small,blue,\"\"\"quoted\"\"\",+.5"
        let (_, out) = try columns.expectAgreement(
            ["--target", "kind", "--missing", "mode", "--hidden", "4", "--iterations", "500"],
            data: ExportColumnsCLITests.animals(count: 60), rows: rows, export: ["--unknown", "zero"],
            predict: ["--unknown", "zero"], labelled: true)
        #expect(out.count == 6)
    }

    /// Inputs that make no number (infinities of both signs: ∞ − ∞ in the first layer): the graph's label is
    /// empty, not the first class's; predict refuses an infinite cell in one line, as training does.
    @Test func anOutputThatIsNotANumberHasNoLabel() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let data = try scratch.file(
            "data.csv",
            Self.table("a,b,c", count: 40) { i in "\(Double(i % 5) - 2),\(Double(i % 3)),\(["p", "q"][i % 2])" })
        let model = scratch.path("m.json"), onnx = scratch.path("m.onnx")
        let trained = try runNNTop([
            "train", "--data", data, "--target", "y", "--hidden", "4", "--activation", "tanh", "--iterations", "200",
            "--save", model
        ])
        try #require(trained.status == 0, "\(trained)")
        try #require(try runNNTop(["export", "--model", model, "--onnx", onnx]).status == 0)
        let rows = try scratch.file("rows.csv", "a,b,c\ninf,inf,p\ninf,-inf,q\n-inf,inf,p\n1,1,q\n")
        expectOneLineFailure(
            try runNNTop(["predict", "--model", model, "--data", rows]),
            contains: ["rows.csv:2:1: ", "expected a finite number, found \"inf\""])
        let fromONNX = try ExportColumnsCLITests.onnxRuntime(onnx, rows: rows, labelled: true)
        try #require(fromONNX.count == 4, "\(fromONNX)")
        let notANumber = fromONNX.filter { $0.outputs.contains { $0.isNaN } }
        #expect(!notANumber.isEmpty, "no row without a number: \(fromONNX)")
        for row in notANumber { #expect(row.label == nil, "\(row)") }
        #expect(fromONNX.last?.label != nil)
        #expect(fromONNX.last?.outputs.allSatisfy(\.isFinite) == true)
    }

    /// Exported with --unknown zero, a model without fills reads an unknown category as zeros, as predict
    /// --unknown zero does, but a missing text as NaN (no label), as a missing number: predict refuses such a row
    /// rather than read it as no category.
    @Test func aMissingTextWithNoFillIsNotAnUnknownCategory() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let data = try scratch.file(
            "data.csv", Self.table("colour,size", count: 40) { i in "\(["red", "blue"][i % 2]),\(i % 5)" })
        let model = scratch.path("m.json"), onnx = scratch.path("m.onnx")
        try #require(
            try runNNTop(["train", "--data", data, "--target", "y", "--iterations", "100", "--save", model]).status == 0
        )
        try #require(try runNNTop(["export", "--model", model, "--onnx", onnx, "--unknown", "zero"]).status == 0)
        let known = try scratch.file("known.csv", "colour,size\nred,1\ngreen,2\n")
        let fromONNX = try ExportColumnsCLITests.onnxRuntime(onnx, rows: known, labelled: true)
        let fromPredict = try ExportColumnsCLITests.predicted(model, rows: known, extra: ["--unknown", "zero"])
        try #require(fromONNX.count == 2 && fromPredict.count == 2)
        for (a, b) in zip(fromONNX, fromPredict) {
            #expect(abs(a.outputs[0] - b.outputs[0]) <= 1e-6 && a.label == b.label, "\(a) vs \(b)")
        }
        let missing = try scratch.file("missing.csv", "colour,size\nNA,1\n,2\nred,3\n")
        let rows = try ExportColumnsCLITests.onnxRuntime(onnx, rows: missing, labelled: true)
        #expect(rows.count == 3)
        for row in rows.prefix(2) {
            #expect(row.outputs.count == 1 && row.outputs[0].isNaN && row.label == nil, "\(row)")
        }
        #expect(rows.last?.outputs.first?.isFinite == true && rows.last?.label != nil)
        expectOneLineFailure(
            try runNNTop(["predict", "--model", model, "--data", missing, "--unknown", "zero"]),
            contains: ["missing cells", "no value to fill them with"])
    }

    /// A model file edited by hand into columns no training makes is refused by export (and predict) in one line
    /// naming what is wrong, rather than written as a graph that reads the rows otherwise than predict.
    @Test func handEditedColumnsAreRefused() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let data = try scratch.file("data.csv", ExportColumnsCLITests.animals(count: 40))
        let model = scratch.path("m.json")
        let trained = try runNNTop([
            "train", "--data", data, "--target", "kind", "--missing", "mode", "--iterations", "50", "--save", model
        ])
        try #require(trained.status == 0, "\(trained)")
        let original = try ExportCLITests.fields(model)
        let edits: [(String, ([[String: Any]]) -> [[String: Any]])] = [
            ("the fill \"purple\" of column \"colour\" is not one of its categories", { $0.with(1, "fill", "purple") }),
            (
                "the category \"NA\" of column \"colour\" reads as a missing cell",
                { $0.with(1, "categories", ["NA", "green", "red"]).with(1, "fill", "red") }
            ),
            (
                "the category \"\" of column \"size\" reads as a missing cell",
                { $0.with(2, "categories", ["", "small"]) }
            ),
            ("two columns are named \"colour\"", { $0.with(2, "name", "colour") })
        ]
        for (reason, edit) in edits {
            var fields = original
            var schema = try #require(fields["columns"] as? [String: Any])
            schema["columns"] = edit(try #require(schema["columns"] as? [[String: Any]]))
            fields["columns"] = schema
            let edited = scratch.path("edited.json")
            try JSONSerialization.data(withJSONObject: fields).write(to: URL(fileURLWithPath: edited))
            let onnx = scratch.path("edited.onnx")
            expectOneLineFailure(
                try runNNTop(["export", "--model", edited, "--onnx", onnx]),
                contains: ["edited.json: is a corrupt nntop model: ", reason])
            #expect(!FileManager.default.fileExists(atPath: onnx))
            expectOneLineFailure(
                try runNNTop(["predict", "--model", edited, "--data", data]), contains: ["corrupt", reason])
        }
    }
}

extension [[String: Any]] {
    /// The columns with `key` of column `k` set to `value`.
    fileprivate func with(_ k: Int, _ key: String, _ value: Any) -> [[String: Any]] {
        var out = self
        out[k][key] = value
        return out
    }
}
