import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Faults and load on the real binary in a real terminal (tmux): a flood of keys, a storm of resizes,
/// termination signals at random moments, Ctrl-Z and fg from an interactive shell, and SIGKILL while a model
/// is being saved. Random choices come from a seed printed in every failure message, so a failure replays.
@Suite(.serialized) struct FaultTests {
    // MARK: - Helpers

    /// Runs the dashboard in a shell that records `stty -a` before and after it, and its exit status. The shell
    /// survives a Ctrl-C meant for nntop (a trap, not an ignore, so nntop itself still gets the default action).
    private func start(width: Int, height: Int, arguments: String = "", scratch: Scratch) throws -> Tmux {
        let binary = try nntopExecutable.get().path
        let before = shellQuoted(scratch.path("stty-before")), after = shellQuoted(scratch.path("stty-after"))
        let script =
            "trap true INT; stty -a > \(before); LANG=C.UTF-8 TERM=xterm-256color \(shellQuoted(binary)) "
            + "\(arguments); echo $? > \(shellQuoted(scratch.path("status"))); stty -a > \(after)"
        return try Tmux(width: width, height: height, command: "sh -c \(shellQuoted(script))")
    }

    /// The pane's exit status as recorded by the shell, once the pane has ended.
    private func finish(_ tmux: Tmux, scratch: Scratch, seconds: Double = 10) throws -> (ended: Bool, status: String?) {
        let ended = try tmux.waitFor(seconds) { _ in (try? tmux.paneDead()) == true }.ok
        let status = try? scratch.read("status").trimmingCharacters(in: .whitespacesAndNewlines)
        return (ended, status)
    }

    private static let panes = ["Weights", "Loss", "Probe"]

    /// Every pane's title (the dataset's may give its name up for its scores), and the status bar's iteration.
    private static func showsDashboard(_ screen: [String]) -> Bool {
        let text = screen.joinedScreen
        return panes.allSatisfy { text.contains($0) } && (text.contains("Dataset") || text.contains("train acc"))
            && screen.iteration != nil
    }

    // MARK: - Load

    /// 10 000 keys typed as fast as tmux delivers them — every command key except q, Ctrl-C and Ctrl-Z, text for
    /// the probe and learning-rate prompt, Enter, Backspace, and arrow and paging escape sequences — then the
    /// dashboard still answers: Esc Esc leaves any field or overlay, ? shows the help, q exits with status 0
    /// and the terminal is as it was.
    @Test func tenThousandKeys() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        var random = SplitMix64()
        let tmux = try start(width: 100, height: 30, scratch: scratch)
        let up = try tmux.waitFor(10) { Self.showsDashboard($0) }
        #expect(up.ok, "\(up.screen.joinedScreen)")

