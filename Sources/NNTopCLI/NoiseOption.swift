import NeuralCore

extension DataOptions {
    /// Why `--noise` cannot be used with these data, or nil when it can: it moves the points of a drawn
    /// dataset, and the tutorial's eight points (`--dataset tutorial`, the default) are fixed, as a CSV file's are.
    static func noiseRefusal(dataset: DatasetKind?, data: String?) -> String? {
        if data != nil { return "--noise moves the points of a built-in --dataset, not the rows of --data" }
        guard (dataset ?? .tutorial) == .tutorial else { return nil }
        let drawn = DatasetKind.allCases.filter { $0 != .tutorial }.map(\.rawValue)
        let list = drawn.dropLast().joined(separator: ", ") + " or " + (drawn.last ?? "")
        return "--noise cannot move the tutorial's data: its 8 points are fixed (give --dataset \(list))"
    }
}
