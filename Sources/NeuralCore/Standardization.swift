/// Z-scores each feature with the training set's mean and standard deviation: x′ = (x − mean) / deviation.
/// A constant column (deviation 0) is only centred, so nothing divides by zero.
public struct Standardization: Sendable, Equatable, Codable {
    public var mean: [Double]
    public var deviation: [Double]

    public init(mean: [Double], deviation: [Double]) {
        self.mean = mean
        self.deviation = deviation
    }

    /// The mean and population standard deviation of every feature of `data`.
    public init(fitting data: Dataset) {
        let n = data.featureCount, rows = max(data.count, 1)
        var mean = [Double](repeating: 0, count: n)
        var squares = [Double](repeating: 0, count: n)
        for r in 0..<data.count {
            for (c, x) in data.row(r).enumerated() { mean[c] += x }
        }
        for c in 0..<n { mean[c] /= Double(rows) }
        for r in 0..<data.count {
            for (c, x) in data.row(r).enumerated() { squares[c] += (x - mean[c]) * (x - mean[c]) }
        }
        self.mean = mean
        self.deviation = squares.map { ($0 / Double(rows)).squareRoot() }
    }

    /// The divisor actually used for feature `c`: its deviation, or 1 for a constant column.
    @inline(__always)
    func scale(_ c: Int) -> Double { deviation[c] > 0 ? deviation[c] : 1 }

    /// One feature's value, standardized.
    @inline(__always)
    public func apply(feature c: Int, _ x: Double) -> Double { (x - mean[c]) / scale(c) }

    public func apply(_ input: [Double]) -> [Double] {
        input.enumerated().map { c, x in (x - mean[c]) / scale(c) }
    }

    public func apply(_ data: Dataset) -> Dataset {
        var out = data
        let n = data.featureCount
        for k in out.features.indices { out.features[k] = (out.features[k] - mean[k % n]) / scale(k % n) }
        return out
    }
}