        let commands = [
            " ", "n", "+", "-", ">", "<", "l", "w", "?", "h", "\t", "\u{1B}", "r", "R", "L", "\r", "\u{7F}",
            "=", "_", ".", ","
        ]
        let sequences = [
            "\u{1B}[A", "\u{1B}[B", "\u{1B}[C", "\u{1B}[D", "\u{1B}[5~", "\u{1B}[6~", "\u{1B}[H", "\u{1B}[F",
            "\u{1B}[Z", "\u{1B}OP"
        ]
        let text = Array("abcdefghijklmnoprstuvwxyzABCDEFGHIJKMNOPQRSTUVWXYZ0123456789e.-+").map(String.init)
        var keys: [String] = []
        for _ in 0..<10_000 {
            switch random.next() % 10 {
            case 0..<5: keys.append(commands[Int(random.next() % UInt64(commands.count))])
            case 5..<7: keys.append(sequences[Int(random.next() % UInt64(sequences.count))])
            default: keys.append(text[Int(random.next() % UInt64(text.count))])
            }
        }
        #expect(!keys.contains { $0.contains("q") || $0.contains("\u{3}") || $0.contains("\u{1A}") })
        for start in stride(from: 0, to: keys.count, by: 500) {
            try tmux.type(keys[start..<min(start + 500, keys.count)].joined())
        }
        // Alive, and still drawing its panes.
        Thread.sleep(forTimeInterval: 0.5)
        #expect(try !tmux.paneDead(), "nntop died under the key flood (seed \(random.seed))")
        // Out of any overlay or field (one Esc each, slower than the escape delay), then ? opens the help. The
        // flood may still be draining, and its last N, [ or ] leaves a notice in the figures' place until the next
        // key: Esc again until the figures show.
        var calm = (ok: false, screen: [String]())
        for _ in 0..<20 where !calm.ok {
            try tmux.send("Escape")
            Thread.sleep(forTimeInterval: 0.15)
            calm = try tmux.waitFor(1) { Self.showsDashboard($0) && !$0.joinedScreen.contains("key closes this") }
        }
        #expect(calm.ok, "seed \(random.seed):\n\(calm.screen.joinedScreen)")
        try tmux.type("?")
        let help = try tmux.waitFor(10) { $0.joinedScreen.contains("key closes this") }
        #expect(help.ok, "? does not show the help after the flood (seed \(random.seed)):\n\(help.screen.joinedScreen)")
        // q closes the help, and a second q quits.
        try tmux.type("q")
        let closed = try tmux.waitFor(10) { Self.showsDashboard($0) && !$0.joinedScreen.contains("key closes this") }
        #expect(closed.ok, "q does not close the help (seed \(random.seed)):\n\(closed.screen.joinedScreen)")
        try tmux.type("q")
        let (ended, status) = try finish(tmux, scratch: scratch)
        #expect(ended, "q does not quit after the flood (seed \(random.seed))")
        #expect(status == "0", "exit status \(status ?? "none") (seed \(random.seed))")
        try expectSameTerminal(scratch, "after the key flood (seed \(random.seed))")
    }

    /// 100 resizes to random sizes, a third of them below the 60×18 minimum, with no pause between them: the
    /// dashboard survives, and at a usable size shows every pane and keeps training.
    @Test func hundredResizes() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        var random = SplitMix64()
        let tmux = try start(width: 100, height: 30, arguments: "--speed max --iterations 1000000000", scratch: scratch)
        let up = try tmux.waitFor(10) { Self.showsDashboard($0) }
        #expect(up.ok, "\(up.screen.joinedScreen)")
        for _ in 0..<100 {
            // One in three below the 60×18 minimum.
            let tiny = random.next() % 3 == 0
            let width = tiny ? 2 + Int(random.next() % 58) : 60 + Int(random.next() % 140)
            let height = tiny ? 2 + Int(random.next() % 16) : 18 + Int(random.next() % 42)
            try tmux.resize(width: width, height: height)
        }
        #expect(try !tmux.paneDead(), "nntop died during the resizes (seed \(random.seed))")
        try tmux.resize(width: 50, height: 12)
        let tooSmall = try tmux.waitFor(10) { $0.joinedScreen.contains("terminal too small (have 50×12") }
        #expect(tooSmall.ok, "seed \(random.seed):\n\(tooSmall.screen.joinedScreen)")
        try tmux.resize(width: 110, height: 32)
        let back = try tmux.waitFor(10) { Self.showsDashboard($0) }
        #expect(back.ok, "panes missing after the resizes (seed \(random.seed)):\n\(back.screen.joinedScreen)")
        let at = back.screen.iteration ?? 0
        let moving = try tmux.waitFor(10) { ($0.iteration ?? 0) > at }
        #expect(moving.ok, "training stuck at \(at) after the resizes (seed \(random.seed))")
        // Back to the starting size, so that stty's rows and columns compare too. tmux resizes the pty a moment
        // after its own grid: wait until nntop has redrawn at 100 columns (its top-right corner in column 100).
        try tmux.resize(width: 100, height: 30)
        let redrawn = try tmux.waitFor(10) { $0.first.map { $0.count == 100 && $0.hasSuffix("┐") } == true }
        #expect(redrawn.ok, "no redraw at 100×30 (seed \(random.seed)):\n\(redrawn.screen.joinedScreen)")
        try tmux.send("q")
        let (ended, status) = try finish(tmux, scratch: scratch)
        #expect(ended && status == "0", "exit status \(status ?? "none") (seed \(random.seed))")
        try expectSameTerminal(scratch, "after the resizes (seed \(random.seed))")
    }

    // MARK: - Signals

    /// SIGTERM, SIGHUP and Ctrl-C, each three times, 0–500 ms after nntop's process appears (once each within the
    /// first 30 ms, while it is still setting up the terminal). Every time it ends (by the signal, or with status 0 when Ctrl-C is
    /// read as a key) and leaves `stty -a` exactly as it found it.
    @Test func terminationAtRandomMoments() throws {
        var random = SplitMix64()
        for trial in 0..<9 {
            let way = ["SIGTERM", "SIGHUP", "Ctrl-C"][trial % 3]
            // The first trial of each kind within 30 ms of exec, while nntop is still loading and setting up curses.
            let delay = Int(random.next() % (trial < 3 ? 31 : 501))
            let scratch = try Scratch()
            defer { scratch.cleanUp() }
            let tmux = try start(width: 80, height: 24, scratch: scratch)
            let shell = try #require(Int32(try tmux.panePID()))
            let pid = try #require(waitForChild(of: shell, named: "nntop"), "\(way): nntop never started")
            Thread.sleep(forTimeInterval: Double(delay) / 1000)
            switch way {
            case "SIGTERM": kill(pid, SIGTERM)
            case "SIGHUP": kill(pid, SIGHUP)
            default: try tmux.send("C-c")
            }
            let (ended, status) = try finish(tmux, scratch: scratch)
            let context = "\(way) after \(delay) ms (seed \(random.seed))"
            let screen = (try? tmux.screen().joinedScreen) ?? ""
            #expect(ended, "still running: \(context)\n\(screen)")
            let allowed = way == "SIGTERM" ? ["143"] : way == "SIGHUP" ? ["129"] : ["0", "130"]
            #expect(allowed.contains(status ?? ""), "exit status \(status ?? "none"): \(context)")
            try expectSameTerminal(scratch, "after \(context)")
        }
    }

    /// Ctrl-Z in an interactive shell: the shell's prompt comes back with the terminal as it was before nntop,
    /// `fg` brings back the whole dashboard, which still takes keys, and q exits with status 0.
    @Test func suspendAndResumeFromAShell() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let bash = try #require(
            ["/bin/bash", "/usr/bin/bash"].first { FileManager.default.isExecutableFile(atPath: $0) },
            "bash is needed for job control")
        let binary = try nntopExecutable.get().path
        // capture-pane drops trailing spaces, so the prompt is matched without its final space.
        let prompt = "nntop-fault-test$"
        let tmux = try Tmux(
            width: 100, height: 30,
            command:
                "env PS1=\(shellQuoted(prompt + " ")) LANG=C.UTF-8 TERM=xterm-256color \(bash) --norc --noprofile -i")
        let ready = try tmux.waitFor(10) { $0.contains { $0.hasPrefix(prompt) } }
        #expect(ready.ok, "no prompt:\n\(ready.screen.joinedScreen)")
        try tmux.type("stty -a > \(shellQuoted(scratch.path("before"))); \(shellQuoted(binary))")
        try tmux.send("Enter")
        let up = try tmux.waitFor(10) { Self.showsDashboard($0) && $0.statusLine.contains("RUNNING") }
        #expect(up.ok, "\(up.screen.joinedScreen)")

        try tmux.send("C-z")
        let stopped = try tmux.waitFor(10) { screen in
            screen.contains { $0.contains("Stopped") } && screen.statusLine.hasPrefix(prompt)
        }
        #expect(stopped.ok, "no shell prompt after Ctrl-Z:\n\(stopped.screen.joinedScreen)")
        try tmux.type("stty -a > \(shellQuoted(scratch.path("stopped"))); echo saved-stopped")
        try tmux.send("Enter")
        let saved = try tmux.waitFor(10) { $0.contains { $0 == "saved-stopped" } }
        #expect(saved.ok, "\(saved.screen.joinedScreen)")
        #expect(
            try scratch.read("before") == scratch.read("stopped"), "the terminal is not sane while nntop is stopped")

        try tmux.type("fg")
        try tmux.send("Enter")
        let back = try tmux.waitFor(10) { Self.showsDashboard($0) && !$0.contains { $0.contains("saved-stopped") } }
        #expect(back.ok, "the dashboard did not redraw after fg:\n\(back.screen.joinedScreen)")
        try tmux.send("space")
        let paused = try tmux.waitFor(10) { $0.statusLine.contains("PAUSED") }
        #expect(paused.ok, "keys not read after fg:\n\(paused.screen.joinedScreen)")
        try tmux.send("q")
        try tmux.waitFor(10) { $0.statusLine.hasPrefix(prompt) }
        try tmux.type("echo \"status=$?\"; stty -a > \(shellQuoted(scratch.path("after")))")
        try tmux.send("Enter")
        let quit = try tmux.waitFor(10) { $0.contains { $0 == "status=0" } }
        #expect(quit.ok, "q after fg did not exit with status 0:\n\(quit.screen.joinedScreen)")
        try tmux.waitFor(5) { _ in FileManager.default.fileExists(atPath: scratch.path("after")) }
        Thread.sleep(forTimeInterval: 0.2)
        #expect(try scratch.read("before") == scratch.read("after"), "the terminal changed after fg and q")
    }

    // MARK: - Killed while saving

    /// `train --save model.json` over an existing model, killed with SIGKILL: half the trials at a random moment
    /// of the run, half the moment the temporary file beside model.json appears (so inside the write, fsync and
    /// rename). model.json is always either the old bytes or a whole new model, never a mixture or a fragment.
    @Test func sigkillWhileSavingKeepsTheOldModel() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        var random = SplitMix64()
        let executable = try nntopExecutable.get()
        let old = Data(HostileInputTests.validModel.utf8)
        let model = scratch.path("model.json")
        var outcomes: [String: Int] = [:]
        for trial in 0..<30 {
            try old.write(to: URL(fileURLWithPath: model))
            let process = Process()
            process.executableURL = executable
            process.arguments = ["train", "--hidden", "64,64", "--iterations", "200", "--save", model]
            process.currentDirectoryURL = scratch.url
            process.standardInput = FileHandle.nullDevice
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            let pid = process.processIdentifier
            // The save's temporary file has a random name: any new dot-file in the directory.
            func temporaryFiles() -> [String] {
                ((try? FileManager.default.contentsOfDirectory(atPath: scratch.url.path)) ?? []).filter {
                    $0.hasPrefix(".nntop-")
                }
            }
            let watchTemporary = trial % 2 == 1
            let delay = watchTemporary ? Double(random.next() % 2000) / 1e6 : Double(random.next() % 400) / 1000
            var sawTemporary = false
            if watchTemporary {
                let deadline = ContinuousClock.now + .seconds(10)
                while process.isRunning, ContinuousClock.now < deadline {
                    if !temporaryFiles().isEmpty { sawTemporary = true; break }
                }
            }
            Thread.sleep(forTimeInterval: delay)
            if process.isRunning { kill(pid, SIGKILL) }
            process.waitUntilExit()

            let now = try Data(contentsOf: URL(fileURLWithPath: model))
            let context =
                "trial \(trial), \(watchTemporary ? "temporary file + " : "")\(Int(delay * 1e6)) µs (seed \(random.seed))"
            let killedWhileSaving = sawTemporary && process.terminationReason == .uncaughtSignal
            let when = killedWhileSaving ? ", killed while saving" : ""
            if now == old {
                outcomes["old kept" + when, default: 0] += 1
            } else {
                let saved = try? SavedModel(path: model)
                #expect(
                    saved?.hidden == [64, 64] && saved?.weights.map(\.count) == [64, 64, 1],
                    "model.json is neither the old model nor a whole new one: \(context), \(now.count) bytes")
                outcomes["new model" + when, default: 0] += 1
            }
            // A temporary file may stay behind after SIGKILL (nothing can remove it); clear it for the next trial.
            for name in temporaryFiles() { try? FileManager.default.removeItem(atPath: scratch.path(name)) }
        }
        // Some kills must land inside the save (the temporary file there, the process killed), or the trials
        // proved nothing about it.
        #expect(
            (outcomes["old kept, killed while saving"] ?? 0) + (outcomes["new model, killed while saving"] ?? 0) > 0,
            "no kill landed inside the save: \(outcomes) (seed \(random.seed))")
        print("sigkillWhileSaving outcomes (seed \(random.seed)): \(outcomes.sorted { $0.key < $1.key })")
    }
}

