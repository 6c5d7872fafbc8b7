import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// The last SIGINT, SIGTERM or SIGHUP `nntop train` received, or 0. The handler only stores here; the run then
/// stops, writes what it was asked to (`--save`, `--history`, `--json`) and exits 128 + the signal.
let pendingInterruption = Atomic<Int32>(0)

enum Interruption {
    static func install() {
        var set = sigset_t()
        sigemptyset(&set)
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            signal(sig) { received in pendingInterruption.store(received, ordering: .relaxed) }
            sigaddset(&set, sig)
        }
        // A process started with these blocked (a parent's mask is inherited) would never see them.
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }

    /// The signal received, if any.
    static var received: Int32? {
        let value = pendingInterruption.load(ordering: .relaxed)
        return value == 0 ? nil : value
    }
}
