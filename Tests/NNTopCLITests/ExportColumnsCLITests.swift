import Foundation
import Testing

/// `nntop export` of models that read a table by its column names: text columns one-hot in the graph, missing
/// cells filled with the model's values, text target labels as a `label` output. Each model is trained by the
/// real binary, exported, and run in onnxruntime (scripts/onnx-run.py, given the CSV file itself) beside
/// `nntop predict --json` on the same file.
@Suite struct ExportColumnsCLITests {
    /// One row of onnxruntime's results: the output's numbers, then the label when the graph gives one.
    struct Row {
        var outputs: [Double]
        var label: String?
    }

    /// onnxruntime's rows (scripts/onnx-run.py on the CSV file `rows`): with `labelled`, the last cell of each is
    /// the label (quoted when it holds a comma; empty, nil here, when the output is not a number).
    static func onnxRuntime(_ model: String, rows: String, labelled: Bool) throws -> [Row] {
        let script = ExportCLITests.root.appendingPathComponent("scripts/onnx-run.py").path
        let result = try runCaptured(
            try ExportCLITests.python(), [script, model, rows], timeout: 120,
            naming: ["scripts/onnx-run.py", model, rows])
        try #require(result.status == 0, "onnxruntime did not run the model (\(ExportCLITests.installHint)): \(result)")
        return result.stdout.split(separator: "\n").map { line in
            var cells = Self.cells(String(line))
            let label = labelled ? cells.popLast() : nil
            return Row(outputs: cells.compactMap(Double.init), label: label?.isEmpty == true ? nil : label)
        }
    }

    /// The cells of one line of CSV as Python's csv module writes it: a cell with a comma or a quote in quotes,
    /// a quote in it doubled.
    static func cells(_ line: String) -> [String] {
        var cells: [String] = [], cell = "", quoted = false, previous: Character?
        for c in line {
            if quoted {
                if c == "\"" { quoted = false } else { cell.append(c) }
            } else if c == "\"" {
                if previous == "\"" { cell.append(c) }  // a doubled quote
                quoted = true
            } else if c == "," {
                cells.append(cell)
                cell = ""
            } else {
                cell.append(c)
            }
            previous = c
        }
        return cells + [cell]
    }

    /// `nntop predict --json`'s rows: the outputs as the export's output holds them, and the predicted class's
    /// label (multiclass: "class"; binary with text labels: "label").
    static func predicted(_ model: String, rows: String, extra: [String] = []) throws -> [Row] {
        let object = try jsonObject(try runNNTop(["predict", "--model", model, "--data", rows, "--json"] + extra))
        let predictions = try #require(object["rows"] as? [[String: Any]])
        return try predictions.map { p in
            if let probabilities = p["probabilities"] as? [Any] {
                return Row(outputs: probabilities.compactMap(number), label: p["class"] as? String)
            }
            let value = try #require(number(p["probability"]) ?? number(p["value"]), "\(p)")
            return Row(outputs: [value], label: p["label"] as? String)
        }
    }

    /// Trains in a scratch directory on `data`, exports (with `export` added to the command), and expects
    /// onnxruntime and predict to agree on every row of `rows` (the data itself when nil): outputs to 1e-6, and
    /// the same labels. Returns the export's line and onnxruntime's rows.
    @discardableResult
    func expectAgreement(
        _ train: [String], data: String, rows: String? = nil, export: [String] = [], predict: [String] = [],
        labelled: Bool
    ) throws -> (String, [Row]) {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let dataPath = try scratch.file("data.csv", data)
        let model = scratch.path("model.json"), onnx = scratch.path("model.onnx")
        let trained = try runNNTop(["train", "--data", dataPath] + train + ["--save", model], timeout: 60)
        try #require(trained.status == 0, "\(trained)")
        let exported = try runNNTop(["export", "--model", model, "--onnx", onnx] + export)
        try #require(exported.status == 0, "\(exported)")
        #expect(exported.stderr.isEmpty, "\(exported)")
        let rowsPath = try rows.map { try scratch.file("rows.csv", $0) } ?? dataPath
        let fromONNX = try Self.onnxRuntime(onnx, rows: rowsPath, labelled: labelled)
        let fromPredict = try Self.predicted(model, rows: rowsPath, extra: predict)
        #expect(fromONNX.count == fromPredict.count && !fromONNX.isEmpty, "\(fromONNX.count) vs \(fromPredict.count)")
        for (k, (a, b)) in zip(fromONNX, fromPredict).enumerated() {
            #expect(a.outputs.count == b.outputs.count && !a.outputs.isEmpty, "row \(k + 1): \(a) vs \(b)")
            for (x, y) in zip(a.outputs, b.outputs) {
                #expect(abs(x - y) <= 1e-6, "row \(k + 1): onnxruntime \(a.outputs), predict \(b.outputs)")
            }
            #expect(a.label == b.label, "row \(k + 1): onnxruntime \(a), predict \(b)")
            #expect((a.label != nil) == labelled, "row \(k + 1): \(a)")
        }
        return (exported.stdout, fromONNX)
    }

