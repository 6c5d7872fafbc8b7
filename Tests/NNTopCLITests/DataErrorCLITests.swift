import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Bad input data, run through the real executable: one line on stderr naming the file, the line and column
/// where they apply, and what was expected; nothing on stdout; exit status 2; never a crash.
@Suite struct DataErrorCLITests {
    /// Runs `nntop train --data <file>` on `text` and returns the result and the file's path.
    func train(_ text: String, extra: [String] = []) throws -> (RunResult, String) {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let path = try scratch.file("bad.csv", text)
        return (try runNNTop(["train", "--data", path, "--iterations", "100"] + extra), path)
    }

    @Test func missingFile() throws {
        let path = "/nonexistent-\(UUID().uuidString)/points.csv"
        expectOneLineFailure(try runNNTop(["train", "--data", path]), contains: ["\(path): no such file"])
    }

    @Test func directoryGivenAsTheDataFile() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        try FileManager.default.createDirectory(atPath: scratch.path("points.csv"), withIntermediateDirectories: false)
        expectOneLineFailure(
            try runNNTop(["train", "--data", scratch.path("points.csv")]),
            contains: ["points.csv: ", "directory"])
    }

    @Test func pathThroughAFile() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let file = try scratch.file("plain.csv", Fixtures.xor)
        expectOneLineFailure(
            try runNNTop(["train", "--data", file + "/points.csv"]),
            contains: ["plain.csv/points.csv: ", "not a directory"])
    }

    @Test func unreadableFile() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        if getuid() != 0 {
            let path = try scratch.file("secret.csv", Fixtures.xor)
            chmod(path, 0)
            expectOneLineFailure(try runNNTop(["train", "--data", path]), contains: ["secret.csv: permission denied"])
        } else {
            // Running as root, chmod 000 does not stop reading. Use a file that opens but cannot be read:
            // reading /proc/self/mem at offset 0 fails with EIO (Linux). Elsewhere only the cases above apply.
            #if os(Linux)
                expectOneLineFailure(
                    try runNNTop(["train", "--data", "/proc/self/mem"]),
                    contains: ["/proc/self/mem: ", "error"])
            #endif
        }
    }

    @Test func emptyFile() throws {
        let (result, path) = try train("")
        expectOneLineFailure(result, contains: ["\(path): ", "empty"])
    }

    @Test func onlyBlankLines() throws {
        let (result, path) = try train("\n\r\n\n")
        expectOneLineFailure(result, contains: ["\(path): ", "empty"])
    }

    @Test func headerOnly() throws {
        let (result, path) = try train("a,b,y\n")
        expectOneLineFailure(result, contains: ["\(path): ", "header", "no data rows"])
    }

    @Test func raggedRow() throws {
        let (result, path) = try train("a,b,y\n1,2,0\n\n3,4\n")
        expectOneLineFailure(result, contains: ["\(path):4: ", "expected 3 columns, found 2"])
    }

    @Test func nonNumericCell() throws {
        let (result, path) = try train("a,b,y\r\n1,2,0\r\n3,four,1\r\n")
        expectOneLineFailure(result, contains: ["\(path):3:2: ", "expected a number", "\"four\""])
    }

    @Test func emptyCell() throws {
        let (result, path) = try train("1,2,0\n,4,1\n")
        expectOneLineFailure(result, contains: ["\(path):2:1: ", "column \"x1\" has 1 missing cell", "--missing drop"])
    }

    @Test(arguments: ["inf", "-Infinity", "1e999"])
    func nonFiniteCell(cell: String) throws {
        let (result, path) = try train("a,b,y\n1,2,0\n3,\(cell),1\n")
        expectOneLineFailure(result, contains: ["\(path):3:2: ", "expected a finite number", "\"\(cell)\""])
    }

    @Test(arguments: ["2", "-1", "0.5", "yes"])
    func targetNotZeroOrOne(cell: String) throws {
        let (result, path) = try train("a,b,y\n1,2,0\n3,4,\(cell)\n", extra: ["--task", "binary"])
        if Double(cell) == nil {
            expectOneLineFailure(result, contains: ["\(path):3:3: ", "expected a number", "\"\(cell)\""])
        } else {
            expectOneLineFailure(result, contains: ["\(path):3:3: ", "expected a target of 0 or 1", "\"\(cell)\""])
        }
    }

    @Test func targetNameNotFound() throws {
        let (result, path) = try train(Fixtures.xor, extra: ["--target", "label"])
        expectOneLineFailure(result, contains: ["\(path):1: ", "--target \"label\" not found", "a, b, y"])
    }

    @Test func targetNumberNotFound() throws {
        let (result, path) = try train(Fixtures.xor, extra: ["--target", "4"])
        expectOneLineFailure(result, contains: ["\(path):1: ", "--target 4 not found", "1 to 3"])
        let (zero, _) = try train(Fixtures.xor, extra: ["--target", "0"])
        expectOneLineFailure(zero, contains: ["--target 0 not found"])
    }

    @Test func targetNameWithoutHeader() throws {
        let (result, path) = try train(Fixtures.tutorial, extra: ["--target", "y"])
        expectOneLineFailure(result, contains: ["\(path):1: ", "--target \"y\" not found", "no header"])
    }

    @Test func badTestDataNamesTheTestFile() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let train = try scratch.file("train.csv", Fixtures.xor)
        let test = try scratch.file("test.csv", "a,b,y\n0,0,0\n0,x,1\n")
        expectOneLineFailure(
            try runNNTop(["train", "--data", train, "--test-data", test]),
            contains: ["\(test):3:2: ", "expected a number"])
        let narrow = try scratch.file("narrow.csv", "a,y\n0,0\n1,1\n")
        expectOneLineFailure(
            try runNNTop(["train", "--data", train, "--test-data", narrow]),
            contains: ["\(narrow): ", "1 feature", "2"])
    }

    @Test func badDataLeavesAnExistingSaveTargetAlone() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let data = try scratch.file("bad.csv", "a,b,y\n1,2,0\n1,2,seven\n")
        let save = try scratch.file("model.json", "keep me")
        let history = try scratch.file("history.csv", "keep me too")
        expectOneLineFailure(
            try runNNTop(["train", "--data", data, "--save", save, "--history", history]),
            contains: ["bad.csv:3:3: "])
        #expect(try scratch.read("model.json") == "keep me")
        #expect(try scratch.read("history.csv") == "keep me too")
    }

    @Test func predictDataFileErrors() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let weights = ["predict", "--weights", "1.45,-0.66", "--bias", "0"]
        let bad = try scratch.file("bad.csv", "a,b\n1,2\n1,nope\n")
        expectOneLineFailure(try runNNTop(weights + ["--data", bad]), contains: ["\(bad):3:2: ", "expected a number"])
        let empty = try scratch.file("empty.csv", "")
        expectOneLineFailure(try runNNTop(weights + ["--data", empty]), contains: ["\(empty): ", "empty"])
        let missing = scratch.path("missing.csv")
        expectOneLineFailure(try runNNTop(weights + ["--data", missing]), contains: ["\(missing): no such file"])
        let target = try scratch.file("target.csv", "1,2,0\n1,2,3\n")
        expectOneLineFailure(
            try runNNTop(weights + ["--data", target]),
            contains: ["\(target):2:3: ", "expected a target of 0 or 1"])
    }
}
