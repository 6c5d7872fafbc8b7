#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension Dataset {
    /// A built-in dataset: `samples` points with features x1, x2, alternating class 1 and class 0 (so the classes
    /// differ in size by at most one), drawn from `seed`. The same arguments give the same data bit for bit.
    ///
    /// `noise` (0 … 0.5) moves every point by a random offset scaled to the data — up to ±5·noise per feature
    /// for xor and circle, ±noise along the spiral — and widens the gaussian blobs (variance 0.5 at noise 0,
    /// 4 at noise 0.5). The points without noise are drawn first, so a noisy set is the noiseless one moved.
    /// A point keeps its class however far the noise moves it. `tutorial` ignores `samples`, `noise` and `seed`.
    public static func generated(
        _ kind: DatasetKind, samples: Int = DatasetKind.defaultSamples, noise: Double = 0,
        seed: UInt64 = 1
    ) -> Dataset {
        var generator = SeededGenerator(seed: seed)
        return generated(kind, samples: samples, noise: noise, generator: &generator)
    }

    /// A built-in dataset drawn from `generator`, which is left after the last draw.
    public static func generated(
        _ kind: DatasetKind, samples: Int = DatasetKind.defaultSamples, noise: Double = 0,
        generator: inout SeededGenerator
    ) -> Dataset {
        if kind == .tutorial { return .tutorial }
        precondition(samples >= 1, "samples must be at least 1")
        precondition(noise >= 0 && noise.isFinite, "noise must be a finite number, at least 0")
        var features: [Double] = []
        var targets: [Double] = []
        features.reserveCapacity(2 * samples)
        targets.reserveCapacity(samples)
        // Class 1 takes the even indices, class 0 the odd ones; `k` counts within the class, `n` is its size.
        let ones = (samples + 1) / 2, zeros = samples / 2
        for i in 0..<samples {
            let positive = i % 2 == 0
            let k = i / 2, n = positive ? ones : zeros
            let (x1, x2) = GeneratedPoint.draw(
                kind, positive: positive, index: k, of: n, noise: noise,
                generator: &generator)
            features.append(x1)
            features.append(x2)
            targets.append(positive ? 1 : 0)
        }
        return Dataset(featureNames: ["x1", "x2"], features: features, targets: targets)
    }
}

/// How one point of each built-in problem is drawn.
enum GeneratedPoint {
    /// Keeps xor's points this far from the axes, so the quadrants are separated by a margin.
    static let xorPadding = 0.3
    /// xor's and circle's extent: points lie within ±5 before noise.
    static let extent = 5.0
    /// circle: class 1 within this radius, class 0 in the ring from `ringInner` to `extent`.
    static let discRadius = 2.5
    static let ringInner = 3.5
    /// gaussian: the blobs' variance at noise 0 and at the maximum noise.
    static let varianceRange = (low: 0.5, high: 4.0)
    /// spiral: each arm turns this many times 2π from the centre to radius `extent`.
    static let spiralTurns = 1.75

    static func draw(
        _ kind: DatasetKind, positive: Bool, index k: Int, of n: Int, noise: Double,
        generator g: inout SeededGenerator
    ) -> (Double, Double) {
        switch kind {
        case .tutorial:
            preconditionFailure("the tutorial's points are fixed")
        case .xor:
            // A uniform point in [−5, 5]² kept `xorPadding` off the axes, its second sign chosen for its class.
            let x = signed(magnitude: uniform(xorPadding, extent, &g), uniform(-1, 1, &g) >= 0)
            let y = signed(magnitude: uniform(xorPadding, extent, &g), (x > 0) == positive)
            return jittered(x, y, by: extent * noise, &g)
        case .circle:
            let r = positive ? uniform(0, discRadius, &g) : uniform(ringInner, extent, &g)
            let angle = uniform(0, 2 * Double.pi, &g)
            return jittered(r * sin(angle), r * cos(angle), by: extent * noise, &g)
        case .gaussian:
            let centre = positive ? 2.0 : -2.0
            let variance =
                varianceRange.low + (varianceRange.high - varianceRange.low) * noise / DatasetKind.maximumNoise
            let deviation = variance.squareRoot()
            return (centre + deviation * g.standardNormal(), centre + deviation * g.standardNormal())
        case .spiral:
            // Evenly along the arm from the centre outwards; the second arm is the first turned by π.
            let fraction = Double(k) / Double(max(n, 1))
            let r = fraction * extent
            let t = spiralTurns * fraction * 2 * Double.pi + (positive ? 0 : Double.pi)
            return jittered(r * sin(t), r * cos(t), by: noise, &g)
        }
    }

    /// A uniform double in [low, high).
    @inline(__always)
    static func uniform(_ low: Double, _ high: Double, _ g: inout SeededGenerator) -> Double {
        low + (high - low) * g.unit()
    }

    @inline(__always)
    static func signed(magnitude: Double, _ positive: Bool) -> Double { positive ? magnitude : -magnitude }

    /// (x, y) moved by independent uniform offsets in [−amount, amount). The offsets are drawn even when
    /// `amount` is 0, so every noise level consumes the generator alike.
    static func jittered(_ x: Double, _ y: Double, by amount: Double, _ g: inout SeededGenerator) -> (Double, Double) {
        let dx = uniform(-1, 1, &g), dy = uniform(-1, 1, &g)
        return (x + amount * dx, y + amount * dy)
    }
}
