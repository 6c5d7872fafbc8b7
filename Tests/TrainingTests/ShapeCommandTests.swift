import Foundation
import Testing
import NeuralCore
@testable import Training

/// Commands that change what is trained: activation, loss, regularization and the data itself.
@Suite struct ShapeCommandTests {
    static func session(
        hidden: [Int] = [3], training: Dataset = .tutorial, test: Dataset? = nil,
        seed: UInt64 = 5
    ) -> (TrainingSession, SessionConfiguration) {
        let configuration = SessionConfiguration(
            training: training, test: test, hidden: hidden, activation: .sigmoid,
            seed: seed, iterationLimit: nil, startPaused: true)
        return (TrainingSession(configuration), configuration)
    }

    /// A session of `session()`, started and seen paused at iteration 0 (the caller stops it).
    static func started() throws -> (TrainingSession, SessionConfiguration, Snapshot) {
        let (session, configuration) = session()
        session.start()
        let start = waitFor(session) { $0.state == .paused }
        if start == nil { session.stop() }
        return (session, configuration, try #require(start))
    }

    static func resets(_ s: Snapshot) -> [UInt64] {
        s.events.compactMap { if case .reset(let seed) = $0.kind { return seed } else { return nil } }
    }

    @Test func setActivationRedrawsFromTheSameSeed() throws {
        let (session, configuration, _) = try Self.started()
        defer { session.stop() }
        session.send(.step(300))
        let trained = try #require(waitFor(session) { $0.iteration == 300 })
        session.send(.setActivation(.tanh))
        let after = try #require(waitFor(session) { $0.network.hiddenActivation == .tanh })
        #expect(after.iteration == 0)
        #expect(after.state == .paused)
        #expect(after.seed == 5)
        var expected = configuration
        expected.activation = .tanh
        #expect(after.network == expected.drawNetwork(seed: 5).0)
        #expect(after.network != trained.network)
        #expect(Self.resets(after) == [5])
        #expect(after.history.totalReports == 1, "the history starts over")
        // The same activation again changes nothing: no reset, the iteration carries on.
        session.send(.step(10))
        _ = try #require(waitFor(session) { $0.iteration == 10 })
        session.send(.setActivation(.tanh))
        session.send(.step(5))
        let stepped = try #require(waitFor(session) { $0.iteration == 15 })
        #expect(Self.resets(stepped) == [5])
    }

    @Test func setLossRedrawsAndMeasuresInTheNewLoss() throws {
        let (session, configuration, _) = try Self.started()
        defer { session.stop() }
        session.send(.step(200))
        _ = try #require(waitFor(session) { $0.iteration == 200 })
        session.send(.setLoss(.crossEntropy))
        let after = try #require(waitFor(session) { $0.loss == .crossEntropy })
        #expect(after.iteration == 0)
        #expect(Self.resets(after) == [5])
        #expect(after.network == configuration.drawNetwork(seed: 5).0)
        let measured = Evaluation.of(after.network, on: .tutorial, loss: .crossEntropy).cumulativeError
        #expect(after.trainingError == measured)
        // Training now follows the cross-entropy gradient: the engine equals a bare trainer with that loss.
        session.send(.step(1_000))
        let stepped = try #require(waitFor(session) { $0.iteration == 1_000 })
        var bare = configuration
        bare.loss = .crossEntropy
        let (network, generator) = bare.drawNetwork(seed: 5)
        var trainer = Engine.makeTrainer(
            bare, network: network, generator: generator,
            learningRate: 0.1, batchSize: 1)
        trainer.advance(1_000)
        #expect(stepped.network.parameters == trainer.network.parameters)
    }

    @Test func setRegularizationCarriesOnWithoutAReset() throws {
        let (session, configuration, start) = try Self.started()
        defer { session.stop() }
        #expect(start.regularization == .none && start.regularizationRate == 0)
        session.send(.setRegularization(.l2, rate: 0.03))
        let set = try #require(waitFor(session) { $0.regularization == .l2 })
        #expect(set.regularizationRate == 0.03)
        #expect(set.iteration == 0 && set.network == start.network)
        #expect(Self.resets(set).isEmpty)
        session.send(.step(2_000))
        let stepped = try #require(waitFor(session) { $0.iteration == 2_000 })
        // The same run as a bare trainer penalised from the start…
        let (network, generator) = configuration.drawNetwork(seed: 5)
        var trainer = Engine.makeTrainer(
            configuration, network: network, generator: generator,
            learningRate: 0.1, batchSize: 1)
        trainer.optimizer.regularization = .l2
        trainer.optimizer.regularizationRate = 0.03
        trainer.advance(2_000)
        #expect(stepped.network.parameters == trainer.network.parameters)
        // …and not the unpenalised one.
        var plain = Engine.makeTrainer(
            configuration, network: network, generator: generator,
            learningRate: 0.1, batchSize: 1)
        plain.advance(2_000)
        #expect(stepped.network.parameters != plain.network.parameters)
        // Invalid rates are ignored: the run carries on with L2 at 0.03.
        session.send(.setRegularization(.l1, rate: -1))
        session.send(.setRegularization(.l1, rate: .nan))
        session.send(.step(1))
        let ignored = try #require(waitFor(session) { $0.iteration == 2_001 })
        #expect(ignored.regularization == .l2 && ignored.regularizationRate == 0.03)
        // Mid-run changes keep the iteration.
        session.send(.setRegularization(.l1, rate: 0.5))
        let l1 = try #require(waitFor(session) { $0.regularization == .l1 })
        #expect(l1.regularizationRate == 0.5)
        #expect(l1.iteration == 2_001)
    }

    @Test func replaceDataTrainsOnTheNewDataFromTheNextSeed() throws {
        let (session, configuration, start) = try Self.started()
        defer { session.stop() }
        #expect(start.testError == nil)
        #expect(start.trainingError == Evaluation.of(start.network, on: .tutorial, loss: .squaredError).cumulativeError)
        #expect(start.reportInterval == 100)
        session.send(.step(500))
        _ = try #require(waitFor(session) { $0.iteration == 500 })
        // Three features and enough rows that evaluating every 100 iterations would cost too much.
        let rows = (0..<6_000).map { i in [Double(i % 10), Double(i % 7), Double(i % 3)] }
        let training = Dataset(rows: rows, targets: (0..<6_000).map { Double($0 % 2) })
        let test = training.subset(Array(0..<50))
        session.send(.replaceData(training: training, test: test))
        let after = try #require(waitFor(session) { $0.seed == 6 })
        #expect(after.iteration == 0)
        #expect(after.network.inputCount == 3)
        var expected = configuration
        expected.training = training
        expected.test = test
        #expect(after.network == expected.drawNetwork(seed: 6).0)
        #expect(
            after.reportInterval
                == ReportSchedule.interval(expected, batchSize: 1))
        #expect(after.reportInterval > 100)
        #expect(Self.resets(after) == [6])
        #expect(after.testError == Evaluation.of(after.network, on: test, loss: .squaredError).cumulativeError)
        // Data the network could not use is ignored.
        let empty = Dataset(featureNames: ["a"], features: [], targets: [])
        let unlabelled = Dataset(featureNames: ["a", "b", "c"], unlabelledFeatures: [1, 2, 3])
        session.send(.replaceData(training: empty, test: nil))
        session.send(.replaceData(training: unlabelled, test: nil))
        session.send(.replaceData(training: .tutorial, test: test))  // test has 3 features, tutorial 2
        session.send(.step(1))
        let ignored = try #require(waitFor(session) { $0.iteration == 1 })
        // (Data taken would have drawn a new seed, 7.)
        #expect(ignored.seed == 6 && ignored.network.inputCount == 3)
    }

