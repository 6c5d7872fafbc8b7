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
    ///
    /// Any finite data gives finite figures: a column whose largest magnitude is beyond 2^±400 (where squares
    /// would overflow, or underflow to nothing) is summed scaled by a power of two, which is exact, and scaled
    /// back. Other columns are summed as they are, so their figures are those of the plain formula, bit for bit.
    public init(fitting data: Dataset) {
        let n = data.featureCount, rows = max(data.count, 1)
        var largest = [Double](repeating: 0, count: n)
        var mean = [Double](repeating: 0, count: n)
        var squares = [Double](repeating: 0, count: n)
        var exponent = [Int](repeating: 0, count: n)
        // Row by row, column by column: each column's sums in row order.
        data.features.withUnsafeBufferPointer { features in
            func forEachCell(_ body: (Int, Double) -> Void) {
                var k = 0
                for _ in 0..<data.count {
                    for c in 0..<n { body(c, features[k &+ c]) }
                    k &+= n
                }
            }
            forEachCell { c, x in largest[c] = max(largest[c], x.magnitude) }
            exponent = largest.map(Self.scalingExponent)
            forEachCell { c, x in mean[c] += Self.scaled(x, by: -exponent[c]) }
            for c in 0..<n { mean[c] /= Double(rows) }
            forEachCell { c, x in
                let d = Self.scaled(x, by: -exponent[c]) - mean[c]
                squares[c] += d * d
            }
        }
        self.mean = (0..<n).map { Self.scaled(mean[$0], by: exponent[$0]) }
        self.deviation = (0..<n).map { Self.scaled((squares[$0] / Double(rows)).squareRoot(), by: exponent[$0]) }
    }

    /// The power of two a column with largest magnitude `largest` is divided by while it is summed: 0 for
    /// ordinary magnitudes, otherwise that of `largest`, so the scaled values lie within ±2.
    static func scalingExponent(_ largest: Double) -> Int {
        guard largest.isFinite, largest != 0 else { return 0 }
        let e = Int(largest.exponent)
        return abs(e) <= 400 ? 0 : e
    }

    /// `x` × 2^`e`: exact unless the result leaves the range of normal numbers.
    @inline(__always)
    static func scaled(_ x: Double, by e: Int) -> Double {
        e == 0 ? x : Double(sign: .plus, exponent: e, significand: x)
    }

    /// The divisor actually used for feature `c`: its deviation, or 1 for a constant column.
    @inline(__always)
    public func scale(_ c: Int) -> Double { deviation[c] > 0 ? deviation[c] : 1 }

    /// One feature's value, standardized. Near the ends of the range of Double, where x − mean itself
    /// overflows, the two are divided first.
    @inline(__always)
    public func apply(feature c: Int, _ x: Double) -> Double {
        let z = (x - mean[c]) / scale(c)
        return z.isFinite || !x.isFinite ? z : x / scale(c) - mean[c] / scale(c)
    }

    public func apply(_ input: [Double]) -> [Double] {
        input.enumerated().map { c, x in apply(feature: c, x) }
    }

    public func apply(_ data: Dataset) -> Dataset {
        var out = data
        let n = data.featureCount
        out.features.withUnsafeMutableBufferPointer { features in
            var k = 0
            for _ in 0..<data.count {
                for c in 0..<n { features[k &+ c] = apply(feature: c, features[k &+ c]) }
                k &+= n
            }
        }
        return out
    }
}

extension Network {
    /// This network rewritten to take inputs standardized by `z` and compute the same function of the raw
    /// inputs: each first-layer weight times its feature's divisor, each first-layer bias plus the weights times
    /// the means (w′ᵢ = wᵢ·dᵢ, b′ = b + Σ wᵢ·μᵢ), since w′·(x − μ)/d + b′ = w·x + b.
    public func absorbing(_ z: Standardization) -> Network {
        var out = self
        let fanIn = sizes[0], units = sizes[1], start = offsets[0]
        for j in 0..<units {
            var shift = 0.0
            for i in 0..<fanIn {
                let k = start + j * fanIn + i
                shift += parameters[k] * z.mean[i]
                out.parameters[k] = parameters[k] * z.scale(i)
            }
            out.parameters[start + fanIn * units + j] += shift
        }
        return out
    }
}
