import Foundation
import Testing

/// Small ones found by trying: each message says what is wrong, and a valid number is read whatever its length.
@Suite struct SmallHostileTests {
    /// Guards the message for a version written as a string (it said "not a JSON object").
    @Test func aVersionWrittenAsAStringIsNamed() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let saved = try runNNTop(["train", "--iterations", "10", "--save", "m.json"], in: scratch.url)
        #expect(saved.status == 0, "\(saved)")
        let text = try scratch.read("m.json")
        #expect(text.contains("\"version\" : 2"))
        try scratch.file("s.json", text.replacingOccurrences(of: "\"version\" : 2", with: "\"version\" : \"2\""))
        try scratch.file("a.json", "[1, 2]")
        expectOneLineFailure(
            try runNNTop(["predict", "--model", "s.json", "1", "2"], in: scratch.url),
            contains: ["s.json", "\"version\" should be a number from 1 to 3, found the string \"2\""])
        expectOneLineFailure(
            try runNNTop(["predict", "--model", "a.json", "1", "2"], in: scratch.url),
            contains: ["a.json", "JSON, but not a JSON object"])
    }

    /// Guards the place of a number out of range in a model (it said "unreadable JSON", nowhere).
    @Test func aNumberOutOfRangeInAModelIsPlaced() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let saved = try runNNTop(["train", "--iterations", "10", "--save", "m.json"], in: scratch.url)
        #expect(saved.status == 0, "\(saved)")
        let text = try scratch.read("m.json")
        try scratch.file(
            "w.json",
            text.replacingOccurrences(
                of: "\"weights\" : [\n    [\n      [\n", with: "\"weights\" : [\n    [\n      [\n1e400,"))
        try scratch.file(
            "i.json", text.replacingOccurrences(of: "\"inputs\" : 2", with: "\"inputs\" : 9223372036854775808"))
        let weight = try runNNTop(["predict", "--model", "w.json", "1", "2"], in: scratch.url)
        expectOneLineFailure(weight, contains: ["w.json:", "the number 1e400 is out of range"])
        let inputs = try runNNTop(["predict", "--model", "i.json", "1", "2"], in: scratch.url)
        expectOneLineFailure(inputs, contains: ["i.json:", "bad value at \"inputs\""])
    }

    /// Guards the message for a writable file in a directory that is not: the directory is named.
    @Test func aDirectoryThatCannotBeWrittenIsNamed() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let model = try scratch.file("model.json", "old\n")
        chmod(model, 0o666)
        chmod(scratch.url.path, 0o555)
        defer { chmod(scratch.url.path, 0o755) }
        let result = try runNNTopUnprivileged(["train", "--iterations", "10", "--save", model])
        expectOneLineFailure(result, contains: ["permission denied in the directory", scratch.url.lastPathComponent])
        #expect(try scratch.read("model.json") == "old\n")
    }

    /// Guards a valid decimal of more than 510 characters, which was refused as not a number.
    @Test func aDecimalOfSixHundredDigitsIsANumber() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let tiny = "0." + String(repeating: "0", count: 600) + "1"
        let long = "1" + String(repeating: "0", count: 300) + "." + String(repeating: "5", count: 300)
        try scratch.file("d.csv", "a,b,y\n\(tiny),1,0\n\(long),2,1\n3,1,1\n")
        let result = try runNNTop(["train", "--data", "d.csv", "--iterations", "10", "--standardize"], in: scratch.url)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("3 training instances"), "\(result)")
    }

    /// Guards the summary: --save /dev/stdout with stdout redirected to a file replaced that file by rename,
    /// and the summary went to the old, unlinked one (exit 0, the output lost).
    @Test func savingOverWhereStandardOutputGoesIsRefused() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let binary = try nntopExecutable.get().path
        let result = try runCaptured(
            URL(fileURLWithPath: "/bin/sh"),
            ["-c", "\(shellQuoted(binary)) train --iterations 10 --save /dev/stdout > out.txt"],
            in: scratch.url, timeout: 20, naming: ["--save /dev/stdout"])
        expectOneLineFailure(result, contains: ["--save /dev/stdout", "standard output"])
        #expect(try scratch.read("out.txt").isEmpty)
    }

    /// Guards against a step that never ends: a batch near Int.max was taken, and one step looped for ever.
    @Test(arguments: ["9223372036854775807", "1000001"])
    func aBatchBeyondAMillionIsRefused(size: String) throws {
        let result = try runNNTop(["train", "--batch-size", size, "--iterations", "1"], timeout: 10)
        expectOneLineFailure(result, contains: ["--batch-size", "1 to 1000000"])
    }
}

/// The dashboard's default paths are checked when it opens (they were checked when s or e was pressed, after a
/// long session): it still opens, and says at once that s will fail and what to give.
@Suite(.serialized) struct DefaultPathTests {
    @Test func aDefaultPathThatCannotBeWrittenIsSaidAtOnce() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let kept = try scratch.file("nntop-model.json", "keep\n")
        #expect(chmod(kept, 0o444) == 0)
        let tmux = try startDashboard(
            width: 120, height: 40, arguments: "--paused",
            environment: "cd \(shellQuoted(scratch.url.path)) && LANG=C.UTF-8", scratch: scratch)
        let told = try tmux.waitFor { $0.statusLine.contains("s will fail, give --save") }
        #expect(told.ok, "\(told.screen.joinedScreen)")
        #expect(told.screen.statusLine.contains("read-only"), "\(told.screen.statusLine)")
        try tmux.send("q")
        #expect(try tmux.waitFor { _ in (try? tmux.paneDead()) == true }.ok)
        #expect(try scratch.read("nntop-model.json") == "keep\n")
    }
}
