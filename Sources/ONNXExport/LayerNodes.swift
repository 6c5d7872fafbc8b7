import NeuralCore

extension GraphBuilder {
    /// Layer `l` of `network` on `x`: one `Gemm` (x · Wᵀ + b, W as the network keeps it, a row per unit), then
    /// the layer's activation. The output layer's is the task's: a sigmoid (binary), a softmax over the classes
    /// (multiclass, axis 1) or none (regression).
    mutating func layer(_ l: Int, of network: Network, _ x: String) -> String {
        let fanIn = network.sizes[l], units = network.sizes[l + 1]
        let isOutput = l == network.layerCount - 1
        let prefix = isOutput ? "logits" : "hidden\(l + 1)"
        let weights = constant(
            "\(prefix)_weights", Array(network.parameters[network.weightIndices(layer: l)]), dims: [units, fanIn])
        let biases = constant("\(prefix)_biases", network.biases(layer: l), dims: [units])
        let z = node("Gemm", [x, weights, biases], name: prefix, attributes: [Attribute.int("transB", 1)])
        if isOutput, network.task == .multiclass {
            return node("Softmax", [z], name: "probabilities", attributes: [Attribute.int("axis", 1)])
        }
        let activation = network.activation(layer: l)
        guard let op = Self.operator(for: activation) else { return z }
        return node(op, [z], name: isOutput ? "probability" : "hidden\(l + 1)_\(activation.rawValue)")
    }

    /// The ONNX operator computing `activation` exactly, or nil for the identity.
    static func `operator`(for activation: Activation) -> String? {
        switch activation {
        case .relu: return "Relu"
        case .tanh: return "Tanh"
        case .sigmoid: return "Sigmoid"
        case .linear: return nil
        }
    }
}
