import NeuralCore

/// What a run has been so far: the bounded error history, every report (when kept), the newest report, the best
/// point, and the events (rate changes, resets, pauses).
struct RunRecord {
    static let eventCapacity = 256

    let keepsFullLog: Bool
    private(set) var history = ErrorHistory()
    private(set) var fullLog: [Trainer.Report] = []
    private(set) var events: [TrainingEvent] = []
    var latest: Trainer.Report?
    private(set) var best: (error: Double, iteration: Int)?

    init(keepsFullLog: Bool) { self.keepsFullLog = keepsFullLog }

    /// Takes one report; `log` false keeps it out of the full log (the report of iteration 0 after a reset).
    mutating func record(_ report: Trainer.Report, log: Bool = true) {
        latest = report
        // The history and the best point are in mean loss per instance, which train and test share.
        history.append(.init(iteration: report.iteration, error: report.trainingLoss, testError: report.testLoss))
        if log, keepsFullLog { fullLog.append(report) }
        if report.trainingLoss.isFinite, report.trainingLoss < (best?.error ?? .infinity) {
            best = (report.trainingLoss, report.iteration)
        }
    }

    mutating func add(_ kind: TrainingEvent.Kind, at iteration: Int) {
        if events.count == Self.eventCapacity { events.removeFirst(Self.eventCapacity / 4) }
        events.append(TrainingEvent(iteration: iteration, kind: kind))
    }

    /// A new run: nothing recorded.
    mutating func clear() { self = RunRecord(keepsFullLog: keepsFullLog) }
}
