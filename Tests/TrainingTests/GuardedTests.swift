import Dispatch
import Testing
@testable import Training
import SharedState

/// The lock around shared state: exclusive, and visible to ThreadSanitizer (CI runs these tests under it and
/// fails on any report, which a bare `Synchronization.Mutex` gives for this very test).
@Suite struct GuardedTests {
    @Test func twoThreadsNeverLoseAnUpdate() {
        let shared = Guarded<[Int]>([])
        let group = DispatchGroup()
        for thread in 0..<2 {
            DispatchQueue.global().async(group: group) { @Sendable in
                for i in 0..<50_000 { shared.withLock { $0.append(thread * 50_000 + i) } }
            }
        }
        group.wait()
        let all = shared.withLock { $0 }
        #expect(all.count == 100_000)
        #expect(Set(all).count == 100_000)
    }
}
