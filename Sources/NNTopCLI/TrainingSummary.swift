import DataFiles
import Foundation
import NeuralCore
import TerminalUI

/// What `nntop train` prints at the end, as text or as one JSON object.
struct TrainingSummary {
    let iterations: Int
    let training: Evaluation
    let test: Evaluation?
    let stepsPerSecond: Double
    let network: Network
    let loss: Loss
    /// The built-in dataset's name or the CSV file's path.
    let dataset: String
    let regularization: Regularization
    let regularizationRate: Double
    var status: RunStatus = .done
    var encoding = TargetEncoding(task: .binary)
    var optimizer = OptimizerSettings()
    var order: ExampleOrder = .random
    var learningRate = 0.1
    var batchSize = 1
    var seed: UInt64 = 1
    var epochs = 0.0
    /// counts[actual][predicted] on the test data (the training data when there is none), for a classifier.
    var confusion: [[Int]]?
    var divergence: String?
    /// The iteration the figures are of: the last, or the last report's before an interruption.
    var evaluatedAt = 0
    /// The training data's feature columns, as the model names them.
    var featureNames: [String] = []
    /// Every setting of the run (`RunConfiguration`), for the JSON.
    var configuration: JSONField = .null

    var task: Task { encoding.task }

    /// A regression's RMSE in the target's units.
    func rmse(_ e: Evaluation) -> Double { e.rootMeanSquaredError * (encoding.scale?.deviation ?? 1) }

    func text() -> String {
        let counts = "\(training.count) training instances\(test.map { ", \($0.count) test" } ?? "")"
        var lines = [
            "dataset           \(dataset)  (\(counts))",
            "task              \(taskText)",
            "status            \(status.rawValue)\(divergence.map { " (\($0))" } ?? "")",
            "iterations        \(iterations)  (\(String(format: "%.2f", epochs)) epochs)"
                + (evaluatedAt != iterations ? "; figures as of the last report, iteration \(evaluatedAt)" : ""),
            "loss              \(Format.value(training.meanLoss)) per instance  (\(loss.rawValue); test \(test.map { Format.value($0.meanLoss) } ?? "n/a"))",
            "final error       \(Format.value(training.cumulativeError))  (\(loss.rawValue) summed over \(training.count) instances)"
        ]
        if task == .regression {
            lines.append("train R²          \(Format.value(training.accuracy))  (RMSE \(Format.value(rmse(training))))")
            if let test {
                lines.append("test R²           \(Format.value(test.accuracy))  (RMSE \(Format.value(rmse(test))))")
            } else {
                lines.append("test R²           n/a (no --test-data or --test-fraction)")
            }
        } else {
            lines.append("train accuracy    \(Format.percent(training.accuracy, decimals: 1))")
            if let test {
                lines.append("test error        \(Format.value(test.cumulativeError))  (over \(test.count) instances)")
                lines.append("test accuracy     \(Format.percent(test.accuracy, decimals: 1))")
            } else {
                lines.append("test accuracy     n/a (no --test-data or --test-fraction)")
            }
            lines += confusionLines()
        }
        lines.append(
            "optimizer         \(optimizer.summary), learning rate \(Format.value(learningRate)), batch \(batchSize), \(order.rawValue) order"
        )
        lines.append(
            "regularization    \(regularization == .none ? "none" : "\(regularization.rawValue), rate \(Format.value(regularizationRate))")"
        )
        lines.append("steps per second  \(Format.rate(stepsPerSecond))")
        lines.append(
            "parameters        \(network.parameters.count)  (layers \(network.sizes.map(String.init).joined(separator: "-")))"
        )
        return lines.joined(separator: "\n") + "\n"
    }

    /// The class count, for a classifier: two for binary.
    var classCount: Int { network.outputCount == 1 ? 2 : network.outputCount }

    /// Each class's label as the text summary shows it: escaped (a label is a cell of the data file) and cut
    /// short.
    var shownLabels: [String] {
        (0..<classCount).map { MessageText.excerpt(encoding.label(ofClass: $0), limit: Self.labelLimit) }
    }

    /// The longest label shown whole, in characters.
    static let labelLimit = 20
    /// The most classes whose confusion matrix the text summary draws (`--json` has any).
    static let confusionLimit = 10

    /// "binary", "binary, 2 classes: no, yes" (text labels), "multiclass, 3 classes: 3, 5, 9", "regression".
    var taskText: String {
        guard task == .multiclass || (task == .binary && encoding.labels != nil) else { return task.rawValue }
        let listed = shownLabels.prefix(Self.confusionLimit).joined(separator: ", ")
        return "\(task.rawValue), \(classCount) classes: \(listed)\(classCount > Self.confusionLimit ? ", …" : "")"
    }

