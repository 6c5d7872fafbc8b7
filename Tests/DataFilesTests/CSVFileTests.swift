import Foundation
import Testing
import NeuralCore
@testable import DataFiles

/// `CSVFile` reads a file through small buffers in runs of lines; joined, the runs must give exactly what
/// `CSVReader.parse` gives for the whole file's bytes: the same rows bit for bit, or the same error.
@Suite struct CSVFileTests {
    /// Reads `path` as the command-line loader does, but with the runs one after another on this thread.
    static func readInRuns(
        _ path: String, target: TargetColumn = .last, parts: Int,
        chunkSize: Int
    ) throws(DataError) -> Dataset {
        guard
            case .inRuns(let file) = try CSVFile.open(path: path, target: target, minimumSize: 0, chunkSize: chunkSize)
        else {
            throw DataError(file: path, "not read in runs")
        }
        let runs = try file.runs(parts: parts, minimumBytes: 1)
        let dataBytes = file.size - file.layout.dataStart
        var rows: [CSVRows] = []
        for (k, run) in runs.enumerated() {
            rows.append(try file.rows(in: run, roomForMoreBytes: k == 0 ? dataBytes - run.count : 0))
        }
        return try CSVReader.dataset(layout: file.layout, runs: consume rows, file: path)
    }

    static func inRuns(_ path: String, chunkSize: Int = 1 << 20) throws -> CSVFile {
        guard case .inRuns(let file) = try CSVFile.open(path: path, minimumSize: 0, chunkSize: chunkSize) else {
            throw DataError(file: path, "not read in runs")
        }
        return file
    }

    /// A random file in every shape the format allows: a header or not, a byte order mark, blank lines, CRLF,
    /// padded cells, numbers of every length (some longer than a small buffer), perhaps no final newline.
    static func randomFile(_ generator: inout SeededGenerator, rows: Int) -> String {
        var csv = generator.index(below: 4) == 0 ? "\u{FEFF}" : ""
        if generator.index(below: 3) == 0 { csv += "\n \n" }
        if generator.index(below: 2) == 0 { csv += "first, second ,label\n" }
        for row in 0..<rows {
            if generator.index(below: 15) == 0 { csv += ["\n", "  \n", "\t\r\n", "\r\n"][generator.index(below: 4)] }
            var cells: [String] = []
            for _ in 0..<2 {
                let value = (generator.unit() - 0.5) * pow(10, Double(generator.index(below: 24)) - 12)
                let text = String(format: ["%.6g", "%.17g", "%.3f", "%.9e", "%.0f"][generator.index(below: 5)], value)
                let pad =
                    generator.index(below: 10) == 0 ? String(repeating: " ", count: generator.index(below: 90)) : ""
                cells.append(pad + text + pad)
            }
            cells.append(["\(row % 2)", "\(row % 2).0", "+\(row % 2)"][generator.index(below: 3)])
            csv += cells.joined(separator: ",")
            if row < rows - 1 || generator.index(below: 2) == 0 {
                csv += generator.index(below: 4) == 0 ? "\r\n" : "\n"
            }
        }
        return csv
    }

