extension Dataset {
    /// The rows of the test part when a fraction `testFraction` of `count` rows is held out: the nearest whole
    /// number, at least one when the fraction is above zero, and always leaving one row to train on.
    public static func testCount(of count: Int, testFraction: Double) -> Int {
        precondition(testFraction >= 0 && testFraction < 1, "the test fraction must be in [0, 1)")
        guard count > 1, testFraction > 0 else { return 0 }
        return min(max(Int((testFraction * Double(count)).rounded()), 1), count - 1)
    }

    /// Splits the rows into a training part and a held-out test part of `testCount(of:testFraction:)` rows,
    /// after shuffling them with `generator` (Fisher–Yates). Every row lands in exactly one part; each part
    /// keeps the shuffled order.
    public func split(testFraction: Double, generator: inout SeededGenerator) -> (training: Dataset, test: Dataset) {
        var order = Array(0..<count)
        var i = count - 1
        while i > 0 {
            order.swapAt(i, generator.index(below: i + 1))
            i -= 1
        }
        let held = Dataset.testCount(of: count, testFraction: testFraction)
        return (subset(Array(order[held...])), subset(Array(order[..<held])))
    }

    /// The same split drawn from a generator seeded with `seed`.
    public func split(testFraction: Double, seed: UInt64) -> (training: Dataset, test: Dataset) {
        var generator = SeededGenerator(seed: seed)
        return split(testFraction: testFraction, generator: &generator)
    }
}
