import NeuralCore

/// The input plane a decision map shows: one feature across, another up, each over the data's range plus a
/// margin; every other feature held at its training mean. Coordinates are raw (as the user wrote the data).
struct MapPlane: Equatable {
    var across: Int
    /// The feature up the map, or nil when the data have a single feature.
    var up: Int?
    var acrossRange: ClosedRange<Double>
    var upRange: ClosedRange<Double>
    /// A raw input with every feature at its training mean.
    var base: [Double]

    init(training: Dataset, test: Dataset?, across: Int, up: Int?) {
        self.across = across
        self.up = up
        acrossRange = MapPlane.range(of: across, in: training, test)
        upRange = up.map { MapPlane.range(of: $0, in: training, test) } ?? (0...1)
        base = Standardization(fitting: training).mean
    }

    /// The data's extent for feature `f`, widened by a tenth on each side (a constant feature gets ±1).
    static func range(of f: Int, in training: Dataset, _ test: Dataset?) -> ClosedRange<Double> {
        var low = Double.infinity, high = -Double.infinity
        for data in [training] + (test.map { [$0] } ?? []) {
            for r in 0..<data.count {
                let x = data.features[r * data.featureCount + f]
                low = min(low, x)
                high = max(high, x)
            }
        }
        guard low.isFinite, high.isFinite else { return -1...1 }
        let largest = Double.greatestFiniteMagnitude
        guard high > low else { return max(low - 1, -largest)...min(high + 1, largest) }
        let margin = high / 10 - low / 10  // finite, where (high - low) / 10 can overflow
        return max(low - margin, -largest)...min(high + margin, largest)
    }

    /// The across value at the centre of column `c` of `columns`.
    func acrossValue(column c: Int, of columns: Int) -> Double {
        point(acrossRange, at: (Double(c) + 0.5) / Double(columns))
    }

    /// The up value at the centre of sample row `r` of `rows`, row 0 being the top (the largest value).
    func upValue(row r: Int, of rows: Int) -> Double {
        point(upRange, at: 1 - (Double(r) + 0.5) / Double(rows))
    }

    /// The column of `columns` that holds `x`, clamped to the map.
    func column(of x: Double, columns: Int) -> Int {
        clamp(Int(saturating: (share(of: x, in: acrossRange) * Double(columns)).rounded(.down)), columns)
    }

    /// The sample row of `rows` that holds `y` (row 0 at the top), clamped to the map.
    func row(of y: Double, rows: Int) -> Int {
        clamp(Int(saturating: ((1 - share(of: y, in: upRange)) * Double(rows)).rounded(.down)), rows)
    }

    /// The point a share `t` of the way along `range`. Halves keep the arithmetic finite for ranges as wide as
    /// ±1e308, whose span overflows.
    private func point(_ range: ClosedRange<Double>, at t: Double) -> Double {
        2 * (range.lowerBound / 2 + t * (range.upperBound / 2 - range.lowerBound / 2))
    }

    /// How far along `range` `x` lies: 0 at its lower bound, 1 at its upper (beyond them outside it).
    private func share(of x: Double, in range: ClosedRange<Double>) -> Double {
        let half = range.upperBound / 2 - range.lowerBound / 2
        return half > 0 ? (x / 2 - range.lowerBound / 2) / half : 0.5
    }

    /// The raw input at a point of the plane.
    func input(across x: Double, up y: Double) -> [Double] {
        var input = base
        input[across] = x
        if let up { input[up] = y }
        return input
    }

    private func clamp(_ k: Int, _ count: Int) -> Int { min(max(k, 0), count - 1) }
}
