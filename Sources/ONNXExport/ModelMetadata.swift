import Foundation
import NeuralCore

extension ONNXModel {
    /// The names of the raw values a row of `input` holds: x1 and x2 with a feature map, else the features'.
    public var inputNames: [String] { pipeline.featureMap == nil ? featureNames : ["x1", "x2"] }

    /// The labels of the classes: those of `output`'s columns for multiclass, 0 and 1 for binary (whose one
    /// column is class 1's probability), none for regression.
    public var classLabels: [String] {
        switch network.task {
        case .binary: return ["0", "1"]
        case .multiclass: return (0..<network.outputCount).map { encoding.label(ofClass: $0) }
        case .regression: return []
        }
    }

    /// The model's metadata_props, in order: each list as a JSON array of strings, so any name survives.
    var metadata: [(String, String)] {
        var out: [(String, String)] = [("task", network.task.rawValue), ("feature_names", Self.jsonArray(inputNames))]
        if let map = pipeline.featureMap {
            out.append(("input_features", Self.jsonArray(map.features.map(\.rawValue))))
        }
        if !classLabels.isEmpty { out.append(("classes", Self.jsonArray(classLabels))) }
        return out
    }

    /// One paragraph saying what the graph computes.
    var docString: String {
        var steps = ["input: \(inputWidth) values per row (\(inputNames.joined(separator: ", ")))"]
        if let map = pipeline.featureMap, !map.isIdentity {
            steps.append("the derived inputs \(map.features.map(\.rawValue).joined(separator: ", "))")
        }
        if pipeline.standardization != nil { steps.append("standardized with the training data's mean and deviation") }
        let shape = network.sizes.map(String.init).joined(separator: "-")
        steps.append("a \(shape) network" + (network.layerCount > 1 ? " (\(network.hiddenActivation.rawValue))" : ""))
        switch network.task {
        case .binary: steps.append("output: the probability of class 1 (sigmoid)")
        case .multiclass:
            steps.append("output: the probability of each class \(classLabels.joined(separator: ", ")) (softmax)")
        case .regression:
            steps.append(
                "output: the predicted value" + (encoding.scale == nil ? "" : ", back in the target's units"))
        }
        return "An nntop model: " + steps.joined(separator: "; then ") + "."
    }

    static func jsonArray(_ strings: [String]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        guard let data = try? encoder.encode(strings) else { return "[]" }
        return String(decoding: data, as: UTF8.self)
    }
}
