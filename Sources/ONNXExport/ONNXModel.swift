import Foundation
import NeuralCore
import ONNXFormat
import SwiftProtobuf

/// A trained model as one ONNX graph computing what `nntop predict` prints: float64 `input` [N, F] of the raw
/// values the model takes, through the derived input features, the standardization, every layer and the task's
/// output, to float64 `output` [N, K]: the probability of class 1 (binary, K = 1), a probability per class
/// (multiclass) or the value in the target's units (regression, K = 1).
public struct ONNXModel: Sendable {
    /// The operator set the graph uses, and the IR version that goes with it (ONNX 1.8's pair).
    public static let opsetVersion: Int64 = 13
    public static let irVersion: Int64 = 7
    /// The graph's input and output.
    public static let inputName = "input"
    public static let outputName = "output"

    public let network: Network
    public let pipeline: InputPipeline
    public let encoding: TargetEncoding
    /// The names of the network's inputs (those of the derived features when there is a feature map).
    public let featureNames: [String]

    public init(network: Network, pipeline: InputPipeline, encoding: TargetEncoding, featureNames: [String]) {
        self.network = network
        self.pipeline = pipeline
        self.encoding = encoding
        self.featureNames = featureNames
    }

    /// Values per row of `input`: two with a feature map, else the network's inputs.
    public var inputWidth: Int { pipeline.inputs(network) }

    /// Values per row of `output`.
    public var outputWidth: Int { network.outputCount }

    /// The model as ONNX's message; `producerVersion` is nntop's.
    public func proto(producerVersion: String) -> Onnx_ModelProto {
        var builder = GraphBuilder(reserved: [Self.inputName])
        var x = Self.inputName
        if let map = pipeline.featureMap { x = builder.inputFeatures(map, from: x) }
        if let z = pipeline.standardization { x = builder.standardize(z, x) }
        for l in 0..<network.layerCount { x = builder.layer(l, of: network, x) }
        if network.task == .regression, let scale = encoding.scale { x = builder.restore(scale, x) }
        builder.nameLastOutput(Self.outputName)

        var graph = Onnx_GraphProto()
        graph.name = "nntop"
        graph.node = builder.nodes
        graph.initializer = builder.initializers
        graph.input = [Self.tensorInfo(Self.inputName, columns: inputWidth)]
        graph.output = [Self.tensorInfo(Self.outputName, columns: outputWidth)]

        var model = Onnx_ModelProto()
        model.irVersion = Self.irVersion
        var opset = Onnx_OperatorSetIdProto()
        opset.domain = ""
        opset.version = Self.opsetVersion
        model.opsetImport = [opset]
        model.producerName = "nntop"
        model.producerVersion = producerVersion
        model.docString = docString
        model.metadataProps = metadata.map { key, value in
            var entry = Onnx_StringStringEntryProto()
            entry.key = key
            entry.value = value
            return entry
        }
        model.graph = graph
        return model
    }

    /// The model file's bytes (ONNX's binary protobuf encoding).
    public func serialized(producerVersion: String) throws -> Data {
        try proto(producerVersion: producerVersion).serializedData()
    }

    /// A float64 tensor of shape [N, columns], N a symbolic batch size.
    static func tensorInfo(_ name: String, columns: Int) -> Onnx_ValueInfoProto {
        var rows = Onnx_TensorShapeProto.Dimension()
        rows.dimParam = "N"
        var width = Onnx_TensorShapeProto.Dimension()
        width.dimValue = Int64(columns)
        var tensor = Onnx_TypeProto.Tensor()
        tensor.elemType = Int32(Onnx_TensorProto.DataType.double.rawValue)
        tensor.shape.dim = [rows, width]
        var info = Onnx_ValueInfoProto()
        info.name = name
        info.type.tensorType = tensor
        return info
    }
}
