import Testing
@testable import NeuralCore

/// Holding out a test set by a seeded shuffle.
@Suite struct DatasetSplitTests {
    /// Rows numbered by their first feature, so a row can be traced after the shuffle.
    static func numbered(_ count: Int) -> Dataset {
        Dataset(rows: (0..<count).map { [Double($0), Double($0 % 7)] }, targets: (0..<count).map { Double($0 % 2) })
    }

    @Test(arguments: [
        (200, 0.5, 100), (200, 0.1, 20), (10, 0.25, 3), (8, 0.01, 1), (8, 0.99, 7), (5, 0, 0), (1, 0.5, 0)
    ])
    func sizes(count: Int, fraction: Double, held: Int) {
        let (training, test) = Self.numbered(count).split(testFraction: fraction, seed: 1)
        #expect(test.count == held)
        #expect(training.count == count - held)
    }

    @Test func everyRowLandsInExactlyOnePartWithItsTarget() {
        let data = Self.numbered(101)
        let (training, test) = data.split(testFraction: 0.3, seed: 4)
        let ids = (0..<training.count).map { training.row($0).first! } + (0..<test.count).map { test.row($0).first! }
        #expect(ids.sorted() == (0..<101).map(Double.init))
        for part in [training, test] {
            #expect(part.featureNames == data.featureNames)
            for r in 0..<part.count {
                let id = Int(part.row(r).first!)
                #expect(Array(part.row(r)) == Array(data.row(id)))
                #expect(part.targets[r] == data.targets[id])
            }
        }
    }

    @Test func theSameSeedGivesTheSameSplitAndAnotherSeedAnother() {
        let data = Self.numbered(50)
        let a = data.split(testFraction: 0.5, seed: 8), b = data.split(testFraction: 0.5, seed: 8)
        #expect(a.training == b.training && a.test == b.test)
        let c = data.split(testFraction: 0.5, seed: 9)
        #expect(a.test != c.test)
    }

    @Test func theShuffleMixesTheRows() {
        // The held-out rows are not simply the first or last ones.
        let (_, test) = Self.numbered(100).split(testFraction: 0.5, seed: 3)
        let ids = (0..<test.count).map { Int(test.row($0).first!) }
        #expect(ids.contains { $0 < 50 } && ids.contains { $0 >= 50 })
    }

    @Test func aGeneratorIsLeftAfterItsDraws() {
        var g = SeededGenerator(seed: 2)
        let first = Self.numbered(20).split(testFraction: 0.5, generator: &g)
        let second = Self.numbered(20).split(testFraction: 0.5, generator: &g)
        #expect(first.test != second.test)
        #expect(g != SeededGenerator(seed: 2))
    }
}
