#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An input the network is given, made from a two-feature point (x1, x2), as TensorFlow Playground offers: with
/// x1² and x2² a network with no hidden layer separates the circle.
public enum InputFeature: String, CaseIterable, Sendable, Codable {
    case x1, x2
    case x1Squared = "x1^2"
    case x2Squared = "x2^2"
    case x1TimesX2 = "x1*x2"
    case sinX1 = "sin(x1)"
    case sinX2 = "sin(x2)"

    @inline(__always)
    public func callAsFunction(_ x1: Double, _ x2: Double) -> Double {
        switch self {
        case .x1: return x1
        case .x2: return x2
        case .x1Squared: return x1 * x1
        case .x2Squared: return x2 * x2
        case .x1TimesX2: return x1 * x2
        case .sinX1: return sin(x1)
        case .sinX2: return sin(x2)
        }
    }
}

/// The inputs a network is given, made from each two-feature point: the chosen `InputFeature`s, in the order of
/// `InputFeature.allCases` (so a set, however written, is one network's input layout).
public struct FeatureMap: Sendable, Equatable, Codable {
    public private(set) var features: [InputFeature]

    /// The features in their canonical order, each once; nil when none is chosen.
    public init?(_ chosen: [InputFeature]) {
        let set = Set(chosen)
        features = InputFeature.allCases.filter(set.contains)
        if features.isEmpty { return nil }
    }

    /// x1 and x2 as they are: the map that changes nothing.
    public var isIdentity: Bool { features == [.x1, .x2] }

    /// This map with `feature` added or taken out; nil when that would leave none.
    public func toggling(_ feature: InputFeature) -> FeatureMap? {
        FeatureMap(features.contains(feature) ? features.filter { $0 != feature } : features + [feature])
    }

    /// The network's inputs for the point (`input[0]`, `input[1]`).
    public func apply(_ input: [Double]) -> [Double] {
        precondition(input.count == 2, "a feature map takes two inputs, got \(input.count)")
        return features.map { $0(input[0], input[1]) }
    }

    /// `data` (two features) with each row mapped; the columns are named after the features.
    public func apply(_ data: Dataset) -> Dataset {
        precondition(data.featureCount == 2, "a feature map takes two features, got \(data.featureCount)")
        var out: [Double] = []
        out.reserveCapacity(data.count * features.count)
        data.features.withUnsafeBufferPointer { f in
            for i in 0..<data.count {
                let x1 = f[2 * i], x2 = f[2 * i + 1]
                for feature in features { out.append(feature(x1, x2)) }
            }
        }
        let names = features.map(\.rawValue)
        return data.isLabelled
            ? Dataset(featureNames: names, features: out, targets: data.targets)
            : Dataset(featureNames: names, unlabelledFeatures: out)
    }
}
