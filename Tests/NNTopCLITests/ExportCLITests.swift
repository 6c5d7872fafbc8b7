import Foundation
import Testing

/// `nntop export`: models of every task, trained by the real binary, exported, and run in onnxruntime
/// (scripts/onnx-run.py) beside `nntop predict --json` on the same rows; and the command's failures.
@Suite struct ExportCLITests {
    /// The repository's root, found from this file.
    static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        return url
    }()

    static let installHint =
        ".ci/run installs python3's onnxruntime and numpy (python3 -m pip install onnxruntime numpy)"

    /// python3 on PATH.
    static func python() throws -> URL {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent("python3")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return try #require(nil as URL?, "python3 is missing; \(installHint)")
    }

    /// Each row's outputs from onnxruntime.
    static func onnxRuntime(_ model: String, rows: String) throws -> [[Double]] {
        let script = root.appendingPathComponent("scripts/onnx-run.py").path
        let result = try runCaptured(
            try python(), [script, model, rows], timeout: 120, naming: ["scripts/onnx-run.py", model, rows])
        try #require(result.status == 0, "onnxruntime did not run the model (\(installHint)): \(result)")
        return try result.stdout.split(separator: "\n").map { line in
            try line.split(separator: ",").map { try #require(Double(String($0)), "not a number: \(line)") }
        }
    }

    /// Each row's outputs from `nntop predict --json`, as the export's output holds them.
    static func predicted(_ model: String, rows: String) throws -> [[Double]] {
        let object = try jsonObject(try runNNTop(["predict", "--model", model, "--data", rows, "--json"]))
        let predictions = try #require(object["rows"] as? [[String: Any]])
        return try predictions.map { p in
            if let probabilities = p["probabilities"] as? [Any] { return probabilities.compactMap(number) }
            return [try #require(number(p["probability"]) ?? number(p["value"]), "\(p)")]
        }
    }

    /// Rows of `width` values through and beyond a data set's range, as CSV without a header.
    static func rows(width: Int, count: Int = 40) -> String {
        var csv = ""
        for k in 0..<count {
            let stretch: Double = k % 5 == 0 ? 3 : 1
            var cells: [String] = []
            for c in 0..<width {
                let angle = Double(k) * 1.3 + Double(c) * 2.1
                cells.append(String(7 * sin(angle) * stretch))
            }
            csv += cells.joined(separator: ",") + "\n"
        }
        return csv
    }

    /// The model file's JSON fields.
    static func fields(_ path: String) throws -> [String: Any] {
        try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
    }

    /// Trains with `train` in a scratch directory, exports, and expects onnxruntime and predict to agree to
    /// 1e-6 on every row and output; returns the model file's fields.
    @discardableResult
    func expectAgreement(
        _ train: [String], data: String? = nil, width: Int, outputs: Int
    ) throws -> [String: Any] {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        if let data { try scratch.file("data.csv", data) }
        let model = scratch.path("model.json"), onnx = scratch.path("model.onnx")
        let trained = try runNNTop(["train"] + train + ["--save", model], in: scratch.url, timeout: 60)
        try #require(trained.status == 0, "\(trained)")
        let exported = try runNNTop(["export", "--model", model, "--onnx", onnx])
        try #require(exported.status == 0, "\(exported)")
        #expect(exported.stderr.isEmpty, "\(exported)")
        #expect(exported.stdout.contains("output [N, \(outputs)]"), "\(exported)")
        let rows = try scratch.file("rows.csv", Self.rows(width: width))
        let fromONNX = try Self.onnxRuntime(onnx, rows: rows)
        let fromPredict = try Self.predicted(model, rows: rows)
        #expect(fromONNX.count == 40)
        #expect(fromPredict.count == 40)
        var largest = 0.0
        for (k, (a, b)) in zip(fromONNX, fromPredict).enumerated() {
            #expect(a.count == outputs && b.count == outputs, "row \(k + 1): \(a) vs \(b)")
            for (x, y) in zip(a, b) {
                largest = max(largest, abs(x - y))
                #expect(abs(x - y) <= 1e-6, "row \(k + 1): onnxruntime \(a), predict \(b)")
            }
        }
        #expect(largest <= 1e-6)
        return try Self.fields(model)
    }

    @Test func binary() throws {
        let model = try expectAgreement(
            [
                "--data", "data.csv", "--hidden", "4", "--activation", "tanh", "--loss", "cross-entropy",
                "--learning-rate", "0.3", "--iterations", "3000"
            ],
            data: Fixtures.xor, width: 2, outputs: 1)
        #expect(model["task"] as? String == "binary")
    }

    @Test func multiclass() throws {
        var csv = "a,b,kind\n"
        for k in 0..<60 {
            let (x, y) = (sin(Double(k)) * 4, cos(Double(k) * 0.7) * 4)
            csv += "\(x),\(y),\(x > 1 ? 9 : (y > 0 ? 4 : 1))\n"
        }
        let model = try expectAgreement(
            ["--data", "data.csv", "--hidden", "5", "--activation", "relu", "--iterations", "2000"],
            data: csv, width: 2, outputs: 3)
        #expect(model["task"] as? String == "multiclass")
        #expect((model["classes"] as? [Any])?.compactMap(number) == [1, 4, 9])
    }

    @Test func regressionInTheTargetsUnits() throws {
        var csv = "a,b,c,y\n"
        for k in 0..<50 {
            let (a, b, c) = (Double(k % 7), sin(Double(k)) * 3, Double(k) / 10)
            csv += "\(a),\(b),\(c),\(120 + 3.5 * a - 8 * b + c * c)\n"
        }
        let model = try expectAgreement(
            ["--data", "data.csv", "--standardize", "--hidden", "3", "--activation", "sigmoid", "--iterations", "2000"],
            data: csv, width: 3, outputs: 1)
        #expect(model["task"] as? String == "regression")
        #expect(model["target_standardization"] is [String: Any])
        #expect(model["standardization"] is [String: Any])
    }

    @Test func derivedFeaturesAndStandardization() throws {
        let model = try expectAgreement(
            [
                "--dataset", "circle", "--samples", "100", "--features", "x1,x2,x1^2,x2^2,x1*x2,sin(x1),sin(x2)",
                "--standardize", "--hidden", "3,2", "--activation", "relu", "--iterations", "2000"
            ],
            width: 2, outputs: 1)
        #expect((model["input_features"] as? [Any])?.count == 7)
        #expect(model["standardization"] is [String: Any])
    }

    @Test func linearHiddenLayerAndSomeFeatures() throws {
        try expectAgreement(
            [
                "--dataset", "xor", "--samples", "60", "--features", "x1*x2,sin(x2)", "--hidden", "2",
                "--activation", "linear", "--iterations", "1000"
            ],
            width: 2, outputs: 1)
    }

    // MARK: failures: one line on stderr, exit status 2, no file written

    func expectFailure(_ args: [String], contains fragments: [String], absent: String) throws {
        let result = try runNNTop(["export"] + args)
        expectOneLineFailure(result, contains: fragments)
        #expect(!FileManager.default.fileExists(atPath: absent), "\(absent) was written")
    }

    @Test func aMissingModelFile() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let onnx = scratch.path("out.onnx")
        try expectFailure(["--model", scratch.path("none.json"), "--onnx", onnx], contains: ["none.json"], absent: onnx)
    }

    @Test func aFileThatIsNotAModel() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let model = try scratch.file("bad.json", "{\"format\": \"something else\"}")
        let onnx = scratch.path("out.onnx")
        try expectFailure(
            ["--model", model, "--onnx", onnx], contains: ["bad.json", "not an nntop model"], absent: onnx)
    }

    @Test func anOutputThatCannotBeWritten() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let model = scratch.path("model.json")
        try #require(try runNNTop(["train", "--iterations", "10", "--save", model]).status == 0)
        let onnx = scratch.path("no-such-directory/out.onnx")
        try expectFailure(["--model", model, "--onnx", onnx], contains: ["no-such-directory/out.onnx"], absent: onnx)
        // The model itself is not overwritten.
        let before = try scratch.read("model.json")
        let result = try runNNTop(["export", "--model", model, "--onnx", scratch.url.path + "/./model.json"])
        expectOneLineFailure(result, contains: ["--onnx and --model", "same file"])
        #expect(try scratch.read("model.json") == before)
    }

    @Test func missingOptions() throws {
        expectOneLineFailure(try runNNTop(["export", "--model", "m.json"]), contains: ["--onnx"])
        expectOneLineFailure(try runNNTop(["export", "--onnx", "m.onnx"]), contains: ["--model"])
        expectOneLineFailure(try runNNTop(["export", "--model", "", "--onnx", "m.onnx"]), contains: ["--model"])
    }

    @Test func help() throws {
        let result = try runNNTop(["export", "--help"])
        #expect(result.status == 0, "\(result)")
        for fragment in ["--model", "--onnx", "opset 13", "[N, F]"] {
            #expect(result.stdout.contains(fragment), "\(result)")
        }
        #expect(try runNNTop(["--help"]).stdout.contains("export"))
    }
}
