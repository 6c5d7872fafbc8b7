import Training

/// The error history as rows for export: the whole run's buckets up to where the recent window starts, then
/// the recent reports at full resolution. While the run is short enough for nothing to have merged, that is
/// one row per report.
public struct HistoryTable: Sendable, Equatable {
    /// Each row a bucket of the history: its last iteration, the mean, minimum and maximum error over its
    /// reports, how many, and the test error's mean.
    public var rows: [ErrorHistory.Bucket]
    public var hasTest: Bool

    public init(_ history: ErrorHistory) {
        let recent = history.recentPoints
        let windowStart = recent.first?.iteration ?? Int.max
        rows = history.buckets.filter { $0.last < windowStart } + recent.map(ErrorHistory.Bucket.init)
        hasTest = rows.contains { $0.testMean != nil }
    }

    /// CSV with a header: iteration, cumulative error, its minimum and maximum over the row, the reports it
    /// covers, and the test error when there is test data.
    public var csv: String {
        var text = "iteration,cumulative_error,minimum,maximum,reports" + (hasTest ? ",test_error" : "") + "\n"
        for row in rows {
            text += "\(row.last),\(row.mean),\(row.minimum),\(row.maximum),\(row.count)"
            if hasTest { text += "," + (row.testMean.map { "\($0)" } ?? "") }
            text += "\n"
        }
        return text
    }
}
