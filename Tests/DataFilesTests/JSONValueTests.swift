import Foundation
import Testing
import NeuralCore
@testable import DataFiles

/// The model files' JSON reader: what it reads, how it keeps rows of numbers, and where it says the text is
/// wrong.
@Suite struct JSONValueTests {
    func parse(_ text: String) throws(JSONValue.SyntaxError) -> JSONValue { try JSONValue.parse(Array(text.utf8)) }

    @Test func readsEveryKindOfValue() throws {
        let value = try parse(
            #" {"a": [1, -2.5e3, 0], "b": {"c": [true, null, "x"]}, "d": "\u00e9\ud83d\ude00\n", "e": []} "#)
        #expect(value["a"] == .numbers([1, -2500, 0]))
        #expect(value["b"]?["c"] == .array([.bool(true), .null, .string("x")]))
        #expect(value["d"] == .string("é😀\n"))
        #expect(value["e"] == .array([]))
        #expect(value["missing"] == nil)
    }

    @Test func numbersAreReadAsDoubleReadsThem() throws {
        let texts = [
            "0.1", "-0", "1e-320", "2.2250738585072014e-308", "1.7976931348623157e308",
            "123456789012345678901234567890",
            "0.30000000000000004", "5e-324"
        ]
        let value = try parse("[" + texts.joined(separator: ",") + "]")
        #expect(value == .numbers(texts.map { Double($0)! }))
    }

    @Test(arguments: [
        ("[1, 2", 1, 6, "ends inside an array"),
        ("{\"a\" 1}", 1, 6, "expected :"),
        ("[01]", 1, 2, "may not start with 0"),
        ("[1.]", 1, 4, "after the decimal point"),
        ("\n\n  [1e400]", 3, 4, "out of range"),
        ("\"\\x\"", 1, 4, "unknown escape"),
        ("\"\\ud800\"", 1, 8, "lone surrogate"),
        ("[1] 2", 1, 5, "more after the end"),
        ("nul", 1, 1, "expected a JSON value"),
        ("\"a\tb\"", 1, 3, "control character")
    ])
    func errorsSayWhere(text: String, line: Int, column: Int, reason: String) {
        do throws(JSONValue.SyntaxError) {
            _ = try parse(text)
            Issue.record("\(text.debugDescription) parsed")
        } catch {
            #expect(error.line == line && error.column == column, "\(text.debugDescription): \(error)")
            #expect(error.reason.contains(reason), "\(error.reason)")
        }
    }

    @Test func deepNestingIsRefusedWithoutExhaustingTheStack() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONValue.SyntaxError.self) { try parse(deep) }
        let fine = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        #expect(throws: Never.self) { try parse(fine) }
    }

    @Test func bytesThatAreNotUTF8AreRefused() {
        #expect(throws: JSONValue.SyntaxError.self) {
            try JSONValue.parse(Array("[\"".utf8) + [0xFF, 0xFE] + Array("\"]".utf8))
        }
    }

    /// The reader and JSONDecoder agree on every model the program writes.
    @Test func aSavedModelReadsBackAsJSONDecoderReadsIt() throws {
        var generator = SeededGenerator(seed: 5)
        let network = Network(inputCount: 3, hidden: [4, 2], hiddenActivation: .relu, generator: &generator)
        let model = ModelFile(
            network: network, loss: .crossEntropy, featureNames: ["a", "b\"c", "é"],
            standardization: Standardization(mean: [1, 2, 3], deviation: [0.5, 0, 2]), iterations: 42)
        let data = try model.encoded(for: "m.json")
        let read = try ModelFile(json: try JSONValue.parse(Array(data)))
        #expect(read == model)
        #expect(read == (try JSONDecoder().decode(ModelFile.self, from: data)))
    }
}
