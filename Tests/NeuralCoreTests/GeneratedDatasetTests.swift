import Testing
@testable import NeuralCore

/// The built-in datasets: sizes, balance, determinism, what noise does, and where the points lie.
@Suite struct GeneratedDatasetTests {
    static let sampled: [DatasetKind] = [.xor, .circle, .gaussian, .spiral]

    func points(_ data: Dataset) -> [(x: Double, y: Double, label: Double)] {
        (0..<data.count).map { (data.features[2 * $0], data.features[2 * $0 + 1], data.targets[$0]) }
    }

    @Test(arguments: sampled, [1, 2, 199, 200])
    func countsAndBalancedClasses(kind: DatasetKind, samples: Int) {
        let data = Dataset.generated(kind, samples: samples, noise: 0.1, seed: 3)
        #expect(data.count == samples)
        #expect(data.featureNames == ["x1", "x2"])
        #expect(data.targets.allSatisfy { $0 == 0 || $0 == 1 })
        let ones = data.targets.filter { $0 == 1 }.count
        #expect(ones == (samples + 1) / 2, "\(kind): \(ones) of \(samples) in class 1")
        #expect(data.features.allSatisfy { $0.isFinite })
    }

    @Test func defaultIsTwoHundredSamples() {
        #expect(Dataset.generated(.circle).count == 200)
    }

    @Test(arguments: sampled)
    func sameSeedSameDataBitForBit(kind: DatasetKind) {
        let a = Dataset.generated(kind, samples: 300, noise: 0.25, seed: 11)
        let b = Dataset.generated(kind, samples: 300, noise: 0.25, seed: 11)
        #expect(a.features.map(\.bitPattern) == b.features.map(\.bitPattern))
        #expect(a.targets == b.targets)
        let other = Dataset.generated(kind, samples: 300, noise: 0.25, seed: 12)
        if kind == .spiral {
            // Without noise the spiral has no randomness at all; with it, a new seed moves the points.
            #expect(Dataset.generated(kind, samples: 300, seed: 11) == Dataset.generated(kind, samples: 300, seed: 12))
        }
        #expect(a.features != other.features)
    }

    @Test(arguments: sampled)
    func noiseMovesThePointsButKeepsTheirClasses(kind: DatasetKind) {
        let clean = Dataset.generated(kind, samples: 400, noise: 0, seed: 5)
        let noisy = Dataset.generated(kind, samples: 400, noise: 0.3, seed: 5)
        #expect(clean.targets == noisy.targets)
        let moved = zip(clean.features, noisy.features).filter { $0 != $1 }.count
        #expect(moved > 700, "\(kind): only \(moved) of 800 coordinates moved")
        // A noisy point stays within reach of its clean self: ±5·noise (±noise on the spiral).
        let reach = kind == .spiral ? 0.3 : 1.5
        if kind != .gaussian {
            for (a, b) in zip(clean.features, noisy.features) { #expect(abs(a - b) <= reach) }
        }
    }

    @Test func gaussianNoiseWidensTheBlobs() {
        func spread(_ noise: Double) -> Double {
            let data = Dataset.generated(.gaussian, samples: 4000, noise: noise, seed: 9)
            let deviations = points(data).map { p -> Double in
                let c = p.label == 1 ? 2.0 : -2.0
                return (p.x - c) * (p.x - c) + (p.y - c) * (p.y - c)
            }
            return deviations.reduce(0, +) / Double(2 * deviations.count)  // the variance per coordinate
        }
        #expect(abs(spread(0) - 0.5) < 0.05)
        #expect(abs(spread(0.5) - 4) < 0.3)
    }

    @Test func xorPointsLieInTheirQuadrantsOffTheAxes() {
        for p in points(Dataset.generated(.xor, samples: 1000, seed: 2)) {
            #expect(abs(p.x) >= 0.3 && abs(p.x) <= 5 && abs(p.y) >= 0.3 && abs(p.y) <= 5)
            #expect((p.x * p.y > 0) == (p.label == 1))
        }
    }

    @Test func xorCoversAllFourQuadrants() {
        let quadrants = Set(
            points(Dataset.generated(.xor, samples: 200, seed: 2)).map { ($0.x > 0 ? 1 : 0) + ($0.y > 0 ? 2 : 0) })
        #expect(quadrants == [0, 1, 2, 3])
    }

    @Test func circleIsADiscInsideARing() {
        for p in points(Dataset.generated(.circle, samples: 1000, seed: 4)) {
            let r = (p.x * p.x + p.y * p.y).squareRoot()
            if p.label == 1 { #expect(r <= 2.5) } else { #expect(r >= 3.5 && r <= 5) }
        }
    }

    @Test func gaussianBlobsSitAroundTheirCentres() {
        let all = points(Dataset.generated(.gaussian, samples: 2000, seed: 6))
        for (label, centre) in [(1.0, 2.0), (0.0, -2.0)] {
            let blob = all.filter { $0.label == label }
            let mx = blob.map(\.x).reduce(0, +) / Double(blob.count)
            let my = blob.map(\.y).reduce(0, +) / Double(blob.count)
            #expect(abs(mx - centre) < 0.1 && abs(my - centre) < 0.1, "class \(label): mean (\(mx), \(my))")
        }
    }

    @Test func spiralArmsAreEachOtherTurnedByAHalfTurn() {
        let all = points(Dataset.generated(.spiral, samples: 400, seed: 1))
        // Rows 2k (class 1) and 2k + 1 (class 0) are the k-th point of each arm.
        for k in 0..<200 {
            let a = all[2 * k], b = all[2 * k + 1]
            #expect(abs(a.x + b.x) < 1e-12 && abs(a.y + b.y) < 1e-12)
            #expect((a.x * a.x + a.y * a.y).squareRoot() <= 5)
        }
        // The arm winds outwards: its radius grows along it.
        let radii = stride(from: 0, to: 400, by: 2).map { (all[$0].x * all[$0].x + all[$0].y * all[$0].y).squareRoot() }
        #expect(zip(radii, radii.dropFirst()).allSatisfy { $0 < $1 })
    }

    @Test func theTutorialIgnoresSamplesNoiseAndSeed() {
        #expect(Dataset.generated(.tutorial, samples: 50, noise: 0.5, seed: 99) == .tutorial)
    }
}
