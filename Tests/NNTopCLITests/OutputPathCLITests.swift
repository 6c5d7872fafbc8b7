import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `nntop train` checks where it will write before it trains: an output that cannot be written, or that names
/// the same file as an input or as the other output, stops it with one line, exit status 2 and every file as it
/// was. A huge iteration count makes a check that came after training time out.
@Suite struct OutputPathCLITests {
    static let neverEnds = ["--iterations", "2000000000"]

    /// Runs `command` (by default `train`, for ever) in a scratch directory holding xor.csv (and test.csv, a
    /// copy), and checks the failure and that no file changed.
    func expectRejected(
        _ args: [String], mentions: [String], command: [String] = ["train"] + neverEnds,
        prepare: (Scratch) throws -> Void = { _ in },
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        try scratch.file("xor.csv", Fixtures.xor)
        try scratch.file("test.csv", Fixtures.xor)
        try prepare(scratch)
        try HostileInputTests.expectFailureChangingNothing(
            in: scratch, contains: mentions, sourceLocation: sourceLocation
        ) {
            try runNNTop(command + args, in: scratch.url, timeout: 10)
        }
    }

    /// The dashboard checks its --save and --export paths the same way, before it asks for a terminal.
    @Test func theDashboardWillNotSaveOrExportOverItsData() throws {
        try expectRejected(
            ["--data", "xor.csv", "--save", "./xor.csv"], mentions: ["--save and --data", "same file"],
            command: [])
        try expectRejected(
            ["--data", "xor.csv", "--test-data", "test.csv", "--export", "test"],
            mentions: ["--export and --test-data", "same file"], command: [])
    }

    @Test func saveOverTheTrainingData() throws {
        try expectRejected(["--data", "xor.csv", "--save", "./xor.csv"], mentions: ["--save and --data", "same file"])
    }

    @Test func historyOverTheTestData() throws {
        try expectRejected(
            ["--data", "xor.csv", "--test-data", "test.csv", "--history", "sub/../test.csv"],
            mentions: ["--history and --test-data", "same file"]
        ) { scratch in
            try FileManager.default.createDirectory(atPath: scratch.path("sub"), withIntermediateDirectories: false)
        }
    }

    @Test func saveThroughASymbolicLinkToTheData() throws {
        try expectRejected(["--data", "xor.csv", "--save", "link.json"], mentions: ["--save and --data"]) { scratch in
            try FileManager.default.createSymbolicLink(
                atPath: scratch.path("link.json"), withDestinationPath: "xor.csv")
        }
    }

    @Test func saveAndHistoryAsOneNewFile() throws {
        try expectRejected(
            ["--data", "xor.csv", "--save", "out", "--history", "./out"],
            mentions: ["--save and --history", "same file"])
    }

    @Test func historyOverADeviceOrPipe() throws {
        try expectRejected(["--data", "xor.csv", "--history", "fifo"], mentions: ["fifo: ", "not a regular file"]) {
            scratch in
            #expect(mkfifo(scratch.path("fifo"), 0o644) == 0)
        }
    }

    @Test func saveUnderARegularFile() throws {
        try expectRejected(
            ["--data", "xor.csv", "--save", "xor.csv/model.json"],
            mentions: ["xor.csv/model.json: ", "not a directory"])
    }

    @Test func emptyOutputPath() throws {
        try expectRejected(["--data", "xor.csv", "--save", ""], mentions: ["(empty path)", "empty path"])
    }

    /// The checks allow the ordinary case: new files beside the data, or old ones replaced.
    @Test func writableOutputsAreWritten() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        try scratch.file("xor.csv", Fixtures.xor)
        try scratch.file("h.csv", "old history\n")
        let result = try runNNTop(
            [
                "train", "--data", "xor.csv", "--iterations", "200", "--save", "model.json",
                "--history", "h.csv"
            ], in: scratch.url)
        #expect(result.status == 0, "\(result)")
        _ = try SavedModel(path: scratch.path("model.json"))
        #expect(try scratch.read("h.csv").hasPrefix("iteration,"))
        let left = try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).sorted()
        #expect(left == ["h.csv", "model.json", "xor.csv"])
    }

    // MARK: - Options that have nothing to act on

    @Test(arguments: [
        (["--target", "1"], ["--target", "--data"]),
        (["--dataset", "xor", "--target", "y"], ["--target", "--data"]),
        (["--data", ""], ["--data is an empty path"]),
        (["--data", "xor.csv", "--test-data", ""], ["--test-data is an empty path"])
    ])
    func optionWithoutAFile(args: [String], mentions: [String]) throws {
        try expectRejected(args, mentions: mentions)
    }

    /// With a built-in dataset and a held-out CSV file, --target picks the column of that file.
    @Test func targetAppliesToTestDataBesideABuiltInDataset() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let test = try scratch.file("test.csv", "y,x1,x2\n1,1,1\n0,-1,-1\n")
        let result = try runNNTop([
            "train", "--dataset", "gaussian", "--test-data", test, "--target", "y",
            "--iterations", "200", "--json"
        ])
        // Read with the last column as the target, the file would fail (x2 holds -1).
        let summary = try jsonObject(result)
        #expect(number(summary["test_accuracy"]) != nil, "\(result)")
    }
}
