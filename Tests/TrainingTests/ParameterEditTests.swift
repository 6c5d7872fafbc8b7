import NeuralCore
import Testing
@testable import Training

/// A weight or a bias set by hand (`setParameter`), on the manual clock: the very next snapshot carries it and the
/// edited network's losses, training carries on from it, and a bad edit changes nothing.
@Suite struct ParameterEditTests {
    typealias Bench = ManualClockEngineTests.Bench

    @Test func theNextSnapshotCarriesTheEditAndItsLoss() throws {
        let bench = Bench(paused: true)
        bench.run(for: .milliseconds(1))
        let before = bench.newest
        bench.inbox.send(.setParameter(index: 1, value: 3.25))
        bench.run(for: .milliseconds(1))
        let after = bench.newest
        #expect(after.version > before.version)
        #expect(after.network.parameters[1] == 3.25)
        // Only that parameter moved, and no step was taken.
        var expected = before.network.parameters
        expected[1] = 3.25
        #expect(after.network.parameters == expected)
        #expect(after.iteration == before.iteration)
        // The loss shown is the edited network's, measured again.
        let edited = Evaluation.of(after.network, on: .tutorial, loss: after.loss)
        #expect(after.trainingLoss == edited.meanLoss)
        #expect(after.trainingLoss != before.trainingLoss)
    }

    @Test func trainingCarriesOnFromTheEdit() throws {
        let bench = Bench(paused: true)
        bench.run(for: .milliseconds(1))
        bench.inbox.send(.setParameter(index: 2, value: -1.5))
        bench.inbox.send(.step(1))
        bench.run(for: .milliseconds(1))
        let stepped = bench.newest
        #expect(stepped.iteration == 1)
        // One step moves the bias from the edited value, not from the drawn one, by at most the step's size.
        #expect(abs(stepped.network.parameters[2] - -1.5) < 1)
        #expect(stepped.network.parameters[2] != -1.5)
    }

    @Test(arguments: [(-1, 1.0), (3, 1.0), (Int.max, 1.0), (0, Double.nan), (0, Double.infinity)])
    func aBadEditChangesNothing(index: Int, value: Double) throws {
        let bench = Bench(paused: true)
        bench.run(for: .milliseconds(1))
        let before = bench.newest.network.parameters
        bench.inbox.send(.setParameter(index: index, value: value))
        bench.run(for: .milliseconds(1))
        #expect(bench.newest.network.parameters == before)
    }
}
