/// The learning rates a user steps through with one key, as in TensorFlow Playground.
public enum LearningRateLadder {
    public static let rungs: [Double] = [0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10]

    /// The next rung above `rate` (a hand-set rate between rungs goes to its upper neighbour); the top stays.
    public static func up(from rate: Double) -> Double {
        rungs.first { $0 > rate * (1 + 1e-9) } ?? max(rate, rungs.last!)
    }

    /// The next rung below `rate`; the bottom stays.
    public static func down(from rate: Double) -> Double {
        rungs.last { $0 < rate * (1 - 1e-9) } ?? min(rate, rungs.first!)
    }
}
