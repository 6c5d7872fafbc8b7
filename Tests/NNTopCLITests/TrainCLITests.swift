import Foundation
import Testing
import NeuralCore
import DataFiles

/// `nntop train`: the summary, JSON, history, saving, standardization, test data, seeds and XOR.
@Suite struct TrainCLITests {
    @Test func textSummaryHasEveryField() throws {
        let result = try runNNTop(["train", "--iterations", "300"])
        #expect(result.status == 0, "\(result)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        for field in [
            "task", "status", "iterations", "loss", "final error", "train accuracy", "test accuracy", "optimizer",
            "steps per second"
        ] {
            #expect(lines.contains { $0.hasPrefix(field) }, "no \(field) line: \(result)")
        }
        #expect(lines.contains { $0.hasPrefix("iterations") && $0.contains(" 300 ") }, "\(result)")
        #expect(lines.contains { $0.hasPrefix("test accuracy") && $0.contains("n/a") }, "\(result)")
    }

    @Test func jsonSummaryHasTheIssuesKeys() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let data = try scratch.file("xor.csv", Fixtures.xor)
        let result = try runNNTop([
            "train", "--data", data, "--hidden", "4", "--activation", "tanh",
            "--iterations", "500", "--json"
        ])
        #expect(result.stdout.split(separator: "\n").count == 1, "one JSON line: \(result)")
        let object = try jsonObject(result)
        for key in [
            "iterations", "final_error", "train_accuracy", "test_accuracy", "steps_per_second", "weights", "biases"
        ] {
            #expect(object.keys.contains(key), "missing \(key): \(result)")
        }
        #expect(number(object["iterations"]) == 500)
        #expect((number(object["final_error"]) ?? -1) >= 0)
        let accuracy = try #require(number(object["train_accuracy"]))
        #expect(accuracy >= 0 && accuracy <= 1)
        #expect(object["test_accuracy"] is NSNull, "test_accuracy should be null without --test-data")
        #expect((number(object["steps_per_second"]) ?? 0) > 0)
        // One array per layer: 2→4 (8 weights, 4 biases) and 4→1 (4 weights, 1 bias).
        let weights = try #require(matrix(object["weights"]))
        let biases = try #require(matrix(object["biases"]))
        #expect(weights.map(\.count) == [8, 4])
        #expect(biases.map(\.count) == [4, 1])
    }

    @Test func testDataGivesTestAccuracy() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let train = try scratch.file("train.csv", Fixtures.xor)
        let test = try scratch.file("test.csv", Fixtures.xor)
        let flipped = try scratch.file("flipped.csv", "a,b,y\n0,0,1\n0,1,0\n1,0,0\n1,1,1\n")
        let args = [
            "train", "--data", train, "--hidden", "4", "--activation", "tanh", "--loss", "cross-entropy",
            "--learning-rate", "0.5", "--iterations", "2000", "--json"
        ]
        // Testing on the training data itself must reproduce the training figures exactly.
        let same = try jsonObject(try runNNTop(args + ["--test-data", test]))
        #expect(number(same["test_accuracy"]) == number(same["train_accuracy"]))
        #expect(number(same["test_error"]) == number(same["final_error"]))
        #expect(number(same["test_accuracy"]) == 1)
        // Every label flipped: every prediction is wrong.
        let opposite = try jsonObject(try runNNTop(args + ["--test-data", flipped]))
        #expect(number(opposite["test_accuracy"]) == 0)
        // And the text summary shows it.
        let text = try runNNTop(Array(args.dropLast()) + ["--test-data", test])
        #expect(text.stdout.contains("test accuracy     100.0%"), "\(text)")
    }

    @Test func historyHasOneRowPerHundredIterations() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let data = try scratch.file("xor.csv", Fixtures.xor)
        let history = scratch.path("history.csv")
        let object = try jsonObject(
            try runNNTop([
                "train", "--data", data, "--iterations", "1000",
                "--history", history, "--json"
            ]))
        let lines = try scratch.read("history.csv").split(separator: "\n").map(String.init)
        // The dashboard's columns (`e`): each report is a row of its own, its minimum and maximum its error.
        #expect(lines.first == "iteration,loss,minimum,maximum,reports")
        let rows = lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows.count == 10)
        #expect(rows.map { $0.first.flatMap { Int($0) } } == (1...10).map { $0 * 100 })
        for row in rows {
            #expect(row.count == 5, "\(row)")
            #expect((Double(row[1]) ?? -1) >= 0, "\(row)")
            #expect(row.count == 5 && row[2] == row[1] && row[3] == row[1] && row[4] == "1", "\(row)")
        }
        // The last row is the loss after the last iteration, the summary's mean loss.
        // (JSONSerialization may round the last binary digit when it parses: 1e-12 relative.)
        #expect(abs((rows.last.flatMap { Double($0[1]) } ?? 0) - (number(object["loss"]) ?? 1)) <= 1e-12)

        // A run that ends between reports ends its history with a row for the end.
        let short = try jsonObject(
            try runNNTop(["train", "--data", data, "--iterations", "250", "--history", history, "--json"]))
        let shortRows = try scratch.read("history.csv").split(separator: "\n").dropFirst().map {
            $0.split(separator: ",")
        }
        #expect(shortRows.map { Int($0[0]) } == [100, 200, 250])
        #expect(abs((shortRows.last.flatMap { Double($0[1]) } ?? 0) - (number(short["loss"]) ?? 1)) <= 1e-12)
    }

    @Test func onDataLargeEnoughToReportRarelyTheHistoryStillEndsWithTheRun() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        // 400 rows: evaluating them every 100 iterations would cost more than a tenth of training, so reports
        // come every 2 000 iterations, after the end of a 1 000-iteration run.
        let csv = "a,b,y\n" + (0..<400).map { "\($0 % 20),\($0 % 7),\($0 % 2)" }.joined(separator: "\n") + "\n"
        let data = try scratch.file("many.csv", csv)
        let history = scratch.path("history.csv")
        let object = try jsonObject(
            try runNNTop(["train", "--data", data, "--iterations", "1000", "--history", history, "--json"]))
        let lines = try scratch.read("history.csv").split(separator: "\n").map(String.init)
        #expect(lines.count == 2, "\(lines)")
        #expect(lines.last?.hasPrefix("1000,") == true)
        #expect(
            abs((lines.last.flatMap { Double($0.split(separator: ",")[1]) } ?? 0) - (number(object["loss"]) ?? 1))
                <= 1e-12)
    }

    @Test func historyWithTestDataHasATestErrorColumn() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let data = try scratch.file("xor.csv", Fixtures.xor)
        let history = scratch.path("history.csv")
        let object = try jsonObject(
            try runNNTop([
                "train", "--data", data, "--test-data", data, "--iterations", "500",
                "--history", history, "--json"
            ]))
        let lines = try scratch.read("history.csv").split(separator: "\n").map(String.init)
        #expect(lines.first == "iteration,loss,minimum,maximum,reports,test_loss")
        #expect(lines.count == 6)
        for line in lines.dropFirst() {
            let cells = line.split(separator: ",").map { Double($0) }
            #expect(cells.count == 6 && cells.allSatisfy { $0 != nil }, "\(line)")
            #expect(cells.count == 6 && cells[1] == cells[5], "test data = training data: \(line)")
        }
        // JSONSerialization may round the last binary digit when it parses, so compare to 1e-12 relative.
        let lastTestError = try #require(lines.last.flatMap { Double($0.split(separator: ",")[5]) })
        let summaryTestError = try #require(number(object["test_loss"]))
        #expect(abs(lastTestError - summaryTestError) <= 1e-12 * summaryTestError)
    }

    @Test func savedModelPredictsWhatTheTrainedNetworkComputes() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let data = try scratch.file("tutorial.csv", Fixtures.tutorial)
        let save = scratch.path("model.json")
        let trained = try jsonObject(
            try runNNTop([
                "train", "--data", data, "--hidden", "3,2", "--activation", "relu",
                "--iterations", "1500", "--seed", "5", "--save", save, "--json"
            ]))
        let model = try SavedModel(path: save)
        #expect(model.inputs == 2 && model.hidden == [3, 2] && model.activation == "relu")
        // The file holds the very network the summary describes.
        #expect(model.weights.map { Array($0.joined()) } == matrix(trained["weights"]))
        #expect(model.biases == matrix(trained["biases"]))
        // NeuralCore reads it back as a valid model.
        let (file, network) = try ModelFile.load(path: save)
        #expect(network.sizes == [2, 3, 2, 1])
        #expect(file.standardization == nil)

        let predicted = try jsonObject(try runNNTop(["predict", "--model", save, "--data", data, "--json"]))
        let rows = try #require(predicted["rows"] as? [[String: Any]])
        let points = Fixtures.rows(Fixtures.tutorial)
        #expect(rows.count == points.count)
        for (row, point) in zip(rows, points) {
            let p = try #require(number(row["probability"]))
            #expect(abs(p - model.probability(Array(point.prefix(2)))) < 1e-12)
        }
        #expect(number(predicted["accuracy"]) == number(trained["train_accuracy"]))

        let single = try jsonObject(try runNNTop(["predict", "--model", save, "--json", "3", "1.5"]))
        #expect(abs((number(single["probability"]) ?? .nan) - model.probability([3, 1.5])) < 1e-12)
    }

    @Test func existingSaveTargetIsReplacedWhole() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let filler = String(repeating: "OLD CONTENT ", count: 20_000)
        let save = try scratch.file("model.json", filler)
        let result = try runNNTop(["train", "--iterations", "200", "--save", save])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("model saved to"), "\(result)")
        let text = try scratch.read("model.json")
        #expect(!text.contains("OLD CONTENT"))
        #expect(text.count < filler.count)
        _ = try ModelFile.load(path: save)
        _ = try SavedModel(path: save)
        // No temporary file is left beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path) == ["model.json"])
    }

    @Test func standardizationIsSavedAndAppliedByPredict() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let data = try scratch.file("scaled.csv", Fixtures.scaled)
        let save = scratch.path("model.json")
        let trained = try jsonObject(
            try runNNTop([
                "train", "--data", data, "--standardize", "--hidden", "4",
                "--activation", "tanh", "--iterations", "3000", "--save", save,
                "--json"
            ]))
        let model = try SavedModel(path: save)
        let mean = try #require(model.mean, "no standardization in the saved model")
        let deviation = try #require(model.deviation)

        // The stored figures are the training features' mean and population standard deviation.
        let points = Fixtures.rows(Fixtures.scaled)
        for c in 0..<2 {
            let column = points.map { $0[c] }
            let m = column.reduce(0, +) / Double(column.count)
            let d = (column.map { ($0 - m) * ($0 - m) }.reduce(0, +) / Double(column.count)).squareRoot()
            #expect(abs(mean[c] - m) <= 1e-12 * max(1, abs(m)))
            #expect(abs(deviation[c] - d) <= 1e-12 * max(1, d))
        }

        // predict z-scores its inputs with them: it equals the network on standardized input, not on raw input.
        var differsFromRaw = false
        let predicted = try jsonObject(try runNNTop(["predict", "--model", save, "--data", data, "--json"]))
        let rows = try #require(predicted["rows"] as? [[String: Any]])
        #expect(rows.count == points.count)
        for (row, point) in zip(rows, points) {
            let p = try #require(number(row["probability"]))
            let input = Array(point.prefix(2))
            #expect(abs(p - model.probability(input, standardize: true)) < 1e-12)
            if abs(p - model.probability(input, standardize: false)) > 1e-6 { differsFromRaw = true }
        }
        #expect(differsFromRaw, "these raw inputs should give other probabilities than the standardized ones")
        #expect(number(predicted["accuracy"]) == number(trained["train_accuracy"]))

        let single = try jsonObject(try runNNTop(["predict", "--model", save, "--json", "175", "0.0065"]))
        #expect(abs((number(single["probability"]) ?? .nan) - model.probability([175, 0.0065])) < 1e-12)
    }

    @Test func sameSeedSameWeights() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let data = try scratch.file("xor.csv", Fixtures.xor)
        func weights(seed: String) throws -> (String, [[Double]]?, [[Double]]?) {
            let result = try runNNTop([
                "train", "--data", data, "--hidden", "8,8", "--activation", "relu",
                "--batch-size", "2", "--iterations", "700", "--seed", seed, "--json"
            ])
            let object = try jsonObject(result)
            return (result.stdout, matrix(object["weights"]), matrix(object["biases"]))
        }
        let (_, w1, b1) = try weights(seed: "42")
        let (_, w2, b2) = try weights(seed: "42")
        let (_, w3, _) = try weights(seed: "43")
        #expect(w1 != nil && b1 != nil)
        #expect(w1 == w2)
        #expect(b1 == b2)
        #expect(w1 != w3, "a different seed should give different weights")
    }

    @Test func targetColumnByNameOrNumberMatchesTheDefault() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let last = try scratch.file("last.csv", Fixtures.xor)
        let first = try scratch.file("first.csv", "y,a,b\n0,0,0\n1,0,1\n1,1,0\n0,1,1\n")
        let common = ["train", "--hidden", "2", "--iterations", "300", "--seed", "9", "--json"]
        let reference = matrix(try jsonObject(try runNNTop(common + ["--data", last]))["weights"])
        #expect(reference != nil)
        for target in ["y", "1"] {
            let weights = matrix(
                try jsonObject(try runNNTop(common + ["--data", first, "--target", target]))["weights"])
            #expect(weights == reference, "--target \(target)")
        }
        #expect(
            matrix(try jsonObject(try runNNTop(common + ["--data", last, "--target", "3"]))["weights"]) == reference)
    }

    @Test func crlfBlankLinesAndNoHeaderGiveTheSameRun() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let plain = try scratch.file("plain.csv", Fixtures.xor)
        let messy = try scratch.file("messy.csv", "\r\na, b ,y\r\n\r\n0,0,0\r\n 0 ,1.0,1\r\n1,0e0,1\r\n\r\n1,+1,0")
        let bare = try scratch.file("bare.csv", "0,0,0\n0,1,1\n1,0,1\n1,1,0\n\n")
        let common = ["train", "--hidden", "3", "--iterations", "300", "--json"]
        let reference = matrix(try jsonObject(try runNNTop(common + ["--data", plain]))["weights"])
        #expect(reference != nil)
        #expect(matrix(try jsonObject(try runNNTop(common + ["--data", messy]))["weights"]) == reference)
        #expect(matrix(try jsonObject(try runNNTop(common + ["--data", bare]))["weights"]) == reference)
    }

    @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
    func tanhNetworkLearnsXORInUnderASecond(seed: UInt64) throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let data = try scratch.file("xor.csv", Fixtures.xor)
        let save = scratch.path("xor.json")
        let result = try runNNTop([
            "train", "--data", data, "--hidden", "4", "--activation", "tanh",
            "--loss", "cross-entropy", "--learning-rate", "0.5", "--iterations", "2000",
            "--seed", "\(seed)", "--save", save, "--json"
        ])
        #expect(result.seconds < 1, "took \(result.seconds) s")
        let object = try jsonObject(result)
        #expect(number(object["train_accuracy"]) == 1, "\(result)")
        #expect(matrix(object["weights"])?.map(\.count) == [8, 4], "a 2-4-1 network")

        let predicted = try runNNTop(["predict", "--model", save, "--data", data])
        #expect(predicted.stdout.hasSuffix("accuracy 100.0% (4 of 4)\n"), "\(predicted)")
    }
}
