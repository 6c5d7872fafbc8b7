import ONNXFormat

/// An ONNX graph under construction: nodes in the order they run, and the constants they read as
/// initializers. Every tensor is float64 but the indices `Gather` takes. Each step returns the name of the
/// tensor it made, so the steps chain: `x = builder.node("Tanh", [x], name: "hidden1")`.
struct GraphBuilder {
    private(set) var nodes: [Onnx_NodeProto] = []
    private(set) var initializers: [Onnx_TensorProto] = []
    private var used: Set<String>

    /// `reserved`: names already taken, the graph's input among them.
    init(reserved: Set<String>) { used = reserved }

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

    /// A node of the default domain running `op` on `inputs`; returns its one output, named after `name`.
    mutating func node(
        _ op: String, _ inputs: [String], name: String, attributes: [Onnx_AttributeProto] = []
    ) -> String {
        var node = Onnx_NodeProto()
        node.opType = op
        node.input = inputs
        node.output = [unique(name)]
        node.name = "\(node.output[0])_\(op)"
        node.attribute = attributes
        nodes.append(node)
        return node.output[0]
    }

    /// Renames the last node's output to `name`, so the graph's result carries the name a caller asks for.
    /// Nothing reads that output yet: it is the newest tensor.
    mutating func nameLastOutput(_ name: String) {
        precondition(!nodes.isEmpty, "a graph with no node has no output to name")
        let old = nodes[nodes.count - 1].output[0]
        used.remove(old)
        nodes[nodes.count - 1].output[0] = unique(name)
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
}
