import NeuralCore

extension GraphBuilder {
    /// The predicted class's label, [N, 1] text, from the network's output `y`: class 1 where the probability is
    /// at least 0.5 (binary), else the most probable class, the first of a tie (multiclass); then ai.onnx.ml's
    /// `LabelEncoder` from the class index to `labels[k]`.
    mutating func label(_ labels: [String], task: Task, from y: String) -> String {
        let index: String
        if task == .binary {
            let half = constant("half", [0.5], dims: [1])
            let positive = node("GreaterOrEqual", [y, half], name: "positive")
            index = node("Cast", [positive], name: "class_index", attributes: [Attribute.int("to", Self.int64)])
        } else {
            index = node(
                "ArgMax", [y], name: "class_index",
                attributes: [Attribute.int("axis", 1), Attribute.int("keepdims", 1)])
        }
        return node(
            "LabelEncoder", [index], name: "label", domain: Self.mlDomain,
            attributes: [
                Attribute.ints("keys_int64s", Array(labels.indices)), Attribute.strings("values_strings", labels),
                Attribute.string("default_string", "")
            ])
    }
}
