import NeuralCore

/// What a training session starts from.
public struct SessionConfiguration: Sendable {
    public var training: Dataset
    public var test: Dataset?
    public var hidden: [Int]
    public var activation: Activation
    /// What the network predicts, and its output units (the classes, for multiclass; 1 otherwise).
    public var task: Task
    public var outputs: Int
    /// The update rule and its constants (plain SGD: the tutorial's).
    public var optimizer: OptimizerSettings
    /// The order training instances are drawn in (at random: the tutorial's).
    public var order: ExampleOrder
    public var loss: Loss
    public var learningRate: Double
    public var batchSize: Int
    /// The weight penalty and its rate λ (none, 0: the tutorial's plain loss).
    public var regularization: Regularization
    public var regularizationRate: Double
    public var seed: UInt64
    /// Reaching this many iterations puts the session in DONE; nil trains until stopped.
    public var iterationLimit: Int?
    public var speed: Speed
    /// Start paused instead of running.
    public var startPaused: Bool
    /// Keep every report (for `--history`) besides the bounded history; memory then grows with the run.
    public var keepFullLog: Bool
    /// Start from these parameters instead of drawing new ones (a loaded model).
    public var initialNetwork: Network?
    /// Whether a loss chart is drawn (the dashboard): on large data it then gets points from a sample of the rows
    /// between the full reports (`ChartSample`). A headless run has no chart and spends nothing on one.
    public var drawsChart = false

    public init(
        training: Dataset, test: Dataset? = nil, hidden: [Int] = [], activation: Activation = .sigmoid,
        loss: Loss = .squaredError, learningRate: Double = 0.1, batchSize: Int = 1,
        regularization: Regularization = .none, regularizationRate: Double = 0, seed: UInt64 = 1,
        iterationLimit: Int? = 10_000, speed: Speed = .unlimited, startPaused: Bool = false,
        keepFullLog: Bool = false, initialNetwork: Network? = nil, task: Task = .binary, outputs: Int = 1,
        optimizer: OptimizerSettings = OptimizerSettings(), order: ExampleOrder = .random
    ) {
        self.task = task
        self.outputs = outputs
        self.optimizer = optimizer
        self.order = order
        self.training = training
        self.test = test
        self.hidden = hidden
        self.activation = activation
        self.loss = loss
        self.learningRate = learningRate
        self.batchSize = batchSize
        self.regularization = regularization
        self.regularizationRate = regularizationRate
        self.seed = seed
        self.iterationLimit = iterationLimit
        self.speed = speed
        self.startPaused = startPaused
        self.keepFullLog = keepFullLog
        self.initialNetwork = initialNetwork
    }

    /// Fresh parameters for `seed`, and the generator positioned after drawing them.
    func drawNetwork(seed: UInt64) -> (Network, SeededGenerator) {
        var generator = SeededGenerator(seed: seed)
        let network = Network(
            inputCount: training.featureCount, hidden: hidden, hiddenActivation: activation, task: task,
            outputs: outputs, generator: &generator)
        return (network, generator)
    }
}
