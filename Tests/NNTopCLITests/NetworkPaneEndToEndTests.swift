import Foundation
import Testing

/// The Network pane in the real binary, in tmux: a unit selected with the keys (the decision map then shows it),
/// one of its weights typed in, and the trainer's next snapshot carrying it back to the screen.
@Suite(.serialized) struct NetworkPaneEndToEndTests {
    @Test func selectAUnitAndEditAWeight() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let tmux = try startDashboard(
            width: 120, height: 40, arguments: "--hidden 4,4 --activation tanh --paused", scratch: scratch)
        let up = try tmux.waitFor {
            $0.joinedScreen.contains("Network · 2-4-4-1 · tanh") && $0.statusLine.contains("PAUSED")
        }
        #expect(up.ok, "\(up.screen.joinedScreen)")
        // u selects the first hidden unit, ↓ the second: its parameters beside the columns, its map in the map.
        try tmux.send("u")
        try tmux.send("Down")
        let selected = try tmux.waitFor { screen in
            screen.joinedScreen.contains("h1 2 · tanh") && screen.joinedScreen.contains("Map of h1 2")
        }
        #expect(selected.ok, "\(selected.screen.joinedScreen)")
        // Tab to its first weight, Enter, a value, Enter: the trainer sets it and the pane shows it.
        try tmux.send("Tab")
        try tmux.send("Enter")
        let typing = try tmux.waitFor { $0.joinedScreen.contains("Enter sets · Esc cancels") }
        #expect(typing.ok, "\(typing.screen.joinedScreen)")
        try tmux.type("2.75")
        try tmux.send("Enter")
        let edited = try tmux.waitFor { screen in
            screen.contains { $0.contains("w1     2.7500 x1") }
                && screen.joinedScreen.contains("Tab weight · Enter edit")
        }
        #expect(edited.ok, "\(edited.screen.joinedScreen)")
        // The weights pane reads the same parameter: hidden 1, unit 2, first weight.
        #expect(edited.screen.contains { $0.contains("u2 b+0.00  │ +2.75") }, "\(edited.screen.joinedScreen)")
        #expect(edited.screen.statusLine.contains("PAUSED") && edited.screen.iteration == 0)
        try tmux.send("q")
        let ended = try tmux.waitFor { _ in (try? tmux.paneDead()) == true }
        #expect(ended.ok)
        #expect(try scratch.read("stty-before") == scratch.read("stty-after"))
    }
}
