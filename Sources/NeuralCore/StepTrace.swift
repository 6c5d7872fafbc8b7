/// One training step laid open, the tutorial's chain with numbers: the batch's rows, the first instance forward
/// and back (x, z = w·x + b and the output of every layer, the error, its slope at the output, δ of every layer),
/// the gradient the update rule got, the update rule's memory, and every parameter before and after. Made by
/// `StochasticGradientDescent.trace`, which takes the step exactly as training does: `after` is, to the bit, what
/// `step` leaves.
public struct StepTrace: Sendable, Equatable {
    /// The iteration the step brought the run to (set by `Trainer.explainedStep`; 0 otherwise).
    public var iteration = 0
    /// The rows of the batch, in the order drawn.
    public let rows: [Int]
    public let sizes: [Int]
    public let hiddenActivation: Activation
    public let task: Task
    public let learningRate: Double
    public let optimizer: OptimizerSettings
    public let loss: Loss
    public let regularization: Regularization
    public let regularizationRate: Double
    /// The batch's first instance.
    public let instance: InstanceTrace
    /// The batch's mean gradient, the penalty's included, laid out like `Network.parameters`.
    public let gradient: [Double]
    public let before: [Double]
    public let after: [Double]
    public let memoryBefore: UpdateMemory
    public let memoryAfter: UpdateMemory

    /// The same step as a plain per-layer gradient and update, as of `iteration`.
    public func parameterStep(iteration: Int) -> ParameterStep {
        ParameterStep(iteration: iteration, sizes: sizes, gradient: gradient, before: before, after: after)
    }

    /// The first index of layer `l`'s block in the parameters (its weights, then its biases).
    public func offset(layer l: Int) -> Int { Network.parameterCount(sizes: Array(sizes[...l])) }
}

/// One instance through the network and back: per layer after the input (`z[l]`, `a[l]`, `delta[l]` for layer
/// l + 1 of `sizes`), the pre-activations, the outputs and δ = ∂loss/∂z.
public struct InstanceTrace: Sendable, Equatable {
    public let row: Int
    public let input: [Double]
    public let target: Double
    public let z: [[Double]]
    public let a: [[Double]]
    public let delta: [[Double]]
    /// This instance's loss.
    public let loss: Double
    /// The chain rule's two factors of each output unit's δ: ∂loss/∂output and ∂output/∂z (their product is δ).
    /// Nil for a softmax, whose outputs each depend on every z.
    public let outputSlopes: (loss: [Double], activation: [Double])?

    public static func == (l: InstanceTrace, r: InstanceTrace) -> Bool {
        l.row == r.row && l.input == r.input && l.target == r.target && l.z == r.z && l.a == r.a
            && l.delta == r.delta && l.loss == r.loss && l.outputSlopes?.loss == r.outputSlopes?.loss
            && l.outputSlopes?.activation == r.outputSlopes?.activation
    }
}
