/// Examples for a binary classifier: `count` rows of `featureCount` inputs, each with a 0/1 target (or, for data
/// only to predict on, no targets at all). Features are stored row after row in one flat array.
public struct Dataset: Sendable, Equatable {
    public var featureNames: [String]
    public var features: [Double]
    public var targets: [Double]

    public let count: Int

    public var featureCount: Int { featureNames.count }
    /// True when every row has a target (an unlabelled dataset has none).
    public var isLabelled: Bool { targets.count == count }

    public init(featureNames: [String], features: [Double], targets: [Double]) {
        precondition(
            !featureNames.isEmpty && features.count == featureNames.count * targets.count,
            "features do not match \(featureNames.count) columns × \(targets.count) rows")
        self.featureNames = featureNames
        self.features = features
        self.targets = targets
        count = targets.count
    }

    /// Rows to predict on, with no targets.
    public init(featureNames: [String], unlabelledFeatures features: [Double]) {
        precondition(!featureNames.isEmpty && features.count % featureNames.count == 0, "ragged features")
        self.featureNames = featureNames
        self.features = features
        targets = []
        count = features.count / featureNames.count
    }

    /// Builds a dataset from rows of inputs, naming the features x1, x2, …
    public init(rows: [[Double]], targets: [Double]) {
        let width = rows.first?.count ?? 0
        precondition(rows.allSatisfy { $0.count == width }, "ragged rows")
        self.init(featureNames: (1...max(width, 1)).map { "x\($0)" }, features: rows.flatMap { $0 }, targets: targets)
    }

    /// The inputs of row `i`.
    public func row(_ i: Int) -> ArraySlice<Double> {
        features[(i * featureCount)..<((i + 1) * featureCount)]
    }

    /// A dataset holding only the given rows, in the given order.
    public func subset(_ indices: [Int]) -> Dataset {
        var f: [Double] = []
        f.reserveCapacity(indices.count * featureCount)
        for i in indices { f += row(i) }
        return Dataset(featureNames: featureNames, features: f, targets: indices.map { targets[$0] })
    }

    /// The eight points the tutorial trains on: two inputs, targets 0 or 1.
    public static let tutorial = Dataset(
        rows: [[3, 1.5], [2, 1], [4, 1.5], [3, 4], [3.5, 0.5], [2, 0.5], [5.5, 1], [1, 1]],
        targets: [0, 1, 0, 1, 0, 1, 1, 0]
    )
}
