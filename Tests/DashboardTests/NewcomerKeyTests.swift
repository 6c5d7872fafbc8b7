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

/// The probe as a newcomer reads it, the hints, and the keys that now say what they did.
@Suite struct NewcomerProbeTests {
    @Test func aSelectedFieldIsHighlightedWithoutACursorAndSaysTypingReplacesIt() {
        var state = Fixtures.pressing([.tab], on: Fixtures.state(size: Size(width: 80, height: 24)))
        let lines = inside(\.probe, of: state)
        #expect(lines[0].hasPrefix("x1 3           w·x") && !lines[0].contains("_"))
        #expect(lines[4].hasPrefix("typing replaces it · Tab next"))
        let inner = layout(of: state).probe.inset(by: 1)
        let screen = render(state)
        #expect(screen[inner.x + 3, inner.y].style == Theme.dark.focusedField)
        #expect(screen[inner.x + 4, inner.y].style == Theme.dark.field)
        state = Fixtures.pressing("4.5".map { .character($0) }, on: state)
        #expect(inside(\.probe, of: state)[0].hasPrefix("x1 4.5_ "))
    }

    @Test func featureNamesUseTheRoomTheyHave() {
        var data = Dataset(rows: [[1, 2, 3]], targets: [1])
        data.featureNames = ["mean_concavity", "mean_compactness", "mean_texture"]
        let wide = Fixtures.state(
            size: Size(width: 200, height: 50),
            snapshot: Fixtures.snapshot(network: Network(weights: [1, 1, 1], bias: 0)),
            training: data)
        let lines = inside(\.probe, of: wide)
        #expect(lines[0].hasPrefix("mean_concavity   1 "), "\(lines)")
        #expect(lines[1].hasPrefix("mean_compactness 2 ") && lines[2].hasPrefix("mean_texture     3 "))
        // On the narrowest screen they are cut, with an ellipsis, to eight.
        let narrow = Fixtures.state(
            size: Layout.minimum, snapshot: Fixtures.snapshot(network: Network(weights: [1, 1, 1], bias: 0)),
            training: data)
        #expect(inside(\.probe, of: narrow)[0].hasPrefix("mean_co… 1 "))
    }

    @Test func aHiddenNetworksContributionsAreLabelledForWhatTheyAre() {
        let state = Fixtures.state(
            size: Size(width: 120, height: 40), snapshot: Fixtures.snapshot(network: Fixtures.deepNetwork()))
        let lines = inside(\.probe, of: state)
        #expect(lines[0].contains(" Δz ") && !lines[0].contains("w·x"))
        #expect(lines.contains("Δz = z − z(this input = 0)"), "\(lines)")
        let ascii = Fixtures.state(
            size: Size(width: 120, height: 40), snapshot: Fixtures.snapshot(network: Fixtures.deepNetwork()),
            glyphs: .ascii)
        #expect(inside(\.probe, of: ascii).contains("dz = z - z(this input = 0)"))
    }

    @Test func resetSaysTheRunAndItsChartStartAfresh() {
        var state = Fixtures.state()
        #expect(Fixtures.effects([.character("r")], on: &state) == [.command(.reset(newSeed: true))])
        #expect(
            state.notice?.text == "weights reset (new seed): a new run from iteration 0, its loss chart starts afresh")
        #expect(Fixtures.effects([.character("R")], on: &state) == [.command(.reset(newSeed: false))])
        #expect(state.notice?.text.hasPrefix("weights reset (same seed)") == true)
    }

    @Test func theStatusBarWritesNumbersOneWay() {
        var snapshot = Fixtures.snapshot(learningRate: 0.00001, speed: .perSecond(300_000), stepsPerSecond: 301_234)
        snapshot.epochs = 1_250
        let line = render(Fixtures.state(size: Size(width: 200, height: 40), snapshot: snapshot)).lines.last!
        #expect(line.contains("lr 0.00001 "), "\(line)")
        #expect(line.contains("301.2k it/s") && line.contains("speed 300.0k/s"), "\(line)")
        #expect(line.contains("ep 1,250 "), "\(line)")
        var state = Fixtures.state(snapshot: snapshot)
        _ = Fixtures.effects([.character("L")], on: &state)
        #expect(state.learningRateText == "0.00001")
    }

    @Test func aSettledRunsSwingsAreNoiseNotARateTooHigh() {
        let swinging = (0..<20).map { $0 % 2 == 0 ? 0.03 : 0.015 }
        var done = Fixtures.snapshot(state: .done, history: Fixtures.history(swinging))
        done.trainingAccuracy = 1
        #expect(Diagnosis.of(done, training: .tutorial) == nil)
        // The same swings with mistakes left still suggest a lower rate.
        done.trainingAccuracy = 0.9
        #expect(Diagnosis.of(done, training: .tutorial) == .oscillating)
    }
}
