import NeuralCore
import TerminalUI
import Testing
import Training
@testable import Dashboard

/// The program loop on a screen in memory and a clock moved by hand: quitting, notice expiry, redrawing only
/// when something changed, suspend, signals, snapshots and commands — exact, with no terminal and no sleep.
@Suite struct ProgramLoopTests {
    /// A script of input: an event, or nothing for a while (every read then waits its whole timeout).
    enum Step {
        case event(InputEvent)
        case idle(Duration)
        case signal(Int32)
    }

    final class MemoryScreen: Screen {
        let clock: ManualClock
        var script: [Step]
        var size = Size(width: 120, height: 40)
        var frames: [(time: Duration, text: String)] = []
        var suspended = 0
        var pendingSignal: Int32?
        private var idleUntil: Duration?

        init(clock: ManualClock, script: [Step]) {
            self.clock = clock
            self.script = script
        }

        func draw(_ buffer: Buffer) { frames.append((clock.now, buffer.text)) }

        func read(timeoutMilliseconds: Int32) -> InputEvent? {
            while true {
                if let until = idleUntil {
                    if clock.now < until {
                        clock.advance(by: min(.milliseconds(Int64(timeoutMilliseconds)), until - clock.now))
                        return nil
                    }
                    idleUntil = nil
                }
                guard !script.isEmpty else {
                    // Out of script: quit, so the loop ends.
                    return .key(.character("q"))
                }
                switch script.removeFirst() {
                case .event(let event): return event
                case .idle(let span): idleUntil = clock.now + span
                case .signal(let signal):
                    pendingSignal = signal
                    return nil
                }
            }
        }

        func suspend() { suspended += 1 }
    }

    final class FakeTrainer: TrainerLink {
        var sent: [TrainingCommand] = []
        var offered: [Snapshot] = []
        func send(_ command: TrainingCommand) { sent.append(command) }
        func snapshot(newerThan version: Int) -> Snapshot? {
            guard let first = offered.first, first.version > version else { return nil }
            offered.removeFirst()
            return first
        }
    }

    struct NoHost: DashboardHosting {
        var performed: [DashboardRequest] = []
        mutating func perform(_ request: DashboardRequest, state: DashboardState)
            -> (events: [DashboardEvent], commands: [TrainingCommand])
        {
            performed.append(request)
            return ([.notice(.news("did \(request)"))], [])
        }
    }

    static func loop(
        _ script: [Step], snapshot: Snapshot? = Fixtures.snapshot(),
        notice: Notice? = nil
    ) -> (ProgramLoop<MemoryScreen, FakeTrainer, NoHost>, MemoryScreen, FakeTrainer) {
        let clock = ManualClock()
        let screen = MemoryScreen(clock: clock, script: script)
        let trainer = FakeTrainer()
        if let snapshot { trainer.offered = [snapshot] }
        var state = Fixtures.state(snapshot: nil)
        state.notice = notice
        return (
            ProgramLoop(screen: screen, trainer: trainer, host: NoHost(), state: state, clock: clock), screen, trainer
        )
    }

    @Test func qQuitsAndTheFirstSnapshotIsDrawnAtOnce() {
        var (loop, screen, _) = Self.loop([.event(.key(.character("q")))])
        #expect(loop.run() == .quit)
        #expect(screen.frames.first?.time == .zero)
        #expect(screen.frames.contains { $0.text.contains("RUNNING") })
    }

    /// Nothing changes: after the first frames, nothing is drawn for a whole minute.
    @Test func nothingIsRedrawnWhenNothingChanged() {
        var (loop, screen, _) = Self.loop([.idle(.seconds(60))])
        _ = loop.run()
        let drawnLate = screen.frames.filter { $0.time > .seconds(1) && $0.time < .seconds(60) }
        #expect(drawnLate.isEmpty, "\(drawnLate.map(\.time))")
        #expect(screen.frames.count <= 2)
    }

    /// A problem stays 10 s, then the figures come back without a key (it was tested by waiting ten seconds).
    @Test func aProblemGivesWayToTheFiguresAfterTenSeconds() throws {
        var (loop, screen, _) = Self.loop([.idle(.seconds(12))], notice: .problem("the disk is full"))
        _ = loop.run()
        let withNotice = screen.frames.filter { $0.text.contains("the disk is full") }.map(\.time)
        let without = screen.frames.filter { !$0.text.contains("the disk is full") }.map(\.time)
        #expect(withNotice.first == .zero)
        #expect(withNotice.allSatisfy { $0 < .seconds(10) })
        let back = try #require(without.first { $0 >= .seconds(10) }, "\(without)")
        #expect(back < .seconds(10) + .milliseconds(40), "\(without)")
    }

    @Test func keysReachTheTrainerAndAreDrawnAtOnce() {
        var (loop, screen, trainer) = Self.loop([
            .idle(.milliseconds(500)), .event(.key(.character(" "))),
            .idle(.milliseconds(500))
        ])
        _ = loop.run()
        #expect(trainer.sent == [.pause])
        #expect(screen.frames.contains { $0.time == .milliseconds(500) })
    }

    @Test func ctrlZSuspendsAndRedraws() {
        var (loop, screen, _) = Self.loop([
            .idle(.milliseconds(100)), .event(.key(.control("z"))), .idle(.milliseconds(100))
        ])
        _ = loop.run()
        #expect(screen.suspended == 1)
        #expect(screen.frames.contains { $0.time == .milliseconds(100) })
    }

    @Test func aSignalEndsTheLoopWithIt() {
        var (loop, _, _) = Self.loop([.idle(.milliseconds(200)), .signal(15)])
        #expect(loop.run() == .signal(15))
    }

    @Test func requestsAreCarriedOutByTheHostBetweenFrames() {
        var (loop, screen, _) = Self.loop([
            .idle(.milliseconds(100)), .event(.key(.character("s"))), .idle(.milliseconds(100))
        ])
        _ = loop.run()
        #expect(screen.frames.contains { $0.text.contains("did saveModel") })
    }

    /// s then q typed together: the save is still carried out, then the loop ends.
    @Test func aRequestTypedJustBeforeQuittingIsCarriedOut() {
        var (loop, _, _) = Self.loop([
            .idle(.milliseconds(100)), .event(.key(.character("s"))), .event(.key(.character("q")))
        ])
        #expect(loop.run() == .quit)
        #expect(loop.host.performed == [.saveModel])
    }
}
