import Foundation
import Testing

/// Invalid options are rejected with one clear line and exit status 2 before anything runs: no training, no
/// files written.
@Suite struct OptionErrorCLITests {
    static let cases: [(args: [String], mentions: String)] = [
        (["--learning-rate", "-1"], "--learning-rate"),
        (["--learning-rate=-0.5"], "--learning-rate"),
        (["--learning-rate", "0"], "--learning-rate"),
        (["--learning-rate", "nan"], "--learning-rate"),
        (["--iterations", "0"], "--iterations"),
        (["--iterations", "-5"], "--iterations"),
        (["--hidden", "0"], "--hidden"),
        (["--hidden", "4,0"], "--hidden"),
        (["--hidden", "-3"], "--hidden"),
        (["--activation", "softmax"], "--activation"),
        (["--loss", "hinge"], "--loss"),
        (["--batch-size", "0"], "--batch-size"),
        (["--frobnicate", "3"], "--frobnicate"),
        (["--dataset", "xor"], "--data"),  // --data is given too
        (["--samples", "50"], "--dataset"),  // no built-in dataset to sample
        (["--noise", "0.1"], "--dataset"),
        (["--test-fraction", "1"], "--test-fraction"),
        (["--test-fraction", "-0.1"], "--test-fraction"),
        (["--test-fraction", "nan"], "--test-fraction"),
        (["--test-fraction", "0.5", "--test-data", "held-out.csv"], "--test-data"),
        (["--regularization", "l3"], "--regularization"),
        (["--regularization", "l2", "--regularization-rate", "-1"], "--regularization-rate"),
        (["--regularization", "l2", "--regularization-rate", "inf"], "--regularization-rate"),
        (["--regularization-rate", "0.1"], "--regularization l1 or l2")
    ]

    @Test(arguments: cases)
    func rejectedBeforeAnythingRuns(args: [String], mentions: String) throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let data = try scratch.file("xor.csv", Fixtures.xor)
        // A huge iteration count (unless the case sets its own) so that training before validating would time out.
        let iterations = args.contains("--iterations") ? [] : ["--iterations", "2000000000"]
        let result = try runNNTop(
            [
                "train", "--data", data, "--save", scratch.path("model.json"),
                "--history", scratch.path("history.csv")
            ] + iterations + args, timeout: 10)
        expectOneLineFailure(result, contains: [mentions])
        #expect(!scratch.exists("model.json"), "--save file was created despite invalid options")
        #expect(!scratch.exists("history.csv"), "--history file was created despite invalid options")
        let left = try FileManager.default.contentsOfDirectory(atPath: scratch.url.path)
        #expect(left == ["xor.csv"])
    }

    @Test func learningRateMessageSaysWhatIsAllowed() throws {
        let result = try runNNTop(["train", "--learning-rate", "-1"])
        expectOneLineFailure(result, contains: ["--learning-rate", "-1"])
        let zero = try runNNTop(["train", "--iterations", "0"])
        expectOneLineFailure(zero, contains: ["--iterations", "at least 1"])
    }

    @Test func unknownActivationListsTheChoices() throws {
        let result = try runNNTop(["train", "--activation", "softmax"])
        expectOneLineFailure(result, contains: ["softmax", "relu", "tanh", "sigmoid", "linear"])
    }

    /// Built-in dataset options, without `--data`.
    static let datasetCases: [(args: [String], mentions: [String])] = [
        (["--dataset", "moons"], ["moons", "tutorial", "xor", "circle", "gaussian", "spiral"]),
        (["--dataset", "xor", "--samples", "0"], ["--samples", "from 1 to", "got 0"]),
        (["--dataset", "xor", "--samples", "2000000"], ["--samples", "1000000"]),
        (["--dataset", "xor", "--samples", "many"], ["--samples", "many"]),
        (["--dataset", "circle", "--noise", "0.6"], ["--noise", "0 to 0.5", "0.6"]),
        (["--dataset", "circle", "--noise", "-0.1"], ["--noise", "0 to 0.5"]),
        (["--dataset", "circle", "--noise", "nan"], ["--noise", "0 to 0.5"]),
        (["--dataset", "circle", "--samples", "1", "--test-fraction", "0.5"], ["--test-fraction", "1 row"])
    ]

    @Test(arguments: datasetCases)
    func datasetOptionsAreChecked(args: [String], mentions: [String]) throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let result = try runNNTop(
            ["train", "--iterations", "2000000000", "--save", scratch.path("model.json")] + args,
            timeout: 10)
        expectOneLineFailure(result, contains: mentions)
        #expect(!scratch.exists("model.json"))
    }

    static let predictCases: [[String]] = [
        ["predict", "1", "2"],  // neither --model nor --weights
        ["predict", "--weights", "1,2", "1", "2"],  // --weights without --bias
        ["predict", "--weights", "1,2", "--bias", "0"],  // no inputs and no --data
        ["predict", "--weights", "1,x", "--bias", "0", "1", "2"],  // bad weight
        ["predict", "--weights", "1,2", "--bias", "nan", "1", "2"],  // bad bias
        ["predict", "--weights", "1,2", "--bias", "0", "1", "abc"],  // bad input
        ["predict", "--weights", "1,2", "--bias", "0", "1", "inf"],  // non-finite input
        ["predict", "--weights", "1,2", "--bias", "0", "1", "2", "3"],  // too many inputs
        ["predict", "--weights", "1,2", "--bias", "0", "1"]  // too few inputs
    ]

    @Test(arguments: predictCases)
    func predictRejectsBadOptions(args: [String]) throws {
        expectOneLineFailure(try runNNTop(args), contains: [])
    }

    @Test func predictInputCountMismatchSaysHowMany() throws {
        let result = try runNNTop(["predict", "--weights", "1.45,-0.66", "--bias", "0", "1", "2", "3"])
        expectOneLineFailure(result, contains: ["--weights takes 2 features (x1, x2), got 3 values"])
    }
}

/// The dashboard checks the paths it is given before it opens (so even without a terminal).
@Suite struct DashboardPathCLITests {
    @Test(arguments: [
        (["--save", "/nonexistent-dir/m.json"], "/nonexistent-dir/m.json"),
        (["--export", "/nonexistent-dir/h"], "/nonexistent-dir/h.csv"),
        (["--model", ""], "--model is an empty path"),
        (["--model", "/nonexistent-dir/m.json"], "/nonexistent-dir/m.json")
    ])
    func badPathsAreOneLine(args: [String], mentions: String) throws {
        let result = try runNNTop(args)
        expectOneLineFailure(result, contains: [mentions])
    }
}
