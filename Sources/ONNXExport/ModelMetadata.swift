import Foundation
import NeuralCore

extension ONNXModel {
    /// The names of the raw values a row of `input` holds: the columns' when the model reads a table's columns by
    /// name (they are the graph's inputs when it takes one a column), else x1 and x2 with a feature map, else the
    /// features'.
    public var valueNames: [String] {
        if let columns { return columns.columns.map(\.name) }
        return pipeline.featureMap == nil ? featureNames : ["x1", "x2"]
    }

    /// The labels of the classes: those of `output`'s columns for multiclass, 0 and 1 (or the target's two texts)
    /// for binary, whose one column is class 1's probability; none for regression.
    public var classLabels: [String] {
        if let classNames { return classNames }
        switch network.task {
        case .binary: return ["0", "1"]
        case .multiclass: return (0..<network.outputCount).map { encoding.label(ofClass: $0) }
        case .regression: return []
        }
    }

    /// The model's metadata_props, in order: each list as a JSON array of strings, so any name survives.
    var metadata: [(String, String)] {
        var out: [(String, String)] = [("task", network.task.rawValue), ("feature_names", Self.jsonArray(valueNames))]
        // A table's columns read by name: the file to predict on may hold others, in any order.
        if let columns { out.append(("columns", Self.jsonArray(columns.columns.map(\.name)))) }
        if takesColumns {
            out.append(("inputs", Self.jsonArray(inputNames)))
            out.append(("network_inputs", Self.jsonArray(featureNames)))
        }
        if let map = pipeline.featureMap {
            out.append(("input_features", Self.jsonArray(map.features.map(\.rawValue))))
        }
        if !classLabels.isEmpty { out.append(("classes", Self.jsonArray(classLabels))) }
        return out
    }

    /// One paragraph saying what the graph computes.
    var docString: String {
        var steps: [String] = []
        if takesColumns, let columns {
            let described = zip(columns.columns, inputNames).map { column, name in
                column.isCategory
                    ? "\(name) (text, \(column.width) \(column.width == 1 ? "category" : "categories") one-hot)"
                    : "\(name) (number)"
            }
            steps.append("inputs: one a column, [N, 1] each: \(described.joined(separator: ", "))")
        } else {
            steps.append("input: \(inputWidth) values per row (\(valueNames.joined(separator: ", ")))")
        }
        if let columns, columns.columns.contains(where: \.hasFill) {
            steps.append("missing cells (NaN, or a missing text) filled with the training data's values")
        }
        if let map = pipeline.featureMap, !map.isIdentity {
            steps.append("the derived inputs \(map.features.map(\.rawValue).joined(separator: ", "))")
        }
        if pipeline.standardization != nil { steps.append("standardized with the training data's mean and deviation") }
        let shape = network.sizes.map(String.init).joined(separator: "-")
        steps.append("a \(shape) network" + (network.layerCount > 1 ? " (\(network.hiddenActivation.rawValue))" : ""))
        switch network.task {
        case .binary: steps.append("output: the probability of class \(classLabels[1]) (sigmoid)")
        case .multiclass:
            steps.append("output: the probability of each class \(classLabels.joined(separator: ", ")) (softmax)")
        case .regression:
            steps.append(
                "output: the predicted value" + (encoding.scale == nil ? "" : ", back in the target's units"))
        }
        if classNames != nil { steps.append("label: the predicted class's label") }
        return "An nntop model: " + steps.joined(separator: "; then ") + "."
    }

    static func jsonArray(_ strings: [String]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        guard let data = try? encoder.encode(strings) else { return "[]" }
        return String(decoding: data, as: UTF8.self)
    }
}
