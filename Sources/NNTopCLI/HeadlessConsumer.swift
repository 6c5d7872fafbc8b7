import Foundation
import Training

/// Reads a session's snapshots without a screen, as `nntop train` does.
enum HeadlessConsumer {
    /// Polls the channel (backing off from 1 ms to 50 ms) until the session is DONE or DIVERGED, calling
    /// `update` with each new snapshot, and returns the last one.
    static func waitForEnd(of session: TrainingSession, update: (Snapshot) -> Void) -> Snapshot {
        var version = 0
        var pause = 0.001
        while true {
            if let snapshot = session.channel.take(newerThan: version) {
                version = snapshot.version
                update(snapshot)
                if snapshot.state == .done || snapshot.state == .diverged { return snapshot }
            }
            Thread.sleep(forTimeInterval: pause)
            pause = min(pause * 2, 0.05)
        }
    }
}