    /// The confusion matrix under the accuracy: a row per actual class, a column per predicted class, each headed
    /// by its label; one line instead when there are too many classes to draw.
    func confusionLines() -> [String] {
        guard let confusion, confusion.count == classCount else { return [] }
        let on = test == nil ? "training" : "test"
        guard classCount <= Self.confusionLimit else {
            return ["confusion         \(classCount) classes, too many to draw here: see --json (on the \(on) data)"]
        }
        let labels = shownLabels
        let rowWidth = max(labels.map(\.count).max() ?? 1, 6)
        let widths = (0..<classCount).map { c in
            max(labels[c].count, confusion.map { String($0[c]).count }.max() ?? 1) + 2
        }
        func row(_ head: String, _ cells: [String]) -> String {
            let padded = head + String(repeating: " ", count: max(rowWidth - head.count, 0))
            let line = "                  " + padded + zip(cells, widths).map { Text.right($0, $1) }.joined()
            return String(line.reversed().drop { $0 == " " }.reversed())
        }
        var lines = ["confusion         on the \(on) data: rows the actual class, columns the predicted one"]
        lines.append(row("actual", labels))
        for (r, counts) in confusion.enumerated() { lines.append(row(labels[r], counts.map(String.init))) }
        return lines
    }

    func json() -> String {
        var notFinite: [String] = []
        func number(_ x: Double, _ name: String) -> JSONField {
            if x.isFinite { return .number(x) }
            if !notFinite.contains(name) { notFinite.append(name) }
            return .null
        }
        func optional(_ x: Double?, _ name: String) -> JSONField { x.map { number($0, name) } ?? .null }
        var body: [String: JSONField] = [
            "dataset": .string(dataset),
            "task": .string(task.rawValue),
            "status": .string(status.rawValue),
            "iterations": .integer(iterations),
            "evaluated_at": .integer(evaluatedAt),
            "epochs": number(epochs, "epochs"),
            "loss": number(training.meanLoss, "loss"),
            "test_loss": optional(test?.meanLoss, "test_loss"),
            "loss_function": .string(loss.rawValue),
            "final_error": number(training.cumulativeError, "final_error"),
            "test_error": optional(test?.cumulativeError, "test_error"),
            "train_instances": .integer(training.count),
            "test_instances": test.map { .integer($0.count) } ?? .null,
            "optimizer": .string(optimizer.kind.rawValue),
            "optimizer_settings": .object([
                "momentum": .number(optimizer.momentum), "beta1": .number(optimizer.beta1),
                "beta2": .number(optimizer.beta2), "epsilon": .number(optimizer.epsilon),
                "rms_decay": .number(optimizer.rmsDecay)
            ]),
            "order": .string(order.rawValue),
            "learning_rate": number(learningRate, "learning_rate"),
            "batch_size": .integer(batchSize),
            "seed": .unsigned(seed),
            "feature_names": .array(featureNames.map { .string($0) }),
            "configuration": configuration,
            "regularization": .string(regularization.rawValue),
            "regularization_rate": .number(regularizationRate),
            "steps_per_second": number(stepsPerSecond, "steps_per_second"),
            "parameters": .integer(network.parameters.count),
            "layers": .array(network.sizes.map { .integer($0) }),
            "weights": .array(
                (0..<network.layerCount).map { l in
                    .array(network.weights(layer: l).joined().map { number($0, "weights") })
                }),
            "biases": .array(
                (0..<network.layerCount).map { l in .array(network.biases(layer: l).map { number($0, "biases") }) }),
            "divergence": divergence.map { .string($0) } ?? .null
        ]
        if task == .regression {
            body["train_r2"] = number(training.accuracy, "train_r2")
            body["test_r2"] = optional(test?.accuracy, "test_r2")
            body["train_rmse"] = number(rmse(training), "train_rmse")
            body["test_rmse"] = optional(test.map(rmse), "test_rmse")
        } else {
            body["train_accuracy"] = .number(training.accuracy)
            body["test_accuracy"] = test.map { .number($0.accuracy) } ?? .null
            // "classes": each class's target value, as it has always been; "labels": its text where the target
            // held texts (the same as "classes" otherwise). The confusion matrix's rows and columns are in this order.
            var values = encoding
            values.labels = nil
            body["classes"] = .array((0..<classCount).map { JSONField.string(values.label(ofClass: $0)) })
            body["labels"] = .array((0..<classCount).map { JSONField.string(encoding.label(ofClass: $0)) })
            if let confusion {
                body["confusion"] = .array(confusion.map { .array($0.map { .integer($0) }) })
                body["confusion_on"] = .string(test == nil ? "training" : "test")
            }
        }
        body["not_finite"] = .array(notFinite.map { .string($0) })
        return JSONField.object(body).text
    }
}
