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
        let labels = file.columns?.targetLabels.map { labels in
            PredictionReader(network: network, encoding: file.encoding, targetLabels: labels).labels
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
    /// `inputs Sex (text), Age, Port (text) → output [N, 1], label [N, 1]`.
    var shapeText: String {
        let inputs: String
        if takesColumns, let columns {
            inputs =
                "inputs "
                + zip(columns.columns, inputNames).map { $0.isCategory ? "\($1) (text)" : $1 }.joined(separator: ", ")
        } else {
            inputs = "input [N, \(inputWidth)]"
        }
        return "\(inputs) → output [N, \(outputWidth)]" + (classNames == nil ? "" : ", label [N, 1]")
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
