import Foundation
import Testing
@testable import NeuralCore

/// Where AtomicFile may write, and what it replaces: regular files only, through symbolic links, never a link,
/// a directory, a device or a pipe, and never a path whose directory is missing.
@Suite struct AtomicFileTests {
    /// A fresh directory, removed when `body` ends.
    func inScratch(_ body: (String) throws -> Void) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("nntop-atomic-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try body(directory)
    }

    func contents(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    @Test func writesANewFileAndReplacesAnOldOne() throws {
        try inScratch { dir in
            try AtomicFile.write("one\n", to: "\(dir)/f.txt")
            try AtomicFile.write("two\n", to: "\(dir)/f.txt")
            #expect(try contents("\(dir)/f.txt") == "two\n")
            #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["f.txt"])
        }
    }

    @Test func writesThroughASymbolicLink() throws {
        try inScratch { dir in
            try "old\n".write(toFile: "\(dir)/real.json", atomically: false, encoding: .utf8)
            try FileManager.default.createSymbolicLink(atPath: "\(dir)/link.json", withDestinationPath: "real.json")
            #expect(try AtomicFile.checkWritable("\(dir)/link.json") == "\(dir)/real.json")
            try AtomicFile.write("new\n", to: "\(dir)/link.json")
            #expect(try FileManager.default.destinationOfSymbolicLink(atPath: "\(dir)/link.json") == "real.json")
            #expect(try contents("\(dir)/real.json") == "new\n")
        }
    }

    @Test func refusesWhatARenameWouldDestroy() throws {
        try inScratch { dir in
            #expect(mkfifo("\(dir)/fifo", 0o644) == 0)
            try FileManager.default.createSymbolicLink(atPath: "\(dir)/to-fifo", withDestinationPath: "fifo")
            try FileManager.default.createSymbolicLink(atPath: "\(dir)/dangling", withDestinationPath: "nothing-here")
            try FileManager.default.createDirectory(atPath: "\(dir)/sub", withIntermediateDirectories: false)
            try "x".write(toFile: "\(dir)/plain", atomically: false, encoding: .utf8)
            let cases: [(String, String)] = [
                ("fifo", "not a regular file"),
                ("to-fifo", "not a regular file"),
                ("dangling", "symbolic link"),
                ("sub", "is a directory"),
                ("missing/f.txt", "does not exist"),
                ("plain/f.txt", "not a directory"),
            ]
            let before = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
            for (name, reason) in cases {
                let path = "\(dir)/\(name)"
                #expect(throws: DataError.self) { try AtomicFile.write("data", to: path) }
                do throws(DataError) {
                    try AtomicFile.checkWritable(path)
                    Issue.record("\(name) passed the check")
                } catch {
                    #expect(error.file == path)
                    #expect(error.reason.contains(reason), "\(name): \(error.reason)")
                }
            }
            #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == before)
            #expect(try FileManager.default.destinationOfSymbolicLink(atPath: "\(dir)/dangling") == "nothing-here")
        }
    }

    @Test func anEmptyPathIsNamedAsSuch() {
        #expect(throws: DataError(file: "", "is an empty path, expected a file to write")) {
            try AtomicFile.checkWritable("")
        }
    }

    @Test(arguments: [("a.json", "."), ("dir/a.json", "dir"), ("/a.json", "/"), ("/x/y/a.json", "/x/y"), ("out/", "out")])
    func directoryOfAPath(path: String, directory: String) {
        #expect(AtomicFile.directory(of: path) == directory)
    }
}
