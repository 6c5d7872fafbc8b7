import NeuralCore
import TerminalUI
import Training

/// The trainer as the program loop reaches it: commands in, the newest snapshot out.
public protocol TrainerLink {
    func send(_ command: TrainingCommand)
    func snapshot(newerThan version: Int) -> Snapshot?
}

extension TrainingSession: TrainerLink {
    public func snapshot(newerThan version: Int) -> Snapshot? { channel.take(newerThan: version) }
}

/// What the program around the dashboard does for it: writes files, draws data again.
public protocol DashboardHosting {
    mutating func perform(_ request: DashboardRequest, state: DashboardState)
        -> (events: [DashboardEvent], commands: [TrainingCommand])
}

/// The dashboard's program loop: read input (blocking, with a timeout), update the state, take the newest
/// snapshot, carry out the effects `update` returns (commands to the trainer, requests to the host, quitting),
/// and draw when something changed — at most about 30 frames a
/// second, at once after a key. Time comes from `clock`; the screen, the trainer and the host are whatever is
/// passed in, so tests run it on a screen in memory and a clock moved by hand.
public struct ProgramLoop<S: Screen, T: TrainerLink, H: DashboardHosting> {
    public static var frameInterval: Duration { .milliseconds(33) }

    /// How the loop ended.
    public enum End: Equatable {
        case quit
        /// A termination signal arrived: the caller ends the process by it.
        case signal(Int32)
    }

    let screen: S
    let trainer: T
    var host: H
    public private(set) var state: DashboardState
    let clock: any EngineClock
    /// Requests `update` returned, carried out once the keys already typed are handled.
    private var requests: [DashboardRequest] = []
    /// Set by a `.quit` effect: the loop ends once the requests before it are carried out.
    private var quitting = false

    public init(screen: S, trainer: T, host: H, state: DashboardState, clock: any EngineClock) {
        self.screen = screen
        self.trainer = trainer
        self.host = host
        self.state = state
        self.clock = clock
    }

    public mutating func run() -> End {
        var version = 0
        var dirty = true
        var urgent = true
        var lastDraw = clock.now - .seconds(1)
        var awaitingSnapshot = true
        // When the notice on screen went up: keys and the host's events may put one up; after its lifetime the
        // figures come back without a key.
        var noticeShown: (notice: Notice, since: Duration)?
        while !quitting {
            if let notice = state.notice {
                if noticeShown?.notice != notice { noticeShown = (notice, clock.now) }
                if let shown = noticeShown, clock.now - shown.since >= notice.lifetime {
                    apply(.noticeExpired)
                    noticeShown = nil
                    dirty = true
                    urgent = true
                }
            } else {
                noticeShown = nil
            }
            // A signal is looked at before each snapshot and each frame, so it waits for at most one frame.
            if let signal = screen.pendingSignal { return .signal(signal) }
            if let snapshot = trainer.snapshot(newerThan: version) {
                version = snapshot.version
                apply(.snapshot(snapshot))
                dirty = true
                if awaitingSnapshot { urgent = true }
                awaitingSnapshot = false
            }
            if let signal = screen.pendingSignal { return .signal(signal) }
            let now = clock.now
            if dirty, urgent || now - lastDraw >= Self.frameInterval {
                screen.draw(render(state))
                lastDraw = now
                dirty = false
                urgent = false
            }
            // Block for input: briefly while a command's effect is due, until the next frame when one is
            // pending, otherwise a frame's length (no busy loop; a paused dashboard sleeps here).
            let wait: Duration =
                awaitingSnapshot
                ? .milliseconds(2)
                : dirty ? max(Self.frameInterval - (clock.now - lastDraw), .milliseconds(1)) : Self.frameInterval
            var timeout = Int32(wait.wholeMilliseconds)
            // Take every key already typed before drawing again, so fast typing never queues up frames.
            var handled = 0
            while handled < 256, let event = screen.read(timeoutMilliseconds: timeout) {
                timeout = 0
                handled += 1
                if handle(event) { awaitingSnapshot = true }
                noticeShown = nil  // a key that puts up the same notice again starts its time afresh
                dirty = true
                urgent = true
                if quitting { break }
            }
            // Files and data the user asked for: made here, on the main thread, between frames.
            while !requests.isEmpty {
                let (events, commands) = host.perform(requests.removeFirst(), state: state)
                for event in events where apply(event) { awaitingSnapshot = true }
                noticeShown = nil
                for command in commands { trainer.send(command) }
                if !commands.isEmpty { awaitingSnapshot = true }
                dirty = true
                urgent = true
            }
        }
        return .quit
    }

    /// Applies one input event; true when it sent commands to the trainer.
    private mutating func handle(_ event: InputEvent) -> Bool {
        switch event {
        case .resize(let size):
            return apply(.resize(size))
        case .key(.control("z")):
            screen.suspend()
            return apply(.resize(screen.size))
        case .key(let key):
            return apply(.key(key))
        }
    }

    /// Updates the state by `event` and carries out the effects: commands go to the trainer at once, requests
    /// wait for the end of the keys typed, quitting ends the loop after them. True when a command was sent.
    @discardableResult
    private mutating func apply(_ event: DashboardEvent) -> Bool {
        var sent = false
        for effect in update(&state, event) {
            switch effect {
            case .command(let command):
                trainer.send(command)
                sent = true
            case .request(let request):
                requests.append(request)
            case .quit:
                quitting = true
            }
        }
        return sent
    }
}
