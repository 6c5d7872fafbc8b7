import TerminalUI
import Training

/// Training progress on stderr: a redrawn bar when stderr is a terminal, otherwise a plain line every few
/// seconds (so logs stay readable).
struct Progress {
    let total: Int
    let interactive = Terminal.isTerminal(2)
    private let start = ContinuousClock.now
    private var lastDraw = ContinuousClock.now
    private var drewBar = false

    init(total: Int) { self.total = total }

    mutating func update(iteration: Int) {
        let now = ContinuousClock.now
        let interval: Duration = interactive ? .milliseconds(100) : .seconds(5)
        guard now - lastDraw >= interval, iteration < total else { return }
        lastDraw = now
        let fraction = Double(iteration) / Double(total)
        let rate = Double(iteration) / max((now - start).seconds, 1e-9)
        if interactive {
            let width = 30, filled = Int(fraction * Double(width))
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
            Terminal.writeError("\r\(bar) \(Int(fraction * 100))%  \(iteration)/\(total)  \(Format.rate(rate)) it/s")
            drewBar = true
        } else {
            Terminal.writeError(
                "nntop: iteration \(iteration)/\(total) (\(Int(fraction * 100))%), \(Format.rate(rate)) it/s\n")
        }
    }

    mutating func finish() {
        if drewBar { Terminal.writeError("\r\u{1B}[K") }
    }
}
