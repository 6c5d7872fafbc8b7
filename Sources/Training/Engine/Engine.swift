import NeuralCore

/// The body of a training session: applies commands, runs chunks of steps, publishes snapshots. It lives on the
/// session's serial queue and nowhere else: created there, run there, dropped there. Commands reach it through
/// the inbox; snapshots leave through the channel. It reads time only from its clock and never sleeps: `tick`
/// does one round of work and says how long the caller may wait (the session waits on its inbox; a test moves
/// a `ManualClock`).
final class Engine {
    /// A chunk of steps lasts about this long, so a command is seen within a few milliseconds.
    static let chunkDuration: Duration = .milliseconds(2)
    /// Snapshots go out at most about 60 times a second (and at once after a command).
    static let publishInterval: Duration = .microseconds(16_667)
    /// A paced run waits at most this long at once, so that publishing keeps its rate.
    static let longestWait: Duration = .milliseconds(50)

    /// What the caller does after a tick.
    enum Next: Equatable {
        /// Tick again at once.
        case work
        /// Wait for a command, or until this time.
        case wait(until: Duration)
        /// Wait for a command.
        case sleep
        /// The session is over.
        case stopped
    }

    /// What the session started from, kept up to date with the commands that change the shape of training
    /// (activation, loss, regularization, data), so a reset starts from what is current.
    var configuration: SessionConfiguration
    let inbox: Inbox
    let channel: SnapshotChannel
    let clock: any EngineClock

    var trainer: Trainer
    var state: TrainingState
    var limit: Int?
    var pacer: Pacer
    var meter = RateMeter()
    var seed: UInt64
    var record: RunRecord
    var guardian: DivergenceGuard
    var pendingSteps = 0
    /// The chart's sample on data too large to evaluate whole every `ChartSample.interval` iterations.
    var chartSample: ChartSample?
    /// The newest snapshot's number, and when it went out (`EnginePublishing.swift`).
    var version = 0
    var lastPublish: Duration
    private(set) var stepsPerChunk = 16
    /// How long the last chunk took: a chunk that will end past the next publish keeps its last step's gradient.
    private var lastChunk: Duration = .zero
    var lastStep: ParameterStep?
    var explanation: StepTrace?
    private var started = false

    init(configuration: SessionConfiguration, inbox: Inbox, channel: SnapshotChannel, clock: any EngineClock) {
        self.configuration = configuration
        self.inbox = inbox
        self.channel = channel
        self.clock = clock
        seed = configuration.seed
        var (network, generator) = configuration.drawNetwork(seed: configuration.seed)
        if let initial = configuration.initialNetwork { network = initial }
        trainer = Engine.makeTrainer(
            configuration, network: network, generator: generator,
            learningRate: configuration.learningRate, batchSize: configuration.batchSize)
        state = configuration.startPaused ? .paused : .running
        limit = configuration.iterationLimit
        pacer = Pacer(speed: configuration.speed)
        record = RunRecord(keepsFullLog: configuration.keepFullLog)
        guardian = DivergenceGuard(network)
        chartSample = ChartSample(trainer: trainer, drawsChart: configuration.drawsChart)
        let now = clock.now
        lastPublish = now
        pacer.restart(at: now, iteration: 0)
        meter.restart(at: now, iteration: 0)
    }

    static func makeTrainer(
        _ configuration: SessionConfiguration, network: Network, generator: SeededGenerator,
        learningRate: Double, batchSize: Int
    ) -> Trainer {
        let optimizer = StochasticGradientDescent(
            network: network, learningRate: learningRate,
            batchSize: batchSize, loss: configuration.loss,
            regularization: configuration.regularization,
            regularizationRate: configuration.regularizationRate,
            optimizer: configuration.optimizer, order: configuration.order)
        return Trainer(
            network: network, optimizer: optimizer, generator: generator,
            training: configuration.training, test: configuration.test,
            reportInterval: ReportSchedule.interval(configuration, batchSize: batchSize))
    }

    /// Every report of the run (only with `keepFullLog`).
    var fullLog: [Trainer.Report] { record.fullLog }

    // MARK: - One round

