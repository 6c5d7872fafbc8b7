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

    /// Back to the default actions (the dashboard did not open after all); a signal already caught ends the
    /// process by it now.
    static func uninstall() {
        for sig in [SIGTERM, SIGHUP, SIGINT] { signal(sig, SIG_DFL) }
        if let sig = received { raise(sig) }
    }

    /// The signal to exit for, if one arrived.
    static var received: Int32? {
        let value = pendingSignal.load(ordering: .relaxed)
        return value == 0 ? nil : value
    }
}
