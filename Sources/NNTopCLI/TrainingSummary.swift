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

    func text() -> String {
        var lines = [
            "dataset           \(dataset)  (\(training.count) training instances\(test.map { ", \($0.count) test" } ?? ""))",
            "iterations        \(iterations)",
            "final error       \(Format.value(training.cumulativeError))  (\(loss.rawValue) summed over \(training.count) instances)",
            "train accuracy    \(Format.percent(training.accuracy, decimals: 1))"
        ]
        if let test {
            lines.append("test error        \(Format.value(test.cumulativeError))  (over \(test.count) instances)")
            lines.append("test accuracy     \(Format.percent(test.accuracy, decimals: 1))")
        } else {
            lines.append("test accuracy     n/a (no --test-data or --test-fraction)")
        }
        lines.append(
            "regularization    \(regularization == .none ? "none" : "\(regularization.rawValue), rate \(Format.value(regularizationRate))")"
        )
        lines.append("steps per second  \(Format.rate(stepsPerSecond))")
        lines.append(
            "parameters        \(network.parameters.count)  (layers \(network.sizes.map(String.init).joined(separator: "-")))"
        )
        return lines.joined(separator: "\n") + "\n"
    }

    func json() -> String {
        struct Body: Encodable {
            let dataset: String
            let iterations: Int
            let final_error: Double?
            let train_accuracy: Double
            let test_error: Double?
            let test_accuracy: Double?
            let regularization: String
            let regularization_rate: Double
            let steps_per_second: Double?
            let parameters: Int
            let layers: [Int]
            let weights: [[Double?]]
            let biases: [[Double?]]
            /// The fields holding null (or nulls) because their value was not a finite number, which JSON
            /// cannot write.
            let not_finite: [String]

            func encode(to encoder: Encoder) throws {
                // Written by hand so absent test figures appear as null rather than being left out.
                var c = encoder.container(keyedBy: Key.self)
                try c.encode(dataset, forKey: .dataset)
                try c.encode(iterations, forKey: .iterations)
                try c.encode(final_error, forKey: .final_error)
                try c.encode(train_accuracy, forKey: .train_accuracy)
                try c.encode(test_error, forKey: .test_error)
                try c.encode(test_accuracy, forKey: .test_accuracy)
                try c.encode(regularization, forKey: .regularization)
                try c.encode(regularization_rate, forKey: .regularization_rate)
                try c.encode(steps_per_second, forKey: .steps_per_second)
                try c.encode(parameters, forKey: .parameters)
                try c.encode(layers, forKey: .layers)
                try c.encode(weights, forKey: .weights)
                try c.encode(biases, forKey: .biases)
                try c.encode(not_finite, forKey: .not_finite)
            }
            enum Key: String, CodingKey {
                case dataset, iterations, final_error, train_accuracy, test_error, test_accuracy
                case regularization, regularization_rate, steps_per_second
                case parameters, layers, weights, biases, not_finite
            }
        }
        var notFinite: [String] = []
        func finite(_ x: Double, _ name: String) -> Double? {
            if x.isFinite { return x }
            if !notFinite.contains(name) { notFinite.append(name) }
            return nil
        }
        let body = Body(
            dataset: dataset,
            iterations: iterations,
            final_error: finite(training.cumulativeError, "final_error"),
            train_accuracy: training.accuracy,
            test_error: test.flatMap { finite($0.cumulativeError, "test_error") },
            test_accuracy: test?.accuracy,
            regularization: regularization.rawValue,
            regularization_rate: regularizationRate,
            steps_per_second: finite(stepsPerSecond, "steps_per_second"),
            parameters: network.parameters.count,
            layers: network.sizes,
            weights: (0..<network.layerCount).map { network.weights(layer: $0).joined().map { finite($0, "weights") } },
            biases: (0..<network.layerCount).map { network.biases(layer: $0).map { finite($0, "biases") } },
            not_finite: notFinite
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        // Every number is finite or null by now, which JSONEncoder always writes.
        let data = (try? encoder.encode(body)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
