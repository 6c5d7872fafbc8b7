import Dispatch
import SharedState
import NeuralCore
import Synchronization

/// A network training on its own serial Dispatch queue. Send commands from any thread; read the newest
/// `Snapshot` from `channel`. The session never waits on a consumer.
public final class TrainingSession: Sendable {
    public let channel = SnapshotChannel()
    private let inbox = Inbox()
    private let queue = DispatchQueue(label: "nntop.training", qos: .userInitiated)
    private let finished = DispatchSemaphore(value: 0)
    private let log = Guarded<[Trainer.Report]>([])
    private let started = Atomic<Bool>(false)
    private let configuration: SessionConfiguration
    private let clock: any EngineClock

    public init(_ configuration: SessionConfiguration, clock: any EngineClock = SystemClock()) {
        self.configuration = configuration
        self.clock = clock
    }

    /// Starts training on the session's queue. The first snapshot is published before any step.
    public func start() {
        guard !started.exchange(true, ordering: .acquiringAndReleasing) else { return }
        let configuration = self.configuration
        queue.async { [self] in
            let engine = Engine(configuration: configuration, inbox: inbox, channel: channel, clock: clock)
            run(engine)
            let reports = engine.fullLog
            log.withLock { $0 = reports }
            finished.signal()
        }
    }

    /// Ticks the engine until it stops, waiting on the inbox between ticks as long as it asks.
    private func run(_ engine: Engine) {
        while true {
            switch engine.tick() {
            case .work: continue
            case .wait(let time): inbox.wait(seconds: (time - clock.now).seconds)
            case .sleep: inbox.wait()
            case .stopped: return
            }
        }
    }

    /// Queues a command; it takes effect within one chunk (a few milliseconds).
    public func send(_ command: TrainingCommand) {
        inbox.send(command)
    }

    /// Stops the session and waits until its loop has returned.
    public func stop() {
        send(.stop)
        if started.load(ordering: .acquiring) {
            finished.wait()
            finished.signal()  // later callers return at once
        }
    }

    /// Stops the session and waits for its loop at most `limit`: true when it returned in time. For a program
    /// about to end, which must not wait on a long evaluation; the loop's thread ends with the process.
    @discardableResult
    public func stop(waitingAtMost limit: Duration) -> Bool {
        send(.stop)
        guard started.load(ordering: .acquiring) else { return true }
        let deadline = DispatchTime.now() + .nanoseconds(Int(limit.wholeNanoseconds))
        guard finished.wait(timeout: deadline) == .success else { return false }
        finished.signal()
        return true
    }

    /// Every report of the run (only with `keepFullLog`), available after `stop()`.
    public var fullLog: [Trainer.Report] { log.withLock { $0 } }
}
