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
        name: .long, help: ArgumentHelp("Loss: squared-error (the tutorial's) or cross-entropy.", valueName: "name"))
    var loss: Loss = .squaredError

    @Option(
        name: .customLong("learning-rate"),
        help: ArgumentHelp("Step size of gradient descent, in (0, 1000].", valueName: "rate"))
    var learningRate: Double = 0.1

    @Option(
        name: .customLong("batch-size"),
        help: ArgumentHelp("Instances per step, 1 to 1000000; 1 is the tutorial's online SGD.", valueName: "n"))
    var batchSize: Int = 1

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
        guard batchSize >= 1, batchSize <= Self.maximumBatchSize else {
            throw ValidationError(
                "--batch-size must be a whole number from 1 to \(Self.maximumBatchSize), got \(batchSize)")
        }
        guard regularizationRate.isFinite, regularizationRate >= 0 else {
            throw ValidationError("--regularization-rate must be a number, at least 0, got \(regularizationRate)")
        }
        if regularizationRate > 0, regularization == .none {
            throw ValidationError("--regularization-rate needs --regularization l1 or l2")
        }
    }

    func makeNetwork(inputs: Int, generator: inout SeededGenerator) -> Network {
        Network(inputCount: inputs, hidden: hidden.widths, hiddenActivation: activation, generator: &generator)
    }
}
