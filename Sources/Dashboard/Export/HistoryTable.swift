import Training

/// The error history as rows for export: the whole run's buckets up to where the recent window starts, then
/// the recent reports at full resolution. While the run is short enough for nothing to have merged, that is
/// one row per report.
public struct HistoryTable: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        /// The last iteration the row covers.
        public var iteration: Int
        public var error: Double
        public var minimum: Double
        public var maximum: Double
        /// How many reports the row summarises.
        public var reports: Int
        public var testError: Double?
    }

    public var rows: [Row]
    public var hasTest: Bool

    public init(_ history: ErrorHistory) {
        let recent = history.recentPoints
        let windowStart = recent.first?.iteration ?? Int.max
        var rows: [Row] = history.buckets.filter { $0.last < windowStart }.map {
            Row(iteration: $0.last, error: $0.mean, minimum: $0.minimum, maximum: $0.maximum, reports: $0.count,
                testError: $0.testMean)
        }
        rows += recent.map {
            Row(iteration: $0.iteration, error: $0.error, minimum: $0.error, maximum: $0.error, reports: 1,
                testError: $0.testError)
        }
        self.rows = rows
        hasTest = rows.contains { $0.testError != nil }
    }

    /// CSV with a header: iteration, cumulative error, its minimum and maximum over the row, the reports it
    /// covers, and the test error when there is test data.
    public var csv: String {
        var text = "iteration,cumulative_error,minimum,maximum,reports" + (hasTest ? ",test_error" : "") + "\n"
        for row in rows {
            text += "\(row.iteration),\(row.error),\(row.minimum),\(row.maximum),\(row.reports)"
            if hasTest { text += "," + (row.testError.map { "\($0)" } ?? "") }
            text += "\n"
        }
        return text
    }
}
