import Foundation
import ONNXFormat

/// An ONNX graph under construction: nodes in the order they run, and the constants they read as
/// initializers. Every tensor is float64 but the indices `Gather` takes, the texts of category columns and
/// labels, and the one-hot encoder's float. Each step returns the name of the tensor it made, so the steps
/// chain: `x = builder.node("Tanh", [x], name: "hidden1")`.
struct GraphBuilder {
    /// The domain of ONNX's traditional machine-learning operators (`OneHotEncoder`, `LabelEncoder`), and the
    /// version of it the graph imports when it uses them (ONNX 1.8's, with IR version 7).
    static let mlDomain = "ai.onnx.ml"
    static let mlOpsetVersion: Int64 = 2
    /// `Cast`'s `to` for float64 and int64.
    static let double = Int(Onnx_TensorProto.DataType.double.rawValue)
    static let int64 = Int(Onnx_TensorProto.DataType.int64.rawValue)

    private(set) var nodes: [Onnx_NodeProto] = []
    private(set) var initializers: [Onnx_TensorProto] = []
    private var used: Set<String>

    /// `reserved`: names already taken: the graph's inputs, and its outputs, which `nameLastOutput` gives.
    init(reserved: Set<String>) { used = reserved }

    /// Whether a node of the ai.onnx.ml domain is in the graph.
    var usesMLDomain: Bool { nodes.contains { $0.domain == Self.mlDomain } }

    /// `hint`, or `hint` with a number after it when that name is taken.
    private mutating func unique(_ hint: String) -> String {
        var name = hint, k = 2
        while used.contains(name) {
            name = "\(hint)_\(k)"
            k += 1
        }
        used.insert(name)
        return name
    }

    /// A float64 constant of shape `dims` (row-major), as an initializer.
    mutating func constant(_ hint: String, _ values: [Double], dims: [Int]) -> String {
        precondition(dims.reduce(1, *) == values.count, "\(values.count) values for the shape \(dims)")
        var tensor = Onnx_TensorProto()
        tensor.name = unique(hint)
        tensor.dataType = Int32(Onnx_TensorProto.DataType.double.rawValue)
        tensor.dims = dims.map(Int64.init)
        tensor.doubleData = values
        initializers.append(tensor)
        return tensor.name
    }

    /// A one-dimensional int64 constant, as `Gather` takes its indices.
    mutating func indices(_ hint: String, _ values: [Int]) -> String {
        var tensor = Onnx_TensorProto()
        tensor.name = unique(hint)
        tensor.dataType = Int32(Onnx_TensorProto.DataType.int64.rawValue)
        tensor.dims = [Int64(values.count)]
        tensor.int64Data = values.map(Int64.init)
        initializers.append(tensor)
        return tensor.name
    }

    /// A node running `op` of `domain` (the default one unless given) on `inputs`; returns its one output,
    /// named after `name`.
    mutating func node(
        _ op: String, _ inputs: [String], name: String, domain: String = "", attributes: [Onnx_AttributeProto] = []
    ) -> String {
        var node = Onnx_NodeProto()
        node.opType = op
        node.domain = domain
        node.input = inputs
        node.output = [unique(name)]
        node.name = "\(node.output[0])_\(op)"
        node.attribute = attributes
        nodes.append(node)
        return node.output[0]
    }

    /// Renames the last node's output to `name`, one of the graph's outputs reserved when the builder was made,
    /// so the graph's result carries the name a caller asks for. Nothing reads that output yet: it is the newest
    /// tensor.
    mutating func nameLastOutput(_ name: String) {
        precondition(!nodes.isEmpty, "a graph with no node has no output to name")
        precondition(used.contains(name), "\(name) is not reserved for an output")
        let old = nodes[nodes.count - 1].output[0]
        used.remove(old)
        nodes[nodes.count - 1].output[0] = name
        nodes[nodes.count - 1].name = "\(name)_\(nodes[nodes.count - 1].opType)"
    }
}

/// Attributes as the nodes here need them.
enum Attribute {
    static func int(_ name: String, _ value: Int) -> Onnx_AttributeProto {
        var a = Onnx_AttributeProto()
        a.name = name
        a.type = .int
        a.i = Int64(value)
        return a
    }

    static func ints(_ name: String, _ values: [Int]) -> Onnx_AttributeProto {
        var a = Onnx_AttributeProto()
        a.name = name
        a.type = .ints
        a.ints = values.map(Int64.init)
        return a
    }

    static func float(_ name: String, _ value: Float) -> Onnx_AttributeProto {
        var a = Onnx_AttributeProto()
        a.name = name
        a.type = .float
        a.f = value
        return a
    }

    static func floats(_ name: String, _ values: [Float]) -> Onnx_AttributeProto {
        var a = Onnx_AttributeProto()
        a.name = name
        a.type = .floats
        a.floats = values
        return a
    }

    static func string(_ name: String, _ value: String) -> Onnx_AttributeProto {
        var a = Onnx_AttributeProto()
        a.name = name
        a.type = .string
        a.s = Data(value.utf8)
        return a
    }

    static func strings(_ name: String, _ values: [String]) -> Onnx_AttributeProto {
        var a = Onnx_AttributeProto()
        a.name = name
        a.type = .strings
        a.strings = values.map { Data($0.utf8) }
        return a
    }
}
