import Foundation
import Testing

/// "Adding more layers" pays off: one hidden layer of four tanh units learns XOR, which no single unit can.
@Suite struct XORCLITests {
    @Test func aTwoFourOneTanhNetworkLearnsXORInUnderASecond() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let data = try scratch.file("xor.csv", Fixtures.xor)
        let result = try runNNTop([
            "train", "--data", data, "--hidden", "4", "--activation", "tanh",
            "--loss", "cross-entropy", "--learning-rate", "0.3", "--seed", "1", "--json"
        ])
        let object = try jsonObject(result)
        #expect(number(object["train_accuracy"]) == 1)
        #expect(number(object["iterations"]) == 10_000)
        #expect((object["layers"] as? [Any])?.compactMap(number) == [2, 4, 1])
        print("XOR 2-4-1 tanh: \(result.seconds) s for the whole process")
        #expect(result.seconds < 1, "took \(result.seconds) s")
        // The tutorial's single unit cannot: at most three of the four points.
        let single = try jsonObject(try runNNTop(["train", "--data", data, "--seed", "1", "--json"]))
        #expect((number(single["train_accuracy"]) ?? 1) <= 0.75)
    }
}
