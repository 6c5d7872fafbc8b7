import NeuralCore

/// The commands, applied between chunks.
extension Engine {
    func apply(_ command: TrainingCommand) {
        switch command {
        case .pause:
            if state == .running { state = .paused; record.add(.paused, at: trainer.iteration) }
        case .resume:
            switch state {
            case .paused: break
            case .done: limit = nil
            case .diverged:
                // From the last finite parameters, typically at a lower learning rate.
                guardian.resume()
            case .running: return
            }
            state = .running
            record.add(.resumed, at: trainer.iteration)
            restartPace()
        case .step(let n):
            guard n > 0 else { return }
            if state == .running { record.add(.paused, at: trainer.iteration) }
            if state == .done { limit = nil }
            if state == .diverged { guardian.resume() }
            state = .paused
            pendingSteps = pendingSteps.addingReportingOverflow(n).overflow ? .max : pendingSteps + n
        case .explainStep:
            if state == .running { record.add(.paused, at: trainer.iteration) }
            if state == .done { limit = nil }
            if state == .diverged { guardian.resume() }
            state = .paused
            explainStep()
        case .setLearningRate(let rate):
            guard rate.isFinite, rate > 0 else { return }
            changeLearningRate(to: rate)
        case .learningRateUp:
            changeLearningRate(to: LearningRateLadder.up(from: trainer.optimizer.learningRate))
        case .learningRateDown:
            changeLearningRate(to: LearningRateLadder.down(from: trainer.optimizer.learningRate))
        case .setSpeed(let newSpeed):
            if case .perSecond(let rate) = newSpeed, !(rate >= 1 && rate <= Speed.maximumRate) { return }
            pacer.speed = newSpeed
            restartPace()
        case .setBatchSize(let size):
            guard size >= 1 else { return }
            trainer.optimizer.batchSize = size
            updateReportInterval()
        case .setOptimizer(let kind):
            guard kind != trainer.optimizer.optimizer.kind else { return }
            var settings = trainer.optimizer.optimizer
            settings.kind = kind
            trainer.optimizer.optimizer = settings
            configuration.optimizer = settings
            record.add(.optimizer(kind), at: trainer.iteration)
        case .standardize(let z):
            guard z.mean.count == configuration.training.featureCount else { return }
            trainer.standardize(by: z)
            chartSample = ChartSample(trainer: trainer, drawsChart: configuration.drawsChart)
            configuration.training = trainer.training
            configuration.test = trainer.test
            guardian.restart(trainer.network)
            (lastStep, explanation) = (nil, nil)
            record.add(.standardized, at: trainer.iteration)
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
        case .setParameter(let index, let value):
            guard trainer.network.parameters.indices.contains(index), value.isFinite else { return }
            trainer.network.parameters[index] = value
            // The edit is the run's last finite point, and the figures shown are the edited network's.
            _ = guardian.check(trainer.network)
            record.latest = trainer.currentReport()
        case .reset(let newSeed):
            if newSeed { seed &+= 1 }
            restart()
        case .stop:
            break
        }
    }

    /// The report interval for the data and batch size now, and the chart's sample for it.
    private func updateReportInterval() {
        trainer.reportInterval = ReportSchedule.interval(configuration, batchSize: trainer.optimizer.batchSize)
        chartSample = ChartSample(trainer: trainer, drawsChart: configuration.drawsChart)
    }

    /// Draws new parameters from `seed` for the current configuration and starts the run over: iteration 0, a
    /// fresh record, the iteration limit back, one reset event. Learning rate, batch size and speed carry on.
    private func restart() {
        let (network, generator) = configuration.drawNetwork(seed: seed)
        trainer = Engine.makeTrainer(
            configuration, network: network, generator: generator,
            learningRate: trainer.optimizer.learningRate, batchSize: trainer.optimizer.batchSize)
        chartSample = ChartSample(trainer: trainer, drawsChart: configuration.drawsChart)
        guardian.restart(network)
        (lastStep, explanation) = (nil, nil)
        record.clear()
        pendingSteps = 0
        limit = configuration.iterationLimit
        record.add(.reset(seed: seed), at: trainer.iteration)
        if state != .paused { state = .running }
        take(trainer.currentReport(), log: false)
        sampleChart()
        restartPace()
    }

    private func changeLearningRate(to rate: Double) {
        let old = trainer.optimizer.learningRate
        guard rate != old else { return }
        trainer.optimizer.learningRate = rate
        record.add(.learningRate(from: old, to: rate), at: trainer.iteration)
    }

    private func restartPace() {
        let now = clock.now
        pacer.restart(at: now, iteration: trainer.iteration)
        meter.restart(at: now, iteration: trainer.iteration)
    }
}
