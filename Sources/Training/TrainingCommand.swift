import NeuralCore

/// An instruction to a running session, sent from any thread and applied in the order sent.
public enum TrainingCommand: Sendable, Equatable {
    case pause
    case resume
    /// Pause (if running) and advance exactly this many iterations.
    case step(Int)
    /// Pause (if running) and take one step laid open: the snapshot's `explanation`.
    case explainStep
    case setLearningRate(Double)
    case learningRateUp
    case learningRateDown
    case setSpeed(Speed)
    case setBatchSize(Int)
    /// Another update rule, its memory started afresh; the parameters carry on.
    case setOptimizer(OptimizerKind)
    /// Standardize the features in place by these statistics (of the raw training data): the network is
    /// rewritten to compute the same function of the raw inputs, and training carries on. Ignored for
    /// statistics of another width.
    case standardize(Standardization)
    /// Another hidden activation: parameters are drawn afresh for it from the same seed (a reset).
    case setActivation(Activation)
    /// Another loss: parameters are drawn afresh from the same seed (a reset), and errors are measured in it.
    case setLoss(Loss)
    /// Another weight penalty or rate (at least 0), applied from the next step; training carries on.
    case setRegularization(Regularization, rate: Double)
    /// Train on other data (and test on other data, or none): parameters are drawn afresh from the next seed,
    /// for the new data's number of features (a reset). Ignored if `training` is empty or unlabelled, or if
    /// `test` is unlabelled or has other features.
    case replaceData(training: Dataset, test: Dataset?)
    /// One parameter set by hand (`Network.parameters[index]`, a weight or a bias), as a user edits a link: the
    /// optimizer's memory and the run carry on, and the losses shown are measured again for the edited network.
    /// Ignored for an index outside the network or a value that is not finite.
    case setParameter(index: Int, value: Double)
    /// New parameters drawn from the same seed (the run repeats) or from the next seed.
    case reset(newSeed: Bool)
    case stop
}
