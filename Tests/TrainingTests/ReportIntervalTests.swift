import Foundation
import Testing
import NeuralCore
@testable import Training

/// How often the error is reported: every 100 iterations as in the tutorial, less often when evaluating the data
/// would cost too much — judged against training time at full speed, against a small budget when paced.
@Suite struct ReportIntervalTests {
    static func configuration(rows: Int, hidden: [Int] = [], speed: Speed = .unlimited) -> SessionConfiguration {
        let inputs = (0..<rows).map { i in [Double(i % 10), Double(i % 7)] }
        let training = Dataset(rows: inputs, targets: (0..<rows).map { Double($0 % 2) })
        return SessionConfiguration(
            training: training, hidden: hidden, activation: .tanh, seed: 1,
            iterationLimit: nil, speed: speed, startPaused: true)
    }

    static func network(_ hidden: [Int]) -> Network {
        var generator = SeededGenerator(seed: 1)
        return Network(inputCount: 2, hidden: hidden, hiddenActivation: .tanh, generator: &generator)
    }

    @Test func forwardWorkCountsParametersAndUnits() {
        // 2-16-16-1: 48 + 272 + 17 = 337 parameters, 33 units.
        #expect(Self.network([16, 16]).forwardWork == 337 + 20 * 33)
        #expect(Self.network([]).forwardWork == 3 + 20)
    }

    @Test func smallDataIsReportedEveryHundredIterationsAtAnySpeed() {
        let tutorial = SessionConfiguration(training: .tutorial, seed: 1)
        for speed in [Speed.unlimited, .perSecond(300), .perSecond(1_000_000)] {
            #expect(ReportSchedule.interval(tutorial, batchSize: 1, speed: speed, network: Self.network([])) == 100)
        }
    }

    @Test func atFullSpeedTheIntervalGrowsWithTheRows() {
        let data = Self.configuration(rows: 200), deep = Self.network([16, 16])
        // 200 rows every n iterations must stay under a tenth of training: n ≥ 200 / 0.3 ≈ 667, so 1 000.
        #expect(ReportSchedule.interval(data, batchSize: 1, speed: .unlimited, network: deep) == 1_000)
        // A batch of 10 is ten times the training per iteration.
        #expect(ReportSchedule.interval(data, batchSize: 10, speed: .unlimited, network: deep) == 100)
        let large = Self.configuration(rows: 100_000)
        #expect(ReportSchedule.interval(large, batchSize: 1, speed: .unlimited, network: Self.network([])) == 500_000)
    }

    @Test func whenPacedTheDataIsEvaluatedAsOftenAsTheBudgetAllows() {
        let data = Self.configuration(rows: 200), deep = Self.network([16, 16])
        // 300 it/s × 200 rows × 997 is 6·10^7 a second at n = 1, 1.2 intervals' worth: every 100.
        #expect(ReportSchedule.interval(data, batchSize: 1, speed: .perSecond(300), network: deep) == 100)
        let large = Self.configuration(rows: 100_000), small = Self.network([4])
        // 2-4-1: 17 parameters and 5 units, 117 a row. 300 × 10^5 × 117 / 5·10^7 = 70: every 100.
        #expect(ReportSchedule.interval(large, batchSize: 1, speed: .perSecond(300), network: small) == 100)
        // 3 000 it/s: 702, so every 1 000.
        #expect(ReportSchedule.interval(large, batchSize: 1, speed: .perSecond(3_000), network: small) == 1_000)
        // Never less often than at full speed.
        #expect(ReportSchedule.interval(large, batchSize: 1, speed: .perSecond(1e9), network: small) == 500_000)
    }

    @Test func changingTheSpeedChangesTheIntervalOfARunningSession() throws {
        let session = TrainingSession(Self.configuration(rows: 6_000, hidden: [4]))
        session.start()
        defer { session.stop() }
        let start = try #require(waitFor(session) { $0.state == .paused })
        #expect(start.reportInterval == 20_000)  // 6 000 / 0.3
        session.send(.setSpeed(.perSecond(300)))
        session.send(.step(1))
        let paced = try #require(waitFor(session) { $0.iteration == 1 })
        #expect(paced.reportInterval == 100)
        session.send(.setSpeed(.unlimited))
        session.send(.step(1))
        let unpaced = try #require(waitFor(session) { $0.iteration == 2 })
        #expect(unpaced.reportInterval == 20_000)
    }

    @Test func theEndOfARunIsReportedWhenItFallsBetweenReports() throws {
        // 400 rows at full speed: a report every 2 000 iterations, after the end of a 1 000-iteration run.
        var configuration = Self.configuration(rows: 400)
        configuration.iterationLimit = 1_000
        configuration.startPaused = false
        let session = TrainingSession(configuration)
        session.start()
        defer { session.stop() }
        let done = try #require(waitFor(session) { $0.state == .done })
        #expect(done.reportInterval == 2_000)
        #expect(done.history.recent.map(\.iteration) == [0, 1_000])
        #expect(
            done.history.recent.last?.error
                == Evaluation.of(
                    done.network, on: configuration.training,
                    loss: .squaredError
                ).meanLoss)
    }

    @Test func aRegressionThatBlowsUpOnRarelyReportedDataEndsDiverged() throws {
        // The same 400 rows as a regression on their first feature at learning rate 0.9: the squared error grows
        // without bound. Reports come rarely on these data; the blow-up is still caught (by a report or by the
        // parameters' check after a chunk) and the run ends DIVERGED with a reason.
        var configuration = Self.configuration(rows: 400)
        configuration.training.targets = (0..<400).map { configuration.training.row($0).first! * 3 }
        configuration.task = .regression
        configuration.hidden = []
        configuration.iterationLimit = 1_000
        configuration.learningRate = 0.9
        configuration.startPaused = false
        let session = TrainingSession(configuration)
        session.start()
        defer { session.stop() }
        let end = try #require(waitFor(session) { $0.state == .done || $0.state == .diverged })
        #expect(end.state == .diverged)
        #expect(end.divergence != nil)
    }
}