    static var passengerList: String {
        get throws {
            try String(
                contentsOf: ExportCLITests.root.appendingPathComponent("examples/passengers.csv"), encoding: .utf8)
        }
    }

    static let passengerTraining = [
        "--target", "survived", "--drop", "passengerid,name,ticket,cabin", "--standardize", "--hidden", "6",
        "--activation", "tanh", "--loss", "cross-entropy", "--iterations", "3000"
    ]

    /// The passenger list: quoted names, two text columns, missing ages and ports filled with the training
    /// data's mean and most frequent value, a row index; all 891 rows agree.
    @Test func thePassengerListWithCategoriesAndMissingCells() throws {
        let data = try Self.passengerList
        #expect(data.contains(",,") || data.contains(",\n"), "the list has missing cells")
        let (line, rows) = try expectAgreement(
            Self.passengerTraining + ["--missing", "mean"], data: data, labelled: false)
        #expect(line.contains("inputs Pclass, Sex (text), Age, SibSp, Parch, Fare, Embarked (text)"), "\(line)")
        #expect(line.contains("→ output [N, 1], binary"), "\(line)")
        #expect(rows.count == 891)
    }

    /// New rows in another order, with an extra column, missing cells spelt every way, and a port the training
    /// data did not have: read as zeros when exported with --unknown zero, as predict --unknown zero does.
    @Test func newRowsWithAnUnseenCategoryReadAsZeros() throws {
        let rows = """
            Embarked,Fare,Extra,Age,Sex,Parch,SibSp,Pclass
            S,7.25,"x, y",22,male,0,1,3
            X,71.3,z,NA,female,0,1,1
            ?,8.05,,nan,male,0,0,3
            NULL,30,,,female,1,0,2
            C,"13",,N/A,female,0,0,2

            """
        let (_, out) = try expectAgreement(
            Self.passengerTraining + ["--missing", "mode"], data: try Self.passengerList, rows: rows,
            export: ["--unknown", "zero"], predict: ["--unknown", "zero"], labelled: false)
        #expect(out.count == 5)
    }

