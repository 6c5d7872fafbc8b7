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

    @Test func smallDataIsReportedEveryHundredIterations() {
        let tutorial = SessionConfiguration(training: .tutorial, seed: 1)
        #expect(ReportSchedule.interval(tutorial, batchSize: 1) == 100)
    }

    @Test func theIntervalGrowsWithTheRows() {
        let data = Self.configuration(rows: 200)
        // 200 rows every n iterations must stay under a tenth of training: n ≥ 200 / 0.3 ≈ 667, so 1 000.
        #expect(ReportSchedule.interval(data, batchSize: 1) == 1_000)
        // A batch of 10 is ten times the training per iteration.
        #expect(ReportSchedule.interval(data, batchSize: 10) == 100)
        let large = Self.configuration(rows: 100_000)
        #expect(ReportSchedule.interval(large, batchSize: 1) == 500_000)
    }

    @Test func changingTheSpeedLeavesTheIntervalOfARunningSession() throws {
        var configuration = Self.configuration(rows: 6_000, hidden: [4])
        configuration.drawsChart = true
        let session = TrainingSession(configuration)
        session.start()
        defer { session.stop() }
        let start = try #require(waitFor(session) { $0.state == .paused })
        #expect(start.reportInterval == 20_000)  // 6 000 / 0.3
        session.send(.setSpeed(.perSecond(300)))
        session.send(.step(1))
        let paced = try #require(waitFor(session) { $0.iteration == 1 })
        #expect(paced.reportInterval == 20_000)
        #expect(paced.chartInterval == 200)
    }

    @Test func onLargeDataTheChartHasAPointFromItsSampleEveryTwoHundredIterations() throws {
        // 6 000 rows: full reports every 20 000 iterations; the chart every 200, from 64 of the rows.
        var configuration = Self.configuration(rows: 6_000, hidden: [4])
        configuration.iterationLimit = 2_100
        configuration.startPaused = false
        configuration.keepFullLog = true
        configuration.drawsChart = true
        let session = TrainingSession(configuration)
        session.start()
        defer { session.stop() }
        let done = try #require(waitFor(session) { $0.state == .done })
        #expect(done.chartSampleRows == 64)
        let chart = try #require(done.chartHistory)
        // Iteration 0 in full, then the sample's points, and the end of the run.
        #expect(chart.recentPoints.map(\.iteration) == Array(stride(from: 0, through: 2_000, by: 200)) + [2_100])
        // The full reports are as they were: the start and the end of the run.
        #expect(done.history.recentPoints.map(\.iteration) == [0, 2_100])
        let sample = configuration.training.subset((0..<64).map { $0 * 6_000 / 64 })
        #expect(chart.recentPoints.last?.error == Evaluation.of(done.network, on: sample, loss: .squaredError).meanLoss)
    }

    @Test func aHeadlessRunSpendsNothingOnAChart() throws {
        var configuration = Self.configuration(rows: 6_000, hidden: [4])
        configuration.iterationLimit = 1_000
        configuration.startPaused = false
        let session = TrainingSession(configuration)
        session.start()
        defer { session.stop() }
        let done = try #require(waitFor(session) { $0.state == .done })
        #expect(done.chartHistory == nil && done.chartSampleRows == nil && done.chartInterval == 20_000)
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
