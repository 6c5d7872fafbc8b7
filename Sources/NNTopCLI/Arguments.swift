import ArgumentParser
import NeuralCore

extension Activation: ExpressibleByArgument {}
extension Loss: ExpressibleByArgument {}
extension DatasetKind: ExpressibleByArgument {}
extension Regularization: ExpressibleByArgument {}

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
