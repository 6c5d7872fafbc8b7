import Testing
import NeuralCore
import TerminalUI
import Training
@testable import Dashboard

/// Issue 16's small things: a field entered is selected (typing replaces it), q closes an overlay, and keys that
/// used to act silently say what they did.
@Suite struct NewcomerKeyTests {
    @Test func typingIntoAProbeFieldReplacesItAndBackspaceEditsOn() {
        var state = Fixtures.state()
        _ = Fixtures.effects([.tab] + "4.5".map { .character($0) }, on: &state)
        #expect(state.probeTexts[0] == "4.5")
        _ = Fixtures.effects([.tab, .backspace] + "2".map { .character($0) }, on: &state)
        #expect(state.probeTexts[1] == "2")
        _ = Fixtures.effects([.backTab, .character("1")], on: &state)
        #expect(state.probeTexts[0] == "1")
        _ = Fixtures.effects([.character("0")], on: &state)
        #expect(state.probeTexts[0] == "10", "after the first key the field edits as usual")
    }

    @Test func theLearningRateOpensWithTheRateNow() {
        var state = Fixtures.state(snapshot: Fixtures.snapshot(learningRate: 0.003))
        _ = Fixtures.effects([.character("L")], on: &state)
        #expect(state.learningRateText == "0.003")
        #expect(render(state).line(39).contains("learning rate: 0.003_"))
        #expect(Fixtures.effects([.enter], on: &state) == [.command(.setLearningRate(0.003))])
        _ = Fixtures.effects(
            [.character("L"), .character("1"), .character("e"), .character("-"), .character("4")], on: &state)
        #expect(Fixtures.effects([.enter], on: &state) == [.command(.setLearningRate(1e-4))])
    }

    @Test func qClosesTheHelpAndTheConfusionMatrixRatherThanQuitting() {
        var state = Fixtures.state()
        state.showHelp = true
        #expect(Fixtures.effects([.character("q")], on: &state).isEmpty)
        #expect(!state.showHelp)
        #expect(Fixtures.effects([.character("q")], on: &state) == [.quit])
    }

    @Test func keysThatActedSilentlySaySo() {
        var running = Fixtures.state()
        _ = Fixtures.effects([.character("n")], on: &running)
        #expect(running.notice?.text.contains("paused for one step") == true)

        var network = Fixtures.state(
            snapshot: Fixtures.snapshot(
                network: {
                    var g = SeededGenerator(seed: 1)
                    return Network(inputCount: 2, hidden: [3], hiddenActivation: .tanh, generator: &g)
                }()))
        _ = Fixtures.effects([.character("a")], on: &network)
        #expect(network.notice?.text == "activation sigmoid: new weights drawn for it")
        _ = Fixtures.effects([.character("c")], on: &network)
        #expect(network.notice?.text == "loss cross-entropy: new weights drawn for it")

        var map = Fixtures.state()
        _ = Fixtures.effects([.character("x")], on: &map)
        #expect(map.notice?.text == "the map shows both features already")

        var batch = Fixtures.state(snapshot: Fixtures.snapshot(batchSize: 4))
        #expect(Fixtures.effects([.character("b")], on: &batch) == [.command(.setBatchSize(8))])
        #expect(batch.notice?.text.contains("full batch") == true)
    }
}
