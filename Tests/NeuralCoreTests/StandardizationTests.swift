import Testing
@testable import NeuralCore

/// Standardization must give finite figures for any finite data, and the plain formula's figures, bit for bit,
/// for ordinary data.
@Suite struct StandardizationTests {
    /// The textbook two-pass mean and population deviation, per column.
    static func plain(_ rows: [[Double]]) -> (mean: [Double], deviation: [Double]) {
        let n = rows[0].count
        var mean = [Double](repeating: 0, count: n), squares = [Double](repeating: 0, count: n)
        for row in rows { for c in 0..<n { mean[c] += row[c] } }
        for c in 0..<n { mean[c] /= Double(rows.count) }
        for row in rows { for c in 0..<n { squares[c] += (row[c] - mean[c]) * (row[c] - mean[c]) } }
        return (mean, squares.map { ($0 / Double(rows.count)).squareRoot() })
    }

    static func fit(_ rows: [[Double]]) -> Standardization {
        Standardization(fitting: Dataset(rows: rows, targets: rows.map { _ in 0 }))
    }

    @Test func ordinaryDataGivesThePlainFiguresExactly() {
        var generator = SeededGenerator(seed: 7)
        let scales = [1e-100, 1e-9, 1, 1e6, 1e100]
        let rows = (0..<500).map { _ in scales.map { $0 * (generator.unit() * 2 - 1) } }
        let z = Self.fit(rows)
        let expected = Self.plain(rows)
        #expect(z.mean == expected.mean)
        #expect(z.deviation == expected.deviation)
    }

    @Test func featuresNearTheLargestDoubleStandardizeToUnits() {
        let rows: [[Double]] = [[1e308, 1e308], [-1e308, -1e308], [1e308, -1e308], [-1e308, 1e308]]
        let z = Self.fit(rows)
        #expect(z.mean == [0, 0])
        #expect(z.deviation == [1e308, 1e308])
        #expect(z.apply([1e308, -1e308]) == [1, -1])
    }

    /// x − mean overflows here (about −2·max); the standardized value must still be finite and right.
    @Test func aSkewedColumnAtTheTopOfTheRange() {
        let top = Double.greatestFiniteMagnitude
        let rows: [[Double]] = [[top], [top], [top], [-top]]
        let z = Self.fit(rows)
        #expect(abs(z.mean[0] / (top / 2) - 1) < 1e-15)
        #expect(abs(z.deviation[0] / (top / 2 * 3.0.squareRoot()) - 1) < 1e-15)
        let low = z.apply(feature: 0, -top)
        #expect(abs(low - (-3.0.squareRoot())) < 1e-12)
        #expect(abs(z.apply(feature: 0, top) - 1 / 3.0.squareRoot()) < 1e-12)
    }

    /// Large columns are summed scaled by a power of two, which is exact: the figures are the plain ones scaled.
    @Test func scalingByAPowerOfTwoIsExact() {
        var generator = SeededGenerator(seed: 3)
        let rows = (0..<200).map { _ in [generator.unit() * 4 - 1] }
        let big = rows.map { [Double(sign: .plus, exponent: 900, significand: $0[0])] }
        let expected = Self.plain(rows)
        let z = Self.fit(big)
        #expect(z.mean == [Double(sign: .plus, exponent: 900, significand: expected.mean[0])])
        #expect(z.deviation == [Double(sign: .plus, exponent: 900, significand: expected.deviation[0])])
    }

    /// Subnormal features: their squares would underflow to 0 and the column would look constant.
    @Test func subnormalFeaturesAreNotTakenForConstants() {
        let tiny = Double.leastNormalMagnitude / 1024
        let z = Self.fit([[tiny], [-tiny], [tiny], [-tiny]])
        #expect(Self.plain([[tiny], [-tiny]]).deviation == [0])
        #expect(z.mean == [0])
        #expect(z.deviation == [tiny])
        #expect(z.apply([tiny]) == [1])
    }
}
