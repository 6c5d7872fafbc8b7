import DataFiles
import Foundation
import NeuralCore
import ONNXExport

/// A model as an ONNX graph, written the one way both `nntop export` and the dashboard's `E` write it.
extension ONNXModel {
    /// The graph of `network` with the input pipeline, columns, target encoding and labels of its model file.
    /// `unknownAsZeros`: a category the training data did not have reads as all zeros (`--unknown zero`), not
    /// as an error from the runtime.
    init(model file: ModelFile, network: Network, unknownAsZeros: Bool = false) {
        let labels = file.encoding.labels.map { _ in PredictionReader(network: network, encoding: file.encoding).labels
        }
        self.init(
            network: network,
            pipeline: InputPipeline(featureMap: file.featureMap, standardization: file.standardization),
            encoding: file.encoding, featureNames: file.featureNames,
            columns: file.columns.map { ColumnInputs($0, unknownAsZeros: unknownAsZeros) }, classNames: labels)
    }

    /// Encodes the graph and writes it to `path` atomically.
    func write(to path: String) throws(DataError) {
        let bytes: Data
        do {
            bytes = try serialized(producerVersion: NNTop.version)
        } catch {
            throw DataError(file: path, "cannot write: the model could not be encoded as ONNX (\(error))")
        }
        try AtomicFile.write(bytes, to: path)
    }

    /// One of the graph's inputs or outputs: its name, its element type (double or string) and its columns
    /// (the shape is [N, columns]).
    struct Port {
        var name: String
        var type: String
        var columns: Int

        var json: JSONField {
            .object([
                "name": .string(name), "type": .string(type),
                "shape": .array([.string("N"), .integer(columns)])
            ])
        }
    }

    var inputPorts: [Port] {
        guard takesColumns, let columns else {
            return [Port(name: Self.inputName, type: "double", columns: inputWidth)]
        }
        return zip(columns.columns, inputNames).map {
            Port(name: $1, type: $0.isCategory ? "string" : "double", columns: 1)
        }
    }

    var outputPorts: [Port] {
        [Port(name: Self.outputName, type: "double", columns: outputWidth)]
            + (classNames == nil ? [] : [Port(name: Self.labelName, type: "string", columns: 1)])
    }

    /// What the graph takes and gives, for a line saying what was written: `input [N, 3] → output [N, 1]`, or
    /// `inputs Sex (text), Age, Port (text) → output [N, 1], label [N, 1]`. The columns' names are shown as a
    /// message shows a header's (escaped, cut short), so a name cannot split the line or act on the terminal.
    var shapeText: String {
        let inputs: String
        if takesColumns {
            inputs =
                "inputs "
                + inputPorts.map { port in
                    let name = MessageText.excerpt(port.name)
                    return port.type == "string" ? "\(name) (text)" : name
                }.joined(separator: ", ")
        } else {
            inputs = "input [N, \(inputWidth)]"
        }
        return "\(inputs) → " + outputPorts.map { "\($0.name) [N, \($0.columns)]" }.joined(separator: ", ")
    }

    /// What `nntop export --json` prints of the graph written to `path`.
    func json(path: String) -> JSONField {
        var fields: [String: JSONField] = [
            "onnx": .string(path), "task": .string(network.task.rawValue), "opset": .integer(Int(Self.opsetVersion)),
            "inputs": .array(inputPorts.map(\.json)), "outputs": .array(outputPorts.map(\.json))
        ]
        if !classLabels.isEmpty { fields["classes"] = .array(classLabels.map { .string($0) }) }
        return .object(fields)
    }
}

extension ColumnInputs {
    /// The columns a model file keeps, as the graph's inputs.
    init(_ schema: ColumnSchema, unknownAsZeros: Bool) {
        self.init(
            columns: schema.columns.map { column in
                if let categories = column.categories {
                    return Column(name: column.name, kind: .category(categories, fill: column.fillCategory))
                }
                return Column(name: column.name, kind: .number(fill: column.fillNumber))
            }, unknownAsZeros: unknownAsZeros)
    }
}
