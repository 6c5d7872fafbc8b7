/// How well a network fits a dataset: the tutorial's cumulative error (the loss summed over every instance), its
/// mean per instance, and the task's score: for a classifier the share of instances classified right, for
/// regression R² (in `accuracy`) with the squared residuals behind it and the RMSE.
public struct Evaluation: Sendable, Equatable {
    public var cumulativeError: Double
    /// Classification: the share right. Regression: R² = 1 − Σ(a − y)² / Σ(y − ȳ)² (1 for a constant target
    /// predicted exactly, 0 for one predicted otherwise).
    public var accuracy: Double
    public var count: Int
    /// Instances classified wrong with the output so sure (a sigmoid pre-activation |z| ≥ 37, or a softmax
    /// probability of the right class below 1e-16) that the gradient has vanished: training can no longer correct
    /// them.
    public var saturatedMistakes: Int
    /// Regression: Σ(a − y)², in the units the network is trained in.
    public var squaredResiduals: Double
    /// A classifier's counts[actual][predicted] over the rows (K × K; 2 × 2 for binary), made in the same pass.
    public var confusion: [[Int]]?

    /// |z| beyond which σ(z) is within 1e-16 of 0 or 1.
    public static let saturation = 37.0

    public init(
        cumulativeError: Double, accuracy: Double, count: Int, saturatedMistakes: Int = 0,
        squaredResiduals: Double = 0, confusion: [[Int]]? = nil
    ) {
        self.cumulativeError = cumulativeError
        self.accuracy = accuracy
        self.count = count
        self.saturatedMistakes = saturatedMistakes
        self.squaredResiduals = squaredResiduals
        self.confusion = confusion
    }

    /// The loss per instance: train and test means compare where their sums do not.
    public var meanLoss: Double { count == 0 ? 0 : cumulativeError / Double(count) }

    /// Regression: the root of the mean squared residual, in the units the network is trained in.
    public var rootMeanSquaredError: Double { count == 0 ? 0 : (squaredResiduals / Double(count)).squareRoot() }

    /// Evaluates `network` on every row of `data` with the given scratch pass.
    public static func of(_ network: Network, on data: Dataset, loss: Loss, pass: inout ForwardPass) -> Evaluation {
        let objective = Objective(task: network.task, loss: loss)
        let n = data.featureCount, outputs = network.outputCount, task = network.task
        let outputUnit = network.unitCount - outputs
        var error = 0.0, residuals = 0.0
        var right = 0, saturated = 0
        let classes = task == .multiclass ? outputs : 2
        var counts = task.isClassification ? [Int](repeating: 0, count: classes * classes) : []
        data.features.withUnsafeBufferPointer { f in
            for i in 0..<data.count {
                pass.run(network, input: f.baseAddress! + i * n)
                let y = data.targets[i]
                let instance = pass.a.withUnsafeBufferPointer { a in
                    let out = a.baseAddress! + outputUnit
                    let isRight = objective.isRight(outputs: out, count: outputs, target: y)
                    if isRight { right += 1 }
                    if task == .regression {
                        residuals += (out[0] - y) * (out[0] - y)
                    } else {
                        let actual = Objective.classIndex(y, classes: classes)
                        let predicted = outputs == 1 ? (out[0] >= 0.5 ? 1 : 0) : largestIndex(out, count: outputs)
                        if actual >= 0 { counts[actual * classes + predicted] += 1 }
                    }
                    return (loss: objective(outputs: out, count: outputs, target: y), right: isRight)
                }
                error += instance.loss
                // Wrong past recovery: a sigmoid saturated, or the right class's softmax probability below 1e-16.
                if !instance.right, task == .binary, abs(pass.z[outputUnit]) >= saturation {
                    saturated += 1
                } else if !instance.right, task == .multiclass, objective.loss == .crossEntropy,
                    instance.loss >= 36.8
                {
                    saturated += 1
                }
            }
        }
        let score =
            task == .regression
            ? rSquared(squaredResiduals: residuals, targets: data.targets)
            : data.count == 0 ? 0 : Double(right) / Double(data.count)
        return Evaluation(
            cumulativeError: error, accuracy: score, count: data.count, saturatedMistakes: saturated,
            squaredResiduals: residuals,
            confusion: task.isClassification
                ? (0..<classes).map { Array(counts[($0 * classes)..<(($0 + 1) * classes)]) } : nil)
    }

    /// R² = 1 − Σ(a − y)² / Σ(y − ȳ)²: 1 for a constant target predicted exactly, 0 for one predicted otherwise.
    public static func rSquared(squaredResiduals: Double, targets: [Double]) -> Double {
        guard !targets.isEmpty else { return 0 }
        let mean = targets.reduce(0, +) / Double(targets.count)
        let total = targets.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        return total > 0 ? 1 - squaredResiduals / total : (squaredResiduals == 0 ? 1 : 0)
    }

    public static func of(_ network: Network, on data: Dataset, loss: Loss) -> Evaluation {
        var pass = ForwardPass(network: network)
        return of(network, on: data, loss: loss, pass: &pass)
    }

    /// For a classifier, counts[actual][predicted] over every row of `data` (K × K; 2 × 2 for binary).
    public static func confusion(of network: Network, on data: Dataset) -> [[Int]] {
        guard network.task.isClassification else { return [] }
        let classes = network.task == .multiclass ? network.outputCount : 2
        var counts = Array(repeating: Array(repeating: 0, count: classes), count: classes)
        var pass = ForwardPass(network: network)
        let outputUnit = network.unitCount - network.outputCount, outputs = network.outputCount
        data.features.withUnsafeBufferPointer { f in
            for i in 0..<data.count {
                pass.run(network, input: f.baseAddress! + i * data.featureCount)
                let predicted = pass.a.withUnsafeBufferPointer { a in
                    outputs == 1
                        ? (a[outputUnit] >= 0.5 ? 1 : 0) : largestIndex(a.baseAddress! + outputUnit, count: outputs)
                }
                let actual = Objective.classIndex(data.targets[i], classes: classes)
                if actual >= 0 { counts[actual][predicted] += 1 }
            }
        }
        return counts
    }
}

/// The class a probability stands for: 1 at 0.5 and above, else 0.
@inline(__always)
public func predictedClass(_ probability: Double) -> Int { probability >= 0.5 ? 1 : 0 }
