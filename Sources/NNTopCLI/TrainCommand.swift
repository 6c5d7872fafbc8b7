import ArgumentParser
import Foundation
import NeuralCore
import TerminalUI
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

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Carry on training this saved model: its shape, weights, standardization and update rule (the data must have its features and targets).",
            valueName: "file.json"))
    var model: String?

    func run() throws {
        try checkOutputs()
        let options = networkOptions
        let start = try startingPoint()
        let data = start.data
        let task = data.encoding.task
        let loss = start.model?.loss ?? options.loss(for: task)
        if task == .regression, loss == .crossEntropy {
            throw UsageError(
                "the targets are a regression's (\(data.taskNote)), which trains with squared-error, not cross-entropy")
        }
        if start.model == nil {
            try NetworkSize.check(inputs: data.training.featureCount, hidden: options.hidden.widths)
        }
        notes(data)
        let network = start.network
        let optimizer = optimizer(model: start.model)
        let session = TrainingSession(
            SessionConfiguration(
                training: data.training, test: data.test, hidden: network?.hiddenSizes ?? options.hidden.widths,
                activation: network?.hiddenActivation ?? options.activation, loss: loss,
                learningRate: options.learningRate, batchSize: options.batchSize(rows: data.training.count),
                regularization: options.regularization, regularizationRate: options.regularizationRate,
                seed: options.seed, iterationLimit: options.iterations, speed: .unlimited, keepFullLog: history != nil,
                initialNetwork: network, task: task, outputs: data.encoding.outputCount, optimizer: optimizer,
                order: options.order))
        var progress = Progress(total: options.iterations)
        let clockStart = ContinuousClock.now
        Interruption.install()
        session.start()
        let end = HeadlessConsumer.waitForEnd(of: session, interrupted: { Interruption.received != nil }) {
            progress.update($0)
        }
        let elapsed = (ContinuousClock.now - clockStart).seconds
        session.stop()
        progress.finish()
        let status: RunStatus =
            end.interrupted ? .interrupted : end.snapshot.state == .diverged ? .diverged : .done
        let final = end.snapshot
        // The engine rolled a diverged run back to its last finite parameters: those are what is kept.
        let trained = final.network
        // The figures of the run's last report: at its last iteration for a finished or diverged run (the engine
        // reports the end, and a diverged run after rolling back), at the last report before an interruption.
        // Evaluating the data again would only repeat it, at the cost of passes over every row.
        let (train, test) = Self.evaluations(final, data: data)
        // Everything to write is made first, and the model (the costly result) is written before the history.
        let modelJSON = try save.map { path throws(DataError) in
            try ModelFile(
                network: trained, loss: loss, featureNames: data.training.featureNames,
                standardization: data.standardization, iterations: (start.model?.iterations ?? 0) + final.iteration,
                encoding: data.encoding, optimizer: final.optimizer, featureMap: data.featureMap,
                columns: data.schema
            ).encoded(for: path)
        }
        let historyCSV = history.map { _ in HistoryTable(reports: session.fullLog, hasTest: data.test != nil).csv }
        if let save, let modelJSON { try AtomicFile.write(modelJSON, to: save) }
        if let history, let historyCSV { try AtomicFile.write(historyCSV, to: history) }
        let summary = TrainingSummary(
            iterations: final.iteration, training: train, test: test,
            stepsPerSecond: Double(final.iteration) / max(elapsed, 1e-9),
            network: trained, loss: loss, dataset: dataOptions.dataName,
            regularization: options.regularization, regularizationRate: options.regularizationRate,
            status: status, encoding: data.encoding, optimizer: final.optimizer, order: options.order,
            learningRate: final.learningRate, batchSize: final.batchSize, seed: options.seed, epochs: final.epochs,
            // Counted in the last report's pass over the data, not in one more.
            confusion: task.isClassification && status != .interrupted ? final.confusion : nil,
            divergence: final.divergence?.reason,
            evaluatedAt: final.history.recentPoints.last?.iteration ?? final.iteration,
            featureNames: data.training.featureNames,
            configuration: RunConfiguration(
                data: dataOptions, network: trained, loss: loss, optimizer: optimizer, options: options,
                batchSize: options.batchSize(rows: data.training.count), model: model, save: save, history: history
            ).json)
        Terminal.writeOutput(json ? summary.json() + "\n" : summary.text())
        if let save, !json { Terminal.writeOutput("model saved to \(save)\n") }
        switch status {
        case .done:
            return
        case .diverged:
            var advice = "try a lower --learning-rate"
            if !dataOptions.standardize, let scale = FeatureScale(of: data.training), scale.needsStandardizing {
                advice = "add --standardize (features up to \(Format.value(scale.largestMagnitude)))"
            } else if !dataOptions.standardize, task == .regression,
                let largest = data.training.targets.map(\.magnitude).max(), !(largest <= 100)
            {
                advice = "add --standardize (targets up to \(Format.value(largest))), or try a lower --learning-rate"
            }
            let kept = save.map { "; the last finite parameters were saved to \($0)" } ?? ""
            Terminal.note(
                "training diverged at iteration \(final.iteration): \(final.divergence?.reason ?? "the loss stopped being finite")\(kept); \(advice)"
            )
            throw ExitCode(RunStatus.divergedExitCode)
        case .interrupted:
            let signal = Interruption.received ?? SIGINT
            Terminal.note(
                "interrupted at iteration \(final.iteration)\(save.map { "; the model so far was saved to \($0)" } ?? "")"
            )
            throw ExitCode(128 + signal)
        }
    }

    /// Notes on stderr before training: the task auto picked for a CSV file, and unscaled features.
    private func notes(_ data: DataOptions.Loaded) {
        for note in data.notes { Terminal.note("note: \(note)") }
        if dataOptions.data != nil, networkOptions.task == .auto, model == nil, data.encoding.task != .binary {
            Terminal.note("task: \(data.taskNote) (--task to choose)")
        }
        if !dataOptions.standardize, model == nil, let scale = FeatureScale(of: data.training),
            scale.needsStandardizing
        {
            Terminal.note("note: \(scale.advice(fix: "--standardize"))")
        }
    }
}

