import Dispatch
import NeuralCore

/// The body of a training session. It lives on the session's serial queue and nowhere else: created there,
/// run there, dropped there. Commands reach it through the inbox; snapshots leave through the channel.
final class TrainingLoop {
    static let tutorialReportInterval = 100
    /// A chunk of steps lasts about this long, so a command is seen within a few milliseconds.
    static let chunkDuration: Duration = .milliseconds(2)
    /// Snapshots go out at most about 60 times a second (and at once after a command).
    static let publishInterval: Duration = .microseconds(16_667)
    static let eventCapacity = 256

    /// What the session started from, kept up to date with the commands that change the shape of training
    /// (activation, loss, regularization, data), so a reset starts from what is current.
    private var configuration: SessionConfiguration
    private let inbox: Inbox
    private let channel: SnapshotChannel
    private let clock = ContinuousClock()

    private var trainer: Trainer
    private var state: TrainingState
    private var limit: Int?
    private var speed: Speed
    private var seed: UInt64
    private var history = ErrorHistory()
    private(set) var fullLog: [Trainer.Report] = []
    private var events: [TrainingEvent] = []
    private var latest: Trainer.Report?
    private var best: (error: Double, iteration: Int)?
    private var pendingSteps = 0
    private var lastFinite: [Double]
    private var version = 0
    private var lastPublish: ContinuousClock.Instant
    private var paceStart: (time: ContinuousClock.Instant, iteration: Int)
    private var rateWindow: (time: ContinuousClock.Instant, iteration: Int)
    private var measuredRate = 0.0
    private var stepsPerChunk = 16
    /// Set when a report finds the error non-finite or more saturated mistakes than `saturationBaseline`;
    /// checked after each chunk.
    private var blewUp = false
    /// Saturated mistakes accepted without diverging: those present when the user resumed after a divergence.
    private var saturationBaseline = 0

    init(configuration: SessionConfiguration, inbox: Inbox, channel: SnapshotChannel) {
        self.configuration = configuration
        self.inbox = inbox
        self.channel = channel
        seed = configuration.seed
        var (network, generator) = configuration.drawNetwork(seed: configuration.seed)
        if let initial = configuration.initialNetwork { network = initial }
        trainer = TrainingLoop.makeTrainer(configuration, network: network, generator: generator,
                                           learningRate: configuration.learningRate,
                                           batchSize: configuration.batchSize, speed: configuration.speed)
        state = configuration.startPaused ? .paused : .running
        limit = configuration.iterationLimit
        speed = configuration.speed
        lastFinite = network.parameters
        let now = clock.now
        lastPublish = now
        paceStart = (now, 0)
        rateWindow = (now, 0)
    }

    static func makeTrainer(_ configuration: SessionConfiguration, network: Network, generator: SeededGenerator,
                            learningRate: Double, batchSize: Int, speed: Speed) -> Trainer {
        let optimizer = StochasticGradientDescent(network: network, learningRate: learningRate,
                                                  batchSize: batchSize, loss: configuration.loss,
                                                  regularization: configuration.regularization,
                                                  regularizationRate: configuration.regularizationRate)
        return Trainer(network: network, optimizer: optimizer, generator: generator,
                       training: configuration.training, test: configuration.test,
                       reportInterval: reportInterval(configuration, batchSize: batchSize, speed: speed,
                                                      network: network))
    }

    /// Work a second that evaluating the data may take while training is paced, in multiply-adds: a few per cent
    /// of a core.
    static let pacedEvaluationBudget = 5e7

    /// 100 iterations, as in the tutorial, unless evaluating every row that often would cost too much; then the
    /// next step of 100, 200, 500, 1 000, … that does not.
    ///
    /// At full speed, too much is more than about a tenth of training time: a forward pass costs about a third of
    /// a training step, so evaluating `rows` rows every `n` iterations of `batch` instances costs
    /// rows / (3·n·batch) of training. Paced at r iterations a second, training leaves the core mostly idle, and
    /// too much is more than `pacedEvaluationBudget`: evaluating every n iterations is r·rows·work / n a second.
    /// Paced, the smaller of the two intervals is taken, so that a slow pace still draws the error as it goes.
    static func reportInterval(_ configuration: SessionConfiguration, batchSize: Int, speed: Speed,
                               network: Network) -> Int {
        let rows = configuration.training.count + (configuration.test?.count ?? 0)
        var needed = Double(rows) / (0.3 * Double(batchSize))
        if case .perSecond(let rate) = speed {
            needed = min(needed, rate * Double(rows) * network.forwardWork / pacedEvaluationBudget)
        }
        var interval = tutorialReportInterval
        let nice = [1, 2, 5]
        var k = 0
        while Double(interval) < needed {
            k += 1
            interval = tutorialReportInterval * nice[k % 3] * Int(pow10(k / 3))
        }
        return interval
    }

