import ArgumentParser
import NeuralCore

/// The network's shape and how it is trained.
struct NetworkOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Hidden layer widths, comma-separated, e.g. 8,8; none is the tutorial's single unit.", valueName: "n,n,…"))
    var hidden: HiddenLayers = HiddenLayers(argument: "")!

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Hidden layer activation: relu, tanh, sigmoid or linear. He initialisation for relu, Glorot for the rest.",
            valueName: "name"))
    var activation: Activation = .sigmoid

    @Option(
        name: .long,
        help: ArgumentHelp(
            "What to predict: binary (one sigmoid output, targets 0/1), multiclass (a softmax over the classes), regression (a linear output), or auto: binary for 0/1 targets, multiclass for up to 20 distinct whole numbers, regression otherwise.",
            valueName: "name"))
    var task: TaskChoice = .auto

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Loss: squared-error or cross-entropy. Default: squared-error (the tutorial's) for binary and regression, cross-entropy for multiclass.",
            valueName: "name"))
    var loss: Loss?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Update rule, as PyTorch's: sgd (the tutorial's), momentum, nesterov, rmsprop or adam.",
            valueName: "name"))
    var optimizer: OptimizerKind = .sgd

    @Option(name: .long, help: ArgumentHelp("μ for momentum and nesterov, in [0, 1).", valueName: "μ"))
    var momentum: Double = 0.9

    @Option(name: .long, help: ArgumentHelp("Adam's β₁, in [0, 1).", valueName: "β"))
    var beta1: Double = 0.9

    @Option(name: .long, help: ArgumentHelp("Adam's β₂, in [0, 1).", valueName: "β"))
    var beta2: Double = 0.999

    @Option(name: .long, help: ArgumentHelp("ε for rmsprop and adam, above 0.", valueName: "ε"))
    var epsilon: Double = 1e-8

    @Option(
        name: .customLong("rms-decay"), help: ArgumentHelp("RMSprop's decay α, in [0, 1).", valueName: "α"))
    var rmsDecay: Double = 0.99

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Order of training instances: random (with replacement, the tutorial's), shuffle (every row once per epoch, a new order each epoch) or sequential (file order, wrapping).",
            valueName: "name"))
    var order: ExampleOrder = .random

    @Option(
        name: .customLong("learning-rate"),
        help: ArgumentHelp("Step size of gradient descent, in (0, 1000].", valueName: "rate"))
    var learningRate: Double = 0.1

    @Option(
        name: .customLong("batch-size"),
        help: ArgumentHelp(
            "Instances per step, 1 to 1000000, or all (the whole training set); 1 is the tutorial's online SGD.",
            valueName: "n|all"))
    var batch: BatchSize = .count(1)

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Weight penalty: none, l1 (rate·|w|, drives weights to zero) or l2 (rate·w²/2, shrinks them). Biases are not penalised.",
            valueName: "name"))
    var regularization: Regularization = .none

    @Option(
        name: .customLong("regularization-rate"),
        help: ArgumentHelp("The penalty's rate λ, at least 0 (0 turns it off).", valueName: "rate"))
    var regularizationRate: Double = 0

    @Option(
        name: .long, help: ArgumentHelp("Random seed: the same seed gives the same run, bit for bit.", valueName: "n"))
    var seed: UInt64 = 1

    @Option(name: .long, help: ArgumentHelp("Training iterations (the tutorial's 10 000).", valueName: "n"))
    var iterations: Int = 10_000

    /// The largest batch: a million instances a step (draws with replacement, so it may exceed the rows).
    static let maximumBatchSize = 1_000_000

    func validate() throws {
        guard learningRate.isFinite, learningRate > 0, learningRate <= 1000 else {
            throw ValidationError("--learning-rate must be a number in (0, 1000], got \(learningRate)")
        }
        guard iterations >= 1 else { throw ValidationError("--iterations must be at least 1, got \(iterations)") }
        if case .count(let batchSize) = batch {
            guard batchSize >= 1, batchSize <= Self.maximumBatchSize else {
                throw ValidationError(
                    "--batch-size must be a whole number from 1 to \(Self.maximumBatchSize) or all, got \(batchSize)")
            }
        }
        for (name, value) in [
            ("--momentum", momentum), ("--beta1", beta1), ("--beta2", beta2), ("--rms-decay", rmsDecay)
        ] {
            guard value >= 0, value < 1 else {
                throw ValidationError("\(name) must be a number from 0 up to (not including) 1, got \(value)")
            }
        }
        guard epsilon.isFinite, epsilon > 0 else {
            throw ValidationError("--epsilon must be a number above 0, got \(epsilon)")
        }
        if task == .regression, loss == .crossEntropy {
            throw ValidationError("--task regression trains with squared-error; cross-entropy is for classes")
        }
        guard regularizationRate.isFinite, regularizationRate >= 0 else {
            throw ValidationError("--regularization-rate must be a number, at least 0, got \(regularizationRate)")
        }
        if regularizationRate > 0, regularization == .none {
            throw ValidationError("--regularization-rate needs --regularization l1 or l2")
        }
    }

    /// The update rule and its constants as given.
    var optimizerSettings: OptimizerSettings {
        OptimizerSettings(
            optimizer, momentum: momentum, beta1: beta1, beta2: beta2, epsilon: epsilon, rmsDecay: rmsDecay)
    }

    /// The loss given, or the task's own.
    func loss(for task: Task) -> Loss { loss ?? task.defaultLoss }

    /// Instances per step for `rows` training rows.
    func batchSize(rows: Int) -> Int { batch.size(rows: rows) }
}