/// Expects `stty -a` after nntop to match `stty -a` before it, naming the settings that differ.
func expectSameTerminal(_ scratch: Scratch, _ context: String, sourceLocation: SourceLocation = #_sourceLocation) throws
{
    let before = try scratch.read("stty-before"), after = try scratch.read("stty-after")
    let settings = { (text: String) in
        Set(text.split(whereSeparator: { $0 == ";" || $0 == "\n" || $0 == " " }).map(String.init))
    }
    let changed = settings(before).symmetricDifference(settings(after)).sorted()
    #expect(before == after, "the terminal changed \(context): \(changed)", sourceLocation: sourceLocation)
}

/// The process id of `parent`'s child running `name`, once it appears (at most `seconds`), from /proc.
func waitForChild(of parent: Int32, named name: String, seconds: Double = 10) -> Int32? {
    let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
    while ContinuousClock.now < deadline {
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
            guard let pid = Int32(entry),
                let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                let open = stat.firstIndex(of: "("), let close = stat.lastIndex(of: ")")
            else { continue }
            let command = stat[stat.index(after: open)..<close]
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            if command == name, fields.count > 1, Int32(fields[1]) == parent { return pid }
        }
        Thread.sleep(forTimeInterval: 0.001)
    }
    return nil
}

/// A small seeded generator (SplitMix64): the seed comes from the clock unless NNTOP_FAULT_SEED is set, and
/// is shown in failure messages so that a failing run can be repeated.
struct SplitMix64: RandomNumberGenerator {
    let seed: UInt64
    private var state: UInt64

    init() {
        let fixed = ProcessInfo.processInfo.environment["NNTOP_FAULT_SEED"].flatMap { UInt64($0) }
        seed = fixed ?? UInt64(truncatingIfNeeded: DispatchTime.now().uptimeNanoseconds)
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
