import Foundation
import Testing
import NeuralCore
@testable import DataFiles

/// The loader the commands use reads a large file in runs on several threads; the rows, and any error, must be
/// the ones a single pass over the whole file gives.
@Suite struct CSVLoaderTests {
    /// The lines of a labelled file of `rows` rows of three features, some with CR before their newline, with a
    /// blank line now and then. (Lines, because Swift's `split` at "\n" does not split a "\r\n".)
    static func lines(rows: Int, seed: UInt64) -> [String] {
        var generator = SeededGenerator(seed: seed)
        var lines = ["x,y,z,label"]
        for row in 0..<rows {
            let cells = (0..<3).map { _ in
                String(format: ["%.6g", "%.17g", "%.2e"][row % 3], (generator.unit() - 0.5) * 200)
            }
            lines.append(cells.joined(separator: ",") + ",\(row % 2)" + (row % 5 == 0 ? "\r" : ""))
            if row % 97 == 5 { lines += ["", " "] }
        }
        return lines + [""]
    }

    static func file(rows: Int, seed: UInt64) -> String { lines(rows: rows, seed: seed).joined(separator: "\n") }

    /// `valid`: the file is good data, so both must read it.
    func expectSame(
        _ text: String, parts: Int, chunkSize: Int, valid: Bool = false, _ scratch: Scratch,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let path = try scratch.file("data.csv", text)
        let whole = Result { () throws(DataError) in try CSVReader.parse(Array(text.utf8), file: path) }
        let loaded = Result { () throws(DataError) in
            try CSVLoader.load(path: path, parts: parts, minimumBytes: 1, chunkSize: chunkSize)
        }
        switch (whole, loaded) {
        case let (.success(a), .success(b)):
            #expect(a.count == b.count && a.featureNames == b.featureNames, sourceLocation: sourceLocation)
            #expect(a.features.map(\.bitPattern) == b.features.map(\.bitPattern), sourceLocation: sourceLocation)
            #expect(a.targets == b.targets, sourceLocation: sourceLocation)
        case let (.failure(a), .failure(b)):
            #expect(a == b, sourceLocation: sourceLocation)
            if valid { Issue.record("good data rejected: \(a)", sourceLocation: sourceLocation) }
        default:
            Issue.record("whole: \(whole), loaded: \(loaded)", sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: [2, 3, 4, 8])
    func aFileReadOnSeveralThreadsIsTheFileReadWhole(parts: Int) throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        try expectSame(Self.file(rows: 5_000, seed: UInt64(parts)), parts: parts, chunkSize: 2048, valid: true, scratch)
    }

    @Test func theFirstErrorInTheFileIsReportedWhicheverThreadFindsIt() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        var lines = Self.lines(rows: 5_000, seed: 9)
        // An error near the end (the last run's) and one early in the second half: the earlier is the one.
        lines[lines.count - 30] = "1,2"
        lines[lines.count / 2 + 40] = "1,2,3,7"
        let text = lines.joined(separator: "\n")
        try expectSame(text, parts: 4, chunkSize: 4096, scratch)
        let path = scratch.path("data.csv")
        #expect(
            throws: DataError(
                file: path, line: lines.count / 2 + 41, column: 4, "expected a target of 0 or 1, found \"7\"")
        ) {
            try CSVLoader.load(path: path, binaryTargets: true, parts: 4, minimumBytes: 1)
        }
    }

    @Test func theCommandsReadALargeFileInRunsWithTheRightLineInAnError() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        // Over the 1 MiB from which the loader reads in runs, with a bad cell three quarters of the way in.
        var lines = Self.lines(rows: 40_000, seed: 5)
        #expect(lines.joined(separator: "\n").utf8.count > 1 << 20)
        let bad = lines.count * 3 / 4
        lines[bad] = "1,2,x3,0"
        let path = try scratch.file("big.csv", lines.joined(separator: "\n"))
        expectOneLineFailure(
            try runNNTop(["train", "--data", path, "--iterations", "10"]),
            contains: ["big.csv:\(bad + 1):3: expected a number, found \"x3\""])
    }

    @Test func aNamedPipeIsReadOnceAndTrainedOn() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let pipe = scratch.path("pipe.csv")
        #expect(mkfifo(pipe, 0o600) == 0)
        // The writer waits (up to 20 s) for nntop to open the pipe, writes XOR and leaves: a reader that closed
        // the pipe and opened it again would wait for another writer until the run timed out.
        let writer = Thread {
            for _ in 0..<2_000 {
                let fd = open(pipe, O_WRONLY | O_NONBLOCK)
                if fd >= 0 {
                    _ = "a,b,y\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n".withCString { write(fd, $0, strlen($0)) }
                    close(fd)
                    return
                }
                usleep(10_000)
            }
        }
        writer.start()
        let result = try runNNTop(["train", "--data", pipe, "--iterations", "100", "--json"], timeout: 20)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("\"iterations\":100"), "\(result)")
    }
}
