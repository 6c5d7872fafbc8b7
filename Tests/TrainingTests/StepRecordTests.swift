import NeuralCore
import Testing
@testable import Training

/// The snapshot's last step and the explained step, on the manual clock: the explained step is the step the
/// engine took, and a publish carries the gradient of the step just before it.
@Suite struct StepRecordTests {
    typealias Bench = ManualClockEngineTests.Bench

    @Test func anExplainedStepIsTheStepTaken() {
        let bench = Bench(paused: true)
        bench.run(for: .milliseconds(1))
        let before = bench.newest.network
        for k in 1...5 {
            bench.inbox.send(.explainStep)
            bench.run(for: .milliseconds(1))
            let s = bench.newest
            #expect(s.iteration == k && s.state == .paused)
            let trace = s.explanation!
            #expect(trace.iteration == k)
            #expect(trace.after == s.network.parameters)
            #expect(s.lastStep == trace.parameterStep(iteration: k))
        }
        // The same five steps as a trainer that was never asked to explain.
        let other = Bench(paused: true)
        other.inbox.send(.step(5))
        other.run(for: .milliseconds(5))
        #expect(other.newest.iteration == 5)
        #expect(other.newest.network == bench.newest.network)
        #expect(before != bench.newest.network)
    }

    @Test func explainingPausesARun() {
        let bench = Bench(speed: .perSecond(1_000))
        bench.run(for: .milliseconds(50))
        let at = bench.engine.trainer.iteration
        bench.inbox.send(.explainStep)
        bench.run(for: .milliseconds(50))
        #expect(bench.newest.state == .paused)
        #expect(bench.newest.iteration == at + 1)
        #expect(bench.newest.explanation?.iteration == at + 1)
    }

    @Test func aStepAskedForKeepsItsGradient() {
        let bench = Bench(paused: true)
        bench.run(for: .milliseconds(1))
        #expect(bench.newest.lastStep == nil)
        bench.inbox.send(.step(3))
        bench.run(for: .milliseconds(5))
        let step = bench.newest.lastStep!
        #expect(step.iteration == 3 && bench.newest.iteration == 3)
        #expect(step.fits(bench.newest.network.sizes))
        #expect(step.layers[0].weightGradient.contains { $0 != 0 })
    }

    @Test func aRunningPublishCarriesARecentStep() {
        let bench = Bench(speed: .perSecond(10_000))
        bench.run(for: .milliseconds(200), work: .milliseconds(1))
        let s = bench.newest
        let step = s.lastStep!
        #expect(s.iteration - step.iteration < 200)
        #expect(step.fits(s.network.sizes))
    }

    @Test func aResetForgetsTheSteps() {
        let bench = Bench(paused: true)
        bench.inbox.send(.explainStep)
        bench.run(for: .milliseconds(1))
        #expect(bench.newest.explanation != nil)
        bench.inbox.send(.reset(newSeed: true))
        bench.run(for: .milliseconds(1))
        #expect(bench.newest.explanation == nil && bench.newest.lastStep == nil)
    }
}
