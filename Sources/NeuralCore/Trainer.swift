/// The bare training loop: a network, its optimiser, the random generator and the data, advanced step by step,
/// reporting the error over the training set (and the test set, when there is one) every `reportInterval`
/// iterations, as the tutorial does every 100: cumulative, as the tutorial prints it, and per instance.
public struct Trainer: Sendable {
    public var network: Network
    public var optimizer: StochasticGradientDescent
    public var generator: SeededGenerator
    public private(set) var training: Dataset
    public private(set) var test: Dataset?
    public private(set) var iteration: Int = 0
    /// Iterations between two reports; the tutorial's 100.
    public var reportInterval: Int
    private var pass: ForwardPass

    /// One point of the error curve, with the accuracies measured in the same pass.
    public struct Report: Sendable, Equatable {
        public var iteration: Int
        public var trainingError: Double
        public var testError: Double?
        public var trainingAccuracy: Double
        public var testAccuracy: Double?
        /// Training instances wrong beyond recovery (see `Evaluation.saturatedMistakes`).
        public var saturatedMistakes: Int
        /// The mean loss per instance: `trainingError` and `testError` over their sets' sizes.
        public var trainingLoss: Double
        public var testLoss: Double?
        /// Regression: the root mean squared error, in the units trained in (0 for a classifier).
        public var trainingRMSE: Double = 0
        public var testRMSE: Double?
        /// Training instances drawn so far over the training set's size.
        public var epochs: Double = 0
        /// A classifier's confusion counts (`Evaluation.confusion`) on the test set, or the training set without one.
        public var confusion: [[Int]]?

        public init(
            iteration: Int, trainingError: Double, testError: Double?, trainingAccuracy: Double,
            testAccuracy: Double?, saturatedMistakes: Int, trainingLoss: Double? = nil, testLoss: Double? = nil,
            trainingRMSE: Double = 0, testRMSE: Double? = nil, epochs: Double = 0
        ) {
            self.iteration = iteration
            self.trainingError = trainingError
            self.testError = testError
            self.trainingAccuracy = trainingAccuracy
            self.testAccuracy = testAccuracy
            self.saturatedMistakes = saturatedMistakes
            self.trainingLoss = trainingLoss ?? trainingError
            self.testLoss = testLoss ?? testError
            self.trainingRMSE = trainingRMSE
            self.testRMSE = testRMSE
            self.epochs = epochs
        }
    }

    public init(
        network: Network, optimizer: StochasticGradientDescent, generator: SeededGenerator,
        training: Dataset, test: Dataset? = nil, reportInterval: Int = 100
    ) {
        precondition(training.count > 0, "no training data")
        precondition(reportInterval > 0, "report interval must be positive")
        self.network = network
        self.optimizer = optimizer
        self.generator = generator
        self.training = training
        self.test = test
        self.reportInterval = reportInterval
        pass = ForwardPass(network: network)
    }

    /// Runs `steps` iterations, calling `report` each time the iteration count reaches a multiple of
    /// `reportInterval`. Returns the iterations run: fewer than `steps` only when `interrupted` stopped them
    /// (`StochasticGradientDescent.step`).
    @discardableResult
    public mutating func advance(
        _ steps: Int, report: (Report) -> Void = { _ in },
        interrupted: () -> Bool = { false }
    ) -> Int {
        var remaining = steps
        while remaining > 0 {
            let untilReport = reportInterval - iteration % reportInterval
            let chunk = min(untilReport, remaining)
            let done = optimizer.train(
                &network, on: training, steps: chunk, generator: &generator,
                interrupted: interrupted)
            iteration += done
            remaining -= done
            if done == untilReport { report(currentReport()) }
            if done < chunk { break }
        }
        return steps - remaining
    }

    /// Training instances drawn so far over the training set's size.
    public var epochs: Double { optimizer.sampler.epochs(rows: training.count) }

    /// One step as `advance(1)` takes it, with its gradient and update kept (`recordedStep`); nil when
    /// `interrupted` gave it up.
    public mutating func recordedStep(
        report: (Report) -> Void = { _ in }, interrupted: () -> Bool = { false }
    ) -> ParameterStep? {
        guard
            let step = optimizer.recordedStep(
                &network, on: training, generator: &generator, iteration: iteration + 1, interrupted: interrupted)
        else { return nil }
        iteration += 1
        if iteration % reportInterval == 0 { report(currentReport()) }
        return step
    }

    /// The next step laid open (`StochasticGradientDescent.trace`), then taken as `advance(1)` takes it.
    public mutating func explainedStep(report: (Report) -> Void = { _ in }) -> StepTrace {
        let rows = optimizer.nextRows(rows: training.count, generator: generator)
        var trace = optimizer.trace(network, on: training, rows: rows)
        advance(1, report: report)
        trace.iteration = iteration
        return trace
    }

    /// The cumulative errors and accuracies now.
    public mutating func currentReport() -> Report {
        let (train, test) = evaluate()
        var report = Report(
            iteration: iteration, trainingError: train.cumulativeError, testError: test?.cumulativeError,
            trainingAccuracy: train.accuracy, testAccuracy: test?.accuracy,
            saturatedMistakes: train.saturatedMistakes, trainingLoss: train.meanLoss, testLoss: test?.meanLoss,
            trainingRMSE: train.rootMeanSquaredError, testRMSE: test?.rootMeanSquaredError, epochs: epochs)
        report.confusion = (test ?? train).confusion
        return report
    }

    /// Error and accuracy on the training set and the test set.
    public mutating func evaluate() -> (training: Evaluation, test: Evaluation?) {
        let loss = optimizer.loss
        let train = Evaluation.of(network, on: training, loss: loss, pass: &pass)
        let test = self.test.map { Evaluation.of(network, on: $0, loss: loss, pass: &pass) }
        return (train, test)
    }

    /// Standardizes the training and test features by `z` in place and rewrites the network to match
    /// (`Network.absorbing`): its predictions stay what they were, and training carries on from here on z-scores.
    public mutating func standardize(by z: Standardization) {
        guard z.mean.count == training.featureCount, z.deviation.count == training.featureCount else { return }
        training = z.apply(training)
        test = test.map { z.apply($0) }
        network = network.absorbing(z)
    }
}
