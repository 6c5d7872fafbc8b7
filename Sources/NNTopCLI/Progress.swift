#if canImport(Glibc)
    import Glibc
#endif
import Training

/// Training progress on stderr: a redrawn line (bar, loss, rate, time left) when stderr is a terminal, otherwise
/// a plain line every few seconds (so logs stay readable). The text is `ProgressLine`'s.
struct Progress {
    let total: Int
    /// A terminal that can redraw a line: not a file or pipe, and not TERM=dumb (which shows escapes as text).
    let interactive = Terminal.isTerminal(2) && Terminal.canRedraw
    private let start = ContinuousClock.now
    private var lastDraw = ContinuousClock.now
    private var drewBar = false

    init(total: Int) { self.total = total }

    mutating func update(_ snapshot: Snapshot) {
        let now = ContinuousClock.now
        let interval: Duration = interactive ? .milliseconds(100) : .seconds(5)
        guard now - lastDraw >= interval, snapshot.iteration < total else { return }
        lastDraw = now
        let line = ProgressLine(
            iteration: snapshot.iteration, total: total, elapsed: (now - start).seconds, loss: snapshot.trainingLoss)
        if interactive {
            Terminal.writeError("\r\(line.bar(columns: Self.columns()))\u{1B}[K")
            drewBar = true
        } else {
            Terminal.writeError(line.logLine + "\n")
        }
    }

    mutating func finish() {
        if drewBar { Terminal.writeError("\r\u{1B}[K") }
    }

    /// The terminal's width on stderr, or 80 when it does not say.
    static func columns() -> Int {
        var size = winsize()
        guard ioctl(2, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
        return Int(size.ws_col)
    }
}
