import TerminalUI

/// The colours of a regression's value map: a sequential ramp from the lowest value on the map (dark violet) to
/// the highest (yellow), as viridis runs, or four steps on eight colours.
struct ValueRamp: Equatable {
    /// The values at the ramp's two ends.
    let low: Double
    let high: Double

    static let steps: [Colour] = [
        .cube(red: 1, green: 0, blue: 2), .cube(red: 1, green: 1, blue: 3), .cube(red: 1, green: 2, blue: 3),
        .cube(red: 0, green: 3, blue: 3), .cube(red: 1, green: 4, blue: 2), .cube(red: 3, green: 5, blue: 1),
        .cube(red: 5, green: 5, blue: 1)
    ]
    static let eightSteps: [Colour] = [.blue, .cyan, .green, .yellow]

    /// A ramp over the finite values of `values` (0…1 when there are none; widened when they are all equal).
    init(over values: [Double]) {
        var low = Double.infinity, high = -Double.infinity
        for v in values where v.isFinite {
            low = min(low, v)
            high = max(high, v)
        }
        if low > high { (low, high) = (0, 1) }
        if low == high { (low, high) = (low - 0.5, high + 0.5) }
        self.low = low
        self.high = high
    }

    /// Where `v` falls along the ramp, 0…1 (clamped; 0 for a value that is not finite).
    func position(_ v: Double) -> Double {
        guard v.isFinite, high > low, (high - low).isFinite else { return 0 }
        return min(max((v - low) / (high - low), 0), 1)
    }

    func colour(_ v: Double, palette: Bool) -> Colour {
        let steps = palette ? Self.steps : Self.eightSteps
        return steps[min(Int(position(v) * Double(steps.count)), steps.count - 1)]
    }
}
