import Foundation
import Testing
import NeuralCore
@testable import DataFiles

/// Where AtomicFile may write, and what it replaces: regular files only, through symbolic links, never a link,
/// a directory, a device or a pipe, and never a path whose directory is missing.
@Suite struct AtomicFileTests {
    /// A fresh directory, removed when `body` ends.
    func inScratch(_ body: (String) throws -> Void) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "nntop-atomic-\(UUID().uuidString)"
        ).path
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
                ("plain/f.txt", "not a directory")
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

    /// Guards the save against files planted by another user: the temporary name is new every time, random, of a
    /// fixed length, and created exclusively with mode 0600 (a name already taken is passed over, never opened).
    @Test func temporaryFilesAreUnpredictableExclusiveAndPrivate() throws {
        try inScratch { dir in
            var names = Set<String>()
            for _ in 0..<200 {
                let file = try TemporaryFile.create(in: dir, for: "\(dir)/x")
                var info = stat()
                #expect(fstat(file.descriptor, &info) == 0)
                #expect(info.st_mode & 0o777 == 0o600)
                close(file.descriptor)
                let name = String(file.path.dropFirst(dir.count + 1))
                #expect(name.utf8.count == ".nntop-.tmp".utf8.count + TemporaryFile.randomLength)
                names.insert(name)
            }
            #expect(names.count == 200)
            // Every one of them is still there: none was opened twice.
            #expect(try FileManager.default.contentsOfDirectory(atPath: dir).count == 200)
        }
    }

    /// Guards the permissions of a replaced file: a private model stays private, a new file follows the umask.
    @Test func aReplacedFileKeepsItsPermissionBits() throws {
        try inScratch { dir in
            let path = "\(dir)/model.json"
            try AtomicFile.write("one\n", to: path)
            var info = stat()
            #expect(stat(path, &info) == 0)
            #expect(info.st_mode & 0o777 == 0o666 & ~TemporaryFile.umaskNow())
            #expect(chmod(path, 0o600) == 0)
            try AtomicFile.write("two\n", to: path)
            #expect(stat(path, &info) == 0)
            #expect(info.st_mode & 0o777 == 0o600)
            #expect(chmod(path, 0o640) == 0)
            try AtomicFile.write("three\n", to: path)
            #expect(stat(path, &info) == 0)
            #expect(info.st_mode & 0o777 == 0o640)
            #expect(try contents(path) == "three\n")
        }
    }

    /// Guards a file the user made read-only: it is refused, not replaced (even for root, who may write anything).
    @Test func aReadOnlyFileIsRefused() throws {
        try inScratch { dir in
            let path = "\(dir)/keep.json"
            try "mine\n".write(toFile: path, atomically: false, encoding: .utf8)
            #expect(chmod(path, 0o444) == 0)
            do throws(DataError) {
                try AtomicFile.write("new\n", to: path)
                Issue.record("a read-only file was replaced")
            } catch {
                #expect(error.reason.contains("read-only"), "\(error)")
            }
            #expect(try contents(path) == "mine\n")
            #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["keep.json"])
        }
    }

    /// Guards the early check: it asks the file system the question the save will, so a name too long fails
    /// before any work, while the longest name the file system takes is saved (the temporary name does not grow
    /// with it).
    @Test func namesTooLongFailTheCheckAndTheLongestNameIsSaved() throws {
        try inScratch { dir in
            let longest = "\(dir)/" + String(repeating: "m", count: 250) + ".json"
            try AtomicFile.checkWritable(longest)
            #expect(try FileManager.default.contentsOfDirectory(atPath: dir).isEmpty)
            try AtomicFile.write("ok\n", to: longest)
            #expect(try contents(longest) == "ok\n")
            let tooLong = "\(dir)/" + String(repeating: "m", count: 251) + ".json"
            do throws(DataError) {
                try AtomicFile.checkWritable(tooLong)
                Issue.record("a 256-byte name passed the check")
            } catch {
                #expect(error.reason.contains("too long"), "\(error)")
            }
            #expect(try FileManager.default.contentsOfDirectory(atPath: dir).count == 1)
        }
    }

    @Test func anEmptyPathIsNamedAsSuch() {
        #expect(throws: DataError(file: "", "is an empty path, expected a file to write")) {
            try AtomicFile.checkWritable("")
        }
    }

    @Test(arguments: [
        ("a.json", "."), ("dir/a.json", "dir"), ("/a.json", "/"), ("/x/y/a.json", "/x/y"), ("out/", "out")
    ])
    func directoryOfAPath(path: String, directory: String) {
        #expect(AtomicFile.directory(of: path) == directory)
    }
}
