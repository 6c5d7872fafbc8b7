/// How often the error is reported in full (every row, train and test): every 100 iterations, as in the tutorial,
/// unless evaluating every row that often would cost too much; then the next step of 100, 200, 500, 1 000, … that
/// does not. Too much is more than about a tenth of training time at full speed: a forward pass costs about a
/// third of a training step, so evaluating `rows` rows every `n` iterations of `batch` instances costs
/// rows / (3·n·batch) of training.
///
/// The interval does not depend on the speed: a run is reported at the same iterations however fast it goes (an
/// earlier schedule reported a paced run more often, so `--speed` changed the curve). Between full reports that
/// are further apart than the chart needs, the chart takes its points from a sample of the rows (`ChartSample`).
enum ReportSchedule {
    static let tutorialInterval = 100

    static func interval(_ configuration: SessionConfiguration, batchSize: Int) -> Int {
        let rows = configuration.training.count + (configuration.test?.count ?? 0)
        let needed = Double(rows) / (0.3 * Double(batchSize))
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
