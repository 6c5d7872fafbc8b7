import Foundation
#if canImport(Glibc)
    import Glibc
#endif
import Testing

/// A private tmux server running one command in a pane of a fixed size: keys in, screen text out. The real
/// `nntop` runs inside it exactly as in a user's terminal.
final class Tmux {
    let socket = "nntop-test-\(UUID().uuidString.prefix(8))"
    let session = "t"

    /// The pane's working directory, made for it and removed with it, so that files the dashboard writes to
    /// relative paths (`s` saves nntop-model.json, `e` exports nntop-history.*) land nowhere that lasts.
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("nntop-pane-\(UUID().uuidString)")

    /// Starts `command` (run by sh) in a `width`×`height` pane.
    init(width: Int, height: Int, command: String) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: false)
        try tmux([
            "-f", "/dev/null", "new-session", "-d", "-s", session, "-x", "\(width)", "-y", "\(height)",
            "-c", directory.path, command
        ])
        // Keep the pane (and its last screen) when the command ends, so tests can read what it printed.
        try tmux(["set-option", "-t", session, "remain-on-exit", "on"])
    }

    deinit {
        _ = try? tmux(["kill-server"])
        try? FileManager.default.removeItem(at: directory)
    }

    /// The visible screen, one string per row.
    func screen() throws -> [String] {
        try tmux(["capture-pane", "-p", "-t", session]).components(separatedBy: "\n")
    }

    /// The scrollback and the visible screen, one string per row: what a command printed before the pane ended
    /// (tmux scrolls it up to show that the pane is dead).
    func history() throws -> [String] {
        try tmux(["capture-pane", "-p", "-S", "-", "-t", session]).components(separatedBy: "\n")
    }
    /// The visible screen with its colours and attributes as escape sequences (`capture-pane -e`).
    func screenWithEscapes() throws -> String { try tmux(["capture-pane", "-p", "-e", "-t", session]) }

    func send(_ keys: String...) throws { try tmux(["send-keys", "-t", session] + keys) }

    /// Types `text` literally (no key-name lookup).
    func type(_ text: String) throws { try tmux(["send-keys", "-l", "-t", session, text]) }

    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", session, "-x", "\(width)", "-y", "\(height)"])
    }

    /// Polls the screen until `predicate` holds, for at most `seconds`; returns the last screen either way.
    @discardableResult
    func waitFor(_ seconds: Double = 30, _ predicate: ([String]) -> Bool) throws -> (ok: Bool, screen: [String]) {
        let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
        var last = try screen()
        while ContinuousClock.now < deadline {
            if predicate(last) { return (true, last) }
            Thread.sleep(forTimeInterval: 0.05)
            last = try screen()
        }
        return (predicate(last), last)
    }

    /// The process id of the pane's command (the shell that runs nntop), as text.
    func panePID() throws -> String {
        try tmux(["display-message", "-p", "-t", session, "#{pane_pid}"]).trimmingCharacters(
            in: .whitespacesAndNewlines)
    }

    /// Whether the pane's command has ended.
    func paneDead() throws -> Bool {
        try tmux(["display-message", "-p", "-t", session, "#{pane_dead}"]).trimmingCharacters(
            in: .whitespacesAndNewlines) == "1"
    }

    @discardableResult
    private func tmux(_ arguments: [String]) throws -> String {
        // Output goes to a file, not a pipe: the tmux server forked by new-session would hold a pipe open.
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("\(socket)-\(UUID().uuidString)")
        try Data().write(to: output)
        defer { try? FileManager.default.removeItem(at: output) }
        // posix_spawn and waitpid: the client exits at once, while the server it forks lives on.
        let argv = ["tmux", "-L", socket] + arguments
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output.path, O_WRONLY | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var cArgs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        defer { cArgs.forEach { free($0) } }
        // Test threads block most signals, and a tmux server started with that mask hands it down to every
        // pane (bash passes it on): nntop would run with SIGINT, SIGTERM, SIGHUP and SIGTSTP blocked, in a
        // terminal no user has. Start tmux with nothing blocked and the usual signals at their defaults.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGTSTP, SIGQUIT, SIGPIPE, SIGTTIN, SIGTTOU, SIGCHLD, SIGWINCH] {
            sigaddset(&defaults, signal)
        }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, "tmux", &actions, &attributes, &cArgs, environ)
        guard spawned == 0 else { throw TmuxError.spawnFailed(spawned) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return String(decoding: try Data(contentsOf: output), as: UTF8.self)
    }
}

extension [String] {
    var joinedScreen: String { joined(separator: "\n") }

    /// The status bar: the last non-blank row.
    var statusLine: String { last(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) ?? "" }

    /// The iteration shown in the status bar ("it 1,234/10,000" gives 1234).
    var iteration: Int? {
        guard let range = statusLine.range(of: #"it [0-9,]+"#, options: .regularExpression) else { return nil }
        return Int(statusLine[range].dropFirst(3).replacingOccurrences(of: ",", with: ""))
    }
}

enum TmuxError: Error, CustomStringConvertible {
    case spawnFailed(Int32)

    var description: String {
        guard case .spawnFailed(let code) = self else { return "tmux failed" }
        if code == ENOENT {
            return "tmux is not installed: apt-get install tmux (the end-to-end tests drive the dashboard in it)"
        }
        return "tmux could not be started: \(String(cString: strerror(code)))"
    }
}

/// Runs the dashboard in tmux, in a shell that records `stty -a` before and after (scratch files stty-before and
/// stty-after) and its exit status (status). `environment` goes before the command, e.g. `LC_ALL=de_DE.UTF-8`.
func startDashboard(
    width: Int, height: Int, arguments: String = "", environment: String = "LANG=C.UTF-8",
    scratch: Scratch
) throws -> Tmux {
    let binary = try nntopExecutable.get().path
    let before = scratch.path("stty-before"), after = scratch.path("stty-after"), status = scratch.path("status")
    let script =
        "stty -a > \(shellQuoted(before)); \(environment) TERM=xterm-256color \(shellQuoted(binary)) \(arguments); "
        + "echo $? > \(shellQuoted(status)); stty -a > \(shellQuoted(after))"
    return try Tmux(width: width, height: height, command: "sh -c \(shellQuoted(script))")
}

/// Quotes `text` for sh.
func shellQuoted(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }
