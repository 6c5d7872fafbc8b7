import Foundation
import Testing

/// The built-in problems are learned well enough to generalise: on a held-out half of the points, XOR with a
/// 2-4-1 tanh network and the circle with eight ReLU units reach 95 % test accuracy, the spiral with two layers
/// of sixteen 90 %. Fixed seeds make each run exact; other seeds do about as well (see the README).
@Suite struct PlaygroundCLITests {
    static let problems: [(name: String, args: [String], least: Double)] = [
        (
            "xor",
            [
                "--dataset", "xor", "--samples", "400", "--hidden", "4", "--activation", "tanh",
                "--learning-rate", "0.1", "--batch-size", "32", "--iterations", "20000", "--seed", "2"
            ], 0.95
        ),
        (
            "circle",
            [
                "--dataset", "circle", "--hidden", "8", "--activation", "relu",
                "--learning-rate", "0.1", "--batch-size", "10", "--iterations", "2000"
            ], 0.95
        ),
        (
            "spiral",
            [
                "--dataset", "spiral", "--samples", "400", "--hidden", "16,16", "--activation", "relu",
                "--learning-rate", "0.05", "--batch-size", "10", "--iterations", "15000"
            ], 0.90
        )
    ]

    @Test(arguments: problems)
    func heldOutAccuracy(name: String, args: [String], least: Double) throws {
        let result = try runNNTop(
            ["train", "--test-fraction", "0.5", "--loss", "cross-entropy", "--json"] + args,
            timeout: 60)
        let object = try jsonObject(result)
        let test = try #require(number(object["test_accuracy"]))
        print("\(name): test accuracy \(test), train \(number(object["train_accuracy"]) ?? .nan), \(result.seconds) s")
        #expect(test >= least, "\(name): test accuracy \(test)")
        // Half the points were held out: the accuracy is a whole number of that many parts.
        let samples = args.firstIndex(of: "--samples").flatMap { Double(args[$0 + 1]) } ?? 200
        let heldOut = samples / 2
        #expect(abs(test * heldOut - (test * heldOut).rounded()) < 1e-9, "\(name): \(test) of \(heldOut)")
    }
}
