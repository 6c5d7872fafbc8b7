import CNCurses
#if canImport(Glibc)
    import Glibc
#endif

/// Last resort for fatal signals (a trap, an abort, a bad access): hand the terminal back before the process
/// dies, then let the signal take its normal course.
enum CrashRestore {
    static func install() {
        for sig in [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE] {
            signal(sig) { received in
                endwin()
                signal(received, SIG_DFL)
                raise(received)
            }
        }
    }
}
