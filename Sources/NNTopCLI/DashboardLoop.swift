import CursesBackend
import Dashboard
import TerminalUI
import Training

/// The dashboard's main-thread loop: read a key (blocking, with a timeout), update the state, take the newest
/// snapshot, and draw when something changed — at most about 30 frames a second, at once after a key.
struct DashboardLoop {
    static let frameInterval: Duration = .milliseconds(33)
    /// How long quitting waits for the trainer to finish what it is doing (a report on large data can take
    /// longer); then the program ends without it.
    static let quitWait: Duration = .milliseconds(20)

    let screen: CursesScreen
    let session: TrainingSession
    var host: DashboardHost
    var state: DashboardState

    /// Runs until the user quits; returns the last snapshot seen. A termination signal restores the terminal
    /// and ends the process by that signal.
    mutating func run() -> Snapshot? {
        let clock = ContinuousClock()
        var version = 0
        var dirty = true
        var urgent = true
        var lastDraw = clock.now - .seconds(1)
        var awaitingSnapshot = true
        // When the notice on screen went up: keys and the host's events may put one up; after its lifetime the
        // figures come back without a key.
        var noticeShown: (notice: Notice, since: ContinuousClock.Instant)?
        while !state.quit {
            if let notice = state.notice {
                if noticeShown?.notice != notice { noticeShown = (notice, clock.now) }
                if let shown = noticeShown, clock.now - shown.since >= notice.lifetime {
                    _ = update(&state, .noticeExpired)
                    noticeShown = nil
                    dirty = true
                    urgent = true
                }
            } else {
                noticeShown = nil
            }
            honourSignal()
            if let snapshot = session.channel.take(newerThan: version) {
                version = snapshot.version
                _ = update(&state, .snapshot(snapshot))
                dirty = true
                if awaitingSnapshot { urgent = true }
                awaitingSnapshot = false
            }
            honourSignal()
            let now = clock.now
            if dirty, urgent || now - lastDraw >= Self.frameInterval {
                screen.draw(render(state))
                lastDraw = now
                dirty = false
                urgent = false
            }
            // Block for input: briefly while a command's effect is due, until the next frame when one is
            // pending, otherwise a frame's length (no busy loop; a paused dashboard sleeps here).
            let wait: Duration = awaitingSnapshot ? .milliseconds(2)
                : dirty ? max(Self.frameInterval - (clock.now - lastDraw), .milliseconds(1)) : Self.frameInterval
            var timeout = Int32(wait.components.seconds * 1000 + wait.components.attoseconds / 1_000_000_000_000_000)
            // Take every key already typed before drawing again, so fast typing never queues up frames.
            var handled = 0
            while handled < 256, let event = screen.read(timeoutMilliseconds: timeout) {
                timeout = 0
                handled += 1
                if handle(event) { awaitingSnapshot = true }
                noticeShown = nil   // a key that puts up the same notice again starts its time afresh
                dirty = true
                urgent = true
                if state.quit { break }
            }
            // Files and data the user asked for: made here, on the main thread, between frames.
            while !state.requests.isEmpty {
                let (events, commands) = host.perform(state.requests.removeFirst(), state: state)
                for event in events { _ = update(&state, event) }
                noticeShown = nil
                for command in commands { session.send(command) }
                if !commands.isEmpty { awaitingSnapshot = true }
                dirty = true
                urgent = true
            }
        }
        return state.snapshot
    }

    /// A termination signal received since the last look ends the program now, the terminal restored: looked
    /// at before each snapshot is taken and before each frame, so a signal waits for at most one frame.
    private func honourSignal() {
        guard let signal = screen.pendingSignal else { return }
        session.stop(waitingAtMost: Self.quitWait)
        screen.exit(bySignal: signal)
    }

    /// Applies one input event; true when it sent commands to the trainer.
    private mutating func handle(_ event: InputEvent) -> Bool {
        switch event {
        case .resize(let size):
            _ = update(&state, .resize(size))
            return false
        case .key(.control("z")):
            screen.suspend()
            _ = update(&state, .resize(screen.size))
            return false
        case .key(let key):
            let commands = update(&state, .key(key))
            for command in commands { session.send(command) }
            return !commands.isEmpty
        }
    }
}
