import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `train` and `predict` for the three tasks, the update rules and orders, and runs that end early: divergence
/// and Ctrl-C still write every output asked for.
@Suite struct TaskCLITests {
    /// Three classes labelled 3, 5 and 9, each a cluster around its own point.
    static let threeClasses: String = {
        var lines = ["a,b,kind"]
        let centres: [(Double, Double, Int)] = [(0, 0, 3), (4, 0, 5), (0, 4, 9)]
        for i in 0..<60 {
            let (x, y, label) = centres[i % 3]
            let dx = Double(i % 7) * 0.1 - 0.3, dy = Double(i % 5) * 0.1 - 0.2
            lines.append("\(x + dx),\(y + dy),\(label)")
        }
        return lines.joined(separator: "\n") + "\n"
    }()

    /// y = 3a − 2b + 100 on a grid: a regression whose targets are in the hundreds.
    static let linear: String = {
        var lines = ["a,b,y"]
        for i in 0..<50 {
            let a = Double(i % 10) / 2, b = Double(i / 10) / 2
            lines.append("\(a),\(b),\(3 * a - 2 * b + 100)")
        }
        return lines.joined(separator: "\n") + "\n"
    }()

    @Test func threeLabelledClassesTrainAsMulticlassAndPredictTheirLabels() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let data = try scratch.file("kinds.csv", Self.threeClasses)
        let result = try runNNTop([
            "train", "--data", data, "--hidden", "8", "--activation", "tanh", "--optimizer", "adam",
            "--learning-rate", "0.01", "--batch-size", "8", "--order", "shuffle", "--iterations", "3000",
            "--test-fraction", "0.3", "--json", "--save", scratch.path("m.json")
        ])
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.contains("task: multiclass (3 classes: 3, 5, 9)"), "\(result)")
        let summary = try jsonObject(result)
        #expect(summary["task"] as? String == "multiclass")
        #expect(summary["status"] as? String == "done")
        #expect(summary["optimizer"] as? String == "adam")
        #expect(summary["loss_function"] as? String == "cross-entropy")
        #expect(summary["classes"] as? [String] == ["3", "5", "9"])
        #expect((number(summary["test_accuracy"]) ?? 0) >= 0.95, "\(result)")
        #expect(abs((number(summary["epochs"]) ?? 0) - 3000.0 * 8 / 42) < 1e-9, "\(result)")
        let confusion = try #require(summary["confusion"] as? [[Int]])
        #expect(confusion.count == 3 && confusion.joined().reduce(0, +) == 18)
        let loss = try #require(number(summary["loss"])), cumulative = try #require(number(summary["final_error"]))
        #expect(abs(loss * 42 - cumulative) < 1e-9 * cumulative)

        let predicted = try runNNTop(["predict", "--model", scratch.path("m.json"), "4", "0.1"])
        #expect(predicted.stdout.hasPrefix("class 5  probability "), "\(predicted)")
        let json = try runNNTop(["predict", "--model", scratch.path("m.json"), "--json", "0", "4"])
        let row = try jsonObject(json)
        #expect(row["class"] as? String == "9")
        #expect((row["probabilities"] as? [Double])?.count == 3)
    }

    @Test func aRegressionStandardizedPredictsInTheTargetsUnits() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let data = try scratch.file("linear.csv", Self.linear)
        let result = try runNNTop([
            "train", "--data", data, "--standardize", "--learning-rate", "0.05", "--iterations", "4000",
            "--json", "--save", scratch.path("m.json")
        ])
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.contains("task: regression"), "\(result)")
        let summary = try jsonObject(result)
        #expect(summary["task"] as? String == "regression")
        #expect((number(summary["train_r2"]) ?? 0) > 0.999, "\(result)")
        #expect((number(summary["train_rmse"]) ?? 1) < 0.1, "\(result)")
        #expect(summary["train_accuracy"] == nil)
        let predicted = try runNNTop(["predict", "--model", scratch.path("m.json"), "2", "1"])
        let value = Double(predicted.stdout.split(separator: " ").last!.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(abs((value ?? 0) - 104) < 0.2, "\(predicted)")
    }

    @Test func aTaskThatDoesNotSuitTheTargetsIsOneLine() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let data = try scratch.file("kinds.csv", Self.threeClasses)
        expectOneLineFailure(
            try runNNTop(["train", "--data", data, "--task", "binary"]),
            contains: ["kinds.csv:2:3: ", "expected a target of 0 or 1", "\"3\""])
        expectOneLineFailure(
            try runNNTop(["train", "--data", data, "--task", "regression", "--loss", "cross-entropy"]),
            contains: ["--task regression trains with squared-error"])
        expectOneLineFailure(
            try runNNTop(["train", "--data", data, "--optimizer", "adam", "--beta1", "1"]),
            contains: ["--beta1 must be a number from 0 up to (not including) 1"])
    }

    @Test func batchAllIsTheWholeTrainingSet() throws {
        let result = try runNNTop(["train", "--batch-size", "all", "--iterations", "10", "--json"])
        #expect(result.status == 0, "\(result)")
        let summary = try jsonObject(result)
        #expect(number(summary["batch_size"]) == 8)
        #expect(number(summary["epochs"]) == 10)
    }

    /// A regression at a learning rate far too large: DIVERGED, yet the last finite parameters are saved, the
    /// JSON says why, and the exit status is 3.
    @Test func aDivergedRunStillWritesEverything() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let data = try scratch.file("linear.csv", Self.linear)
        let result = try runNNTop([
            "train", "--data", data, "--learning-rate", "5", "--iterations", "100000", "--json",
            "--save", scratch.path("m.json"), "--history", scratch.path("h.csv")
        ])
        #expect(result.status == 3, "\(result)")
        let summary = try #require(
            try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result)")
        #expect(summary["status"] as? String == "diverged")
        #expect((summary["divergence"] as? String)?.isEmpty == false)
        #expect(result.stderr.contains("diverged") && result.stderr.contains("saved to"), "\(result)")
        #expect(scratch.exists("h.csv"))
        let model = try SavedModel(path: scratch.path("m.json"))
        #expect(model.weights.joined().joined().allSatisfy { $0.isFinite })
    }

    /// Ctrl-C in the middle of a long run: the model so far, the history and the JSON are written, and the exit
    /// status is 128 + SIGINT.
    @Test func ctrlCStillWritesEverything() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let process = Process()
        process.executableURL = try nntopExecutable.get()
        process.arguments = [
            "train", "--dataset", "spiral", "--hidden", "8", "--iterations", "1000000000", "--json",
            "--save", scratch.path("m.json")
        ]
        let out = scratch.path("out.json")
        _ = FileManager.default.createFile(atPath: out, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: out))
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        let done = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in done.signal() }
        try process.run()
        // The run is under way (its handlers are installed first thing) before Ctrl-C.
        _ = done.wait(timeout: .now() + 1.5)
        kill(process.processIdentifier, SIGINT)
        #expect(done.wait(timeout: .now() + 10) == .success)
        #expect(process.terminationStatus == 128 + SIGINT)
        let text = try scratch.read("out.json")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(summary["status"] as? String == "interrupted")
        #expect((number(summary["iterations"]) ?? 0) > 0)
        #expect(scratch.exists("m.json"))
    }

    /// `--model` carries on: the saved network's iterations add up, and its update rule comes back.
    @Test func trainingCarriesOnFromASavedModel() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let first = try runNNTop([
            "train", "--hidden", "3", "--optimizer", "momentum", "--iterations", "500", "--save",
            scratch.path("m.json"), "--json"
        ])
        #expect(first.status == 0, "\(first)")
        let again = try runNNTop([
            "train", "--model", scratch.path("m.json"), "--iterations", "500", "--save", scratch.path("m2.json"),
            "--json"
        ])
        #expect(again.status == 0, "\(again)")
        let summary = try jsonObject(again)
        #expect(summary["optimizer"] as? String == "momentum")
        #expect(try scratch.read("m2.json").contains("\"iterations\" : 1000"))
        let before = try #require(number(try jsonObject(first)["loss"]))
        let after = try #require(number(summary["loss"]))
        #expect(after <= before * 1.05, "carried on, not started over: \(before) then \(after)")
    }
}

