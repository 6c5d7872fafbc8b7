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
        guard high > low else { return (low - 1)...(high + 1) }
        let margin = (high - low) / 10
        return (low - margin)...(high + margin)
    }

    /// The across value at the centre of column `c` of `columns`.
    func acrossValue(column c: Int, of columns: Int) -> Double {
        acrossRange.lowerBound + (Double(c) + 0.5) / Double(columns) * span(acrossRange)
    }

    /// The up value at the centre of sample row `r` of `rows`, row 0 being the top (the largest value).
    func upValue(row r: Int, of rows: Int) -> Double {
        upRange.upperBound - (Double(r) + 0.5) / Double(rows) * span(upRange)
    }

    /// The column of `columns` that holds `x`, clamped to the map.
    func column(of x: Double, columns: Int) -> Int {
        clamp(Int(((x - acrossRange.lowerBound) / span(acrossRange) * Double(columns)).rounded(.down)), columns)
    }

    /// The sample row of `rows` that holds `y` (row 0 at the top), clamped to the map.
    func row(of y: Double, rows: Int) -> Int {
        clamp(Int(((upRange.upperBound - y) / span(upRange) * Double(rows)).rounded(.down)), rows)
    }

    /// The raw input at a point of the plane.
    func input(across x: Double, up y: Double) -> [Double] {
        var input = base
        input[across] = x
        if let up { input[up] = y }
        return input
    }

    private func span(_ range: ClosedRange<Double>) -> Double { range.upperBound - range.lowerBound }

    private func clamp(_ k: Int, _ count: Int) -> Int { min(max(k, 0), count - 1) }
}
