import Testing
import NeuralCore
import TerminalUI
import Training
@testable import Dashboard

/// E and W: the step explainer and the weights pane's focus.
@Suite struct InspectKeyTests {
    @Test func eExplainsAStepAndOpensThePane() {
        var state = Fixtures.state(snapshot: Fixtures.snapshot(state: .paused))
        #expect(Fixtures.commands(update(&state, .key(.character("X")))) == [.explainStep])
        #expect(state.explainer == ExplainerView())
        #expect(state.notice == nil)
        // Again: another step, the pane kept where it was scrolled to.
        state.explainer = ExplainerView(scroll: 3)
        #expect(Fixtures.commands(update(&state, .key(.character("X")))) == [.explainStep])
        #expect(state.explainer == ExplainerView(scroll: 3))
    }

    @Test func eWhileRunningSaysItPauses() {
        var state = Fixtures.state()
        #expect(Fixtures.commands(update(&state, .key(.character("X")))) == [.explainStep])
        #expect(state.notice == .news("paused for one step laid open: X steps again, Esc closes, space runs on"))
    }

    @Test func eBeforeTheFirstSnapshotSaysWhy() {
        var state = Fixtures.state(snapshot: nil)
        #expect(update(&state, .key(.character("X"))).isEmpty)
        #expect(state.notice == .problem("nothing to explain before the first snapshot"))
        #expect(state.explainer == nil)
    }

    @Test func otherKeysStillWorkWhileTheExplainerIsOpen() {
        var state = Fixtures.state(snapshot: Fixtures.snapshot(state: .paused))
        state.explainer = ExplainerView()
        #expect(Fixtures.commands(update(&state, .key(.character("n")))) == [.step(1)])
        #expect(Fixtures.commands(update(&state, .key(.character(" ")))) == [.resume])
        #expect(state.explainer != nil)
    }

    @Test func wFocusesTheWeightsAndClosesTheExplainer() {
        var state = Fixtures.state()
        state.explainer = ExplainerView()
        #expect(update(&state, .key(.character("W"))).isEmpty)
        #expect(state.focus == .weights && state.explainer == nil)
        #expect(titleLine(\.weights, of: state).hasPrefix("┌ Weights & bias"))
        #expect(
            render(state)[layout(of: state).weights.x, layout(of: state).weights.y].style == Style(.cyan, bold: true))
        // Commands still work with the focus there.
        #expect(Fixtures.commands(update(&state, .key(.character("+")))) == [.learningRateUp])
        #expect(update(&state, .key(.character("W"))).isEmpty)
        #expect(state.focus == .none)
        // E takes the focus away to open the explainer over the pane.
        state.focus = .weights
        _ = update(&state, .key(.character("X")))
        #expect(state.focus == .none && state.explainer != nil)
    }
}
