import Training

/// One column of the loss chart: the extremes and the mean of the reports it covers, training and test. A column
/// between two reports (a short run is drawn across the whole width) holds the line's value there, interpolated,
/// and no spread.
struct ErrorColumn: Equatable {
    var low: Double
    var high: Double
    var mean: Double
    var testLow: Double?
    var testHigh: Double?
    var testMean: Double?
    /// False when interpolated between reports.
    var measured = true
}

/// The history resampled to the chart's columns: iterations `first...last` spread evenly over `count` columns,
/// each bucket counted in every column its iterations reach. Non-finite values are left out.
enum ErrorColumns {
    static func resample(_ buckets: [ErrorHistory.Bucket], first: Int, last: Int, count: Int) -> [ErrorColumn?] {
        guard count > 0 else { return [] }
        // In doubles: iterations from a hostile snapshot may be anywhere in Int's range.
        let span = max(Double(last) - Double(first), 1)
        func column(_ iteration: Int) -> Int {
            let x = (Double(iteration) - Double(first)) / span * Double(count)
            return x >= 0 ? Int(min(x, Double(count - 1))) : 0
        }
        var sums = [Tally](repeating: Tally(), count: count), tests = sums
        for b in buckets where b.last >= first && b.first <= last {
            let (from, to) = (column(b.first), column(b.last))
            for c in min(from, to)...max(from, to) {
                sums[c].add(low: b.minimum, high: b.maximum, mean: b.mean, count: b.count)
                if let m = b.testMean {
                    tests[c].add(low: b.testMinimum ?? m, high: b.testMaximum ?? m, mean: m, count: b.testCount)
                }
            }
        }
        let means = interpolated(sums.map(\.mean)), testMeans = interpolated(tests.map(\.mean))
        return (0..<count).map { c in
            guard let mean = means[c] else { return nil }
            let t = tests[c]
            return ErrorColumn(
                low: sums[c].low ?? mean, high: sums[c].high ?? mean, mean: mean,
                testLow: t.low ?? testMeans[c], testHigh: t.high ?? testMeans[c], testMean: testMeans[c],
                measured: sums[c].count > 0)
        }
    }

    /// Fills the gaps between known values with straight lines; before the first and after the last stays nil.
    static func interpolated(_ values: [Double?]) -> [Double?] {
        var out = values
        var previous: Int?
        for (i, value) in values.enumerated() where value != nil {
            if let p = previous, i - p > 1, let a = values[p], let b = value {
                for j in (p + 1)..<i { out[j] = a + (b - a) * Double(j - p) / Double(i - p) }
            }
            previous = i
        }
        return out
    }

    /// The reports falling in one column.
    private struct Tally {
        var low: Double?
        var high: Double?
        var sum = 0.0
        /// In doubles, as the sum: a hand-built history's counts may add up past Int.max.
        var count = 0.0

        mutating func add(low l: Double, high h: Double, mean: Double, count n: Int) {
            if l.isFinite { low = min(low ?? l, l) }
            if h.isFinite { high = max(high ?? h, h) }
            if mean.isFinite, n > 0 {
                sum += mean * Double(n)
                count += Double(n)
            }
        }

        var mean: Double? { count > 0 ? sum / count : nil }
    }
}
