/// What a model does to raw inputs before its first layer: the feature map (`--features`), then the
/// standardization.
public struct InputPipeline: Sendable, Equatable {
    public var featureMap: FeatureMap?
    public var standardization: Standardization?

    public init(featureMap: FeatureMap? = nil, standardization: Standardization? = nil) {
        self.featureMap = featureMap
        self.standardization = standardization
    }

    /// The raw values it takes: two with a feature map, else the network's inputs.
    public func inputs(_ network: Network) -> Int { featureMap == nil ? network.inputCount : 2 }

    public func apply(_ values: [Double]) -> [Double] {
        let mapped = featureMap?.apply(values) ?? values
        return standardization?.apply(mapped) ?? mapped
    }

    public func apply(_ rows: Dataset) -> Dataset {
        let mapped = featureMap?.apply(rows) ?? rows
        return standardization?.apply(mapped) ?? mapped
    }
}
