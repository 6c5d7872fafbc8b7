import Testing
import NeuralCore
import TerminalUI
import Training
@testable import Dashboard

/// The whole screen: every pane is there, the status bar is at the bottom, sizes are honoured.
@Suite struct RenderTests {
    @Test(arguments: Fixtures.sizes)
    func everyPaneTitleIsOnScreen(size: Size) {
        let state = Fixtures.state(size: size)
        let screen = render(state)
        #expect(screen.size == size)
        // Narrower, the counts and then the names make room for the figures, which stay whole.
        let wide = size.width >= 120, narrow = size.width < 80
        #expect(
            titleLine(\.dataset, of: state).hasPrefix(
                wide ? "┌ Dataset · 8 rows · train acc 50% " : "┌ Dataset · train acc 50% "),
            "\(screen.text)")
        #expect(
            titleLine(\.weights, of: state).hasPrefix(
                wide
                    ? "┌ Weights & bias · 2-1 · 3 parameters · squared-error "
                    : narrow ? "┌ 2-1 · squared-error " : "┌ Weights & bias · 2-1 · squared-error "), "\(screen.text)")
        #expect(
            titleLine(\.error, of: state).hasPrefix(
                wide ? "┌ Loss · mean, every 100 it · whole run · linear " : "┌ Loss · whole run · linear "),
            "\(screen.text)")
        for pane in [\Layout.dataset, \.weights, \.error, \.probe] {
            #expect(!titleLine(pane, of: state).contains("…"))
        }
        #expect(titleLine(\.probe, of: state).hasPrefix("┌ Probe · Tab to edit"), "\(screen.text)")
        #expect(screen.line(size.height - 1).hasPrefix(" RUNNING "), "\(screen.text)")
    }

    /// The training and test scores were cut ("train ac…" at 80×24, "test a…" at 120×40): they stay whole, and
    /// the row count, then the pane's name, make room for them.
    @Test func theDatasetTitleKeepsBothScoresWhole() {
        var snapshot = Fixtures.snapshot()
        snapshot.testAccuracy = 0.75
        let wide = Fixtures.state(size: Size(width: 120, height: 40), snapshot: snapshot)
        #expect(titleLine(\.dataset, of: wide).hasPrefix("┌ Dataset · train acc 50% · test acc 75% ─"))
        let medium = Fixtures.state(size: Size(width: 80, height: 24), snapshot: snapshot)
        #expect(titleLine(\.dataset, of: medium) == "┌ train acc 50% · test acc 75% ┐")
    }

    @Test(arguments: Fixtures.sizes)
    func everyPaneIsFramed(size: Size) {
        let state = Fixtures.state(size: size)
        let screen = render(state)
        let l = layout(of: state)
        for rect in [l.dataset, l.probe, l.weights, l.error] {
            #expect(screen[rect.x, rect.y].scalar == "┌")
            #expect(screen[rect.maxX - 1, rect.y].scalar == "┐")
            #expect(screen[rect.x, rect.maxY - 1].scalar == "└")
            #expect(screen[rect.maxX - 1, rect.maxY - 1].scalar == "┘", "\(rect) at \(size)\n\(screen.text)")
        }
    }

    @Test func firstFrameBeforeAnySnapshot() {
        let state = Fixtures.state(size: Size(width: 80, height: 24), snapshot: nil)
        let screen = render(state)
        #expect(titleLine(\.weights, of: state).hasPrefix("┌ Weights & bias ─"))
        #expect(inside(\.weights, of: state).allSatisfy { $0.isEmpty })
        #expect(inside(\.error, of: state).allSatisfy { $0.isEmpty })
        #expect(screen.line(23) == " starting…")
        // The data are there at once; predictions wait for the network.
        #expect(inside(\.dataset, of: state)[1] == "1 3       1.5     0")
    }

    @Test func renderIsAPureFunctionOfTheState() {
        var state = Fixtures.state(size: Size(width: 80, height: 24))
        state.previousParameters = [1, 1, 1]
        #expect(render(state) == render(state))
    }
}
