import Testing
@testable import Training

/// The bounded history of a run: when full, neighbouring buckets merge pairwise, keeping the first iteration,
/// the extremes and the mean of train and test alike, so the start of a run and its spikes are never lost.
@Suite struct ErrorHistoryTests {
    @Test func mergingKeepsTheFirstIterationTheExtremesAndTheMeans() {
        let a = ErrorHistory.Bucket(.init(iteration: 0, error: 4, testError: 5))
        let b = ErrorHistory.Bucket(.init(iteration: 100, error: 1, testError: nil))
        let c = ErrorHistory.Bucket(.init(iteration: 200, error: 2, testError: 3))
        let m = a.merged(with: b).merged(with: c)
        #expect(m.first == 0 && m.last == 200 && m.count == 3)
        #expect(m.minimum == 1 && m.maximum == 4 && abs(m.mean - 7.0 / 3) < 1e-12)
        // The test error over the two reports that had one.
        #expect(m.testCount == 2 && m.testMinimum == 3 && m.testMaximum == 5 && m.testMean == 4)
        let noTestFirst = b.merged(with: c)
        #expect(noTestFirst.testMean == 3 && noTestFirst.testMinimum == 3 && noTestFirst.testCount == 1)
    }

    @Test func aLongRunKeepsItsStartAndItsExtremesInBoundedMemory() {
        var history = ErrorHistory(capacity: 16)
        for k in 0...10_000 {
            // A spike at report 5 000, the lowest point at the end.
            let error = k == 5_000 ? 100 : 10 - Double(k) / 1_001
            history.append(.init(iteration: k * 100, error: error, testError: error + 1))
        }
        #expect(history.buckets.count <= 16)
        #expect(history.buckets.first?.first == 0)
        #expect(history.buckets.first?.maximum == 10)
        #expect(history.buckets.last?.last == 1_000_000)
        #expect(history.buckets.map(\.maximum).max() == 100)
        #expect(history.buckets.map(\.testMaximum!).max() == 101)
        #expect(history.buckets.map(\.minimum).min() == 10 - 10_000.0 / 1_001)
        #expect(history.buckets.map(\.count).reduce(0, +) == 10_001)
        // Each bucket starts where the one before it ended.
        #expect(zip(history.buckets, history.buckets.dropFirst()).allSatisfy { $0.last < $1.first })
    }
}