    private static func pow10(_ n: Int) -> Double { (0..<n).reduce(1.0) { a, _ in a * 10 } }

    // MARK: - The loop

    func run() {
        record(trainer.currentReport(), log: false)
        publish()
        while true {
            let commands = inbox.drain()
            for command in commands {
                if command == .stop {
                    publish()
                    return
                }
                apply(command)
            }
            if !commands.isEmpty { publish() }

            if pendingSteps > 0 {
                let n = min(pendingSteps, stepsPerChunk)
                let done = runSteps(n)
                pendingSteps = state == .diverged ? 0 : pendingSteps - done
                if pendingSteps == 0 { publish() }
            } else if state == .running {
                var n = stepsPerChunk
                if case .perSecond(let rate) = speed {
                    let now = clock.now
                    var elapsed = (now - paceStart.time).seconds
                    if Double(trainer.iteration - paceStart.iteration) < rate * elapsed - max(rate * 0.1, 1) {
                        // More than a tenth of a second behind (a slow machine or a long stall): start the
                        // pace afresh rather than bursting to catch up.
                        paceStart = (now, trainer.iteration)
                        elapsed = 0
                    }
                    let due = Int(saturating: rate * elapsed) - (trainer.iteration - paceStart.iteration)
                    if due <= 0 {
                        let nextAt = Double(trainer.iteration - paceStart.iteration + 1) / rate
                        publishIfDue()
                        inbox.wait(seconds: min(nextAt - elapsed, 0.05))
                        continue
                    }
                    n = min(n, due)
                }
                if let limit { n = min(n, max(limit - trainer.iteration, 0)) }
                if n > 0 { runSteps(n) }
                if let limit, trainer.iteration >= limit, state == .running {
                    // The end of the run is reported even when it falls between reports (on large data they
                    // can be further apart than the whole run).
                    if latest?.iteration != trainer.iteration { record(trainer.currentReport()) }
                    if blewUp {
                        diverge()   // that last report found what a report between would have
                    } else {
                        state = .done
                        addEvent(.done)
                        publish()
                    }
                }
            } else {
                measuredRate = 0
                publishIfDue()
                inbox.wait()
                continue
            }
            updateRate()
            publishIfDue()
        }
    }

    /// Runs up to `n` steps and returns how many ran: fewer when a command arrived in the middle of a long step
    /// (it is given up, and taken again once the command is applied).
    @discardableResult
    private func runSteps(_ n: Int) -> Int {
        let start = clock.now
        let inbox = self.inbox
        let done = trainer.advance(n, report: { record($0) }, interrupted: { inbox.hasCommands })
        let took = clock.now - start
        if took < TrainingLoop.chunkDuration / 2 {
            stepsPerChunk = min(stepsPerChunk * 2, 1 << 24)
        } else if took > TrainingLoop.chunkDuration * 2, stepsPerChunk > 1 {
            stepsPerChunk /= 2
        }
        if state != .diverged {
            if trainer.network.isFinite && !blewUp {
                lastFinite.withUnsafeMutableBufferPointer { keep in
                    trainer.network.parameters.withUnsafeBufferPointer { now in
                        _ = keep.update(fromContentsOf: now)
                    }
                }
            } else {
                diverge()
            }
        }
        return done
    }

    /// Takes one report. Runs inside `trainer.advance`, so it must not touch `trainer`.
    private func record(_ report: Trainer.Report, log: Bool = true) {
        latest = report
        history.append(.init(iteration: report.iteration, error: report.trainingError, testError: report.testError))
        if log, configuration.keepFullLog { fullLog.append(report) }
        if report.trainingError.isFinite, report.trainingError < (best?.error ?? .infinity) {
            best = (report.trainingError, report.iteration)
        }
        if !report.trainingError.isFinite || report.saturatedMistakes > saturationBaseline { blewUp = true }
    }

    private func diverge() {
        blewUp = false
        state = .diverged
        pendingSteps = 0
        addEvent(.diverged)
        trainer.network.parameters.withUnsafeMutableBufferPointer { p in
            lastFinite.withUnsafeBufferPointer { _ = p.update(fromContentsOf: $0) }
        }
        latest = trainer.currentReport()
        publish()
    }

    private func updateRate() {
        let now = clock.now
        let elapsed = (now - rateWindow.time).seconds
        if elapsed >= 0.25 {
            measuredRate = Double(trainer.iteration - rateWindow.iteration) / elapsed
            rateWindow = (now, trainer.iteration)
        }
    }

    // MARK: - Commands

