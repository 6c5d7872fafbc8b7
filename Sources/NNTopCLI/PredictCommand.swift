import ArgumentParser
import Foundation
import NeuralCore
import DataFiles
import TerminalUI

/// `nntop predict`: probabilities and classes from a saved model or from given weights.
struct PredictCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "predict",
        abstract: "Predict with a saved model, or with the tutorial network's weights and bias.",
        discussion: """
            Give one input vector as values (put -- before them when the first is negative), or many rows as a \
            CSV file with --data (--data - reads standard input): the model's feature columns in its order, \
            and optionally a target column after them. --format csv or jsonl writes a row of output per row, for \
            other programs; the accuracy then goes to stderr.

            Examples:
              nntop predict --weights 1.45,-0.66 --bias 0 1.66 1.56
              nntop predict --model model.json -- -1.5 2
              nntop predict --model model.json --data new-points.csv --format csv > predictions.csv
              cat rows.csv | nntop predict --model model.json --data - --format jsonl
            """
    )

    @Option(
        name: .long,
        help: ArgumentHelp("A model file saved by nntop (train --save, or the dashboard).", valueName: "file.json"))
    var model: String?

    @Option(
        name: .long,
        help: ArgumentHelp("Weights of a single sigmoid unit (no hidden layer), comma-separated.", valueName: "w1,w2,…")
    )
    var weights: NumberList?

    @Option(name: .long, help: ArgumentHelp("Bias of that unit (with --weights).", valueName: "b"))
    var bias: Double?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Predict every row of a CSV file (- for standard input); when it has a target column, report accuracy.",
            valueName: "file.csv"))
    var data: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "With --data: the target column (header name or 1-based number). Default: the column after the model's inputs, if present.",
            valueName: "name|number"))
    var target: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Output: text (for people), csv (a header, then row, prediction and any target, verdict), jsonl (a JSON object per row) or json (one object).",
            valueName: "text|csv|jsonl|json"))
    var format: PredictionFormat?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "With --data and a model that reads categories: a category the training data did not have is an error, or zero (all its column's inputs 0). Default: error.",
            valueName: "error|zero"))
    var unknown: UnknownPolicy = .error

    @Flag(name: .long, help: "Print the results as JSON (--format json).")
    var json = false

    /// The output format asked for: --format, or json for --json.
    var output: PredictionFormat { format ?? (json ? .json : .text) }

    @Argument(
        parsing: .allUnrecognized, help: ArgumentHelp("One input vector: a value per feature.", valueName: "input"))
    var inputs: [String] = []

    func validate() throws {
        if model?.isEmpty == true { throw ValidationError("--model is an empty path; give a model file") }
        if data?.isEmpty == true { throw ValidationError("--data is an empty path; give a CSV file") }
        guard (model == nil) != (weights == nil) else {
            throw ValidationError("give either --model FILE or --weights w1,w2,… (with --bias)")
        }
        if weights != nil, model == nil, bias == nil { throw ValidationError("--weights needs --bias") }
        if model != nil, bias != nil { throw ValidationError("--bias goes with --weights, not --model") }
        if let bias, !bias.isFinite { throw ValidationError("--bias must be a finite number") }
        if json, let format, format != .json { throw ValidationError("--json and --format \(format) disagree") }
        guard (data == nil) != values.isEmpty else {
            throw ValidationError(
                data == nil
                    ? "give input values, or --data FILE (--data - reads rows from standard input)"
                    : "give either input values or --data, not both")
        }
    }

    /// The input values: the arguments left, without the `--` that may come before negative ones.
    var values: [String] {
        guard let end = inputs.firstIndex(of: "--") else { return inputs }
        return Array(inputs[..<end] + inputs[(end + 1)...])
    }

    func run() throws {
        let (network, pipeline, encoding, origin, columns) = try loadNetwork()
        let reader = PredictionReader(network: network, encoding: encoding)
        if let data {
            try predictFile(data, reader: reader, pipeline: pipeline, origin: origin, columns: columns)
            return
        }
        if let columns, columns.hasCategories {
            throw UsageError(
                "\(origin.name) reads \(columns.categoryColumns.joined(separator: ", ")) as categories: give its rows as a CSV file with --data"
            )
        }
        var numbers: [Double] = []
        for (k, text) in values.enumerated() {
            if text.hasPrefix("--") { throw UsageError("unknown option \(MessageText.quoted(text))") }
            guard let x = Double(text), x.isFinite else {
                throw UsageError("input \(k + 1): expected a finite number, found \(MessageText.quoted(text))")
            }
            numbers.append(x)
        }
        guard numbers.count == origin.features.count else {
            throw UsageError(
                "\(origin.name) takes \(origin.described), got \(numbers.count) value\(numbers.count == 1 ? "" : "s")")
        }
        let prediction = reader.predict(pipeline.apply(numbers))
        switch output {
        case .text: Terminal.writeOutput(prediction.text + "\n")
        case .json: Terminal.writeOutput(prediction.json(target: nil) + "\n")
        case .csv, .jsonl:
            var writer = PredictionWriter(
                format: output, task: network.task, labels: reader.labels, labelled: false)
            writer.add(prediction, row: 1, target: nil)
            writer.finish(PredictionTally(task: network.task))
        }
    }

    /// Where the network came from and the raw features it takes (two, x1 and x2, with `--features`).
    struct Origin {
        let name: String
        let features: [String]

        /// Names for a message: the first few, escaped and cut short, then how many more.
        static func listing(_ names: [String], limit: Int = 6) -> String {
            var shown = names.prefix(limit).map { MessageText.excerpt($0, limit: 20) }.joined(separator: ", ")
            if names.count > limit { shown += " … and \(names.count - limit) more" }
            return shown
        }

        /// "2 features (x1, x2)".
        var described: String {
            "\(features.count) feature\(features.count == 1 ? "" : "s") (\(Origin.listing(features)))"
        }
    }

    private func loadNetwork() throws -> (Network, InputPipeline, TargetEncoding, Origin, ColumnSchema?) {
        if let model {
            let (file, network) = try ModelFile.load(path: model)
            let features =
                file.featureMap == nil && file.featureNames.count == network.inputCount
                ? file.featureNames : ["x1", "x2"]
            return (
                network, InputPipeline(featureMap: file.featureMap, standardization: file.standardization),
                file.encoding, Origin(name: "the model in \(model)", features: features), file.columns
            )
        }
        let network = Network(weights: weights!.values, bias: bias!)
        return (
            network, InputPipeline(), TargetEncoding(task: .binary),
            Origin(name: "--weights", features: (1...network.inputCount).map { "x\($0)" }), nil
        )
    }

    private func predictFile(
        _ path: String, reader: PredictionReader, pipeline: InputPipeline, origin: Origin, columns: ColumnSchema?
    ) throws {
        let network = reader.network
        let (bytes, name) = try Self.readRows(path)
        let rows: Dataset
        var read = "besides the target column"
        if let columns {
            // The model's columns, by name: the file may have others, and the target or not.
            var options = TableOptions(binaryTargets: network.task == .binary, unknown: unknown)
            if let target {
                options.target = TargetColumn(argument: target)
            } else if let name = columns.target {
                options.target = .name(name)
                options.targetIfPresent = true
            } else {
                options.target = .none
            }
            let loaded = try TableLoader.parse(bytes, file: name, options: options, schema: columns)
            for note in loaded.notes { Terminal.note("note: \(note)") }
            rows = loaded.dataset
        } else {
            // A row index pandas wrote (a first column with no name) is not an input.
            let width = CSVReader.width(of: bytes) - (CSVReader.startsWithUnnamedColumn(bytes) ? 1 : 0)
            let column: TargetColumn
            if let target {
                column = TargetColumn(argument: target)
            } else if width == pipeline.inputs(network) + 1 {
                column = .last
            } else {
                column = .none
            }
            if column == .none { read = "no target column" }
            var options = TableOptions(target: column, binaryTargets: network.task == .binary)
            options.canFill = false
            let loaded = try TableLoader.parse(bytes, file: name, options: options, schema: nil)
            if loaded.schema?.hasCategories == true {
                // A model of number columns takes numbers only: the numeric reader names the first text cell.
                _ = try CSVReader.parse(bytes, file: name, target: column, binaryTargets: network.task == .binary)
            }
            for note in loaded.notes { Terminal.note("note: \(note)") }
            rows = loaded.dataset
        }
        guard rows.featureCount == origin.features.count else {
            throw DataError(
                file: name,
                "has \(rows.featureCount) feature\(rows.featureCount == 1 ? "" : "s") (\(Origin.listing(rows.featureNames)); \(read)); \(origin.name) takes \(origin.described)"
            )
        }
        let prepared = pipeline.apply(rows)
        var tally = PredictionTally(task: network.task)
        var writer = PredictionWriter(
            format: output, task: network.task, labels: reader.labels, labelled: prepared.isLabelled)
        for i in 0..<prepared.count {
            let prediction = reader.predict(Array(prepared.row(i)))
            let target = prepared.isLabelled ? prepared.targets[i] : nil
            if let target { tally.add(prediction, target: target) }
            writer.add(prediction, row: i + 1, target: target)
        }
        writer.finish(tally)
    }

    /// The bytes of the rows to predict, and the name messages give them: the file's path, or "standard input"
    /// for `-`.
    static func readRows(_ path: String) throws(DataError) -> ([UInt8], String) {
        guard path == "-" else { return (try FileBytes.read(path), path) }
        let name = "standard input"
        do {
            return (try FileBytes.read("/dev/stdin"), name)
        } catch {
            throw DataError(file: name, line: error.line, column: error.column, error.reason)
        }
    }
}
