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
            Examples:
              nntop predict --weights 1.45,-0.66 --bias 0 1.66 1.56
              nntop predict --model model.json --data new-points.csv
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
            "Predict every row of a CSV file; when it has a target column, report accuracy.", valueName: "file.csv"))
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
            "With --data and a model that reads categories: a category the training data did not have is an error, or zero (all its column's inputs 0). Default: error.",
            valueName: "error|zero"))
    var unknown: UnknownPolicy = .error

    @Flag(name: .long, help: "Print the results as JSON.")
    var json = false

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
        guard (data == nil) != inputs.isEmpty else {
            throw ValidationError(
                data == nil ? "give input values, or --data FILE" : "give either input values or --data, not both")
        }
    }

    func run() throws {
        let (network, pipeline, encoding, origin, columns) = try loadNetwork()
        let reader = PredictionReader(network: network, encoding: encoding, targetLabels: columns?.targetLabels)
        if let data {
            try predictFile(data, reader: reader, pipeline: pipeline, origin: origin, columns: columns)
        } else {
            if let columns, columns.hasCategories {
                throw UsageError(
                    "\(origin) reads \(columns.categoryColumns.joined(separator: ", ")) as categories: give its rows as a CSV file with --data"
                )
            }
            var values: [Double] = []
            for (k, text) in inputs.enumerated() {
                if text.hasPrefix("--") { throw UsageError("unknown option \(MessageText.quoted(text))") }
                guard let x = Double(text), x.isFinite else {
                    throw UsageError("input \(k + 1): expected a finite number, found \(MessageText.quoted(text))")
                }
                values.append(x)
            }
            let width = pipeline.inputs(network)
            guard values.count == width else {
                throw UsageError("\(origin) takes \(width) inputs, got \(values.count)")
            }
            let prediction = reader.predict(pipeline.apply(values))
            Terminal.writeOutput((json ? prediction.json(target: nil) : prediction.text) + "\n")
        }
    }

    private func loadNetwork() throws -> (Network, InputPipeline, TargetEncoding, String, ColumnSchema?) {
        if let model {
            let (file, network) = try ModelFile.load(path: model)
            return (
                network, InputPipeline(featureMap: file.featureMap, standardization: file.standardization),
                file.encoding, "the model in \(model)", file.columns
            )
        }
        return (
            Network(weights: weights!.values, bias: bias!), InputPipeline(), TargetEncoding(task: .binary), "--weights",
            nil
        )
    }

    private func predictFile(
        _ path: String, reader: PredictionReader, pipeline: InputPipeline, origin: String, columns: ColumnSchema?
    )
        throws
    {
        let network = reader.network
        let rows: Dataset
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
            let loaded = try TableLoader.load(path: path, options: options, schema: columns)
            for note in loaded.notes { Terminal.note("note: \(note)") }
            rows = loaded.dataset
        } else {
            let bytes = try FileBytes.read(path)
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
            var options = TableOptions(target: column, binaryTargets: network.task == .binary)
            options.canFill = false
            let loaded = try TableLoader.load(path: path, options: options)
            for note in loaded.notes { Terminal.note("note: \(note)") }
            rows = loaded.dataset
        }
        guard rows.featureCount == pipeline.inputs(network) else {
            throw DataError(
                file: path, "has \(rows.featureCount) feature columns; \(origin) takes \(pipeline.inputs(network))")
        }
        let prepared = pipeline.apply(rows)
        var tally = PredictionTally(task: network.task)
        var out = ""
        var jsonRows: [String] = []
        for i in 0..<prepared.count {
            let prediction = reader.predict(Array(prepared.row(i)))
            let target = prepared.isLabelled ? prepared.targets[i] : nil
            if let target { tally.add(prediction, target: target) }
            if json {
                jsonRows.append(prediction.json(target: target))
            } else {
                out += "\(i + 1)\t\(prediction.text.replacingOccurrences(of: "  ", with: "\t"))"
                if let target {
                    out += "\ttarget \(prediction.text(ofTarget: target))\(prediction.verdict(target: target))"
                }
                out += "\n"
            }
        }
        if json {
            Terminal.writeOutput("{\"rows\":[\(jsonRows.joined(separator: ","))],\(tally.jsonFields)}\n")
        } else {
            out += tally.text
            Terminal.writeOutput(out)
        }
    }
}
