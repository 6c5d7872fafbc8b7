import Foundation
import Testing

/// The step explainer in a real terminal: the tutorial's network loaded paused, E takes one step laid open, and
/// the numbers on screen are those worked out here by hand for the row it drew; W then walks the weights.
@Suite(.serialized) struct ExplainerTmuxTests {
    static let model = """
        {"format": "nntop-model", "version": 1, "inputs": 2, "hidden": [], "activation": "sigmoid",
         "loss": "squared-error", "feature_names": ["x1", "x2"], "weights": [[[1.45, -0.66]]], "biases": [[0]],
         "iterations": 0}
        """

    func g6(_ x: Double) -> String { String(format: "%.6g", x) }
    func g5(_ x: Double) -> String { String(format: "%.5g", x) }

    @Test func stepWithTheExplainerAndReadTheNumbers() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let model = try scratch.file("tutorial.json", Self.model)
        let tmux = try startDashboard(
            width: 120, height: 40, arguments: "--model \(shellQuoted(model)) --paused", scratch: scratch)
        let up = try tmux.waitFor { $0.statusLine.contains("PAUSED") && $0.joinedScreen.contains("Weights") }
        #expect(up.ok, "\(up.screen.joinedScreen)")

        try tmux.send("X")
        let shown = try tmux.waitFor { screen in
            screen.contains { $0.contains("Step explainer · iteration 1 ") }
                && screen.contains { $0.contains("after") } && screen.statusLine.contains("it 1/")
        }
        #expect(shown.ok, "\(shown.screen.joinedScreen)")
        let text = shown.screen.joinedScreen

        // The row it drew, then the chain for that row by hand.
        let rows: [([Double], Double)] = [
            ([3, 1.5], 0), ([2, 1], 1), ([4, 1.5], 0), ([3, 4], 1), ([3.5, 0.5], 0), ([2, 0.5], 1), ([5.5, 1], 1),
            ([1, 1], 0)
        ]
        let line = try #require(shown.screen.first { $0.contains("│row ") }, "\(text)")
        let number = try #require(
            line.components(separatedBy: "│row ").last?.split(separator: " ").first.flatMap { Int($0) }, "\(text)")
        let (x, y) = rows[number - 1]
        let z: Double = 1.45 * x[0] + -0.66 * x[1] + 0
        let p: Double = 1 / (1 + Foundation.exp(-z))
        let delta: Double = 2 * (p - y) * p * (1 - p)
        for expected in [
            "p = σ(z) = \(g6(p))", "error: E = (p − y)² = \(g6((p - y) * (p - y))) (y = \(g6(y)))",
            "∂E/∂p = 2(p − y) = \(g6(2 * (p - y)))", "∂p/∂z = p(1 − p) = \(g6(p * (1 - p)))",
            "δ = ∂E/∂z = ∂E/∂p · ∂p/∂z = \(g6(delta))", "update (sgd): η 0.1"
        ] {
            #expect(text.contains(expected), "\(expected)\n\(text)")
        }
        // w ← w − η·g, before, g, after.
        func row(_ name: String) -> [String]? {
            shown.screen.first { $0.contains("│\(name) ") }?.components(separatedBy: "│")
                .first { $0.hasPrefix(name + " ") }?.split(separator: " ").map(String.init)
        }
        #expect(row("w1") == ["w1", "1.45", g5(delta * x[0]), g5(1.45 - 0.1 * (delta * x[0]))], "\(text)")
        #expect(row("w2") == ["w2", "-0.66", g5(delta * x[1]), g5(-0.66 - 0.1 * (delta * x[1]))], "\(text)")
        #expect(row("b") == ["b", "0", g5(delta), g5(-0.1 * delta)], "\(text)")

        // E again: the second step; Esc closes the explainer, and the weights pane shows the parameters after.
        try tmux.send("X")
        let second = try tmux.waitFor { $0.contains { $0.contains("Step explainer · iteration 2 ") } }
        #expect(second.ok, "\(second.screen.joinedScreen)")
        try tmux.send("Escape")
        let closed = try tmux.waitFor { screen in
            !screen.joinedScreen.contains("Step explainer") && screen.joinedScreen.contains("Weights & bias")
        }
        #expect(closed.ok, "\(closed.screen.joinedScreen)")
        // W, then ↓ ↓: the bias selected, read whole on the pane's last line with its last gradient.
        try tmux.send("W")
        try tmux.send("Down")
        try tmux.send("Down")
        let selected = try tmux.waitFor { $0.contains { $0.contains("│b ") && $0.contains(" · g ") } }
        #expect(selected.ok, "\(selected.screen.joinedScreen)")
        try tmux.send("q")
        #expect(try tmux.waitFor { _ in (try? tmux.paneDead()) == true }.ok)
    }
}
