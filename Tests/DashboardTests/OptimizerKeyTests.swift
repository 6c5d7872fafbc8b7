import Testing
import NeuralCore
import TerminalUI
import Training
@testable import Dashboard

/// The keys issue 12 adds: o steps the update rule, S standardizes in place, and a diverged run says why.
@Suite struct OptimizerKeyTests {
    @Test func oAsksForTheNextOptimizerAndSaysSo() {
        var state = Fixtures.state()
        let effects = Fixtures.effects([.character("o")], on: &state)
        #expect(effects == [.command(.setOptimizer(.momentum))])
        #expect(state.notice?.text.contains("optimizer momentum") == true)
        #expect(OptimizerKind.adam.next == .sgd)
    }

    @Test func theStatusBarShowsTheOptimizerAndEpochs() {
        var snapshot = Fixtures.snapshot(iteration: 1_200)
        snapshot.optimizer = OptimizerSettings(.adam)
        snapshot.epochs = 150
        let bar = render(Fixtures.state(snapshot: snapshot)).line(39)
        #expect(bar.contains("it 1,200/10,000 ep 150 │"), "\(bar)")
        #expect(bar.contains("lr 0.1 adam │"), "\(bar)")
    }

    @Test func capitalSStandardizesOnceAndKeepsTheRowsRaw() {
        var state = Fixtures.state()
        let effects = Fixtures.effects([.character("S")], on: &state)
        let z = Standardization(fitting: .tutorial)
        #expect(effects == [.command(.standardize(z))])
        #expect(state.standardization == z)
        #expect(state.training == .tutorial)
        #expect(Fixtures.effects([.character("S")], on: &state).isEmpty)
        #expect(state.notice?.text.contains("already") == true)
    }

    @Test func aRegressionHasNoCrossEntropyKey() {
        let network = Network(
            inputCount: 2, hiddenActivation: .tanh, weights: [[[1, 1]]], biases: [[0]], task: .regression)!
        var state = Fixtures.state(snapshot: Fixtures.snapshot(network: network))
        #expect(Fixtures.effects([.character("c")], on: &state).isEmpty)
        #expect(state.notice?.isProblem == true)
    }

    @Test func aDivergedRunSaysWhyAndWhatToTry() {
        var snapshot = Fixtures.snapshot(state: .diverged)
        snapshot.divergence = .notFinite
        let unscaled = Dataset(rows: [[1, 5000], [2, 9000], [3, 100]], targets: [0, 1, 0])
        let bar = render(Fixtures.state(size: Size(width: 160, height: 40), snapshot: snapshot, training: unscaled))
            .line(39)
        #expect(bar.contains("diverged: the loss stopped being a finite number; try - (a lower rate) or S"), "\(bar)")
        let tutorial = render(Fixtures.state(size: Size(width: 160, height: 40), snapshot: snapshot)).line(39)
        #expect(tutorial.contains("try - (a lower rate), then space"), "\(tutorial)")
    }
}
