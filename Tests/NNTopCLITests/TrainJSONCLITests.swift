import Foundation
import Testing

/// `nntop train --json`: the whole configuration of the run, enough to repeat it, and valid JSON whatever the
/// names of the files and features are.
@Suite struct TrainJSONCLITests {
    static let configurationKeys = [
        "data", "dataset", "samples", "noise", "data_seed", "test_data", "test_fraction", "target", "features",
        "standardize", "model", "task", "hidden", "activation", "loss", "optimizer", "order", "learning_rate",
        "batch_size", "full_batch", "regularization", "regularization_rate", "seed", "iterations", "save", "history"
    ]

    /// The command line a configuration says, option by option.
    static func arguments(from c: [String: Any]) throws -> [String] {
        var args = ["train"]
        func add(_ option: String, _ value: Any?) {
            guard let value, !(value is NSNull) else { return }
            if let list = value as? [Any] {
                args += [option, list.map { "\($0)" }.joined(separator: ",")]
            } else {
                args += [option, "\(value)"]
            }
        }
        for (key, option) in [
            ("data", "--data"), ("dataset", "--dataset"), ("samples", "--samples"), ("noise", "--noise"),
            ("data_seed", "--data-seed"), ("test_data", "--test-data"), ("test_fraction", "--test-fraction"),
            ("target", "--target"), ("features", "--features"),
            ("task", "--task"), ("activation", "--activation"), ("loss", "--loss"), ("order", "--order"),
            ("learning_rate", "--learning-rate"), ("regularization", "--regularization"),
            ("regularization_rate", "--regularization-rate"), ("seed", "--seed"), ("iterations", "--iterations")
        ] {
            add(option, c[key])
        }
        if c["standardize"] as? Bool == true { args.append("--standardize") }
        let hidden = try #require(c["hidden"] as? [Int])
        args += ["--hidden", hidden.isEmpty ? "none" : hidden.map(String.init).joined(separator: ",")]
        args += ["--batch-size", (c["full_batch"] as? Bool) == true ? "all" : "\(try #require(c["batch_size"]))"]
        let optimizer = try #require(c["optimizer"] as? [String: Any])
        args += ["--optimizer", try #require(optimizer["kind"] as? String)]
        for (key, option) in [
            ("momentum", "--momentum"), ("beta1", "--beta1"), ("beta2", "--beta2"), ("epsilon", "--epsilon"),
            ("rms_decay", "--rms-decay")
        ] {
            args += [option, "\(try #require(number(optimizer[key])))"]
        }
        return args + ["--json"]
    }

    /// A run with every option away from its default, and the run its configuration describes, are one run.
    @Test func theConfigurationRepeatsTheRun() throws {
        let first = try jsonObject(
            try runNNTop([
                "train", "--dataset", "circle", "--samples", "60", "--noise", "0.1", "--data-seed", "3",
                "--test-fraction", "0.25", "--features", "x1,x2,x1^2", "--standardize", "--hidden", "3",
                "--activation", "tanh", "--task", "binary", "--loss", "cross-entropy", "--optimizer", "adam",
                "--beta1", "0.8", "--beta2", "0.99", "--epsilon", "1e-7", "--learning-rate", "0.05",
                "--batch-size", "4", "--order", "shuffle", "--regularization", "l2", "--regularization-rate",
                "0.001", "--seed", "18446744073709551615", "--iterations", "300", "--json"
            ]))
        let configuration = try #require(first["configuration"] as? [String: Any], "\(first)")
        #expect(Set(configuration.keys) == Set(Self.configurationKeys), "\(configuration.keys.sorted())")
        #expect(configuration["dataset"] as? String == "circle")
        #expect(number(configuration["samples"]) == 60)
        #expect(number(configuration["noise"]) == 0.1)
        #expect(configuration["features"] as? [String] == ["x1", "x2", "x1^2"])
        #expect(configuration["hidden"] as? [Int] == [3])
        #expect((configuration["optimizer"] as? [String: Any])?["kind"] as? String == "adam")
        #expect(number((configuration["optimizer"] as? [String: Any])?["beta1"]) == 0.8)
        #expect(number(configuration["batch_size"]) == 4)
        #expect(number(configuration["iterations"]) == 300)
        // The largest seed, written exactly (not wrapped to a negative number).
        #expect(
            try runNNTop(["train", "--seed", "18446744073709551615", "--iterations", "10", "--json"]).stdout
                .contains("\"seed\":18446744073709551615"))
        let again = try jsonObject(try runNNTop(try Self.arguments(from: configuration)))
        #expect(try #require(matrix(again["weights"])) == (try #require(matrix(first["weights"]))))
        #expect(number(again["test_accuracy"]) == number(first["test_accuracy"]))
        #expect(again["configuration"] as? NSDictionary == configuration as NSDictionary)
    }