    @Test func commandsApplyInTheOrderSent() throws {
        let (session, _, _) = try Self.started()
        defer { session.stop() }
        let xor = Dataset.generated(.xor, samples: 40, seed: 2)
        session.send(.setActivation(.relu))
        session.send(.setLoss(.crossEntropy))
        session.send(.setRegularization(.l1, rate: 0.1))
        session.send(.replaceData(training: xor, test: nil))
        session.send(.setActivation(.tanh))
        session.send(.setLoss(.squaredError))
        session.send(.setRegularization(.l2, rate: 0.2))
        session.send(.reset(newSeed: true))
        // The error reported at the reset is the new network's on the new data.
        let reset = try #require(waitFor(session) { $0.seed == 7 })
        #expect(reset.trainingError == Evaluation.of(reset.network, on: xor, loss: .squaredError).cumulativeError)
        session.send(.step(7))
        let s = try #require(waitFor(session) { $0.iteration == 7 })
        #expect(s.network.hiddenActivation == .tanh)
        #expect(s.loss == .squaredError)
        #expect(s.regularization == .l2 && s.regularizationRate == 0.2)
        #expect(s.seed == 7, "one new seed for the data, one for the reset")
        #expect(Self.resets(s) == [7], "each reset starts the events afresh")
    }

    @Test func aResetKeepsTheNewShape() throws {
        let (session, configuration, _) = try Self.started()
        defer { session.stop() }
        session.send(.setActivation(.relu))
        session.send(.setRegularization(.l2, rate: 0.01))
        session.send(.step(100))
        _ = try #require(waitFor(session) { $0.iteration == 100 })
        session.send(.reset(newSeed: false))
        let reset = try #require(waitFor(session) { $0.iteration == 0 })
        var expected = configuration
        expected.activation = .relu
        #expect(reset.network == expected.drawNetwork(seed: 5).0)
        #expect(reset.regularization == .l2 && reset.regularizationRate == 0.01)
    }
}
