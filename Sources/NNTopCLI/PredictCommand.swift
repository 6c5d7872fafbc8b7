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
        let (network, standardization, origin) = try loadNetwork()
        if let data {
            try predictFile(data, network: network, standardization: standardization, origin: origin)
        } else {
            var values: [Double] = []
            for (k, text) in inputs.enumerated() {
                if text.hasPrefix("--") { throw UsageError("unknown option \(MessageText.quoted(text))") }
                guard let x = Double(text), x.isFinite else {
                    throw UsageError("input \(k + 1): expected a finite number, found \(MessageText.quoted(text))")
                }
                values.append(x)
            }
            guard values.count == network.inputCount else {
                throw UsageError("\(origin) takes \(network.inputCount) inputs, got \(values.count)")
            }
            let p = network.predict(standardization?.apply(values) ?? values)
            if json {
                Terminal.writeOutput(Self.jsonRow(p, target: nil) + "\n")
            } else {
                Terminal.writeOutput("probability \(Format.value(p))  class \(Self.classText(p))\n")
            }
        }
    }

    /// The class as the text output writes it: none for an output that is not a number.
    static func classText(_ p: Double) -> String {
        p.isFinite ? String(predictedClass(p)) : "none (the output is not a number)"
    }

    /// One prediction as a JSON object. An output that is not a finite number (inputs far beyond the data the
    /// model saw) has no probability or class in JSON: both are null, and "not_finite" says so.
    static func jsonRow(_ p: Double, target: Int?) -> String {
        var row =
            p.isFinite
            ? "{\"probability\":\(p),\"class\":\(p >= 0.5 ? 1 : 0)"
            : "{\"probability\":null,\"class\":null,\"not_finite\":true"
        if let target { row += ",\"target\":\(target)" }
        return row + "}"
    }

    private func loadNetwork() throws -> (Network, Standardization?, String) {
        if let model {
            let (file, network) = try ModelFile.load(path: model)
            return (network, file.standardization, "the model in \(model)")
        }
        return (Network(weights: weights!.values, bias: bias!), nil, "--weights")
    }

    private func predictFile(_ path: String, network: Network, standardization: Standardization?, origin: String) throws
    {
        let bytes = try FileBytes.read(path)
        let width = CSVReader.width(of: bytes)
        let column: TargetColumn
        if let target {
            column = TargetColumn(argument: target)
        } else if width == network.inputCount + 1 {
            column = .last
        } else {
            column = .none
        }
        let rows = try CSVReader.parse(bytes, file: path, target: column)
        guard rows.featureCount == network.inputCount else {
            throw DataError(
                file: path, "has \(rows.featureCount) feature columns; \(origin) takes \(network.inputCount)")
        }
        let prepared = standardization?.apply(rows) ?? rows
        var pass = ForwardPass(network: network)
        var right = 0
        var out = ""
        var jsonRows: [String] = []
        prepared.features.withUnsafeBufferPointer { f in
            for i in 0..<prepared.count {
                let p = pass.run(network, input: f.baseAddress! + i * prepared.featureCount)
                // No class for an output that is not a number (and never counted right).
                let c: Int? = p.isFinite ? predictedClass(p) : nil
                let target = prepared.isLabelled ? Int(prepared.targets[i]) : nil
                if let target, target == c { right += 1 }
                if json {
                    jsonRows.append(Self.jsonRow(p, target: target))
                } else {
                    out += "\(i + 1)\tprobability \(Format.value(p))\tclass \(Self.classText(p))"
                    if let target { out += "\ttarget \(target)\t\(target == c ? "right" : "wrong")" }
                    out += "\n"
                }
            }
        }
        let accuracy = prepared.isLabelled ? Double(right) / Double(max(prepared.count, 1)) : nil
        if json {
            Terminal.writeOutput(
                "{\"rows\":[\(jsonRows.joined(separator: ","))],\"accuracy\":\(accuracy.map { "\($0)" } ?? "null")}\n")
        } else {
            if let accuracy {
                out += "accuracy \(Format.percent(accuracy, decimals: 1)) (\(right) of \(prepared.count))\n"
            }
            Terminal.writeOutput(out)
        }
    }
}
