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