/// What a hostile run of the three-task work found: each a test through the real binary.
@Suite struct ModelCarryOnTests {
    @Test func theHistoryMayNotOverwriteTheModelItCarriesOnFrom() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        #expect(try runNNTop(["train", "--iterations", "10", "--save", scratch.path("m.json")]).status == 0)
        let before = try scratch.read("m.json")
        expectOneLineFailure(
            try runNNTop(["train", "--model", scratch.path("m.json"), "--history", scratch.path("m.json")]),
            contains: ["--history and --model name the same file"])
        #expect(try scratch.read("m.json") == before)
        // Saving over it is carrying on in place.
        let again = try runNNTop([
            "train", "--model", scratch.path("m.json"), "--iterations", "10", "--save", scratch.path("m.json")
        ])
        #expect(again.status == 0, "\(again)")
        #expect(try scratch.read("m.json").contains("\"iterations\" : 20"))
    }

    @Test func optionsTheModelFixesAreRefusedNotIgnored() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        #expect(try runNNTop(["train", "--iterations", "10", "--save", scratch.path("m.json")]).status == 0)
        for option in [
            ["--hidden", "4"], ["--activation", "relu"], ["--task", "regression"], ["--loss", "cross-entropy"]
        ] {
            expectOneLineFailure(
                try runNNTop(["train", "--model", scratch.path("m.json")] + option),
                contains: ["\(option[0]) cannot be used with --model"])
        }
        // The update rule, given, replaces the model's.
        let adam = try runNNTop(["train", "--model", scratch.path("m.json"), "--optimizer", "adam", "--json"])
        #expect((try jsonObject(adam))["optimizer"] as? String == "adam")
    }

    @Test func aModelsOptimizerConstantsAreChecked() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        #expect(
            try runNNTop([
                "train", "--iterations", "10", "--optimizer", "adam", "--save", scratch.path("m.json")
            ]).status == 0)
        let text = try scratch.read("m.json")
        #expect(text.contains("\"beta1\" : 0.9"))
        try scratch.file("bad.json", text.replacingOccurrences(of: "\"beta1\" : 0.9", with: "\"beta1\" : 1"))
        expectOneLineFailure(
            try runNNTop(["train", "--model", scratch.path("bad.json")]),
            contains: ["bad.json", "optimizer.beta1 should be in [0, 1)"])
        try scratch.file("notask.json", text.replacingOccurrences(of: "\"task\" : \"binary\",", with: ""))
        expectOneLineFailure(
            try runNNTop(["predict", "--model", scratch.path("notask.json"), "1", "2"]),
            contains: ["missing \"task\""])
    }
}

