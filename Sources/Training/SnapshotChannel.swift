import Synchronization
import SharedState

/// A latest-value channel: the producer replaces the one stored snapshot (holding the lock only for that
/// assignment); consumers take the newest one if it is newer than what they have. Newest wins, memory is
/// bounded to one snapshot, and the producer never waits for a consumer.
public final class SnapshotChannel: Sendable {
    private let latest = Guarded<Snapshot?>(nil)

    public init() {}

    public func publish(_ snapshot: Snapshot) {
        latest.withLock { $0 = snapshot }
    }

    /// The newest snapshot if its version is greater than `version`, else nil.
    public func take(newerThan version: Int) -> Snapshot? {
        latest.withLock { current in
            guard let current, current.version > version else { return nil }
            return current
        }
    }

    /// The newest snapshot, whatever its version.
    public var newest: Snapshot? { latest.withLock { $0 } }
}