    @Test func aCSVRunsConfigurationNamesItsFiles() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let data = try scratch.file("xor.csv", Fixtures.xor)
        let test = try scratch.file("test.csv", Fixtures.xor)
        let object = try jsonObject(
            try runNNTop([
                "train", "--data", data, "--test-data", test, "--target", "y", "--batch-size", "all",
                "--iterations", "20", "--save", scratch.path("m.json"), "--history", scratch.path("h.csv"), "--json"
            ]))
        let c = try #require(object["configuration"] as? [String: Any])
        #expect(c["data"] as? String == data && c["test_data"] as? String == test && c["target"] as? String == "y")
        #expect(c["dataset"] is NSNull && c["samples"] is NSNull && c["noise"] is NSNull)
        #expect(c["save"] as? String == scratch.path("m.json") && c["history"] as? String == scratch.path("h.csv"))
        #expect(c["full_batch"] as? Bool == true && number(c["batch_size"]) == 4)
        #expect(object["feature_names"] as? [String] == ["a", "b"])
        // Carried on from a model: its shape is the configuration's.
        let more = try jsonObject(
            try runNNTop(["train", "--data", data, "--model", scratch.path("m.json"), "--iterations", "5", "--json"]))
        let m = try #require(more["configuration"] as? [String: Any])
        #expect(m["model"] as? String == scratch.path("m.json") && m["hidden"] as? [Int] == [])
    }

    /// File and feature names with quotes, backslashes, control characters, line breaks and non-ASCII text:
    /// every `--json` and `--format jsonl` output still parses, and gives the names back exactly.
    @Test func hostileNamesStayValidJSON() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let hostile = "we\"ird \\ na\u{1}me\n\t☃ <script> {\"x\":1} \u{7F}\u{2028}.csv"
        let names = ["c\\d", "é☃\u{1}z", "{}[]:", "</b>"]
        let data = try scratch.file(hostile, names.joined(separator: ",") + ",y\n0,0,0,0,0\n1,1,1,1,1\n1,0,1,0,1\n")
        let train = try runNNTop([
            "train", "--data", data, "--iterations", "50", "--json", "--save", scratch.path("m.json")
        ])
        let object = try jsonObject(train)
        #expect(object["dataset"] as? String == data, "\(train)")
        #expect((object["configuration"] as? [String: Any])?["data"] as? String == data)
        #expect(object["feature_names"] as? [String] == names, "\(String(describing: object["feature_names"]))")
        #expect(train.stdout.split(separator: "\n").count == 1, "one line: \(train)")

        let rows = "0,0,0,0\n1,1,1,1\n"
        let single = try runNNTop(["predict", "--model", scratch.path("m.json"), "--json", "1", "1", "1", "1"])
        _ = try jsonObject(single)
        let all = try runNNTop(["predict", "--model", scratch.path("m.json"), "--data", "-", "--json"], stdin: rows)
        #expect(((try jsonObject(all))["rows"] as? [Any])?.count == 2, "\(all)")
        let lines = try runNNTop(
            ["predict", "--model", scratch.path("m.json"), "--data", "-", "--format", "jsonl"], stdin: rows)
        #expect(lines.status == 0, "\(lines)")
        for line in lines.stdout.split(separator: "\n") {
            _ = try JSONSerialization.jsonObject(with: Data(line.utf8))
        }
    }
}
