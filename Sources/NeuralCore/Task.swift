/// What the network predicts, which fixes its output layer.
///
/// - binary: one sigmoid unit, the probability of class 1 (the tutorial's network).
/// - multiclass: K units through a softmax, one probability per class; a target is the class's index 0..<K.
/// - regression: one linear unit, the predicted value itself.
public enum Task: String, CaseIterable, Sendable, Codable {
    case binary, multiclass, regression

    /// The activation of the output layer before any softmax: the sigmoid for binary, linear otherwise.
    public var outputActivation: Activation { self == .binary ? .sigmoid : .linear }

    /// True for the tasks that predict a class.
    public var isClassification: Bool { self != .regression }

    /// The output units a network for this task has, given its number of classes (ignored but for multiclass).
    public func outputCount(classes: Int) -> Int { self == .multiclass ? classes : 1 }

    /// The losses this task can train with: both for the classifiers, squared error alone for regression.
    public var losses: [Loss] { self == .regression ? [.squaredError] : Loss.allCases }

    /// The loss a run of this task uses unless told otherwise: the tutorial's squared error for binary and
    /// regression, cross-entropy for multiclass (the softmax's natural partner).
    public var defaultLoss: Loss { self == .multiclass ? .crossEntropy : .squaredError }
}
