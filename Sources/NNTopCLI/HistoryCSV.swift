import NeuralCore

/// The error curve as CSV: one row per report.
enum HistoryCSV {
    static func text(_ reports: [Trainer.Report], hasTest: Bool) -> String {
        var out = hasTest ? "iteration,cumulative_error,test_error\n" : "iteration,cumulative_error\n"
        for r in reports {
            out += "\(r.iteration),\(r.trainingError)"
            if hasTest { out += ",\(r.testError.map { "\($0)" } ?? "")" }
            out += "\n"
        }
        return out
    }
}
