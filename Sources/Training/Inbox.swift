import Dispatch
import SharedState
import Synchronization

/// Where commands wait for the training loop: any thread appends, the loop drains them in the order sent.
/// Sending also wakes the loop if it is asleep (paused, or waiting for its next paced step).
final class Inbox: Sendable {
    private let commands = Guarded<[TrainingCommand]>([])
    private let bell = DispatchSemaphore(value: 0)
    private let waiting = Atomic<Bool>(false)

    func send(_ command: TrainingCommand) {
        commands.withLock { $0.append(command) }
        waiting.store(true, ordering: .releasing)
        bell.signal()
    }

    /// True when a command was sent since the last drain: cheap enough to ask in the middle of a long step.
    var hasCommands: Bool { waiting.load(ordering: .acquiring) }

    /// Everything sent since the last drain, oldest first.
    func drain() -> [TrainingCommand] {
        waiting.store(false, ordering: .releasing)
        return commands.withLock { box in
            let taken = box
            box.removeAll(keepingCapacity: true)
            return taken
        }
    }

    /// Sleeps until a command arrives.
    func wait() { bell.wait() }

    /// Sleeps until a command arrives or `seconds` pass.
    func wait(seconds: Double) {
        _ = bell.wait(timeout: .now() + .nanoseconds(Int(seconds * 1e9)))
    }
}