    /// The lines of `text` (split at each LF byte: a `Character` split would not split "\r\n").
    static func lines(_ text: String) -> [String] {
        text.utf8.split(separator: 10, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The file with the line at `index` (0-based, counting every line) replaced by `line`.
    static func replacingLine(_ text: String, _ index: Int, with line: String) -> String {
        var lines = lines(text)
        lines[min(index, lines.count - 1)] = line
        return lines.joined(separator: "\n")
    }

    /// What a whole read gives and what the runs give must agree: both data (bit for bit) or both the same error.
    /// `valid`: the file is good data, so both must read it (agreeing on an error would hide a reader that
    /// rejects good files).
    func expectSameReading(
        _ text: String, target: TargetColumn = .last, parts: Int, chunkSize: Int, valid: Bool = false,
        in directory: URL, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let url = directory.appendingPathComponent("data.csv")
        try Data(text.utf8).write(to: url)
        let whole = Result { () throws(DataError) in
            try CSVReader.parse(Array(text.utf8), file: url.path, target: target)
        }
        let runs = Result { () throws(DataError) in
            try Self.readInRuns(url.path, target: target, parts: parts, chunkSize: chunkSize)
        }
        switch (whole, runs) {
        case let (.success(a), .success(b)):
            #expect(a.featureNames == b.featureNames && a.count == b.count, sourceLocation: sourceLocation)
            #expect(a.features.map(\.bitPattern) == b.features.map(\.bitPattern), sourceLocation: sourceLocation)
            #expect(a.targets == b.targets, sourceLocation: sourceLocation)
        case let (.failure(a), .failure(b)):
            #expect(a == b, sourceLocation: sourceLocation)
            if valid { Issue.record("good data rejected: \(a)", sourceLocation: sourceLocation) }
        default:
            Issue.record("whole: \(whole), in runs: \(runs)", sourceLocation: sourceLocation)
        }
    }

    func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("csvfile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func randomFilesReadInRunsAsTheyReadWhole() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        var generator = SeededGenerator(seed: 21)
        for round in 0..<60 {
            let text = Self.randomFile(&generator, rows: 1 + generator.index(below: 400))
            try expectSameReading(
                text, parts: 1 + round % 5, chunkSize: [64, 100, 333, 4096][round % 4], valid: true,
                in: directory)
        }
    }

    @Test func randomErrorsAreTheSameErrorsOnTheSameLines() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        var generator = SeededGenerator(seed: 22)
        let bad = ["1,2", "1,2,3,0", "1,oops,0", "1,2,7", "1,nan,1", ",2,0", "1,2,0.5"]
        for round in 0..<60 {
            var text = Self.randomFile(&generator, rows: 20 + generator.index(below: 300))
            let lineCount = Self.lines(text).count
            // One or two bad lines anywhere after the first few: the first of them must be the one reported.
            for _ in 0..<(1 + round % 2) {
                text = Self.replacingLine(
                    text, 4 + generator.index(below: lineCount - 4), with: bad[generator.index(below: bad.count)])
            }
            try expectSameReading(text, parts: 2 + round % 4, chunkSize: [64, 150, 1000][round % 3], in: directory)
        }
    }

    @Test func everyTargetChoiceReadsAsItDoesWhole() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        var generator = SeededGenerator(seed: 23)
        let text = "p,q,label\n" + Self.randomFile(&generator, rows: 200)
        for target in [
            TargetColumn.last, .none, .position(1), .position(3), .position(4), .name("label"), .name("nope")
        ] {
            try expectSameReading(text, target: target, parts: 3, chunkSize: 128, in: directory)
        }
    }

