import Foundation
import Testing
import NeuralCore
@testable import Training

/// The engine against the bare training loop, divergence, resets, pacing, publishing and history.
@Suite struct EngineTests {
    @Test func engineEqualsTheBareTrainerBitForBit() throws {
        let configuration = SessionConfiguration(training: .tutorial, seed: 7, iterationLimit: 10_000)
        let session = TrainingSession(configuration)
        session.start()
        defer { session.stop() }
        let done = try #require(waitFor(session, 10) { $0.state == .done })
        let (network, generator) = configuration.drawNetwork(seed: 7)
        var trainer = Engine.makeTrainer(
            configuration, network: network, generator: generator,
            learningRate: 0.1, batchSize: 1)
        var last = Double.nan
        trainer.advance(10_000) { last = $0.trainingError }
        #expect(done.network.parameters == trainer.network.parameters)
        #expect(done.trainingError == last)
    }

    @Test func aRegressionAtLearningRate10DivergesPausesAndRecovers() throws {
        let session = regressionSession(learningRate: 10)
        session.start()
        defer { session.stop() }
        let diverged = try #require(waitFor(session, 10) { $0.state == .diverged })
        #expect(diverged.network.isFinite)
        #expect(diverged.divergence != nil)
        Thread.sleep(forTimeInterval: 0.05)
        #expect(session.channel.newest?.iteration == diverged.iteration, "a diverged session is paused")
        session.send(.setLearningRate(0.1))
        session.send(.reset(newSeed: false))
        session.send(.resume)
        let recovered = try #require(waitFor(session) { $0.state == .running && $0.iteration > 1000 })
        #expect(recovered.trainingError?.isFinite == true)
        #expect(recovered.divergence == nil)
    }

    /// The tutorial at learning rate 1000 saturates its output on misclassified points: stuck, with a bounded
    /// loss, but not diverging, so the run ends DONE.
    @Test func aSaturatedClassifierIsNotDiverged() throws {
        let session = tutorialSession(limit: 20_000, learningRate: 1000)
        session.start()
        defer { session.stop() }
        let end = try #require(waitFor(session, 10) { $0.state == .done || $0.state == .diverged })
        #expect(end.state == .done)
        #expect(end.divergence == nil)
        #expect(end.trainingLoss.map { $0 <= 1 } == true)
    }

    @Test func theOptimizerSwitchesLiveAndTheParametersCarryOn() throws {
        let session = TrainingSession(
            SessionConfiguration(
                training: .tutorial, hidden: [3], activation: .tanh, batchSize: 4, iterationLimit: nil,
                startPaused: true))
        session.start()
        defer { session.stop() }
        _ = try #require(waitFor(session) { $0.state == .paused })
        session.send(.step(200))
        let before = try #require(waitFor(session) { $0.iteration == 200 })
        #expect(before.optimizer.kind == .sgd)
        session.send(.setOptimizer(.adam))
        let after = try #require(waitFor(session) { $0.optimizer.kind == .adam })
        #expect(after.iteration == 200)
        #expect(after.network == before.network)
        #expect(after.events.last?.kind == .optimizer(.adam))
        #expect(abs(after.epochs - 200 * 4 / 8) < 1e-12)
        session.send(.step(10))
        let moved = try #require(waitFor(session) { $0.iteration == 210 })
        #expect(moved.network != before.network)
    }

    @Test func resetWithTheSameSeedRepeatsTheRun() throws {
        let session = tutorialSession(paused: true)
        session.start()
        defer { session.stop() }
        let start = try #require(waitFor(session) { $0.state == .paused })
        session.send(.step(500))
        let first = try #require(waitFor(session) { $0.iteration == 500 })
        session.send(.reset(newSeed: false))
        let again = try #require(waitFor(session) { $0.iteration == 0 && $0.version > first.version })
        #expect(again.network == start.network)
        session.send(.step(500))
        let second = try #require(waitFor(session) { $0.iteration == 500 && $0.version > again.version })
        #expect(second.network == first.network)
        session.send(.reset(newSeed: true))
        let fresh = try #require(waitFor(session) { $0.iteration == 0 && $0.version > second.version })
        #expect(fresh.network != start.network)
    }

    @Test func aConsumerNeverSeesATornSnapshot() {
        let session = tutorialSession()
        session.start()
        var version = 0, iteration = 0, taken = 0
        let end = ContinuousClock.now + .milliseconds(800)
        while ContinuousClock.now < end {
            guard let s = session.channel.take(newerThan: version) else { continue }
            taken += 1
            #expect(s.version > version)
            #expect(s.iteration >= iteration)
            #expect(s.network.parameters.count == 3)
            // The history's newest report is never ahead of the snapshot's own iteration.
            if let point = s.history.recentPoints.last {
                #expect(point.iteration <= s.iteration)
                #expect(point.error == s.trainingLoss)
            }
            version = s.version
            iteration = s.iteration
        }
        session.stop()
        #expect(taken > 10)
    }
}

@Suite struct HistoryTests {
    @Test func boundedAcrossAHundredMillionIterations() {
        var history = ErrorHistory()
        // 10⁸ iterations reported every 100: a million reports.
        for r in 1...1_000_000 {
            history.append(.init(iteration: r * 100, error: Double(r % 1000)))
        }
        #expect(history.buckets.count <= history.capacity)
        #expect(history.recent.count == history.capacity)
        #expect(history.buckets.first?.first == 100)
        #expect(history.buckets.last?.last == 100_000_000)
        #expect(history.buckets.reduce(0) { $0 + $1.count } == 1_000_000)
        #expect(history.recentPoints.last?.iteration == 100_000_000)
        #expect(history.recentPoints.first?.iteration == (1_000_000 - history.capacity + 1) * 100)
    }

    @Test func mergingKeepsMinimumMaximumAndMean() {
        var history = ErrorHistory(capacity: 4)
        for (i, e) in [4.0, 2, 6, 0, 1, 3].enumerated() { history.append(.init(iteration: i, error: e)) }
        // Six reports in four buckets: the first four merged pairwise, then two singles (span 2, last growing).
        #expect(history.buckets.map(\.minimum) == [2, 0, 1])
        #expect(history.buckets.map(\.maximum) == [4, 6, 3])
        #expect(history.buckets.map(\.mean) == [3, 3, 2])
        #expect(history.recentPoints.map(\.error) == [6, 0, 1, 3])
    }
}

@Suite struct StandardizeInPlaceTests {
    /// S in the dashboard: the engine's data become z-scores and the network is rewritten so that it predicts
    /// exactly what it did on the raw rows; training then carries on.
    @Test func theNetworkComputesTheSameFunctionAfterStandardizing() throws {
        let raw = Dataset(rows: [[1, 500], [2, 900], [3, 100], [4, 700]], targets: [0, 1, 0, 1])
        let session = TrainingSession(
            SessionConfiguration(
                training: raw, hidden: [3], activation: .tanh, iterationLimit: nil, startPaused: true))
        session.start()
        defer { session.stop() }
        let before = try #require(waitFor(session) { $0.state == .paused })
        let z = Standardization(fitting: raw)
        session.send(.standardize(z))
        let after = try #require(waitFor(session) { $0.events.last?.kind == .standardized })
        for i in 0..<raw.count {
            let p = before.network.predict(Array(raw.row(i)))
            let q = after.network.predict(z.apply(Array(raw.row(i))))
            #expect(abs(p - q) < 1e-12, "row \(i): \(p) then \(q)")
        }
        #expect(after.iteration == before.iteration)
    }
}
