import NeuralCore

/// The error history as rows for a CSV file, the one writer of both `nntop train --history` (every report of
/// the run) and the dashboard's `e` (the snapshot's bounded history: the whole run's buckets up to where the
/// recent window starts, then the recent reports at full resolution; while the run is short enough for nothing
/// to have merged, that is one row per report too).
public struct HistoryTable: Sendable, Equatable {
    /// Each row a bucket of the history: its last iteration, the mean, minimum and maximum error over its
    /// reports, how many, and the test error's mean.
    public var rows: [ErrorHistory.Bucket]
    /// Whether the CSV has a test error column.
    public var hasTest: Bool

    /// The rows of a snapshot's bounded history; a test error column when any row has a test error.
    public init(_ history: ErrorHistory) {
        let recent = history.recentPoints
        let windowStart = recent.first?.iteration ?? Int.max
        rows = history.buckets.filter { $0.last < windowStart } + recent.map(ErrorHistory.Bucket.init)
        hasTest = rows.contains { $0.testMean != nil }
    }

    /// One row per report of a full log, each its own minimum and maximum; a test error column when `hasTest`
    /// (there are test data), empty in a row without one.
    public init(reports: [Trainer.Report], hasTest: Bool) {
        rows = reports.map {
            ErrorHistory.Bucket(.init(iteration: $0.iteration, error: $0.trainingLoss, testError: $0.testLoss))
        }
        self.hasTest = hasTest
    }

    /// CSV with a header: iteration, the mean loss per instance, its minimum and maximum over the row, the reports
    /// it covers, and the test loss when there is test data.
    public var csv: String {
        var text = "iteration,loss,minimum,maximum,reports" + (hasTest ? ",test_loss" : "") + "\n"
        for row in rows {
            text += "\(row.last),\(row.mean),\(row.minimum),\(row.maximum),\(row.count)"
            if hasTest { text += "," + (row.testMean.map { "\($0)" } ?? "") }
            text += "\n"
        }
        return text
    }
}
