import ArgumentParser
import CursesBackend
import Dashboard
import Foundation
import NeuralCore
import TerminalUI
import Training
import DataFiles
import Settings

/// `nntop` with no subcommand: the live dashboard.
struct DashboardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard",
        abstract: "Open the live dashboard (the default).",
        discussion: """
            Trains live in a full-screen view: the dataset with live predictions, every weight and bias, the error \
            curve, and a probe for your own inputs. Press ? inside for every key. Example: nntop --hidden 4 \
            --activation tanh --speed 1000
            """
    )

    /// How long quitting waits for the trainer to finish what it is doing (a report on large data can take
    /// longer); then the program ends without it.
    static let quitWait: Duration = .milliseconds(20)

    @OptionGroup var dataOptions: DataOptions
    @OptionGroup var networkOptions: NetworkOptions

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Iterations per second (1 to 1e9), or max for as fast as the machine goes. Keys > and < change it. Default: 300 (or the config file's).",
            valueName: "n|max"))
    var speed: SpeedArgument?

    @Flag(name: .long, help: "Draw with ASCII characters only (the default when the locale is not UTF-8).")
    var ascii = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Start from a saved model (its shape, weights and standardization) to train on or just probe.",
            valueName: "file.json"))
    var model: String?

    @Flag(name: .long, help: "Start paused (space starts training): to look at or probe a loaded model as it is.")
    var paused = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Where s saves the model (JSON, replaced atomically). Default: nntop-model.json.", valueName: "file.json"))
    var save: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Where e writes the error history: PATH.csv and an SVG plot, PATH.svg. Default: nntop-history.",
            valueName: "path"))
    var export: String?

    @OptionGroup var appearance: AppearanceOptions

    /// Where s and e would write when no path was given, if they cannot: said when the dashboard opens, not
    /// after a long session when the key is pressed. (It still opens: looking needs no writable directory.)
    private var defaultPathProblem: String? {
        let defaults = [(save, "s", "nntop-model.json", "--save"), (export, "e", "nntop-history.csv", "--export")]
        var keys: [String] = [], options: [String] = [], reasons: [String] = []
        for (given, key, path, option) in defaults where given == nil {
            do throws(DataError) {
                try AtomicFile.checkWritable(path, probing: false)
            } catch {
                keys.append(key)
                options.append(option)
                reasons.append(error.description)
            }
        }
        guard let reason = reasons.first else { return nil }
        return "\(keys.joined(separator: " and ")) will fail, give \(options.joined(separator: " and ")): \(reason)"
    }

    func run() throws {
        if appearance.printConfig {
            Terminal.writeOutput(DefaultConfig.text)
            return
        }
        // A bad config file is reported before anything else is read, as a bad option is.
        let settings = try appearance.settings()
        // Paths given for s, E and e are checked now, so a typo (or the data file's name) fails before the
        // dashboard opens. (Saving over the --model it started from is allowed: that is carrying on training it.)
        let outputs = OutputPaths.given([
            ("--save", save), ("--save", save.map(DashboardHost.onnxPath(forModel:))),
            ("--export", export.map { $0 + ".csv" }),
            ("--export", export.map { $0 + ".svg" })
        ])
        try OutputPaths.check(outputs, inputs: dataOptions.inputs)
        if model?.isEmpty == true { throw UsageError("--model is an empty path, expected a model file") }
        // A model fixes how the file's columns are read; load it first for that.
        let modelFile = try model.map { path throws(DataError) in try ModelFile.load(path: path) }
        let raw = try dataOptions.encoded(
            try dataOptions.loadRaw(task: networkOptions.task.task, schema: modelFile?.0.columns),
            task: networkOptions.task.task)
        var data = dataOptions.prepare(raw)
        let options = networkOptions
        let task = raw.encoding.task
        var hidden = options.hidden.widths, activation = options.activation, loss = options.loss(for: task)
        if task == .regression, loss == .crossEntropy {
            throw UsageError("the targets are a regression's, which trains with squared-error, not cross-entropy")
        }
        var optimizer = options.optimizerSettings
        if model == nil { try NetworkSize.check(inputs: raw.training.featureCount, hidden: hidden) }
        var initial: Network?
        if let model {
            let (file, network) = modelFile!
            var raw = raw
            // A model that makes its inputs from two features (--features) takes the data's two.
            let width = file.featureMap == nil ? network.inputCount : 2
            guard width == raw.training.featureCount else {
                throw UsageError(
                    "\(model): the model takes \(width) inputs, the data have \(raw.training.featureCount) features")
            }
            raw.featureMap = file.featureMap
            guard network.task == task, network.outputCount == raw.encoding.outputCount else {
                throw UsageError(
                    "\(model): the model is a \(network.task.rawValue) network with \(network.outputCount) outputs; the data's targets read as \(raw.taskNote)"
                )
            }
            // The model's own standardization, so its weights see the inputs they were trained on.
            data = raw.mapped().standardized(by: file.standardization).scalingTargets(file.targetStandardization)
            (hidden, activation, loss, initial) = (network.hiddenSizes, network.hiddenActivation, file.loss, network)
            if let trained = file.optimizer { optimizer = trained }
        }
        // Bad data or options are reported first; then the dashboard needs a terminal.
        guard isatty(STDOUT_FILENO) == 1 else {
            throw UsageError("the dashboard needs a terminal on stdout; for headless training use nntop train")
        }
        guard isatty(STDIN_FILENO) == 1 else {
            throw UsageError("the dashboard reads keys from a terminal on stdin; for headless training use nntop train")
        }
        var configuration = SessionConfiguration(
            training: data.training, test: data.test, hidden: hidden,
            activation: activation, loss: loss, learningRate: options.learningRate,
            batchSize: options.batchSize(rows: data.training.count), regularization: options.regularization,
            regularizationRate: options.regularizationRate, seed: options.seed, iterationLimit: options.iterations,
            speed: speed?.value ?? settings.speed, startPaused: paused, initialNetwork: initial, task: task,
            outputs: raw.encoding.outputCount, optimizer: optimizer, order: options.order)
        configuration.drawsChart = true
        let session = TrainingSession(configuration)
        let screen: CursesScreen
        do {
            screen = try CursesScreen(forceASCII: ascii || settings.ascii)
        } catch {
            throw UsageError(error.description)
        }
        session.start()
        var state = DashboardState(
            training: raw.training, test: raw.test, standardization: data.standardization, featureMap: data.featureMap,
            size: screen.size, glyphs: screen.unicode ? .unicode : .ascii,
            colours: settings.colours.depth(on: screen.palette ? .palette : screen.colour ? .eight : .monochrome))
        state.themeName = settings.theme
        state.palette = settings.palette
        state.showsMap = settings.map == .auto
        state.encoding = data.encoding
        // A built-in set other than the tutorial's fixed points is drawn at a noise level, shown in its title.
        state.drawsData = dataOptions.data == nil && (dataOptions.dataset ?? .tutorial) != .tutorial
        state.noise = dataOptions.noise ?? 0
        if let problem = defaultPathProblem { state.notice = .problem(problem) }
        let host = DashboardHost(
            modelPath: save ?? "nntop-model.json", historyPath: export ?? "nntop-history",
            data: dataOptions, columns: raw.schema)
        var loop = ProgramLoop(screen: screen, trainer: session, host: host, state: state, clock: SystemClock())
        let end = loop.run()
        session.stop(waitingAtMost: Self.quitWait)
        if case .signal(let signal) = end { screen.exit(bySignal: signal) }
        screen.close()
        if let last = loop.state.snapshot { Terminal.writeOutput(Self.quitLine(last) + "\n") }
    }

    /// What the dashboard leaves on the terminal when it ends, its numbers as the screen shows them:
    /// "nntop: done at iteration 10,000, loss 0.05012, cumulative error 0.40096".
    static func quitLine(_ last: Snapshot) -> String {
        var line = "nntop: \(last.state.rawValue.lowercased()) at iteration \(Format.count(last.iteration))"
        if let loss = last.trainingLoss { line += ", loss \(Format.short(loss, digits: 5))" }
        if let error = last.trainingError { line += ", cumulative error \(Format.short(error, digits: 5))" }
        return line
    }
}

/// `--speed`: a number of iterations per second, or `max`.
struct SpeedArgument: ExpressibleByArgument {
    let value: Speed

    init(_ value: Speed) { self.value = value }

    init?(argument: String) {
        if argument.lowercased() == "max" {
            value = .unlimited
        } else if let rate = Double(argument), rate >= 1, rate <= Speed.maximumRate {
            value = .perSecond(rate)
        } else {
            return nil
        }
    }

    var defaultValueDescription: String { value.description }
}
