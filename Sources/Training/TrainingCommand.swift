/// An instruction to a running session, sent from any thread and applied in the order sent.
public enum TrainingCommand: Sendable, Equatable {
    case pause
    case resume
    /// Pause (if running) and advance exactly this many iterations.
    case step(Int)
    case setLearningRate(Double)
    case learningRateUp
    case learningRateDown
    case setSpeed(Speed)
    case setBatchSize(Int)
    /// New parameters drawn from the same seed (the run repeats) or from the next seed.
    case reset(newSeed: Bool)
    case stop
}
