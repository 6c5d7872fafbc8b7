import ArgumentParser
import NeuralCore

extension Activation: ExpressibleByArgument {}
extension Loss: ExpressibleByArgument {}
extension DatasetKind: ExpressibleByArgument {}
extension Regularization: ExpressibleByArgument {}
extension OptimizerKind: ExpressibleByArgument {}
extension ExampleOrder: ExpressibleByArgument {}

/// `--task`: what the network predicts, or `auto` to read it from the targets.
enum TaskChoice: String, CaseIterable, ExpressibleByArgument, Sendable {
    case auto, binary, multiclass, regression

    /// The task asked for, or nil for auto.
    var task: Task? { Task(rawValue: rawValue) }
}

/// `--batch-size`: a number of instances, or `all` for the whole training set (full-batch).
enum BatchSize: ExpressibleByArgument, Sendable, Equatable {
    case count(Int)
    case all

    init?(argument: String) {
        let trimmed = argument.trimmingSpaces
        if trimmed == "all" {
            self = .all
        } else if let n = Int(trimmed) {
            self = .count(n)
        } else {
            return nil
        }
    }

    /// The instances per step for `rows` training rows.
    func size(rows: Int) -> Int {
        switch self {
        case .count(let n): return n
        case .all: return max(rows, 1)
        }
    }

    var defaultValueDescription: String {
        switch self {
        case .count(let n): return String(n)
        case .all: return "all"
        }
    }
}

/// A comma-separated list of hidden layer widths, e.g. `8,8`; empty for none.
struct HiddenLayers: ExpressibleByArgument, Sendable {
    var widths: [Int]

    init?(argument: String) {
        let trimmed = argument.trimmingSpaces
        if trimmed.isEmpty || trimmed == "none" { widths = []; return }
        var widths: [Int] = []
        for part in trimmed.split(separator: ",", omittingEmptySubsequences: false) {
            guard let n = Int(String(part).trimmingSpaces), n >= 1, n <= 4096 else { return nil }
            widths.append(n)
        }
        self.widths = widths
    }

    static var defaultCompletionKind: CompletionKind { .default }

    var defaultValueDescription: String {
        widths.isEmpty ? "none" : widths.map(String.init).joined(separator: ",")
    }
}

/// `--features`: a comma-separated list of input features, e.g. `x1^2,x2^2`.
struct FeatureList: ExpressibleByArgument, Sendable {
    var map: FeatureMap

    init?(argument: String) {
        var chosen: [InputFeature] = []
        for part in argument.split(separator: ",", omittingEmptySubsequences: false) {
            guard
                let feature = InputFeature(
                    rawValue: String(part).trimmingSpaces.replacingOccurrences(of: "²", with: "^2"))
            else { return nil }
            chosen.append(feature)
        }
        guard let map = FeatureMap(chosen) else { return nil }
        self.map = map
    }

    init(map: FeatureMap) { self.map = map }

    static var allValueStrings: [String] { InputFeature.allCases.map(\.rawValue) }
}

/// A comma-separated list of numbers, e.g. `1.45,-0.66`.
struct NumberList: ExpressibleByArgument, Sendable {
    var values: [Double]

    init?(argument: String) {
        var values: [Double] = []
        for part in argument.split(separator: ",", omittingEmptySubsequences: false) {
            guard let x = Double(String(part).trimmingSpaces), x.isFinite else { return nil }
            values.append(x)
        }
        guard !values.isEmpty else { return nil }
        self.values = values
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
