import Foundation
import NeuralCore
import TerminalUI

/// A network's outputs for one input, read as its task reads them: the probability of class 1 (binary), a
/// probability per class and the most likely class's label (multiclass), or a value in the target's units
/// (regression).
struct Prediction {
    let task: Task
    /// Binary: [p]. Multiclass: one per class. Regression: [value].
    let outputs: [Double]
    /// The class labels, in output order (binary: 0 and 1).
    let labels: [String]
    /// The labels a target's class index stands for, when they are texts.
    var targetLabels: [String]? = nil

    /// A target as its label.
    func text(ofTarget y: Double) -> String {
        if let targetLabels, let k = Int(exactly: y), targetLabels.indices.contains(k) { return targetLabels[k] }
        return TargetEncoding.text(y)
    }

    var isFinite: Bool { outputs.allSatisfy(\.isFinite) }

    /// The predicted class's index, when the outputs are numbers.
    var classIndex: Int? {
        guard isFinite, task.isClassification else { return nil }
        if task == .binary { return predictedClass(outputs[0]) }
        return outputs.indices.max { outputs[$0] < outputs[$1] }
    }

    var label: String? { classIndex.map { labels[$0] } }

    var text: String {
        switch task {
        case .binary:
            return "probability \(Format.value(outputs[0]))  class \(label ?? "none (the output is not a number)")"
        case .multiclass:
            guard let k = classIndex else { return "class none (the outputs are not numbers)" }
            return "class \(labels[k])  probability \(Format.value(outputs[k]))"
        case .regression:
            return isFinite ? "value \(Format.value(outputs[0]))" : "value none (the output is not a number)"
        }
    }

    /// After a target: whether the class is right, or a regression's error.
    func verdict(target: Double) -> String {
        switch task {
        case .binary, .multiclass:
            return "\t" + (label == text(ofTarget: target) ? "right" : "wrong")
        case .regression:
            return isFinite ? "\terror \(Format.value(outputs[0] - target))" : ""
        }
    }

    /// One prediction as a JSON object. An output that is not a finite number (inputs far beyond the data the
    /// model saw) is null, and "not_finite" says so.
    func json(target: Double?, row: Int? = nil) -> String {
        var fields: [String: JSONField] = [:]
        if let row { fields["row"] = .integer(row) }
        switch task {
        case .binary:
            fields["probability"] = isFinite ? .number(outputs[0]) : .null
            fields["class"] = classIndex.map { .integer($0) } ?? .null
            if let target {
                fields["target"] = targetLabels == nil ? .integer(Int(target)) : .string(text(ofTarget: target))
            }
            if targetLabels != nil { fields["label"] = label.map { .string($0) } ?? .null }
        case .multiclass:
            fields["class"] = label.map { .string($0) } ?? .null
            fields["probabilities"] = isFinite ? .array(outputs.map { .number($0) }) : .null
            if let target { fields["target"] = .string(text(ofTarget: target)) }
        case .regression:
            fields["value"] = isFinite ? .number(outputs[0]) : .null
            if let target { fields["target"] = .number(target) }
        }
        if !isFinite { fields["not_finite"] = .bool(true) }
        return JSONField.object(fields).text
    }
}

/// Runs a network and reads its outputs through the model's target encoding.
struct PredictionReader {
    let network: Network
    /// With the target's texts (`labels`), when it held texts.
    let encoding: TargetEncoding

    /// The class labels, in output order: 0 and 1 for binary (or the target's two texts), none for regression.
    var labels: [String] {
        switch network.task {
        case .binary: return [encoding.label(ofClass: 0), encoding.label(ofClass: 1)]
        case .multiclass: return (0..<network.outputCount).map(encoding.label(ofClass:))
        case .regression: return []
        }
    }

    func predict(_ input: [Double]) -> Prediction {
        var outputs = network.outputs(input)
        if network.task == .regression { outputs = outputs.map(encoding.value(fromOutput:)) }
        return Prediction(task: network.task, outputs: outputs, labels: labels, targetLabels: encoding.labels)
    }
}

/// Right and wrong classes, or a regression's squared errors, over the labelled rows predicted.
struct PredictionTally {
    let task: Task
    var rows = 0
    var right = 0
    var squares = 0.0
    var targets: [Double] = []

    mutating func add(_ prediction: Prediction, target: Double) {
        rows += 1
        if task == .regression {
            squares += (prediction.outputs[0] - target) * (prediction.outputs[0] - target)
            targets.append(target)
        } else if prediction.label == prediction.text(ofTarget: target) {
            right += 1
        }
    }

    var accuracy: Double? { rows == 0 ? nil : Double(right) / Double(rows) }
    var rmse: Double? { rows == 0 ? nil : (squares / Double(rows)).squareRoot() }
    var rSquared: Double? { rows == 0 ? nil : Evaluation.rSquared(squaredResiduals: squares, targets: targets) }

    var text: String {
        guard rows > 0 else { return "" }
        if task == .regression {
            return
                "R² \(Format.value(rSquared ?? .nan))  RMSE \(Format.value(rmse ?? .nan)) (over \(rows) row\(rows == 1 ? "" : "s"))\n"
        }
        return "accuracy \(Format.percent(accuracy ?? 0, decimals: 1)) (\(right) of \(rows))\n"
    }

    /// The figures for the JSON object's tail: "accuracy" (null without targets), or "r2" and "rmse".
    var jsonFields: String {
        func value(_ x: Double?) -> String { x.map { $0.isFinite ? "\($0)" : "null" } ?? "null" }
        if task == .regression { return "\"r2\":\(value(rSquared)),\"rmse\":\(value(rmse))" }
        return "\"accuracy\":\(value(accuracy))"
    }
}
