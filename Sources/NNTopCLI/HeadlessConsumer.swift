import Foundation
import Training

/// Reads a session's snapshots without a screen, as `nntop train` does.
enum HeadlessConsumer {
    /// Polls the channel (backing off from 1 ms to 50 ms) until the session is DONE or DIVERGED, or `interrupted`
    /// answers true, calling `update` with each new snapshot; returns the last one and whether it was interrupted.
    static func waitForEnd(
        of session: TrainingSession, interrupted: () -> Bool = { false }, update: (Snapshot) -> Void
    ) -> (snapshot: Snapshot, interrupted: Bool) {
        var version = 0
        var pause = 0.001
        var latest: Snapshot?
        while true {
            if let snapshot = session.channel.take(newerThan: version) {
                version = snapshot.version
                latest = snapshot
                update(snapshot)
                if snapshot.state == .done || snapshot.state == .diverged { return (snapshot, false) }
            }
            if interrupted() {
                // The newest published state; the session publishes its first snapshot at once.
                session.send(.pause)
                while true {
                    if let newest = session.channel.take(newerThan: version), newest.state != .running {
                        return (newest, true)
                    }
                    if let latest, session.channel.newest?.version == latest.version, latest.state != .running {
                        return (latest, true)
                    }
                    Thread.sleep(forTimeInterval: 0.001)
                }
            }
            Thread.sleep(forTimeInterval: pause)
            pause = min(pause * 2, 0.05)
        }
    }
}
