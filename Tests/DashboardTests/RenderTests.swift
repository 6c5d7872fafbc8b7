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
        #expect(titleLine(\.dataset, of: state).hasPrefix("┌ Dataset · 8 rows"), "\(screen.text)")
        #expect(titleLine(\.weights, of: state).hasPrefix("┌ Weights & bias"), "\(screen.text)")
        #expect(titleLine(\.error, of: state).hasPrefix("┌ Loss · mean"), "\(screen.text)")
        #expect(titleLine(\.probe, of: state).hasPrefix("┌ Probe · Tab to edit"), "\(screen.text)")
        #expect(screen.line(size.height - 1).hasPrefix(" RUNNING "), "\(screen.text)")
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
