import ArgumentParser
import Foundation
import NeuralCore

/// `nntop train`: headless training with a progress bar and a summary.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train without the dashboard and print a summary.",
        discussion: """
        Progress goes to stderr (a bar on a terminal, a line every few seconds otherwise); the summary goes to \
        stdout. Example: nntop train --data points.csv --hidden 8 --activation tanh --save model.json
        """
    )

    @OptionGroup var dataOptions: DataOptions
    @OptionGroup var networkOptions: NetworkOptions

    @Option(name: .long, help: ArgumentHelp("Write the error curve as CSV: iteration, cumulative error (and test error).", valueName: "file.csv"))
    var history: String?

    @Option(name: .long, help: ArgumentHelp("Save the trained model (and its standardization) as JSON, replaced atomically.", valueName: "file.json"))
    var save: String?

    @Flag(name: .long, help: "Print the summary as one JSON object on stdout.")
    var json = false

    func run() throws {
        let data = try dataOptions.load()
        let options = networkOptions
        var generator = SeededGenerator(seed: options.seed)
        let network = options.makeNetwork(inputs: data.training.featureCount, generator: &generator)
        let optimizer = StochasticGradientDescent(network: network, learningRate: options.learningRate,
                                                  batchSize: options.batchSize, loss: options.loss)
        var trainer = Trainer(network: network, optimizer: optimizer, generator: generator,
                              training: data.training, test: data.test)
        var progress = Progress(total: options.iterations)
        var reports: [Trainer.Report] = []
        var diverged: Int?
        let start = ContinuousClock.now
        let keepHistory = history != nil
        while trainer.iteration < options.iterations {
            let chunk = min(options.iterations - trainer.iteration, 100_000)
            trainer.advance(chunk) { report in
                if keepHistory { reports.append(report) }
                if diverged == nil, !report.trainingError.isFinite { diverged = report.iteration }
            }
            if diverged == nil, !trainer.network.isFinite { diverged = trainer.iteration }
            if diverged != nil { break }
            progress.update(iteration: trainer.iteration)
        }
        let elapsed = (ContinuousClock.now - start).seconds
        progress.finish()
        if let diverged {
            throw UsageError("training diverged by iteration \(diverged): the parameters are no longer finite numbers (try a lower --learning-rate)")
        }
        let (train, test) = trainer.evaluate()
        if let history {
            try AtomicFile.write(HistoryCSV.text(reports, hasTest: data.test != nil), to: history)
        }
        if let save {
            let model = ModelFile(network: trainer.network, loss: options.loss,
                                  featureNames: data.training.featureNames,
                                  standardization: data.standardization, iterations: trainer.iteration)
            try model.save(path: save)
        }
        let summary = TrainingSummary(iterations: trainer.iteration, training: train, test: test,
                                      stepsPerSecond: Double(trainer.iteration) / max(elapsed, 1e-9),
                                      network: trainer.network, loss: options.loss)
        Terminal.writeOutput(json ? summary.json() + "\n" : summary.text())
        if let save, !json { Terminal.writeOutput("model saved to \(save)\n") }
    }
}

extension Duration {
    var seconds: Double {
        let (s, atto) = components
        return Double(s) + Double(atto) * 1e-18
    }
}
