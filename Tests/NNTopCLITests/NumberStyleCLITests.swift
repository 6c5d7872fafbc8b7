import Foundation
import Testing

/// One style of numbers and words in what the commands print: the dashboard's last line as its screen shows the
/// figures, a count of one in the singular, and a quoted cell quoted once.
@Suite(.serialized) struct NumberStyleCLITests {
    /// The dashboard's quit line gives the loss and the cumulative error as the loss pane showed them, and the
    /// export of a one-row history says "1 row".
    @Test func theQuitLineShowsTheScreensNumbers() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let tmux = try startDashboard(width: 100, height: 30, arguments: "--paused --export h", scratch: scratch)
        let pattern = #" train ([0-9][0-9.e+-]*)  sum ([0-9][0-9.e+-]*)"#
        let shown = try tmux.waitFor { screen in
            screen.statusLine.contains("PAUSED")
                && screen.contains { $0.range(of: pattern, options: .regularExpression) != nil }
        }
        #expect(shown.ok, "\(shown.screen.joinedScreen)")
        let header = try #require(shown.screen.first { $0.range(of: pattern, options: .regularExpression) != nil })
        let figures = String(header[try #require(header.range(of: pattern, options: .regularExpression))])
            .split(separator: " ").map(String.init)
        let (loss, sum) = (figures[1], figures[3])

        try tmux.send("e")
        let exported = try tmux.waitFor { $0.statusLine.contains("wrote h.csv") }
        #expect(exported.ok, "\(exported.screen.statusLine)")
        #expect(exported.screen.statusLine.contains("wrote h.csv (1 row) and h.svg"), "\(exported.screen.statusLine)")

        try tmux.send("q")
        let ended = try tmux.waitFor { _ in (try? tmux.paneDead()) == true }
        #expect(ended.ok)
        let after = try tmux.history()
        let line = try #require(after.first { $0.hasPrefix("nntop: ") }, "\(after.joinedScreen)")
        #expect(line == "nntop: paused at iteration 0, loss \(loss), cumulative error \(sum)", "\(line)")
    }

    @Test func aQuotedCellIsQuotedOnce() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let data = try scratch.file("fares.csv", "fare,y\n7.25,0\n\"abc\",1\n")
        let result = try runNNTop(["train", "--data", data])
        expectOneLineFailure(result, contains: ["fares.csv:3:1", "found \"abc\""])
        #expect(!result.stderr.contains("\"\""), "\(result)")
    }
}
