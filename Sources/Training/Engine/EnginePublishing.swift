import NeuralCore

/// Publishing: a snapshot of the run as it is now, at most every `publishInterval` (and at once after a command).
extension Engine {
    func publishIfDue() {
        if clock.now - lastPublish >= Self.publishInterval { publish() }
    }

    func publish() {
        version += 1
        lastPublish = clock.now
        let latest = record.latest
        var snapshot = Snapshot(
            version: version, iteration: trainer.iteration, limit: limit, state: state,
            learningRate: trainer.optimizer.learningRate, speed: pacer.speed, batchSize: trainer.optimizer.batchSize,
            stepsPerSecond: state == .running ? meter.rate : 0, seed: seed, loss: configuration.loss,
            network: trainer.network,
            trainingError: latest?.trainingError, testError: latest?.testError,
            trainingAccuracy: latest?.trainingAccuracy, testAccuracy: latest?.testAccuracy,
            bestError: record.best?.error, bestIteration: record.best?.iteration,
            history: record.history, events: record.events, reportInterval: trainer.reportInterval,
            regularization: trainer.optimizer.regularization,
            regularizationRate: trainer.optimizer.regularizationRate,
            optimizer: trainer.optimizer.optimizer, order: trainer.optimizer.sampler.order, epochs: trainer.epochs,
            trainingLoss: latest?.trainingLoss, testLoss: latest?.testLoss, trainingRMSE: latest?.trainingRMSE,
            testRMSE: latest?.testRMSE, divergence: guardian.reason, chartHistory: record.chart,
            chartInterval: chartSample == nil ? trainer.reportInterval : ChartSample.interval,
            chartSampleRows: chartSample?.rows)
        snapshot.confusion = latest?.confusion
        snapshot.lastStep = lastStep
        snapshot.explanation = explanation
        channel.publish(snapshot)
    }
}
