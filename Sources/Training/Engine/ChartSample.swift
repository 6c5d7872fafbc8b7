import NeuralCore

/// The loss chart's points on data too large to evaluate whole as often as the chart needs them.
///
/// The full report (every row, the figure the summary and `--history` give) comes every `ReportSchedule.interval`
/// iterations, which on a million rows is every 5 000 000: a 50 000-iteration run would draw two points. So
/// whenever the full reports are further apart than `interval`, the chart gets a point every `interval` iterations
/// from a fixed sample of the rows instead: evenly strided through the training data (and the test data), the
/// same rows every time, so the line moves only as the network does. Its size keeps it to about a tenth of the
/// training time, as the full reports are (`ReportSchedule`): evaluating a row costs about a third of a training
/// instance, so `rows` rows every `interval` iterations of `batch` instances cost rows / (3 · interval · batch);
/// at least `smallest` rows (a batch of 1: 64 rows every 200 iterations, 11 %), at most `largest`. Measured with
/// `nntop-bench --engine` on a million rows (README).
struct ChartSample {
    /// Iterations between two chart points when the data are sampled: 250 points in a 50 000-iteration run.
    static let interval = 200
    static let smallest = 64
    static let largest = 1_024

    let training: Dataset
    let test: Dataset?
    private var pass: ForwardPass

    /// The sample for a trainer's data, or nil when there is no chart or its full reports come every `interval`
    /// iterations or more often.
    init?(trainer: Trainer, drawsChart: Bool) {
        guard drawsChart, trainer.reportInterval > Self.interval else { return nil }
        let budget = 0.3 * Double(Self.interval) * Double(trainer.optimizer.batchSize)
        let rows = Int(min(max(budget, Double(Self.smallest)), Double(Self.largest)))
        let share = trainer.test == nil ? rows : rows / 2
        training = Self.strided(trainer.training, rows: share)
        test = trainer.test.map { Self.strided($0, rows: share) }
        pass = ForwardPass(network: trainer.network)
    }

    /// Rows in the sample, training and test.
    var rows: Int { training.count + (test?.count ?? 0) }

    /// The chart's point for the network now: the mean loss per instance over the sample.
    mutating func point(_ network: Network, loss: Loss, iteration: Int) -> ErrorHistory.Point {
        if pass.a.count != network.unitCount { pass = ForwardPass(network: network) }
        let train = Evaluation.of(network, on: training, loss: loss, pass: &pass)
        let testLoss = test.map { Evaluation.of(network, on: $0, loss: loss, pass: &pass).meanLoss }
        return ErrorHistory.Point(iteration: iteration, error: train.meanLoss, testError: testLoss)
    }

    /// `rows` rows evenly spread through `data` (all of them when it has no more).
    private static func strided(_ data: Dataset, rows: Int) -> Dataset {
        guard data.count > rows, rows > 0 else { return data }
        return data.subset((0..<rows).map { $0 * data.count / rows })
    }
}
