import Foundation
import Testing

/// `nntop predict`: the tutorial's figures, JSON output, whole CSV files, and model files that cannot be used.
@Suite struct PredictCLITests {
    static let tutorialUnit = ["predict", "--weights", "1.45,-0.66", "--bias", "0"]

    func sigmoid(_ z: Double) -> Double { 1 / (1 + exp(-z)) }

    @Test func tutorialFigure() throws {
        let result = try runNNTop(Self.tutorialUnit + ["1.66", "1.56"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.isEmpty, "\(result)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 1, "\(result)")
        #expect(result.stdout.contains("probability 0.7985731"), "\(result)")
        #expect(result.stdout.contains("class 1"), "\(result)")
    }

    @Test func tutorialFigureAsJSON() throws {
        let object = try jsonObject(try runNNTop(Self.tutorialUnit + ["--json", "1.66", "1.56"]))
        let p = try #require(number(object["probability"]))
        #expect(abs(p - 0.7985731) < 5e-8)
        #expect(abs(p - sigmoid(1.45 * 1.66 - 0.66 * 1.56)) < 1e-15)
        #expect(number(object["class"]) == 1)
    }

    @Test func classZeroAndNegativeValues() throws {
        let object = try jsonObject(
            try runNNTop(["predict", "--weights", "1.45,-0.66", "--bias", "-0.5", "--json", "-1", "2"]))
        let p = try #require(number(object["probability"]))
        #expect(abs(p - sigmoid(-1.45 - 1.32 - 0.5)) < 1e-15)
        #expect(number(object["class"]) == 0)
    }

    @Test func dataFileWithTargetsPrintsOneLinePerRowAndAccuracy() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let path = try scratch.file("tutorial.csv", Fixtures.tutorial)
        let result = try runNNTop(Self.tutorialUnit + ["--data", path])
        #expect(result.status == 0, "\(result)")
        let rows = Fixtures.rows(Fixtures.tutorial)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == rows.count + 1, "\(result)")
        var right = 0
        for (k, row) in rows.enumerated() where k < lines.count {
            let p = sigmoid(1.45 * row[0] - 0.66 * row[1])
            let c = p >= 0.5 ? 1 : 0
            if Double(c) == row[2] { right += 1 }
            #expect(lines[k].hasPrefix("\(k + 1)\t"), "\(lines[k])")
            #expect(lines[k].contains("probability \(String(format: "%.7g", p))"), "\(lines[k])")
            #expect(lines[k].contains("class \(c)"), "\(lines[k])")
            #expect(lines[k].contains("target \(Int(row[2]))"), "\(lines[k])")
        }
        let percent = String(format: "%.1f%%", Double(right) / Double(rows.count) * 100)
        #expect(lines.last == "accuracy \(percent) (\(right) of \(rows.count))", "\(result)")
    }

