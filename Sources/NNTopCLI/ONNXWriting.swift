import DataFiles
import Foundation
import NeuralCore
import ONNXExport

/// A model as an ONNX graph, written the one way both `nntop export` and the dashboard's `E` write it.
extension ONNXModel {
    /// The graph of `network` with the input pipeline, target encoding and feature names of its model file.
    init(model file: ModelFile, network: Network) {
        self.init(
            network: network,
            pipeline: InputPipeline(featureMap: file.featureMap, standardization: file.standardization),
            encoding: file.encoding, featureNames: file.featureNames)
    }

    /// Refuses a model whose inputs the graph cannot take: categories read from text columns, or text target
    /// labels (the graph's input and output are numbers only). `path` names the model in the message.
    static func checkExportable(_ file: ModelFile, named path: String) throws(DataError) {
        guard let columns = file.columns, columns.hasCategories || columns.targetLabels != nil else { return }
        let what =
            columns.hasCategories
            ? "reads \(columns.categoryColumns.joined(separator: ", ")) as categories" : "has text target labels"
        throw DataError(
            file: path,
            "\(what), which the ONNX export does not support (its input is numbers only); train on number columns (--drop) to export"
        )
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
}
