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
        while true {
            if let snapshot = session.channel.take(newerThan: version) {
                version = snapshot.version
                update(snapshot)
                if snapshot.state == .done || snapshot.state == .diverged { return (snapshot, false) }
            }
            if interrupted() {
                // Paused (or already ended): the first snapshot that is not running is the run's last state.
                session.send(.pause)
                while true {
                    if let newest = session.channel.newest, newest.state != .running { return (newest, true) }
                    Thread.sleep(forTimeInterval: 0.001)
                }
            }
            Thread.sleep(forTimeInterval: pause)
            pause = min(pause * 2, 0.05)
        }
    }
}
