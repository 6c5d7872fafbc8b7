import Testing

/// The panes the end-to-end tests drive must be like a user's terminal: whatever the test thread blocks or
/// ignores, the programs in a pane start with no signal blocked, so Ctrl-C, SIGTERM, SIGHUP and Ctrl-Z act.
@Suite struct TmuxTests {
    @Test func panesStartWithNoSignalBlocked() throws {
        let tmux = try Tmux(
            width: 80, height: 10,
            command: "bash -c 'grep -E \"^Sig(Blk|Ign)\" /proc/self/status; sleep 30'")
        let shown = try tmux.waitFor(10) { $0.contains { $0.hasPrefix("SigIgn") } }
        // "SigBlk:\t0000000000000000" (tmux shows the tab as spaces): the mask in hexadecimal.
        func mask(_ name: String) -> UInt64? {
            shown.screen.first { $0.hasPrefix(name + ":") }.flatMap { line in
                line.split(separator: " ").last.flatMap { UInt64($0, radix: 16) }
            }
        }
        #expect(mask("SigBlk") == 0, "\(shown.screen.joinedScreen)")
        // SIGHUP, SIGINT, SIGTERM and SIGTSTP (bits 0, 1, 14 and 19) are not ignored either.
        let terminating: UInt64 = 1 << 0 | 1 << 1 | 1 << 14 | 1 << 19
        #expect(mask("SigIgn").map { $0 & terminating } == 0, "\(shown.screen.joinedScreen)")
    }

    /// A new user's first keys, on the real binary: Tab into the probe and type (the field is replaced, not
    /// appended to), Enter on a dataset row (the row goes into the probe), and q in the help overlay (it closes the
    /// help; a second q quits).
    @Test func aNewUsersFirstKeysDoWhatTheySay() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let tmux = try startDashboard(width: 120, height: 40, arguments: "--paused", scratch: scratch)
        let up = try tmux.waitFor { $0.statusLine.contains("PAUSED") && $0.contains { $0.contains("x1 3 ") } }
        #expect(up.ok, "\(up.screen.joinedScreen)")

        // Tab selects x1's 3: typing 4.5 replaces it.
        try tmux.send("Tab")
        let selected = try tmux.waitFor { $0.joinedScreen.contains("typing replaces it") }
        #expect(selected.ok, "\(selected.screen.joinedScreen)")
        try tmux.type("4.5")
        let replaced = try tmux.waitFor { $0.contains { $0.contains("│x1 4.5_ ") } }
        #expect(replaced.ok, "\(replaced.screen.joinedScreen)")
        #expect(!replaced.screen.joinedScreen.contains("34.5"))
        try tmux.send("Escape")

        // Down twice marks row 3 (4, 1.5); Enter puts it into the probe.
        try tmux.send("Down", "Down", "Enter")
        let loaded = try tmux.waitFor { screen in
            screen.statusLine.contains("probe: training row 3") && screen.contains { $0.contains("│x1 4 ") }
                && screen.contains { $0.contains("│x2 1.5 ") }
        }
        #expect(loaded.ok, "\(loaded.screen.joinedScreen)")

        // ?: the help; q closes it and the dashboard stays; q again quits.
        try tmux.send("?")
        let help = try tmux.waitFor { $0.joinedScreen.contains("Help · keys") }
        #expect(help.ok, "\(help.screen.joinedScreen)")
        try tmux.send("q")
        let closed = try tmux.waitFor { !$0.joinedScreen.contains("Help · keys") && $0.statusLine.contains("PAUSED") }
        #expect(closed.ok, "\(closed.screen.joinedScreen)")
        #expect(try !tmux.paneDead())
        try tmux.send("q")
        #expect(try tmux.waitFor { _ in (try? tmux.paneDead()) == true }.ok)
        #expect(try scratch.read("status").trimmingCharacters(in: .whitespacesAndNewlines) == "0")
    }
}
