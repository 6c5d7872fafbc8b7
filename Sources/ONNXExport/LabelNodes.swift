import NeuralCore

extension GraphBuilder {
    /// The predicted class's label, [N, 1] text, from the network's output `y`: class 1 where the probability is
    /// at least 0.5 (binary), else the most probable class, the first of a tie (multiclass); then ai.onnx.ml's
    /// `LabelEncoder` from the class index to `labels[k]`. A row whose output is not a number (NaN: from infinite
    /// inputs, or from a missing number the model has no fill for, a row predict refuses) has no class, as in
    /// `nntop predict`: its label is empty.
    mutating func label(_ labels: [String], task: Task, from y: String) -> String {
        var index: String
        let noNumber: String
        if task == .binary {
            let half = constant("half", [0.5], dims: [1])
            let positive = node("GreaterOrEqual", [y, half], name: "positive")
            index = node("Cast", [positive], name: "class_index", attributes: [Attribute.int("to", Self.int64)])
            noNumber = node("IsNaN", [y], name: "no_class")
        } else {
            index = node(
                "ArgMax", [y], name: "class_index",
                attributes: [Attribute.int("axis", 1), Attribute.int("keepdims", 1)])
            // The sum of a row's probabilities is NaN when one of them is.
            let sum = node(
                "ReduceSum", [y, indices("class_axis", [1])], name: "probability_sum",
                attributes: [Attribute.int("keepdims", 1)])
            noNumber = node("IsNaN", [sum], name: "no_class")
        }
        index = node("Where", [noNumber, indices("none", [-1]), index], name: "class_or_none")
        return node(
            "LabelEncoder", [index], name: "label", domain: Self.mlDomain,
            attributes: [
                Attribute.ints("keys_int64s", Array(labels.indices)), Attribute.strings("values_strings", labels),
                Attribute.string("default_string", "")
            ])
    }
}