    /// Exported without --unknown zero, the graph refuses an unseen category, as predict does.
    @Test func anUnseenCategoryFailsInTheRuntimeByDefault() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let data = try scratch.file("data.csv", try Self.passengerList)
        let model = scratch.path("m.json"), onnx = scratch.path("m.onnx")
        try #require(
            try runNNTop(["train", "--data", data] + Self.passengerTraining + ["--missing", "mean", "--save", model])
                .status == 0)
        try #require(try runNNTop(["export", "--model", model, "--onnx", onnx]).status == 0)
        let rows = try scratch.file("rows.csv", "Pclass,Sex,Age,SibSp,Parch,Fare,Embarked\n1,female,30,0,0,50,X\n")
        let result = try runCaptured(
            try ExportCLITests.python(),
            [ExportCLITests.root.appendingPathComponent("scripts/onnx-run.py").path, onnx, rows], timeout: 120,
            naming: ["onnx-run.py"])
        #expect(result.status != 0, "\(result)")
        #expect(result.stderr.contains("OneHotEncoder") || result.stderr.contains("zeros"), "\(result)")
        expectOneLineFailure(
            try runNNTop(["predict", "--model", model, "--data", rows]), contains: ["category \"X\""])
    }

    /// Rows of a small table: a number, a colour and a size, and a kind that depends on them.
    static func animals(count: Int) -> String {
        let colours = ["red", "green", "blue"], sizes = ["small", "large"]
        var csv = "weight,colour,size,kind\n"
        for i in 0..<count {
            let weight = Double((i * 37) % 23) / 2
            let colour = colours[(i * 7) % 3], size = sizes[(i / 3) % 2]
            let kind = colour == "red" ? "fox" : (size == "large" ? "bear" : (weight > 6 ? "owl" : "cat"))
            csv += "\(i % 11 == 4 ? "" : String(weight)),\(colour),\(size),\(kind)\n"
        }
        return csv
    }

    /// A multiclass model with text labels: the probabilities and the label of the most probable class.
    @Test func textLabelsOfManyClassesAreTheLabelOutput() throws {
        let (line, rows) = try expectAgreement(
            ["--target", "kind", "--missing", "mean", "--hidden", "5", "--iterations", "3000"],
            data: Self.animals(count: 90), labelled: true)
        #expect(line.contains("inputs weight, colour (text), size (text) → output [N, 4], label [N, 1]"), "\(line)")
        #expect(Set(rows.compactMap(\.label)).isSubset(of: ["bear", "cat", "fox", "owl"]))
        #expect(Set(rows.compactMap(\.label)).count >= 3, "\(rows.compactMap(\.label))")
    }

    /// A binary model whose target is two texts: the probability of the second label, and the label.
    @Test func twoTextLabelsAreTheLabelOutput() throws {
        var csv = "size,colour,answer\n"
        for i in 0..<40 {
            let size = Double(i % 9), colour = ["red", "blue"][i % 2]
            csv += "\(size),\(colour),\(size > 4 || colour == "red" ? "yes" : "no")\n"
        }
        let (line, rows) = try expectAgreement(
            ["--target", "answer", "--hidden", "3", "--iterations", "3000"], data: csv, labelled: true)
        #expect(line.contains("→ output [N, 1], label [N, 1], binary"), "\(line)")
        #expect(Set(rows.compactMap(\.label)) == ["no", "yes"], "\(rows.compactMap(\.label))")
    }

    /// A regression model on a table with categories, its missing cells filled with each column's most frequent
    /// value, and its output in the target's units.
    @Test func aRegressionOverCategories() throws {
        var csv = "rooms,district,garden,price\n"
        for i in 0..<60 {
            let rooms = 1 + i % 5, district = ["north", "south", "east"][i % 3]
            let garden = i % 7 == 3 ? "NA" : (i % 2 == 0 ? "yes" : "no")
            let price = 100 + 40 * Double(rooms) + (district == "south" ? 80 : 0) + (garden == "yes" ? 25 : 0)
            csv += "\(rooms),\(district),\(garden),\(price)\n"
        }
        let (line, _) = try expectAgreement(
            [
                "--target", "price", "--task", "regression", "--missing", "mode", "--standardize", "--hidden", "4",
                "--iterations", "2000"
            ],
            data: csv, labelled: false)
        #expect(line.contains("regression"), "\(line)")
    }

    /// A model that keeps its columns by name but has no categories: the one "input" in the columns' order,
    /// a missing number filled in the graph; onnx-run.py finds the columns by name (the metadata's "columns"), in
    /// a file that has them in another order beside others, as predict does.
    @Test func numberColumnsByNameWithAFill() throws {
        var csv = "id,a,b,y\n"
        for i in 0..<40 {
            csv += "r\(i),\(i % 5 == 2 ? "NA" : String(i % 4)),\(Double(i % 7) / 3),\(i % 4 > 1 ? 1 : 0)\n"
        }
        let rows = "B,id,a\n0.5,x,1\n2,y,\n1,z,3\n"
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let data = try scratch.file("data.csv", csv)
        let model = scratch.path("m.json"), onnx = scratch.path("m.onnx")
        let trained = try runNNTop(
            ["train", "--data", data, "--columns", "a,b", "--target", "y", "--missing", "mean", "--save", model])
        try #require(trained.status == 0, "\(trained)")
        let exported = try runNNTop(["export", "--model", model, "--onnx", onnx])
        #expect(exported.stdout.contains("input [N, 2] → output [N, 1]"), "\(exported)")
        let rowsPath = try scratch.file("rows.csv", rows)
        let fromPredict = try Self.predicted(model, rows: rowsPath)
        let fromONNX = try ExportCLITests.onnxRuntime(onnx, rows: rowsPath)
        #expect(fromONNX.count == 3 && fromPredict.count == 3)
        for (a, b) in zip(fromONNX, fromPredict) {
            #expect(a.count == 1 && abs(a[0] - b.outputs[0]) <= 1e-6, "\(a) vs \(b)")
        }
    }

    /// `--json`: the path, the task, the classes, and each input and output with its type and shape.
    @Test func jsonSaysWhatWasWritten() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let data = try scratch.file("data.csv", Self.animals(count: 60))
        let model = scratch.path("m.json"), onnx = scratch.path("m.onnx")
        try #require(
            try runNNTop([
                "train", "--data", data, "--target", "kind", "--missing", "mean", "--iterations", "50", "--save", model
            ])
            .status == 0)
        let object = try jsonObject(try runNNTop(["export", "--model", model, "--onnx", onnx, "--json"]))
        #expect(object["onnx"] as? String == onnx)
        #expect(object["task"] as? String == "multiclass")
        #expect(number(object["opset"]) == 13)
        #expect(object["classes"] as? [String] == ["bear", "cat", "fox", "owl"])
        let inputs = try #require(object["inputs"] as? [[String: Any]])
        #expect(inputs.map { $0["name"] as? String } == ["weight", "colour", "size"])
        #expect(inputs.map { $0["type"] as? String } == ["double", "string", "string"])
        let outputs = try #require(object["outputs"] as? [[String: Any]])
        #expect(outputs.map { $0["name"] as? String } == ["output", "label"])
        #expect((outputs.first?["shape"] as? [Any])?.last.flatMap(number) == 4)
        #expect(FileManager.default.fileExists(atPath: onnx))
    }
}
