import Foundation
import NeuralCore
import ONNXFormat
import SwiftProtobuf

/// A trained model as one ONNX graph computing what `nntop predict` prints: float64 `input` [N, F] of the raw
/// values the model takes — or, when it reads category columns, one input a column, [N, 1] each, float64 or
/// text — through the categories' one-hot encoding, the derived input features, the standardization, every
/// layer and the task's output, to float64 `output` [N, K]: the probability of class 1 (binary, K = 1), a
/// probability per class (multiclass) or the value in the target's units (regression, K = 1). A model whose
/// classes have text labels also gives `label` [N, 1], the predicted class's. Missing numbers (NaN) take the
/// model's fill values.
public struct ONNXModel: Sendable {
    /// The operator set the graph uses, and the IR version that goes with it (ONNX 1.8's pair).
    public static let opsetVersion: Int64 = 13
    public static let irVersion: Int64 = 7
    /// The graph's input (when it has one) and outputs.
    public static let inputName = "input"
    public static let outputName = "output"
    public static let labelName = "label"

    public let network: Network
    public let pipeline: InputPipeline
    public let encoding: TargetEncoding
    /// The names of the network's inputs (those of the derived features when there is a feature map).
    public let featureNames: [String]
    /// The table's columns as the model reads them by name, when it keeps them (nil: the inputs in order).
    public let columns: ColumnInputs?
    /// The classes' labels in output order when the target's were texts; the graph then gives `label`.
    public let classNames: [String]?

    public init(
        network: Network, pipeline: InputPipeline, encoding: TargetEncoding, featureNames: [String],
        columns: ColumnInputs? = nil, classNames: [String]? = nil
    ) {
        self.network = network
        self.pipeline = pipeline
        self.encoding = encoding
        self.featureNames = featureNames
        self.columns = columns
        self.classNames = network.task.isClassification ? classNames : nil
    }

    /// Whether the graph takes one input a column: when some columns are categories.
    public var takesColumns: Bool { columns?.columns.contains(where: \.isCategory) ?? false }

    /// The graph's inputs' names: one a column (a column named like an output, or like another column once the
    /// names are taken, gets `_input` after it; a column with no name is `_input`, as ONNX names no tensor ""),
    /// or `input`.
    public var inputNames: [String] {
        guard takesColumns, let columns else { return [Self.inputName] }
        var taken: Set<String> = ["", Self.outputName, Self.labelName]
        return columns.columns.map { column in
            var name = column.name
            while taken.contains(name) { name += "_input" }
            taken.insert(name)
            return name
        }
    }

    /// Values per row of `input`: two with a feature map, else the network's inputs; or the columns' count.
    public var inputWidth: Int { takesColumns ? columns?.columns.count ?? 0 : pipeline.inputs(network) }

    /// Values per row of `output`.
    public var outputWidth: Int { network.outputCount }

    /// The model as ONNX's message; `producerVersion` is nntop's.
    public func proto(producerVersion: String) -> Onnx_ModelProto {
        let inputs = inputNames
        var builder = GraphBuilder(reserved: Set(inputs + [Self.outputName, Self.labelName]))
        var x = inputs[0]
        if takesColumns, let columns {
            x = builder.encode(columns, inputs: inputs)
        } else if let columns {
            x = builder.fillMissing(columns.columns.map(\.numberFill), x, name: "input")
        }
        if let map = pipeline.featureMap { x = builder.inputFeatures(map, from: x) }
        if let z = pipeline.standardization { x = builder.standardize(z, x) }
        for l in 0..<network.layerCount { x = builder.layer(l, of: network, x) }
        if network.task == .regression, let scale = encoding.scale { x = builder.restore(scale, x) }
        builder.nameLastOutput(Self.outputName)
        if let classNames {
            _ = builder.label(classNames, task: network.task, from: Self.outputName)
            builder.nameLastOutput(Self.labelName)
        }

        var graph = Onnx_GraphProto()
        graph.name = "nntop"
        graph.node = builder.nodes
        graph.initializer = builder.initializers
        graph.input = inputPorts.map(Self.tensorInfo)
        graph.output = outputPorts.map(Self.tensorInfo)

        var model = Onnx_ModelProto()
        model.irVersion = Self.irVersion
        var opset = Onnx_OperatorSetIdProto()
        opset.domain = ""
        opset.version = Self.opsetVersion
        model.opsetImport = [opset]
        if builder.usesMLDomain {
            var ml = Onnx_OperatorSetIdProto()
            ml.domain = GraphBuilder.mlDomain
            ml.version = GraphBuilder.mlOpsetVersion
            model.opsetImport.append(ml)
        }
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

    /// A port as a tensor of shape [N, columns], float64 or text, N a symbolic batch size.
    static func tensorInfo(_ port: Port) -> Onnx_ValueInfoProto {
        var rows = Onnx_TensorShapeProto.Dimension()
        rows.dimParam = "N"
        var width = Onnx_TensorShapeProto.Dimension()
        width.dimValue = Int64(port.columns)
        var tensor = Onnx_TypeProto.Tensor()
        let type: Onnx_TensorProto.DataType = port.isText ? .string : .double
        tensor.elemType = Int32(type.rawValue)
        tensor.shape.dim = [rows, width]
        var info = Onnx_ValueInfoProto()
        info.name = port.name
        info.type.tensorType = tensor
        return info
    }
}