extension TrainCommand {
    /// The training and test evaluations a snapshot's last report holds.
    static func evaluations(_ s: Snapshot, data: DataOptions.Loaded) -> (Evaluation, Evaluation?) {
        func evaluation(error: Double?, accuracy: Double?, rmse: Double?, count: Int) -> Evaluation {
            let rmse = rmse ?? 0
            return Evaluation(
                cumulativeError: error ?? .nan, accuracy: accuracy ?? 0, count: count,
                squaredResiduals: rmse * rmse * Double(count))
        }
        let train = evaluation(
            error: s.trainingError, accuracy: s.trainingAccuracy, rmse: s.trainingRMSE, count: data.training.count)
        let test = data.test.map {
            evaluation(error: s.testError, accuracy: s.testAccuracy, rmse: s.testRMSE, count: $0.count)
        }
        return (train, test)
    }
}

/// How a headless run ended.
enum RunStatus: String, Sendable {
    case done, diverged, interrupted

    /// `train`'s exit status for a run that diverged (its outputs are still written).
    static let divergedExitCode: Int32 = 3
}

extension TrainCommand {
    /// Fails before any work when `--save` or `--history` cannot be written, or when two of the files named
    /// would be one: an output over an input, or the model and the history over each other.
    /// `--save` may name the `--model` it carries on from (training it in place); `--history` may not.
    func checkOutputs() throws {
        try OutputPaths.check(OutputPaths.given([("--save", save), ("--history", history)]), inputs: dataOptions.inputs)
        try OutputPaths.check(
            OutputPaths.given([("--history", history)]), inputs: OutputPaths.given([("--model", model)]))
        try checkModelOptions()
    }

    /// With `--model` the model fixes the network's shape, task, loss and standardization: options that would
    /// change them are refused rather than ignored. The update rule and its constants, when given, replace the
    /// model's.
    func checkModelOptions() throws {
        guard model != nil else { return }
        let o = networkOptions
        let fixed: [(String, Bool)] = [
            ("--hidden", !o.hidden.widths.isEmpty), ("--activation", o.activation != .sigmoid),
            ("--task", o.task != .auto), ("--loss", o.loss != nil), ("--standardize", dataOptions.standardize),
            ("--features", dataOptions.features != nil)
        ]
        if let (name, _) = fixed.first(where: { $0.1 }) {
            throw UsageError("\(name) cannot be used with --model: the model fixes its shape, task, loss and scaling")
        }
    }

    /// The update rule to train with: the options' when any of them was given, else the model's own.
    func optimizer(model file: ModelFile?) -> OptimizerSettings {
        let given = networkOptions.optimizerSettings
        guard let trained = file?.optimizer, given == OptimizerSettings() else { return given }
        return trained
    }
}
