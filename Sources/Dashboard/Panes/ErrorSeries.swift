import Training

/// The error curve to draw: one value per column, with the iterations it spans, taken from the snapshot's
/// bounded history (whole run at decreasing resolution, or the recent window at full resolution).
struct ErrorSeries: Equatable {
    var training: [Double]
    var test: [Double?]
    var firstIteration: Int
    var lastIteration: Int
    /// The last iteration each drawn column covers, in order. Reports need not be evenly spaced (the interval
    /// changes with the batch size and the speed), so a column is found by its iterations, not by proportion.
    var columnEnds: [Int]

    init(history: ErrorHistory, wholeRun: Bool, columns: Int) {
        var iterations: [Int] = [], values: [Double] = [], tests: [Double?] = []
        if wholeRun {
            for bucket in history.buckets {
                iterations.append(bucket.last)
                values.append(bucket.mean)
                tests.append(bucket.testMean)
            }
        } else {
            for point in history.recentPoints.suffix(max(columns, 0)) {
                iterations.append(point.iteration)
                values.append(point.error)
                tests.append(point.testError)
            }
        }
        firstIteration = iterations.first ?? 0
        lastIteration = iterations.last ?? 0
        if values.count > columns, columns > 0 {
            // Whole run wider than the chart: each column the mean of its share of buckets.
            let shares = (0..<columns).map { c in
                let start = c * values.count / columns
                return start..<max((c + 1) * values.count / columns, start + 1)
            }
            training = shares.map { values[$0].reduce(0, +) / Double($0.count) }
            test = shares.map { share in
                let known = tests[share].compactMap { $0 }
                return known.isEmpty ? nil : known.reduce(0, +) / Double(known.count)
            }
            columnEnds = shares.map { iterations[$0.upperBound - 1] }
        } else {
            training = values
            test = tests
            columnEnds = iterations
        }
    }

    var isEmpty: Bool { training.isEmpty }

    /// The column an iteration falls in, when it is within the drawn span: the first whose reports reach it.
    func column(of iteration: Int, columns: Int) -> Int? {
        guard iteration >= firstIteration, columns > 0,
            let c = columnEnds.prefix(columns).firstIndex(where: { $0 >= iteration })
        else { return nil }
        return c
    }
}
