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
                    return port.isText ? "\(name) (text)" : name
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

extension ONNXModel.Port {
    /// The port in `nntop export --json`.
    var json: JSONField {
        .object([
            "name": .string(name), "type": .string(typeName), "shape": .array([.string("N"), .integer(columns)])
        ])
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
