import Training

/// The loss chart's smoothing, as TensorBoard's: an exponential moving average of the mean line, debiased so
/// that its first values are not pulled towards zero, applied to the reports before they are resampled to the
/// chart's columns. The `v` key steps through `levels`.
enum Smoothing {
    static let levels = [0, 0.6, 0.9, 0.99]

    /// The level after `weight`, back to 0 after the last.
    static func next(after weight: Double) -> Double {
        let i = levels.firstIndex { $0 > weight } ?? 0
        return levels[i]
    }

    /// The moving average of `values` with `weight` (0 leaves them as they are); nil and non-finite values are
    /// passed over and kept as they are.
    static func smoothed(_ values: [Double?], weight: Double) -> [Double?] {
        guard weight > 0 else { return values }
        var last = 0.0, weights = 0.0
        return values.map { value in
            guard let value, value.isFinite else { return value }
            last = last * weight + (1 - weight) * value
            weights = weights * weight + (1 - weight)
            return last / weights
        }
    }

    /// The buckets with their means (training and test) smoothed.
    static func smoothed(_ buckets: [ErrorHistory.Bucket], weight: Double) -> [ErrorHistory.Bucket] {
        guard weight > 0 else { return buckets }
        let means = smoothed(buckets.map { Optional($0.mean) }, weight: weight)
        let tests = smoothed(buckets.map(\.testMean), weight: weight)
        var out = buckets
        for i in out.indices {
            out[i].mean = means[i] ?? out[i].mean
            out[i].testMean = tests[i]
        }
        return out
    }
}
