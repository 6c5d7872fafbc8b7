import NeuralCore

/// What a run has been so far: the bounded error history, every report (when kept), the newest report, the best
/// point, and the events (rate changes, resets, pauses).
struct RunRecord {
    static let eventCapacity = 256

    let keepsFullLog: Bool
    private(set) var history = ErrorHistory()
    /// The loss chart's history when it differs from `history`: from the first sampled point on (`ChartSample`),
    /// the run so far and then a point per sample while sampling, per report while not. Nil until then, the
    /// chart drawing `history`.
    private(set) var chart: ErrorHistory?
    private(set) var fullLog: [Trainer.Report] = []
    private(set) var events: [TrainingEvent] = []
    var latest: Trainer.Report?
    private(set) var best: (error: Double, iteration: Int)?

    init(keepsFullLog: Bool) { self.keepsFullLog = keepsFullLog }

    /// Takes one report; `log` false keeps it out of the full log (the report of iteration 0 after a reset),
    /// `sampled` true out of the chart, which has its sample's points instead.
    mutating func record(_ report: Trainer.Report, log: Bool = true, sampled: Bool = false) {
        latest = report
        // The history and the best point are in mean loss per instance, which train and test share.
        let point = ErrorHistory.Point(
            iteration: report.iteration, error: report.trainingLoss, testError: report.testLoss)
        history.append(point)
        if !sampled { chart?.append(point) }
        if log, keepsFullLog { fullLog.append(report) }
        if report.trainingLoss.isFinite, report.trainingLoss < (best?.error ?? .infinity) {
            best = (report.trainingLoss, report.iteration)
        }
    }

    /// Takes one point of the chart's sample.
    mutating func recordSample(_ point: ErrorHistory.Point) {
        if chart == nil { chart = history }
        if chart?.recentPoints.last?.iteration != point.iteration { chart?.append(point) }
    }

    mutating func add(_ kind: TrainingEvent.Kind, at iteration: Int) {
        if events.count == Self.eventCapacity { events.removeFirst(Self.eventCapacity / 4) }
        events.append(TrainingEvent(iteration: iteration, kind: kind))
    }

    /// A new run: nothing recorded.
    mutating func clear() { self = RunRecord(keepsFullLog: keepsFullLog) }
}
