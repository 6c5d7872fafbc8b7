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
}
