import Foundation
import NeuralCore
import Testing

/// `--dataset`, `--samples`, `--noise`, `--data-seed`, `--test-fraction` and `--regularization` through `nntop train`.
@Suite struct DatasetCLITests {
    func train(_ args: [String]) throws -> [String: Any] {
        try jsonObject(try runNNTop(["train", "--iterations", "200", "--json"] + args))
    }

    @Test func aBuiltInDatasetIsNamedAndSized() throws {
        let result = try runNNTop(["train", "--dataset", "circle", "--samples", "60", "--iterations", "200"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("dataset           circle  (60 training instances)"), "\(result)")
        let object = try train(["--dataset", "gaussian"])
        #expect(object["dataset"] as? String == "gaussian")
        #expect(object["regularization"] as? String == "none")
        #expect(number(object["regularization_rate"]) == 0)
        // Two features: 2 weights and a bias.
        #expect((object["layers"] as? [Any])?.compactMap(number) == [2, 1])
        #expect(try train([])["dataset"] as? String == "tutorial")
    }

    @Test func theTutorialDatasetIsTheDefault() throws {
        let named = try runNNTop(["train", "--dataset", "tutorial", "--iterations", "300", "--json"])
        let plain = try runNNTop(["train", "--iterations", "300", "--json"])
        #expect(matrix(try jsonObject(named)["weights"]) == matrix(try jsonObject(plain)["weights"]))
    }

    @Test func theDataSeedDrawsOtherDataAndTheSeedOtherWeights() throws {
        let base = ["--dataset", "spiral", "--noise", "0.2", "--hidden", "3"]
        let a = try train(base), again = try train(base)
        #expect(matrix(a["weights"]) == matrix(again["weights"]), "same seeds, same run")
        let otherData = try train(base + ["--data-seed", "2"])
        #expect(matrix(a["weights"]) != matrix(otherData["weights"]))
        #expect(number(a["final_error"]) != number(otherData["final_error"]))
        // Without noise the spiral draws nothing at random: the data seed changes nothing.
        let clean = try train(["--dataset", "spiral", "--hidden", "3"])
        let cleanOther = try train(["--dataset", "spiral", "--hidden", "3", "--data-seed", "2"])
        #expect(matrix(clean["weights"]) == matrix(cleanOther["weights"]))
        // Noise moves the points, so the same weights' seed trains to another result.
        #expect(number(clean["final_error"]) != number(a["final_error"]))
    }

    @Test func testFractionHoldsOutPartOfABuiltInDataset() throws {
        let result = try runNNTop([
            "train", "--dataset", "xor", "--samples", "200", "--test-fraction", "0.25",
            "--iterations", "200"
        ])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("dataset           xor  (150 training instances, 50 test)"), "\(result)")
        #expect(result.stdout.contains("test error") && result.stdout.contains("over 50 instances"), "\(result)")
        let object = try train(["--dataset", "xor", "--test-fraction", "0.25"])
        let accuracy = try #require(number(object["test_accuracy"]))
        // 50 of the 200 points held out: the accuracy is a whole number of fiftieths.
        #expect(abs(accuracy * 50 - (accuracy * 50).rounded()) < 1e-9, "\(accuracy)")
        #expect(number(object["test_error"]) != nil)
        // Zero holds nothing out.
        #expect(try train(["--dataset", "xor", "--test-fraction", "0"])["test_accuracy"] is NSNull)
    }

    @Test func testFractionSplitsACSVFile() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let data = try scratch.file("tutorial.csv", Fixtures.tutorial)
        let result = try runNNTop(["train", "--data", data, "--test-fraction", "0.25", "--iterations", "100"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("(6 training instances, 2 test)"), "\(result)")
        let one = try scratch.file("one.csv", "1,2,0\n")
        expectOneLineFailure(
            try runNNTop(["train", "--data", one, "--test-fraction", "0.5"]),
            contains: ["one.csv", "--test-fraction"])
    }

    /// The data are drawn and split from `--data-seed` exactly as NeuralCore does it, and standardization is
    /// fitted to the training part alone: the test part must not leak into it.
    @Test func standardizationLearnsFromTheTrainingPartOnly() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let save = scratch.path("model.json")
        _ = try jsonObject(
            try runNNTop([
                "train", "--dataset", "gaussian", "--samples", "40", "--test-fraction", "0.5",
                "--data-seed", "3", "--standardize", "--iterations", "100", "--save", save,
                "--json"
            ]))
        let model = try SavedModel(path: save)
        var generator = SeededGenerator(seed: 3)
        let all = Dataset.generated(.gaussian, samples: 40, generator: &generator)
        let (training, test) = all.split(testFraction: 0.5, generator: &generator)
        // JSONSerialization may round the last binary digit, so compare to 1e-12.
        func close(_ a: [Double]?, _ b: [Double]) -> Bool {
            guard let a, a.count == b.count else { return false }
            return zip(a, b).allSatisfy { abs($0 - $1) <= 1e-12 * max(1, abs($1)) }
        }
        #expect(close(model.mean, Standardization(fitting: training).mean))
        #expect(close(model.deviation, Standardization(fitting: training).deviation))
        #expect(!close(model.mean, Standardization(fitting: all).mean))
        #expect(!close(model.mean, Standardization(fitting: test).mean))
    }

    @Test func regularizationIsReportedAndShrinksTheWeights() throws {
        let base = ["--dataset", "gaussian", "--hidden", "4", "--activation", "tanh", "--iterations", "3000"]
        let plain = try jsonObject(try runNNTop(["train", "--json"] + base))
        let ridge = try jsonObject(
            try runNNTop(
                [
                    "train", "--json", "--regularization", "l2",
                    "--regularization-rate", "0.1"
                ] + base))
        #expect(ridge["regularization"] as? String == "l2")
        #expect(number(ridge["regularization_rate"]) == 0.1)
        func size(_ object: [String: Any]) -> Double {
            (matrix(object["weights"]) ?? []).joined().reduce(0) { $0 + $1 * $1 }
        }
        #expect(size(ridge) < size(plain), "L2 \(size(ridge)) against none \(size(plain))")
        let text = try runNNTop([
            "train", "--regularization", "l1", "--regularization-rate", "0.01", "--iterations", "100"
        ])
        #expect(text.stdout.contains("regularization    l1, rate 0.01"), "\(text)")
    }
}
