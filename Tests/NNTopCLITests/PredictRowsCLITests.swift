import Foundation
import Testing

/// `nntop predict` on many rows — a CSV file or standard input — written as CSV or JSON lines for other
/// programs, and inputs after `--`.
@Suite struct PredictRowsCLITests {
    static let unit = ["predict", "--weights", "1.45,-0.66", "--bias", "0"]

    func sigmoid(_ z: Double) -> Double { 1 / (1 + exp(-z)) }

    @Test func csvFromAFileHasAHeaderAndARowEach() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let path = try scratch.file("tutorial.csv", "x,y,label\n" + Fixtures.tutorial)
        let result = try runNNTop(Self.unit + ["--data", path, "--format", "csv"])
        #expect(result.status == 0, "\(result)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let rows = Fixtures.rows(Fixtures.tutorial)
        #expect(lines.first == "row,probability,class,target,correct", "\(result)")
        #expect(lines.count == rows.count + 1, "\(result)")
        var right = 0
        for (k, row) in rows.enumerated() where k + 1 < lines.count {
            let cells = lines[k + 1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let p = sigmoid(1.45 * row[0] - 0.66 * row[1])
            #expect(cells.count == 5, "\(lines[k + 1])")
            #expect(cells[0] == "\(k + 1)")
            #expect(abs((Double(cells[1]) ?? .nan) - p) < 1e-15, "\(cells[1]) against \(p)")
            #expect(cells[2] == (p >= 0.5 ? "1" : "0"))
            #expect(cells[3] == "\(Int(row[2]))")
            let correct = (p >= 0.5 ? 1.0 : 0.0) == row[2]
            if correct { right += 1 }
            #expect(cells[4] == (correct ? "true" : "false"))
        }
        // The accuracy goes to stderr, so stdout is only the table.
        #expect(
            result.stderr == "nntop: accuracy \(String(format: "%.1f", Double(right) / 8 * 100))% (\(right) of 8)\n")
    }

    @Test func jsonLinesFromStandardInput() throws {
        let input = "a,b\n1.66,1.56\n-1,2\n\n3,0\n"
        let result = try runNNTop(Self.unit + ["--data", "-", "--format", "jsonl"], stdin: input)
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.isEmpty, "no targets, no accuracy: \(result)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 3, "\(result)")
        let inputs = [(1.66, 1.56), (-1.0, 2.0), (3.0, 0.0)]
        for (k, line) in lines.enumerated() {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(number(object["row"]) == Double(k + 1))
            let p = sigmoid(1.45 * inputs[k].0 - 0.66 * inputs[k].1)
            #expect(abs((number(object["probability"]) ?? .nan) - p) < 1e-15)
        }
        // The same rows as one JSON object, and as text.
        let whole = try jsonObject(try runNNTop(Self.unit + ["--data", "-", "--json"], stdin: input))
        #expect((whole["rows"] as? [Any])?.count == 3)
        let text = try runNNTop(Self.unit + ["--data", "-"], stdin: input)
        #expect(text.stdout.hasPrefix("1\tprobability 0.7985731\tclass 1\n"), "\(text)")
    }

    @Test func manyRowsStream() throws {
        var input = "a,b\n"
        for i in 0..<20_000 { input += "\(Double(i % 97) / 10),\(Double(i % 89) / -10)\n" }
        let result = try runNNTop(Self.unit + ["--data", "-", "--format", "csv"], stdin: input)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 20_001)
        #expect(lines.last?.hasPrefix("20000,") == true)
    }

    @Test func aMulticlassModelsCSVHasAProbabilityPerClass() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        var csv = "u,v,kind\n"
        for i in 0..<30 { csv += "\(i % 3),\(Double(i % 5) / 5),\(i % 3)\n" }
        let data = try scratch.file("three.csv", csv)
        let model = scratch.path("m.json")
        let trained = try runNNTop([
            "train", "--data", data, "--hidden", "4", "--iterations", "200", "--save", model
        ])
        #expect(trained.status == 0, "\(trained)")
        let result = try runNNTop(["predict", "--model", model, "--data", data, "--format", "csv"])
        #expect(result.status == 0, "\(result)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "row,class,probability,p_0,p_1,p_2,target,correct", "\(result)")
        #expect(lines.count == 31)
        for line in lines.dropFirst() {
            let cells = line.split(separator: ",").map(String.init)
            let p = cells[3...5].compactMap(Double.init)
            #expect(p.count == 3 && abs(p.reduce(0, +) - 1) < 1e-12, "\(line)")
            #expect(Double(cells[2]) == p.max(), "\(line)")
        }
        #expect(result.stderr.hasPrefix("nntop: accuracy "), "\(result)")
    }

    @Test func aRegressionModelsCSVHasValueAndError() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        var csv = "x,y\n"
        for i in 0..<25 { csv += "\(Double(i) / 10),\(Double(i) * 0.37 + 0.125)\n" }
        let data = try scratch.file("line.csv", csv)
        let model = scratch.path("m.json")
        #expect(
            try runNNTop(["train", "--data", data, "--task", "regression", "--iterations", "50", "--save", model])
                .status == 0)
        let result = try runNNTop(["predict", "--model", model, "--data", data, "--format", "csv"])
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "row,value,target,error", "\(result)")
        #expect(result.stderr.contains("RMSE") && result.stderr.contains("(over 25 rows)"), "\(result)")
        let one = try runNNTop(["predict", "--model", model, "--data", "-"], stdin: "x,y\n1,0.5\n")
        #expect(one.stdout.contains("(over 1 row)\n"), "\(one)")
    }

    @Test func negativeInputsAfterADoubleDash() throws {
        let result = try runNNTop(Self.unit + ["--json", "--", "-1.5", "2"])
        let object = try jsonObject(result)
        #expect(abs((number(object["probability"]) ?? .nan) - sigmoid(1.45 * -1.5 - 0.66 * 2)) < 1e-15)
        let csv = try runNNTop(Self.unit + ["--format", "csv", "--", "-1.5", "-2"])
        #expect(csv.stdout.hasPrefix("row,probability,class\n1,"), "\(csv)")
        // Without it, too.
        #expect(try runNNTop(Self.unit + ["--json", "-1.5", "2"]).stdout == result.stdout)
    }

    @Test func standardInputErrorsNameIt() throws {
        expectOneLineFailure(
            try runNNTop(Self.unit + ["--data", "-"], stdin: "a,b\n1,x\n"),
            contains: ["standard input:2:2: ", "expected a number"])
        expectOneLineFailure(
            try runNNTop(Self.unit + ["--data", "-"], stdin: "1,2,3,4\n"),
            contains: ["standard input: has 4 features", "--weights takes 2 features (x1, x2)"])
    }

    @Test func formatAndJSONMustAgree() throws {
        expectOneLineFailure(
            try runNNTop(Self.unit + ["--json", "--format", "csv", "1", "2"]),
            contains: ["--json and --format csv disagree", "see 'nntop help predict'"])
        expectOneLineFailure(
            try runNNTop(Self.unit + ["--format", "xml", "1", "2"]), contains: ["xml", "see 'nntop help predict'"])
        #expect(try runNNTop(Self.unit + ["--json", "--format", "json", "1", "2"]).status == 0)
    }
}
