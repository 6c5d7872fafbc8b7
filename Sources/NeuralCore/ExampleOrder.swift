/// The order a run takes its training instances in.
///
/// - random: each drawn at random with replacement (the tutorial's).
/// - shuffle: every row once per epoch, in a new random order each epoch (as a shuffling data loader).
/// - sequential: the rows in file order, wrapping round at the end.
public enum ExampleOrder: String, CaseIterable, Sendable, Codable {
    case random, shuffle, sequential
}

/// Picks the row of each instance a run trains on, in its `order`, and counts the instances drawn (epochs are
/// that count over the number of rows).
public struct ExampleSampler: Sendable, Equatable {
    public let order: ExampleOrder
    /// Instances drawn since the run began.
    public internal(set) var drawn = 0
    /// This epoch's order of the rows, for `shuffle`.
    private var permutation: [Int] = []

    public init(order: ExampleOrder = .random) { self.order = order }

    /// The row of the next instance out of `rows`.
    @inline(__always)
    public mutating func next(rows: Int, generator: inout SeededGenerator) -> Int {
        defer { drawn &+= 1 }
        switch order {
        case .random:
            return generator.index(below: rows)
        case .sequential:
            return drawn % rows
        case .shuffle:
            let position = drawn % rows
            if position == 0 || permutation.count != rows { reshuffle(rows: rows, generator: &generator) }
            return permutation[position]
        }
    }

    /// A new uniformly random order of `rows` rows (Fisher–Yates).
    private mutating func reshuffle(rows: Int, generator: inout SeededGenerator) {
        if permutation.count != rows { permutation = Array(0..<rows) }
        var i = rows - 1
        while i > 0 {
            permutation.swapAt(i, generator.index(below: i + 1))
            i -= 1
        }
    }

    /// Epochs so far over `rows` rows.
    public func epochs(rows: Int) -> Double { rows == 0 ? 0 : Double(drawn) / Double(rows) }
}