    @Test func theShapesAtTheEdgesReadAsTheyDoWhole() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let long = String(repeating: "n", count: 70_000)  // a header longer than the first look at the file
        for text in [
            "", "\n\n  \n", "a,b,y", "a,b,y\n", "a,b,y\n\n\n", "\(long),b,y", "1,2,0", "1,2,0\n",
            "\u{FEFF}1,2,0\r\n3,4,1",
            "\(long),b,y\n1,2,0\n", "x\n", "1,2,0\n" + String(repeating: " ", count: 5_000) + "3,4,1\n"
        ] {
            for parts in [1, 2, 7] {
                try expectSameReading(text, parts: parts, chunkSize: 64, in: directory)
            }
        }
    }

    @Test func laterLinesShorterThanTheFirstChunksStillReadEveryRow() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        // The first kilobyte in long padded rows sets the arrays' size; the short rows after need several times as
        // many, so the run's rows go into more than one set of arrays, joined at the end.
        let long = (0..<10).map { "\(String(repeating: " ", count: 90))\($0).5,\($0 % 3),\($0 % 2)" }
        let short = (0..<3_000).map { "\($0 % 10),\($0 % 3),\($0 % 2)" }
        let text = (long + short).joined(separator: "\n") + "\n"
        for parts in [1, 3] {
            try expectSameReading(text, parts: parts, chunkSize: 1024, valid: true, in: directory)
        }
        let file = try Self.inRuns(directory.appendingPathComponent("data.csv").path, chunkSize: 1024)
        let rows = try file.rows(in: file.layout.dataStart..<file.size)
        #expect(rows.count == 3_010)
    }

    @Test func runsStartAtLineStartsAndCoverTheData() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        var generator = SeededGenerator(seed: 24)
        let text = "a,b,y\n" + Self.randomFile(&generator, rows: 500)
        let url = directory.appendingPathComponent("data.csv")
        try Data(text.utf8).write(to: url)
        let bytes = Array(text.utf8)
        let file = try Self.inRuns(url.path)
        for parts in 1...6 {
            let runs = try file.runs(parts: parts, minimumBytes: 1)
            #expect(runs.count == parts)
            #expect(runs.first?.lowerBound == file.layout.dataStart && runs.last?.upperBound == bytes.count)
            for (a, b) in zip(runs, runs.dropFirst()) {
                #expect(a.upperBound == b.lowerBound && a.count > 0)
                #expect(bytes[b.lowerBound - 1] == 10, "a run starts mid-line at \(b.lowerBound)")
            }
        }
        // No more runs than `minimumBytes` allows.
        let data = bytes.count - file.layout.dataStart
        #expect(try file.runs(parts: 6, minimumBytes: data / 2).count == 2)
        #expect(try file.runs(parts: 6, minimumBytes: data / 2 + 1).count == 1)
    }

    @Test func theFirstRunHasRoomForEveryRowSoTheOthersJoinInPlace() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        var csv = "a,b,c,y\n"
        for row in 0..<20_000 { csv += "\(row % 97).25,\(row % 13),-\(row % 7).5,\(row % 2)\n" }
        let url = directory.appendingPathComponent("data.csv")
        try Data(csv.utf8).write(to: url)
        let file = try Self.inRuns(url.path, chunkSize: 4096)
        let runs = try file.runs(parts: 4, minimumBytes: 1)
        var rows = [try file.rows(in: runs[0], roomForMoreBytes: file.size - file.layout.dataStart - runs[0].count)]
        #expect(rows[0].count < 20_000)
        #expect(rows[0].features.capacity >= 20_000 * 3)
        #expect(rows[0].targets.capacity >= 20_000)
        // Joined, the rows stay where the first run put them.
        for run in runs.dropFirst() { rows.append(try file.rows(in: run)) }
        let address = rows[0].features.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
        let data = try CSVReader.dataset(layout: file.layout, runs: consume rows, file: url.path)
        #expect(data.count == 20_000)
        #expect(data.features.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) } == address)
    }

    @Test func aMissingFileAndADirectoryGiveTheirErrors() throws {
        #expect(throws: DataError(file: "/no/such.csv", "no such file")) { try CSVFile.open(path: "/no/such.csv") }
        let directory = FileManager.default.temporaryDirectory.path
        #expect(throws: DataError(file: directory, "is a directory, expected a file")) {
            try CSVFile.open(path: directory, minimumSize: 0)
        }
    }

    @Test func aSmallFileOrAPipeIsReadWholeThroughTheOneDescriptor() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("small.csv")
        try Data("a,b,y\n1,2,0\n".utf8).write(to: url)
        guard case .whole(let bytes) = try CSVFile.open(path: url.path) else {
            Issue.record("a 12-byte file is read in runs")
            return
        }
        #expect(bytes == Array("a,b,y\n1,2,0\n".utf8))
        // A named pipe: its writer's bytes must arrive (a second open would wait forever for a writer).
        let pipe = directory.appendingPathComponent("pipe").path
        #expect(mkfifo(pipe, 0o600) == 0)
        let writer = Thread {
            let fd = open(pipe, O_WRONLY)
            _ = "x,y\n3,1\n".withCString { write(fd, $0, 8) }
            close(fd)
        }
        writer.start()
        guard case .whole(let piped) = try CSVFile.open(path: pipe, minimumSize: 0) else {
            Issue.record("a pipe is read in runs")
            return
        }
        #expect(piped == Array("x,y\n3,1\n".utf8))
    }
}
