import NeuralCore

/// How often the error is reported: every 100 iterations, as in the tutorial, unless evaluating every row that
/// often would cost too much; then the next step of 100, 200, 500, 1 000, … that does not.
///
/// At full speed, too much is more than about a tenth of training time: a forward pass costs about a third of a
/// training step, so evaluating `rows` rows every `n` iterations of `batch` instances costs rows / (3·n·batch)
/// of training. Paced at r iterations a second, training leaves the core mostly idle, and too much is more than
/// `pacedEvaluationBudget`: evaluating every n iterations is r·rows·work / n a second. Paced, the smaller of the
/// two intervals is taken, so that a slow pace still draws the error as it goes.
enum ReportSchedule {
    static let tutorialInterval = 100

    /// Work a second that evaluating the data may take while training is paced, in multiply-adds: a few per cent
    /// of a core.
    static let pacedEvaluationBudget = 5e7

    static func interval(_ configuration: SessionConfiguration, batchSize: Int, speed: Speed, network: Network) -> Int {
        let rows = configuration.training.count + (configuration.test?.count ?? 0)
        var needed = Double(rows) / (0.3 * Double(batchSize))
        if case .perSecond(let rate) = speed {
            needed = min(needed, rate * Double(rows) * network.forwardWork / pacedEvaluationBudget)
        }
        var interval = tutorialInterval
        let nice = [1, 2, 5]
        var k = 0
        while Double(interval) < needed {
            k += 1
            interval = tutorialInterval * nice[k % 3] * Int(pow10(k / 3))
        }
        return interval
    }

    private static func pow10(_ n: Int) -> Double { (0..<n).reduce(1.0) { a, _ in a * 10 } }
}
