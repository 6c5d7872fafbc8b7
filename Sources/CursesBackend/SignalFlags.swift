import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The last termination signal received (SIGTERM, SIGHUP, SIGINT), or 0. Signal handlers only store here;
/// the main loop sees it, restores the terminal, and exits.
let pendingSignal = Atomic<Int32>(0)

enum SignalFlags {
    static func install() {
        for sig in [SIGTERM, SIGHUP, SIGINT] {
            signal(sig) { received in pendingSignal.store(received, ordering: .relaxed) }
        }
    }

    /// The signal to exit for, if one arrived.
    static var received: Int32? {
        let value = pendingSignal.load(ordering: .relaxed)
        return value == 0 ? nil : value
    }
}