    private func apply(_ command: TrainingCommand) {
        switch command {
        case .pause:
            if state == .running { state = .paused; addEvent(.paused) }
        case .resume:
            switch state {
            case .paused: break
            case .done: limit = nil
            case .diverged:
                // From the last finite parameters, typically at a lower learning rate; mistakes already
                // saturated stay as they are and do not count again.
                saturationBaseline = latest?.saturatedMistakes ?? 0
            case .running: return
            }
            state = .running
            addEvent(.resumed)
            restartPace()
        case .step(let n):
            guard n > 0 else { return }
            if state == .running { addEvent(.paused) }
            if state == .done { limit = nil }
            state = .paused
            pendingSteps += n
        case .setLearningRate(let rate):
            guard rate.isFinite, rate > 0 else { return }
            changeLearningRate(to: rate)
        case .learningRateUp:
            changeLearningRate(to: LearningRateLadder.up(from: trainer.optimizer.learningRate))
        case .learningRateDown:
            changeLearningRate(to: LearningRateLadder.down(from: trainer.optimizer.learningRate))
        case .setSpeed(let newSpeed):
            if case .perSecond(let rate) = newSpeed, !(rate >= 1 && rate <= Speed.maximumRate) { return }
            speed = newSpeed
            restartPace()
            updateReportInterval()
        case .setBatchSize(let size):
            guard size >= 1 else { return }
            trainer.optimizer.batchSize = size
            updateReportInterval()
        case .setActivation(let activation):
            guard activation != configuration.activation else { return }
            configuration.activation = activation
            restart()
        case .setLoss(let loss):
            guard loss != configuration.loss else { return }
            configuration.loss = loss
            restart()
        case .setRegularization(let regularization, let rate):
            guard rate.isFinite, rate >= 0 else { return }
            configuration.regularization = regularization
            configuration.regularizationRate = rate
            trainer.optimizer.regularization = regularization
            trainer.optimizer.regularizationRate = rate
        case .replaceData(let training, let test):
            guard training.count > 0, training.isLabelled else { return }
            if let test, !test.isLabelled || test.featureCount != training.featureCount { return }
            configuration.training = training
            configuration.test = test
            seed &+= 1
            restart()
        case .reset(let newSeed):
            if newSeed { seed &+= 1 }
            restart()
        case .stop:
            break
        }
    }

    /// The report interval for the data, batch size and speed now.
    private func updateReportInterval() {
        trainer.reportInterval = TrainingLoop.reportInterval(configuration, batchSize: trainer.optimizer.batchSize,
                                                             speed: speed, network: trainer.network)
    }

    /// Draws new parameters from `seed` for the current configuration and starts the run over: iteration 0, a
    /// fresh history, the iteration limit back, one reset event. Learning rate, batch size and speed carry on.
    private func restart() {
        let (network, generator) = configuration.drawNetwork(seed: seed)
        trainer = TrainingLoop.makeTrainer(configuration, network: network, generator: generator,
                                           learningRate: trainer.optimizer.learningRate,
                                           batchSize: trainer.optimizer.batchSize, speed: speed)
        lastFinite = network.parameters
        blewUp = false
        saturationBaseline = 0
        history = ErrorHistory()
        fullLog.removeAll()
        best = nil
        pendingSteps = 0
        limit = configuration.iterationLimit
        events.removeAll()
        addEvent(.reset(seed: seed))
        if state != .paused { state = .running }
        record(trainer.currentReport(), log: false)
        restartPace()
    }

    private func changeLearningRate(to rate: Double) {
        let old = trainer.optimizer.learningRate
        guard rate != old else { return }
        trainer.optimizer.learningRate = rate
        addEvent(.learningRate(from: old, to: rate))
    }

    private func restartPace() {
        paceStart = (clock.now, trainer.iteration)
        rateWindow = paceStart
    }

    private func addEvent(_ kind: TrainingEvent.Kind) {
        if events.count == TrainingLoop.eventCapacity { events.removeFirst(TrainingLoop.eventCapacity / 4) }
        events.append(TrainingEvent(iteration: trainer.iteration, kind: kind))
    }

    // MARK: - Publishing

    private func publishIfDue() {
        if clock.now - lastPublish >= TrainingLoop.publishInterval { publish() }
    }

    private func publish() {
        version += 1
        lastPublish = clock.now
        let snapshot = Snapshot(
            version: version, iteration: trainer.iteration, limit: limit, state: state,
            learningRate: trainer.optimizer.learningRate, speed: speed, batchSize: trainer.optimizer.batchSize,
            stepsPerSecond: state == .running ? measuredRate : 0, seed: seed, loss: configuration.loss,
            network: trainer.network,
            trainingError: latest?.trainingError, testError: latest?.testError,
            trainingAccuracy: latest?.trainingAccuracy, testAccuracy: latest?.testAccuracy,
            bestError: best?.error, bestIteration: best?.iteration,
            history: history, events: events, reportInterval: trainer.reportInterval,
            regularization: trainer.optimizer.regularization,
            regularizationRate: trainer.optimizer.regularizationRate)
        channel.publish(snapshot)
    }
}

extension Duration {
    var seconds: Double {
        let (s, atto) = components
        return Double(s) + Double(atto) * 1e-18
    }
}
