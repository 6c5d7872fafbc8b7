import NeuralCore

/// Something that happened to a run, marked on the error chart at its iteration.
public struct TrainingEvent: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case learningRate(from: Double, to: Double)
        case optimizer(OptimizerKind)
        case standardized
        case paused
        case resumed
        case reset(seed: UInt64)
        case diverged
        case done
    }

    public var iteration: Int
    public var kind: Kind

    public init(iteration: Int, kind: Kind) {
        self.iteration = iteration
        self.kind = kind
    }
}