    @Test func dataFileAsJSON() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let path = try scratch.file(
            "tutorial.csv", "x,y,label\r\n" + Fixtures.tutorial.replacingOccurrences(of: "\n", with: "\r\n") + "\r\n")
        let object = try jsonObject(try runNNTop(Self.tutorialUnit + ["--json", "--data", path]))
        let rows = Fixtures.rows(Fixtures.tutorial)
        let out = try #require(object["rows"] as? [[String: Any]])
        #expect(out.count == rows.count)
        var right = 0
        for (row, printed) in zip(rows, out) {
            let p = sigmoid(1.45 * row[0] - 0.66 * row[1])
            #expect(abs((number(printed["probability"]) ?? .nan) - p) < 1e-15)
            #expect(number(printed["class"]) == (p >= 0.5 ? 1 : 0))
            #expect(number(printed["target"]) == row[2])
            if (p >= 0.5 ? 1.0 : 0.0) == row[2] { right += 1 }
        }
        #expect(number(object["accuracy"]) == Double(right) / Double(rows.count))
    }

    @Test func dataFileWithoutTargetsHasNoAccuracy() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let path = try scratch.file("points.csv", "a,b\n1.66,1.56\n\n2,1.5\n-3,0\n")
        let result = try runNNTop(Self.tutorialUnit + ["--data", path])
        #expect(result.status == 0, "\(result)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 3, "\(result)")
        #expect(lines.first?.contains("0.7985731") == true, "\(result)")
        #expect(!result.stdout.contains("accuracy"), "\(result)")
        #expect(!result.stdout.contains("target"), "\(result)")
        let object = try jsonObject(try runNNTop(Self.tutorialUnit + ["--json", "--data", path]))
        #expect((object["rows"] as? [Any])?.count == 3)
        #expect(object["accuracy"] is NSNull)
    }

    // MARK: Model files that cannot be used

    /// A valid hand-written 2-input, one-hidden-unit tanh model, edited by `change`.
    func modelText(
        version: Int = 1, format: String = "nntop-model", weights: String = "[[[0.5, -0.25]], [[2.0]]]",
        biases: String = "[[0.1], [-0.3]]"
    ) -> String {
        """
        {"format": "\(format)", "version": \(version), "inputs": 2, "hidden": [1], "activation": "tanh",
         "loss": "squared-error", "feature_names": ["a", "b"], "weights": \(weights), "biases": \(biases),
         "iterations": 10}
        """
    }

    @Test func handWrittenModelPredictsItsNumbers() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let path = try scratch.file("model.json", modelText())
        let object = try jsonObject(try runNNTop(["predict", "--model", path, "--json", "1", "2"]))
        let expected = sigmoid(2.0 * tanh(0.5 * 1 - 0.25 * 2 + 0.1) - 0.3)
        #expect(abs((number(object["probability"]) ?? .nan) - expected) < 1e-15)
    }

    @Test func missingModel() throws {
        let path = "/nonexistent-\(UUID().uuidString)/model.json"
        expectOneLineFailure(try runNNTop(["predict", "--model", path, "1", "2"]), contains: ["\(path): no such file"])
    }

    @Test func emptyPathsAreNamed() throws {
        expectOneCleanLine(try runNNTop(["predict", "--model", "", "1", "2"]), contains: ["--model is an empty path"])
        expectOneCleanLine(
            try runNNTop(["predict", "--weights", "1,2", "--bias", "0", "--data", ""]),
            contains: ["--data is an empty path"])
    }

    /// An input that is not a number is quoted with its control characters escaped and cut short.
    @Test func badInputIsEscapedInTheMessage() throws {
        let result = try runNNTop([
            "predict", "--weights", "1,2", "--bias", "0", "1", "2\u{1B}[2J" + String(repeating: "9", count: 100)
        ])
        expectOneCleanLine(result, contains: ["input 2", "\"2\\u{1B}[2J9", "9…\""])
    }

    @Test(arguments: [
        ("garbage", "not an nntop model"),
        ("", "empty"),
        ("[1, 2, 3]", "not an nntop model"),
        ("{\"format\": \"something-else\", \"version\": 1}", "not an nntop model")
    ])
    func notAModel(text: String, reason: String) throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let path = try scratch.file("model.json", text)
        expectOneLineFailure(try runNNTop(["predict", "--model", path, "1", "2"]), contains: ["\(path):", reason])
    }

    @Test func truncatedModel() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let text = modelText()
        let path = try scratch.file("model.json", String(text.prefix(text.count / 2)))
        expectOneLineFailure(
            try runNNTop(["predict", "--model", path, "1", "2"]), contains: ["\(path):", "not valid JSON", "ends"])
    }

    @Test func modelFromAnotherVersion() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let path = try scratch.file("model.json", modelText(version: 4))
        expectOneLineFailure(
            try runNNTop(["predict", "--model", path, "1", "2"]),
            contains: ["\(path): ", "version 4", "versions 1 to 3"])
        // Version 1 (binary, before tasks) still loads.
        let old = try scratch.file("old.json", modelText(version: 1))
        let result = try runNNTop(["predict", "--model", old, "1", "2"])
        #expect(result.status == 0 && result.stdout.hasPrefix("probability "), "\(result)")
    }

    @Test(arguments: [
        ("[[[0.5]], [[2.0]]]", "[[0.1], [-0.3]]"),  // first layer has 1 input, not 2
        ("[[[0.5, -0.25]], [[2.0, 1.0]]]", "[[0.1], [-0.3]]"),  // output row too wide
        ("[[[0.5, -0.25]]]", "[[0.1]]"),  // missing output layer
        ("[[[0.5, \"x\"]], [[2.0]]]", "[[0.1], [-0.3]]"),  // not a number
        ("[[[0.5, -0.25]], [[2.0]]]", "[[0.1, 0.2], [-0.3]]")  // biases do not match
    ])
    func corruptModel(weights: String, biases: String) throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let path = try scratch.file("model.json", modelText(weights: weights, biases: biases))
        expectOneLineFailure(try runNNTop(["predict", "--model", path, "1", "2"]), contains: ["\(path): ", "corrupt"])
    }

    @Test func inputWidthDoesNotMatchTheModel() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let model = try scratch.file("model.json", modelText())
        expectOneLineFailure(
            try runNNTop(["predict", "--model", model, "1", "2", "3"]),
            contains: ["model.json", "takes 2 features (a, b), got 3 values"])
        expectOneLineFailure(
            try runNNTop(["predict", "--model", model, "1"]), contains: ["2 features (a, b)", "got 1 value"])
        let wide = try scratch.file("wide.csv", "1,2,3,4\n5,6,7,8\n")
        expectOneLineFailure(
            try runNNTop(["predict", "--model", model, "--data", wide]),
            contains: ["\(wide): ", "has 4 features (x1, x2, x3, x4; no target column)", "takes 2 features (a, b)"])
        let labelled = try scratch.file("labelled.csv", "p,q,r,label\n1,2,3,0\n")
        expectOneLineFailure(
            try runNNTop(["predict", "--model", model, "--data", labelled, "--target", "label"]),
            contains: ["has 3 features (p, q, r; besides the target column)", "takes 2 features (a, b)"])
        let narrow = try scratch.file("narrow.csv", "1\n2\n")
        expectOneLineFailure(
            try runNNTop(["predict", "--model", model, "--data", narrow]),
            contains: ["\(narrow): ", "2"])
    }
}
