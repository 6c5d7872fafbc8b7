import NeuralCore

/// The error curve as CSV: one row per report, and a last row for the end of the run when it fell between
/// reports (on large data the reports can be further apart than the whole run).
enum HistoryCSV {
    static func text(_ reports: [Trainer.Report], hasTest: Bool,
                     end: (iteration: Int, error: Double, testError: Double?)) -> String {
        var out = hasTest ? "iteration,cumulative_error,test_error\n" : "iteration,cumulative_error\n"
        func row(_ iteration: Int, _ error: Double, _ testError: Double?) {
            out += "\(iteration),\(error)"
            if hasTest { out += ",\(testError.map { "\($0)" } ?? "")" }
            out += "\n"
        }
        for r in reports { row(r.iteration, r.trainingError, r.testError) }
        if reports.last?.iteration != end.iteration { row(end.iteration, end.error, end.testError) }
        return out
    }
}
