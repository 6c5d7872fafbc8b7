import Foundation
import Testing

/// `nntop train` on a CSV file whose target column holds texts: the summary names the classes by their texts, its
/// confusion matrix is headed by them, and `--json` keeps the class values in `classes` with the texts beside them
/// in `labels` — for three classes and for two.
@Suite struct TextLabelCLITests {
    /// Three species along one feature, 15 rows each: easily told apart.
    static let species: String = {
        var lines = ["x,kind"]
        for i in 0..<45 {
            let k = i % 3
            lines.append("\(Double(k * 3) + Double(i % 5) * 0.1),\(["setosa", "versicolor", "virginica"][k])")
        }
        return lines.joined(separator: "\n") + "\n"
    }()

    /// "yes" from a = 10 on, "no" below; b is noise.
    static let answers: String = {
        var lines = ["a,b,answer"]
        for i in 0..<40 { lines.append("\(i % 20),\(i * 7 % 5),\(i % 20 >= 10 ? "yes" : "no")") }
        return lines.joined(separator: "\n") + "\n"
    }()

    static let multiclass = [
        "train", "--standardize", "--hidden", "8", "--activation", "tanh", "--optimizer", "adam",
        "--learning-rate", "0.05", "--iterations", "2000"
    ]
    static let binary = [
        "train", "--standardize", "--test-fraction", "0.25", "--iterations", "3000", "--loss", "cross-entropy"
    ]

