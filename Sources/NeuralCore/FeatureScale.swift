#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How far apart a data set's features are in scale: the spread (largest minus smallest value) of each, and the
/// largest magnitude. Features in the hundreds, or spreads a thousandfold apart, saturate the units from the
/// first step and stall training, which standardizing cures.
public struct FeatureScale: Sendable, Equatable {
    public let narrowest: (name: String, spread: Double)
    public let widest: (name: String, spread: Double)
    public let largestMagnitude: Double

    public static func == (a: FeatureScale, b: FeatureScale) -> Bool {
        a.narrowest == b.narrowest && a.widest == b.widest && a.largestMagnitude == b.largestMagnitude
    }

    /// Nil for data with no rows.
    public init?(of data: Dataset) {
        guard data.count > 0 else { return nil }
        let n = data.featureCount
        var low = Array(data.row(0)), high = low
        for i in 1..<data.count {
            let base = i * n
            for c in 0..<n {
                let x = data.features[base + c]
                if x < low[c] { low[c] = x }
                if x > high[c] { high[c] = x }
            }
        }
        let spreads = (0..<n).map { high[$0] - low[$0] }
        let varying = spreads.indices.filter { spreads[$0] > 0 }
        let narrow = varying.min { spreads[$0] < spreads[$1] } ?? 0
        let wide = varying.max { spreads[$0] < spreads[$1] } ?? 0
        narrowest = (data.featureNames[narrow], spreads[narrow])
        widest = (data.featureNames[wide], spreads[wide])
        largestMagnitude = zip(low, high).map { max(abs($0), abs($1)) }.max() ?? 0
    }

    /// True when training on these features as they are is likely to stall: a magnitude over 100 or spreads more
    /// than a thousandfold apart.
    public var needsStandardizing: Bool {
        !(largestMagnitude <= 100) || (narrowest.spread > 0 && !(widest.spread / narrowest.spread <= 1000))
    }

    /// One line on the cause, for a note; `fix` names the remedy (a flag or a key).
    public func advice(fix: String) -> String {
        "the features are unscaled (values up to \(Self.short(largestMagnitude)); \(widest.name) spans \(Self.short(widest.spread)), \(narrowest.name) \(Self.short(narrowest.spread))): units saturate and training stalls; \(fix) rescales them"
    }

    /// A figure for a message: three decimals, or two and a power of ten when very large or small.
    static func short(_ x: Double) -> String {
        guard x.isFinite else { return String(x) }
        if x != 0 && (abs(x) >= 1e6 || abs(x) < 1e-3) {
            let e = floor(log10(abs(x)))
            let m = (x / pow(10, e) * 100).rounded() / 100
            return "\(m)e\(Int(e))"
        }
        let rounded = (x * 1000).rounded() / 1000
        return rounded.rounded() == rounded && abs(rounded) < 1e15 ? String(Int(rounded)) : String(rounded)
    }
}
