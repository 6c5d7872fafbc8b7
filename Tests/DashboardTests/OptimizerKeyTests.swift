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

@Suite struct FeatureKeyTests {
    @Test func digitsToggleInputFeaturesAndRetrainOnThem() {
        var state = Fixtures.state()
        let effects = Fixtures.effects([.character("3")], on: &state)
        #expect(state.featureMap?.features == [.x1, .x2, .x1Squared])
        let expected = FeatureMap([.x1, .x2, .x1Squared])!.apply(Dataset.tutorial)
        #expect(effects == [.command(.replaceData(training: expected, test: nil))])
        #expect(state.training == .tutorial, "the rows shown stay the data's own")
        #expect(state.networkInput([2, 3]) == [2, 3, 4])
        // Back to x1, x2: no map at all.
        _ = Fixtures.effects([.character("3")], on: &state)
        #expect(state.featureMap == nil)
        // The last input cannot go.
        _ = Fixtures.effects([.character("1")], on: &state)
        #expect(Fixtures.effects([.character("2")], on: &state).isEmpty)
        #expect(state.notice?.isProblem == true)
    }

    @Test func theMapShadesTheMappedNetwork() {
        // One unit on x1² + x2² − 4: inside the circle of radius 2 the probability is below 0.5.
        let network = Network(weights: [1, 1], bias: -4)
        let plane = MapPlane(training: .tutorial, test: nil, across: 0, up: 1)
        let map = FeatureMap([.x1Squared, .x2Squared])
        let grid = ProbabilityGrid(
            network: network, plane: plane, standardization: nil, featureMap: map, columns: 20, rows: 20)
        #expect(!grid.isEmpty)
        for r in 0..<20 {
            for c in 0..<20 {
                let x1 = plane.acrossValue(column: c, of: 20), x2 = plane.upValue(row: r, of: 20)
                #expect(abs(grid[column: c, row: r] - logistic(x1 * x1 + x2 * x2 - 4)) < 1e-12)
            }
        }
    }
}