@Suite struct ClosedPipeTests {
    /// `nntop train --json | true`: the reader is gone before the summary is written. One line and exit 1, as for
    /// a closed stdout, not death by SIGPIPE (141).
    @Test func aReaderThatClosesThePipeGivesOneLineAndExit1() throws {
        let nntop = try nntopExecutable.get().path
        let result = try runCaptured(
            URL(fileURLWithPath: "/bin/bash"),
            ["-c", "'\(nntop)' train --iterations 20000 --json | true; echo \"status ${PIPESTATUS[0]}\""],
            timeout: 20, naming: ["train | true"])
        #expect(result.stdout.contains("status 1"), "\(result)")
        #expect(result.stderr.hasPrefix("nntop: ") && result.stderr.split(separator: "\n").count == 1, "\(result)")
    }
}

@Suite struct FeaturesCLITests {
    /// `--features x1^2,x2^2`: the tutorial's single unit separates the circle, the model keeps the features, and
    /// `predict` takes the two raw coordinates.
    @Test func squaredInputsSeparateTheCircleAndTheModelKeepsThem() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let result = try runNNTop([
            "train", "--dataset", "circle", "--features", "x1^2,x2^2", "--loss", "cross-entropy",
            "--learning-rate", "0.05", "--iterations", "5000", "--test-fraction", "0.3", "--json",
            "--save", scratch.path("m.json")
        ])
        let summary = try jsonObject(result)
        #expect(number(summary["test_accuracy"]) == 1, "\(result)")
        #expect(summary["layers"] as? [Int] == [2, 1])
        #expect(try scratch.read("m.json").contains("\"input_features\""))
        let centre = try runNNTop(["predict", "--model", scratch.path("m.json"), "0", "0"])
        #expect(centre.stdout.hasSuffix("class 1\n"), "\(centre)")
        let ring = try runNNTop(["predict", "--model", scratch.path("m.json"), "4.5", "0"])
        #expect(ring.stdout.hasSuffix("class 0\n"), "\(ring)")
        expectOneLineFailure(
            try runNNTop(["predict", "--model", scratch.path("m.json"), "1", "2", "3"]),
            contains: ["takes 2 features (x1, x2), got 3 values"])
    }

    @Test func featuresNeedTwoFeaturesAndKnownNames() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let data = try scratch.file("three.csv", "a,b,c,y\n1,2,3,0\n4,5,6,1\n")
        expectOneLineFailure(
            try runNNTop(["train", "--data", data, "--features", "x1^2"]),
            contains: ["three.csv", "has 3 features; --features makes inputs from two"])
        let bad = try runNNTop(["train", "--features", "x3"])
        #expect(bad.status == 2 && bad.stderr.contains("--features"), "\(bad)")
    }
}