    func tick() -> Next {
        if !started {
            started = true
            take(trainer.currentReport(), log: false)
            sampleChart()
            publish()
        }
        let commands = inbox.drain()
        for command in commands {
            if command == .stop {
                publish()
                return .stopped
            }
            apply(command)
        }
        if !commands.isEmpty { publish() }

        if pendingSteps > 0 {
            let done = runSteps(min(pendingSteps, stepsPerChunk))
            pendingSteps = state == .diverged ? 0 : pendingSteps - done
            if pendingSteps == 0 { publish() }
        } else if state == .running {
            var n = stepsPerChunk
            switch pacer.due(now: clock.now, iteration: trainer.iteration) {
            case .wait(let time):
                publishIfDue()
                return .wait(until: min(time, clock.now + Self.longestWait))
            case .steps(let due):
                n = min(n, due)
            }
            if let limit { n = min(n, max(limit - trainer.iteration, 0)) }
            if n > 0 { runSteps(n) }
            if let limit, trainer.iteration >= limit, state == .running { finish() }
        } else {
            meter.stopped()
            publishIfDue()
            return .sleep
        }
        meter.measure(now: clock.now, iteration: trainer.iteration)
        publishIfDue()
        return .work
    }

    /// At the iteration limit: the end of the run is reported even when it falls between reports (on large data
    /// they can be further apart than the whole run), then DONE, or DIVERGED when that last report found it.
    private func finish() {
        if record.latest?.iteration != trainer.iteration { take(trainer.currentReport()) }
        sampleChart()
        if guardian.blewUp {
            diverge()
        } else {
            state = .done
            record.add(.done, at: trainer.iteration)
            publish()
        }
    }

    /// Runs up to `n` steps and returns how many ran: fewer when a command arrived in the middle (a long step is
    /// given up, and taken again once the command is applied). The chunk grows or shrinks to last about
    /// `chunkDuration`.
    @discardableResult
    func runSteps(_ n: Int) -> Int {
        let start = clock.now
        let inbox = self.inbox
        var done = 0
        // The last step keeps its gradient when a publish follows the chunk (or the steps were asked for): the
        // others take the fast roads, which store none.
        let recording = n > 0 && (pendingSteps > 0 || start + lastChunk - lastPublish >= Self.publishInterval)
        let plain = recording ? n - 1 : n
        // With a chart sample, the steps stop at each of its points (`ChartSample.interval`).
        while done < plain {
            let untilPoint = ChartSample.interval - trainer.iteration % ChartSample.interval
            let chunk = chartSample == nil ? plain - done : min(plain - done, untilPoint)
            let ran = trainer.advance(chunk, report: { take($0) }, interrupted: { inbox.hasCommands })
            done += ran
            if ran == chunk, trainer.iteration % ChartSample.interval == 0 { sampleChart() }
            if ran < chunk { break }
        }
        if recording, done == plain,
            let step = trainer.recordedStep(report: { take($0) }, interrupted: { inbox.hasCommands })
        {
            done += 1
            lastStep = step
            if trainer.iteration % ChartSample.interval == 0 { sampleChart() }
        }
        let took = clock.now - start
        lastChunk = took
        if took < Self.chunkDuration / 2 {
            stepsPerChunk = min(stepsPerChunk * 2, 1 << 24)
        } else if took > Self.chunkDuration * 2, stepsPerChunk > 1 {
            stepsPerChunk /= 2
        }
        if state != .diverged, guardian.check(trainer.network) { diverge() }
        return done
    }

    /// One step laid open (`Trainer.explainedStep`), kept for the snapshots.
    func explainStep() {
        let trace = trainer.explainedStep(report: { take($0) })
        explanation = trace
        lastStep = trace.parameterStep(iteration: trainer.iteration)
        if trainer.iteration % ChartSample.interval == 0 { sampleChart() }
        if state != .diverged, guardian.check(trainer.network) { diverge() }
    }

    /// Takes one report. Runs inside `trainer.advance`, so it must not touch `trainer`.
    func take(_ report: Trainer.Report, log: Bool = true) {
        record.record(report, log: log, sampled: chartSample != nil)
        guardian.look(at: report)
    }

    /// The chart's point from its sample now, when the data are sampled.
    func sampleChart() {
        guard chartSample != nil else { return }
        let point = chartSample!.point(trainer.network, loss: configuration.loss, iteration: trainer.iteration)
        record.recordSample(point)
    }

    func diverge() {
        state = .diverged
        pendingSteps = 0
        record.add(.diverged, at: trainer.iteration)
        guardian.rollBack(&trainer.network)
        record.latest = trainer.currentReport()
        publish()
    }
}
