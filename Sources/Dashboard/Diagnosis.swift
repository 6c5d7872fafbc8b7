import NeuralCore
import Training

/// A hint for the status bar when the run shows a known trouble: the error swinging up and down (the learning
/// rate is likely too high), the error flat while mistakes remain (a plateau), or sigmoid/tanh units stuck where
/// their derivative is about zero (saturation), which stalls learning through them.
enum Diagnosis: Equatable {
    case oscillating
    case plateau
    case saturated(units: Int, of: Int)

    /// Reports looked at, the newest last.
    static let window = 16

    var hint: String {
        switch self {
        case .oscillating: return "hint: the error swings up and down: learning rate too high? (- lowers it)"
        case .plateau: return "hint: the error is flat with mistakes left: a plateau (try + or r)"
        case .saturated(let units, let total):
            return "hint: \(units) of \(total) units saturated (derivative ~0): lower lr or reset (r)"
        }
    }

    /// The hint for a moment of training, or nil when nothing looks wrong.
    static func of(_ snapshot: Snapshot, training: Dataset) -> Diagnosis? {
        guard snapshot.state == .running || snapshot.state == .paused || snapshot.state == .done else { return nil }
        if let saturated = saturation(snapshot.network, training: training) { return saturated }
        let recent = snapshot.history.recentPoints.suffix(window).map(\.error)
        guard recent.count == window, recent.allSatisfy(\.isFinite) else { return nil }
        let mean = recent.reduce(0, +) / Double(recent.count)
        guard mean > 0 else { return nil }
        let steps = zip(recent, recent.dropFirst()).map { $1 - $0 }
        let turns = zip(steps, steps.dropFirst()).filter { $0 * $1 < 0 }.count
        let swing = steps.map(abs).reduce(0, +) / Double(steps.count) / mean
        if swing > 0.15 && Double(turns) >= 0.6 * Double(steps.count - 1) { return .oscillating }
        let spread = (recent.max()! - recent.min()!) / mean
        if spread < 0.002, (snapshot.trainingAccuracy ?? 1) < 1 { return .plateau }
        return nil
    }

    /// Hidden units whose activation is saturated on at least nine in ten of up to 64 training rows; a hint when
    /// they are at least half of the hidden sigmoid and tanh units. (A confident output unit is no trouble.)
    static func saturation(_ network: Network, training: Dataset) -> Diagnosis? {
        guard training.count > 0, training.featureCount == network.inputCount, network.isFinite else { return nil }
        let rows = Array(stride(from: 0, to: training.count, by: max(training.count / 64, 1)).prefix(64))
        var pass = ForwardPass(network: network)
        var stuck = [Int](repeating: 0, count: network.unitCount)
        for r in rows {
            _ = training.features.withUnsafeBufferPointer { pass.run(network, input: $0.baseAddress! + r * training.featureCount) }
            var unit = 0
            for l in 0..<network.layerCount {
                let activation = network.activation(layer: l)
                for _ in 0..<network.sizes[l + 1] {
                    if isSaturated(activation, pass.a[unit]) { stuck[unit] += 1 }
                    unit += 1
                }
            }
        }
        var total = 0, saturated = 0, unit = 0
        for l in 0..<(network.layerCount - 1) {
            let activation = network.activation(layer: l)
            for _ in 0..<network.sizes[l + 1] {
                if activation == .sigmoid || activation == .tanh {
                    total += 1
                    if stuck[unit] * 10 >= rows.count * 9 { saturated += 1 }
                }
                unit += 1
            }
        }
        return total > 0 && saturated * 2 >= total ? .saturated(units: saturated, of: total) : nil
    }

    /// True where the activation's derivative is below 1% of its largest value.
    static func isSaturated(_ activation: Activation, _ a: Double) -> Bool {
        switch activation {
        case .sigmoid: return a * (1 - a) < 0.0025
        case .tanh: return 1 - a * a < 0.01
        default: return false
        }
    }
}
