/// How well a network fits a dataset: the tutorial's cumulative error (the loss summed over every instance)
/// and the share of instances classified right (probability ≥ 0.5 means class 1).
public struct Evaluation: Sendable, Equatable {
    public var cumulativeError: Double
    public var accuracy: Double
    public var count: Int
    /// Instances classified wrong with the output pre-activation so large (|z| ≥ 37) that σ(z) is 0 or 1 to
    /// double precision: their gradient has vanished, so training can no longer correct them. A sign that the
    /// learning rate blew the network up.
    public var saturatedMistakes: Int

    /// |z| beyond which σ(z) is within 1e-16 of 0 or 1.
    public static let saturation = 37.0

    public init(cumulativeError: Double, accuracy: Double, count: Int, saturatedMistakes: Int = 0) {
        self.cumulativeError = cumulativeError
        self.accuracy = accuracy
        self.count = count
        self.saturatedMistakes = saturatedMistakes
    }

    /// Evaluates `network` on every row of `data` with the given scratch pass.
    public static func of(_ network: Network, on data: Dataset, loss: Loss, pass: inout ForwardPass) -> Evaluation {
        var error = 0.0
        var right = 0, saturated = 0
        let n = data.featureCount
        let output = network.unitCount - 1
        data.features.withUnsafeBufferPointer { f in
            for i in 0..<data.count {
                let p = pass.run(network, input: f.baseAddress! + i * n)
                let y = data.targets[i]
                error += loss(prediction: p, target: y)
                if (p >= 0.5 ? 1.0 : 0.0) == y {
                    right += 1
                } else if abs(pass.z[output]) >= saturation {
                    saturated += 1
                }
            }
        }
        return Evaluation(
            cumulativeError: error, accuracy: data.count == 0 ? 0 : Double(right) / Double(data.count),
            count: data.count, saturatedMistakes: saturated)
    }

    public static func of(_ network: Network, on data: Dataset, loss: Loss) -> Evaluation {
        var pass = ForwardPass(network: network)
        return of(network, on: data, loss: loss, pass: &pass)
    }
}

/// The class a probability stands for: 1 at 0.5 and above, else 0.
@inline(__always)
public func predictedClass(_ probability: Double) -> Int { probability >= 0.5 ? 1 : 0 }
