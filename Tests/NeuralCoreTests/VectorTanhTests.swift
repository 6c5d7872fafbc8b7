import Foundation
import Testing

@testable import NeuralCore

/// The eight-wide tanh of the hidden layers against libm's, in units in the last place.
@Suite struct VectorTanhTests {
    static func ulps(_ a: Double, _ b: Double) -> Double {
        if a == b { return 0 }
        return abs(a - b) / b.ulp
    }

    static func vectorTanh(_ values: [Double]) -> [Double] {
        var out = [Double](repeating: 0, count: values.count)
        var k = 0
        while k + 8 <= values.count {
            let v = values.withUnsafeBufferPointer { load8($0.baseAddress! + k) }
            let t = tanh8(v)
            for lane in 0..<8 { out[k + lane] = t[lane] }
            k += 8
        }
        return out
    }

    @Test func withinTwoUnitsInTheLastPlaceOfLibm() {
        var generator = SeededGenerator(seed: 11)
        var values: [Double] = []
        for _ in 0..<(1 << 20) {
            // Uniform in (−20, 20), and a share of tiny and mid-range values where the two formulas meet.
            let u = generator.unit() * 40 - 20
            values.append(values.count % 4 == 0 ? u * 1e-3 : values.count % 4 == 1 ? u / 16 : u)
        }
        let vector = Self.vectorTanh(values)
        var worst = 0.0
        for (x, t) in zip(values, vector) { worst = max(worst, Self.ulps(t, tanh(x))) }
        #expect(worst <= 2, "worst error \(worst) ulp")
    }

    @Test func edgesAsLibmGivesThem() {
        let edges: [Double] = [0, -0.0, .infinity, -.infinity, .nan, 0.625, -0.625, 20, -20, 1e-300, 700, -19.5]
        let padded = edges + [Double](repeating: 0.5, count: 16 - edges.count)
        let vector = Self.vectorTanh(padded)
        for (x, t) in zip(edges, vector) {
            if x.isNaN {
                #expect(t.isNaN)
            } else {
                #expect(Self.ulps(t, tanh(x)) <= 2, "tanh(\(x)) = \(t), libm \(tanh(x))")
                #expect(t.sign == tanh(x).sign, "sign of tanh(\(x))")
            }
        }
    }
}
