import ArgumentParser
import Foundation
import NeuralCore
import Training
import DataFiles

/// `nntop train`: headless training with a progress bar and a summary.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train without the dashboard and print a summary.",
        discussion: """
            Progress goes to stderr (a bar on a terminal, a line every few seconds otherwise); the summary goes to \
            stdout. Examples: nntop train --data points.csv --hidden 8 --activation tanh --save model.json; \
            nntop train --dataset circle --test-fraction 0.5 --hidden 8 --loss cross-entropy
            """
    )

    @OptionGroup var dataOptions: DataOptions
    @OptionGroup var networkOptions: NetworkOptions

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Write the error curve as CSV, as e in the dashboard does: iteration, cumulative error, its minimum and maximum, reports (and test error); a row per report and one for the end.",
            valueName: "file.csv"))
    var history: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Save the trained model (and its standardization) as JSON, replaced atomically.", valueName: "file.json"))
    var save: String?

    @Flag(name: .long, help: "Print the summary as one JSON object on stdout.")
    var json = false

    func run() throws {
        try checkOutputs()
        let data = try dataOptions.load()
        let options = networkOptions
        try NetworkSize.check(inputs: data.training.featureCount, hidden: options.hidden.widths)
        let session = TrainingSession(
            SessionConfiguration(
                training: data.training, test: data.test, hidden: options.hidden.widths,
                activation: options.activation, loss: options.loss, learningRate: options.learningRate,
                batchSize: options.batchSize, regularization: options.regularization,
                regularizationRate: options.regularizationRate, seed: options.seed, iterationLimit: options.iterations,
                speed: .unlimited, keepFullLog: history != nil))
        var progress = Progress(total: options.iterations)
        let start = ContinuousClock.now
        session.start()
        let final = HeadlessConsumer.waitForEnd(of: session) { progress.update(iteration: $0.iteration) }
        let elapsed = (ContinuousClock.now - start).seconds
        session.stop()
        progress.finish()
        if final.state == .diverged {
            throw UsageError(
                "training diverged at iteration \(final.iteration): the error stopped being finite or the output saturated on misclassified instances (try a lower --learning-rate)"
            )
        }
        let network = final.network
        let train = Evaluation.of(network, on: data.training, loss: options.loss)
        let test = data.test.map { Evaluation.of(network, on: $0, loss: options.loss) }
        // Everything to write is made first, and the model (the costly result) is written before the history.
        let modelJSON = try save.map { path throws(DataError) in
            try ModelFile(
                network: network, loss: options.loss, featureNames: data.training.featureNames,
                standardization: data.standardization, iterations: final.iteration
            ).encoded(for: path)
        }
        let historyCSV = history.map { _ in HistoryTable(reports: session.fullLog, hasTest: data.test != nil).csv }
        if let save, let modelJSON { try AtomicFile.write(modelJSON, to: save) }
        if let history, let historyCSV { try AtomicFile.write(historyCSV, to: history) }
        let summary = TrainingSummary(
            iterations: final.iteration, training: train, test: test,
            stepsPerSecond: Double(final.iteration) / max(elapsed, 1e-9),
            network: network, loss: options.loss, dataset: dataOptions.dataName,
            regularization: options.regularization,
            regularizationRate: options.regularizationRate)
        Terminal.writeOutput(json ? summary.json() + "\n" : summary.text())
        if let save, !json { Terminal.writeOutput("model saved to \(save)\n") }
    }
}

extension TrainCommand {
    /// Fails before any work when `--save` or `--history` cannot be written, or when two of the files named
    /// would be one: an output over an input, or the model and the history over each other.
    func checkOutputs() throws {
        try OutputPaths.check(OutputPaths.given([("--save", save), ("--history", history)]), inputs: dataOptions.inputs)
    }
}
