import NeuralCore

/// Everything a consumer needs to show a moment of training: an immutable value, safe to hand to any thread.
public struct Snapshot: Sendable {
    /// Grows by one with every publish; consumers ask for snapshots newer than the one they have.
    public var version: Int
    public var iteration: Int
    /// The iteration limit, or nil once the user continued past it (or there is none).
    public var limit: Int?
    public var state: TrainingState
    public var learningRate: Double
    public var speed: Speed
    public var batchSize: Int
    /// Iterations per second actually achieved, measured over the last fraction of a second.
    public var stepsPerSecond: Double
    public var seed: UInt64
    public var loss: Loss
    /// The weight penalty and its rate λ, as of `iteration`.
    public var regularization: Regularization
    public var regularizationRate: Double
    /// All parameters, as of `iteration`.
    public var network: Network
    /// The latest cumulative error over the training set, and over the test set when there is one.
    public var trainingError: Double?
    public var testError: Double?
    public var trainingAccuracy: Double?
    public var testAccuracy: Double?
    /// The lowest mean training loss of the run so far, and where.
    public var bestError: Double?
    public var bestIteration: Int?
    public var history: ErrorHistory
    /// What the loss chart draws when it is not `history`: on large data, points from a sample of the rows between
    /// the full reports (`ChartSample`), `chartInterval` iterations apart, `chartSampleRows` rows each.
    public var chartHistory: ErrorHistory?
    public var chartInterval: Int
    public var chartSampleRows: Int?
    /// Learning-rate changes, pauses, resets…, most recent last (bounded).
    public var events: [TrainingEvent]
    /// Iterations between two error reports: 100 as in the tutorial, more when evaluating the data that often
    /// would cost too much (`ReportSchedule`).
    public var reportInterval: Int
    /// The update rule now, and the order instances are drawn in.
    public var optimizer: OptimizerSettings
    public var order: ExampleOrder
    /// Training instances drawn so far over the training set's size.
    public var epochs: Double
    /// The latest mean losses per instance (train and test comparable), and for regression the RMSEs in the
    /// units trained in.
    public var trainingLoss: Double?
    public var testLoss: Double?
    public var trainingRMSE: Double?
    public var testRMSE: Double?
    /// A classifier's confusion counts at the latest report, on the test set or else the training set.
    public var confusion: [[Int]]?
    /// Why the run is DIVERGED, when it is.
    public var divergence: Divergence?
    /// The last step's gradient and update, layer by layer: kept for the step just before each publish (and
    /// every step asked for), so it can be a few steps older than `iteration` while training runs.
    public var lastStep: ParameterStep?
    /// The last step taken laid open (`TrainingCommand.explainStep`), until the run is reset.
    public var explanation: StepTrace?
    /// What the network predicts.
    public var task: Task { network.task }
    public var reportIntervalAdapted: Bool { reportInterval != ReportSchedule.tutorialInterval }

    public init(
        version: Int, iteration: Int, limit: Int?, state: TrainingState, learningRate: Double, speed: Speed,
        batchSize: Int, stepsPerSecond: Double, seed: UInt64, loss: Loss, network: Network,
        trainingError: Double? = nil, testError: Double? = nil, trainingAccuracy: Double? = nil,
        testAccuracy: Double? = nil, bestError: Double? = nil, bestIteration: Int? = nil,
        history: ErrorHistory, events: [TrainingEvent], reportInterval: Int,
        regularization: Regularization = .none, regularizationRate: Double = 0,
        optimizer: OptimizerSettings = OptimizerSettings(), order: ExampleOrder = .random, epochs: Double = 0,
        trainingLoss: Double? = nil, testLoss: Double? = nil, trainingRMSE: Double? = nil, testRMSE: Double? = nil,
        divergence: Divergence? = nil, chartHistory: ErrorHistory? = nil, chartInterval: Int? = nil,
        chartSampleRows: Int? = nil
    ) {
        self.chartHistory = chartHistory
        self.chartInterval = chartInterval ?? reportInterval
        self.chartSampleRows = chartSampleRows
        self.optimizer = optimizer
        self.order = order
        self.epochs = epochs
        self.trainingLoss = trainingLoss
        self.testLoss = testLoss
        self.trainingRMSE = trainingRMSE
        self.testRMSE = testRMSE
        self.divergence = divergence
        self.version = version
        self.iteration = iteration
        self.limit = limit
        self.state = state
        self.learningRate = learningRate
        self.speed = speed
        self.batchSize = batchSize
        self.stepsPerSecond = stepsPerSecond
        self.seed = seed
        self.loss = loss
        self.network = network
        self.trainingError = trainingError
        self.testError = testError
        self.trainingAccuracy = trainingAccuracy
        self.testAccuracy = testAccuracy
        self.bestError = bestError
        self.bestIteration = bestIteration
        self.history = history
        self.events = events
        self.reportInterval = reportInterval
        self.regularization = regularization
        self.regularizationRate = regularizationRate
    }
}