    @Test func threeTextClassesAreNamedInTheSummaryAndItsConfusionMatrix() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let data = try scratch.file("kinds.csv", Self.species)
        let result = try runNNTop(Self.multiclass + ["--data", data, "--save", scratch.path("m.json")])
        #expect(result.status == 0, "\(result)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("task              multiclass, 3 classes: setosa, versicolor, virginica"), "\(result)")
        #expect(lines.contains("train accuracy    100.0%"), "\(result)")
        let confusion = try #require(
            lines.firstIndex(
                of: "confusion         on the training data: rows the actual class, columns the predicted one"),
            "\(result)")
        #expect(
            Array(lines[(confusion + 1)...].prefix(4)) == [
                "                  actual      setosa  versicolor  virginica",
                "                  setosa          15           0          0",
                "                  versicolor       0          15          0",
                "                  virginica        0           0         15"
            ], "\(result)")

        // Training on from the saved model: the labels come from the model file.
        let again = try runNNTop([
            "train", "--data", data, "--model", scratch.path("m.json"), "--iterations", "10", "--json"
        ])
        let summary = try jsonObject(again)
        #expect(summary["labels"] as? [String] == ["setosa", "versicolor", "virginica"], "\(again)")
        #expect(summary["classes"] as? [String] == ["0", "1", "2"], "\(again)")
    }

    @Test func theJSONKeepsTheClassValuesAndAddsTheirLabels() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let data = try scratch.file("kinds.csv", Self.species)
        let summary = try jsonObject(try runNNTop(Self.multiclass + ["--data", data, "--json"]))
        // "classes" as before: each class's target value (for texts, the label's number); "labels": its text.
        #expect(summary["classes"] as? [String] == ["0", "1", "2"])
        #expect(summary["labels"] as? [String] == ["setosa", "versicolor", "virginica"])
        #expect(summary["confusion"] as? [[Int]] == [[15, 0, 0], [0, 15, 0], [0, 0, 15]])
        #expect(summary["confusion_on"] as? String == "training")
    }

    @Test func twoTextClassesAreNamedToo() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let data = try scratch.file("answers.csv", Self.answers)
        let result = try runNNTop(Self.binary + ["--data", data])
        #expect(result.status == 0, "\(result)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("task              binary, 2 classes: no, yes"), "\(result)")
        #expect(lines.contains("test accuracy     100.0%"), "\(result)")
        let confusion = try #require(
            lines.firstIndex(
                of: "confusion         on the test data: rows the actual class, columns the predicted one"),
            "\(result)")
        #expect(
            Array(lines[(confusion + 1)...].prefix(3)) == [
                "                  actual  no  yes",
                "                  no       4    0",
                "                  yes      0    6"
            ], "\(result)")

        let summary = try jsonObject(try runNNTop(Self.binary + ["--data", data, "--json"]))
        #expect(summary["task"] as? String == "binary")
        #expect(summary["classes"] as? [String] == ["0", "1"])
        #expect(summary["labels"] as? [String] == ["no", "yes"])
        #expect(summary["confusion"] as? [[Int]] == [[4, 0], [0, 6]])
        #expect(summary["confusion_on"] as? String == "test")
    }

    @Test func numberClassesKeepTheirValuesAsLabels() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let data = try scratch.file("kinds.csv", TaskCLITests.threeClasses)
        let result = try runNNTop(Self.multiclass + ["--data", data])
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("task              multiclass, 3 classes: 3, 5, 9"), "\(result)")
        #expect(lines.contains("                  actual   3   5   9"), "\(result)")
        #expect(lines.contains("                  9        0   0  20"), "\(result)")
        let summary = try jsonObject(try runNNTop(Self.multiclass + ["--data", data, "--json"]))
        #expect(summary["classes"] as? [String] == ["3", "5", "9"])
        #expect(summary["labels"] as? [String] == ["3", "5", "9"])
        // The tutorial's 0/1 targets: "binary", and a 2 × 2 matrix headed 0 and 1.
        let tutorial = try runNNTop(["train", "--iterations", "100"])
        #expect(tutorial.stdout.contains("\ntask              binary\n"), "\(tutorial)")
        #expect(tutorial.stdout.contains("\n                  actual  0  1\n"), "\(tutorial)")
    }

    @Test func labelsAreEscapedInTheTextAndWholeInTheJSON() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        // A label with an escape sequence and one with a comma and a line end inside quotes.
        var text = "a,answer\n"
        for i in 0..<20 { text += i < 10 ? "\(i),\u{1B}[31mred\n" : "\(i),\"sure,\nyes\"\n" }
        let data = try scratch.file("odd.csv", text)
        let result = try runNNTop(["train", "--data", data, "--iterations", "200"])
        #expect(result.status == 0, "\(result)")
        #expect(!result.stdout.contains("\u{1B}"), "\(result)")
        #expect(result.stdout.contains("task              binary, 2 classes: \\u{1B}[31mred, sure,\\nyes"), "\(result)")
        #expect(result.stdout.contains("                  actual         \\u{1B}[31mred  sure,\\nyes"), "\(result)")
        let summary = try jsonObject(try runNNTop(["train", "--data", data, "--iterations", "200", "--json"]))
        #expect(summary["labels"] as? [String] == ["\u{1B}[31mred", "sure,\nyes"])
    }

    @Test func manyClassesAreCountedNotDrawn() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let names = (0..<12).map { "k\($0)" }
        var text = "x,kind\n"
        for i in 0..<48 { text += "\(i % 12),\(names[i % 12])\n" }
        let data = try scratch.file("many.csv", text)
        let result = try runNNTop(["train", "--data", data, "--iterations", "100"])
        #expect(result.status == 0, "\(result)")
        #expect(
            result.stdout.contains(
                "task              multiclass, 12 classes: k0, k1, k10, k11, k2, k3, k4, k5, k6, k7, …"),
            "\(result)")
        #expect(
            result.stdout.contains(
                "confusion         12 classes, too many to draw here: see --json (on the training data)"),
            "\(result)")
        let summary = try jsonObject(try runNNTop(["train", "--data", data, "--iterations", "100", "--json"]))
        #expect((summary["confusion"] as? [[Int]])?.count == 12)
        #expect((summary["labels"] as? [String])?.first == "k0")
    }

    @Test func aTextTargetOfOneLabelIsNamedInTheRefusal() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let data = try scratch.file("one.csv", "a,answer\n1,yes\n2,yes\n")
        expectOneLineFailure(
            try runNNTop(["train", "--data", data]),
            contains: ["one.csv: ", "multiclass needs at least 2 classes, and every target is yes"])
    }
}
