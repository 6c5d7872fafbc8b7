import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Saves in a directory another user can write to (a shared, sticky /tmp): whatever is planted beside the target
/// is never followed, never opened, and never hangs the save; names the file system cannot hold fail before the
/// work, not after it.
@Suite struct PlantedFileTests {
    /// The pid the kernel gave out last (the next process gets one just above it).
    static func lastPID() throws -> Int {
        let text = try String(contentsOfFile: "/proc/sys/kernel/ns_last_pid", encoding: .utf8)
        return try #require(Int(text.trimmingCharacters(in: .whitespacesAndNewlines)))
    }

    /// Guards the save against a planted symbolic link: an earlier nntop named its temporary file
    /// `.NAME.PID.tmp`, so a link planted at the next few hundred pids' names took the model onto any file the
    /// user could write. The victim stays as it was, the links stay links, and the model is saved.
    @Test func aLinkPlantedAtAPredictableTemporaryNameIsNotFollowed() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let victim = try scratch.file("victim.txt", "precious\n")
        let next = try Self.lastPID()
        for pid in next + 1...next + 400 {
            #expect(symlink(victim, scratch.path(".model.json.\(pid).tmp")) == 0)
        }
        let result = try runNNTop(["train", "--iterations", "200", "--save", "model.json"], in: scratch.url)
        #expect(result.status == 0, "\(result)")
        #expect(try scratch.read("victim.txt") == "precious\n")
        #expect(try scratch.read("model.json").contains("\"nntop-model\""))
        var info = stat()
        #expect(lstat(scratch.path(".model.json.\(next + 1).tmp"), &info) == 0 && info.st_mode & S_IFMT == S_IFLNK)
        // No temporary file of the save is left behind.
        let left = try FileManager.default.contentsOfDirectory(atPath: scratch.path("")).filter {
            $0.hasPrefix(".nntop-")
        }
        #expect(left.isEmpty, "\(left)")
    }

    /// Guards the target itself: a link another user put in a shared, sticky directory, named as the --save
    /// path, led the save onto any file the running user can write (root's 0600 secret, say). It is refused.
    @Test func aLinkAnotherUserPlantedAtTheTargetIsNotFollowed() throws {
        try #require(geteuid() == 0, "making a link owned by another user needs root (CI runs as root)")
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let shared = scratch.path("shared")
        #expect(mkdir(shared, 0o777) == 0 && chmod(shared, 0o1777) == 0)
        let victim = try scratch.file("secret.txt", "precious\n")
        #expect(symlink(victim, "\(shared)/model.json") == 0)
        #expect(lchown("\(shared)/model.json", 65534, 65534) == 0)
        let result = try runNNTop(["train", "--iterations", "10", "--save", "\(shared)/model.json"], timeout: 20)
        expectOneLineFailure(result, contains: ["model.json", "another user", "does not follow"])
        #expect(try scratch.read("secret.txt") == "precious\n")
    }

    /// Guards the save against a planted named pipe: opening one to write waits for a reader for ever.
    @Test func aPipePlantedAtAPredictableTemporaryNameDoesNotHangTheSave() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let next = try Self.lastPID()
        for pid in next + 1...next + 400 {
            #expect(mkfifo(scratch.path(".history.csv.\(pid).tmp"), 0o666) == 0)
        }
        let result = try runNNTop(
            ["train", "--iterations", "200", "--history", "history.csv"], in: scratch.url,
            timeout: 20)
        #expect(result.status == 0, "\(result)")
        #expect(try scratch.read("history.csv").hasPrefix("iteration,"))
    }

    /// Guards the early check: a --save name one byte too long for the file system fails at once (it used to
    /// pass the check and fail after training: this run would never end), writing nothing.
    @Test func aNameTooLongFailsBeforeTraining() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let name = String(repeating: "n", count: 251) + ".json"
        let result = try runNNTop(["train", "--iterations", "2000000000", "--save", name], in: scratch.url, timeout: 10)
        expectOneLineFailure(result, contains: ["too long"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path("")).isEmpty)
    }

    /// Guards the temporary name's length: the longest name the file system takes is saved (a temporary name
    /// that grew with it was too long, and the trained model was lost).
    @Test func theLongestNameIsSaved() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let name = String(repeating: "n", count: 250) + ".json"
        let result = try runNNTop(["train", "--iterations", "200", "--save", name], in: scratch.url)
        #expect(result.status == 0, "\(result)")
        #expect(try scratch.read(name).contains("\"nntop-model\""))
    }

    /// Guards a model the user keeps private, and one made read-only: 0600 stays 0600; 0444 is refused before
    /// training and left as it was.
    @Test func permissionsAreKeptAndReadOnlyIsRefused() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let model = try scratch.file("private.json", "old\n")
        #expect(chmod(model, 0o600) == 0)
        let saved = try runNNTop(["train", "--iterations", "200", "--save", "private.json"], in: scratch.url)
        #expect(saved.status == 0, "\(saved)")
        var info = stat()
        #expect(stat(model, &info) == 0 && info.st_mode & 0o777 == 0o600)
        #expect(try scratch.read("private.json").contains("\"nntop-model\""))

        let kept = try scratch.file("kept.json", "keep me\n")
        #expect(chmod(kept, 0o444) == 0)
        let refused = try runNNTop(
            ["train", "--iterations", "2000000000", "--save", "kept.json"], in: scratch.url,
            timeout: 10)
        expectOneLineFailure(refused, contains: ["kept.json", "read-only"])
        #expect(try scratch.read("kept.json") == "keep me\n")
    }
}
