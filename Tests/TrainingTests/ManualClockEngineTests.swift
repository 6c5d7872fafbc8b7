import NeuralCore
import Testing
@testable import Training

/// The engine driven tick by tick on a clock moved by hand: pacing, publishing, rate measurement and command
/// latency are exact, and no test sleeps.
@Suite struct ManualClockEngineTests {
    final class Bench {
        let clock = ManualClock()
        let inbox = Inbox()
        let channel = SnapshotChannel()
        let engine: Engine

        init(speed: Speed = .perSecond(100), paused: Bool = false, limit: Int? = nil) {
            engine = Engine(
                configuration: SessionConfiguration(
                    training: .tutorial, iterationLimit: limit, speed: speed,
                    startPaused: paused),
                inbox: inbox, channel: channel, clock: clock)
        }

        var newest: Snapshot { channel.newest! }

        /// Ticks until `span` has passed on the clock: a tick that has work moves it by `work`, a wait moves it to
        /// the time asked for. Stops early when the engine sleeps (nothing to do until a command).
        @discardableResult
        func run(for span: Duration, work: Duration = .zero) -> Engine.Next {
            let end = clock.now + span
            while true {
                let next = engine.tick()
                switch next {
                case .work:
                    if clock.now >= end { return next }
                    clock.advance(by: work)
                case .wait(let time):
                    guard time < end else {
                        clock.advance(by: end - clock.now)
                        return next
                    }
                    clock.advance(by: max(time - clock.now, .nanoseconds(1)))
                case .sleep, .stopped:
                    return next
                }
            }
        }
    }

    /// Guards the pace: exactly rate × t iterations at every rate (it was asserted within 10 % by sleeping).
    @Test(arguments: [100.0, 1_000, 100_000, 1e9])
    func aPacedRunTakesExactlyItsSteps(rate: Double) {
        let bench = Bench(speed: .perSecond(rate))
        bench.run(for: .seconds(of: min(0.01, 1_000 / rate)))  // under way first: at most 1 000 steps
        let seconds = min(1, 10_000 / rate)  // then at most 10 000
        let before = bench.engine.trainer.iteration
        bench.run(for: .seconds(of: seconds))
        #expect(bench.engine.trainer.iteration - before == Int(rate * seconds))
    }

    /// A stall (the clock jumps two seconds) starts the pace afresh rather than bursting to catch up. (`run`
    /// stops before the end instant: steps at 1 ms … 999 ms, then at 3.001 s … 3.099 s.)
    @Test func aStallDoesNotBurst() {
        let bench = Bench(speed: .perSecond(1_000))
        bench.run(for: .seconds(1))
        #expect(bench.engine.trainer.iteration == 999)
        bench.clock.advance(by: .seconds(2))
        bench.run(for: .milliseconds(100))
        #expect(bench.engine.trainer.iteration == 999 + 99)
    }

    /// At most one snapshot each 16.7 ms while running: with ticks 1 ms apart, one every 17 ms.
    @Test func publishesAboutSixtyTimesASecond() {
        let bench = Bench(speed: .perSecond(100_000))
        bench.run(for: .milliseconds(1), work: .milliseconds(1))
        let first = bench.newest.version
        bench.run(for: .seconds(1), work: .milliseconds(1))
        #expect(bench.newest.version - first == 1000 / 17)
    }

    /// The rate is measured over quarter-second windows of the clock.
    @Test func theMeasuredRateIsThePace() {
        let bench = Bench(speed: .perSecond(4_000))
        bench.run(for: .seconds(1), work: .milliseconds(1))
        bench.run(for: .milliseconds(30), work: .milliseconds(1))
        #expect(abs(bench.newest.stepsPerSecond - 4_000) < 4_000 * 0.01, "\(bench.newest.stepsPerSecond)")
    }

    /// A command is applied on the next tick and published at once; a paused engine sleeps, and its iteration
    /// holds however long the clock runs.
    @Test func pauseTakesEffectOnTheNextTickAndHolds() {
        let bench = Bench(speed: .perSecond(1_000))
        bench.run(for: .milliseconds(500))
        let versionBefore = bench.newest.version
        bench.inbox.send(.pause)
        #expect(bench.engine.tick() == .sleep)
        #expect(bench.newest.state == .paused && bench.newest.version > versionBefore)
        let held = bench.newest.iteration
        bench.clock.advance(by: .seconds(60))
        #expect(bench.engine.tick() == .sleep)
        #expect(bench.newest.iteration == held)
    }

    /// n steps while paused, exactly, then the engine sleeps again.
    @Test(arguments: [1, 7, 100, 12_345])
    func stepTakesExactlyN(n: Int) {
        let bench = Bench(paused: true)
        #expect(bench.run(for: .seconds(1)) == .sleep)
        #expect(bench.newest.iteration == 0)
        bench.inbox.send(.step(n))
        #expect(bench.run(for: .seconds(10)) == .sleep)
        #expect(bench.newest.iteration == n && bench.newest.state == .paused)
    }

    /// The limit ends the run DONE on the clock's time, and stop ends the engine.
    @Test func theLimitEndsTheRunAndStopEndsTheEngine() {
        let bench = Bench(speed: .perSecond(1_000), limit: 250)
        #expect(bench.run(for: .seconds(2)) == .sleep)
        #expect(bench.newest.state == .done && bench.newest.iteration == 250)
        bench.inbox.send(.stop)
        #expect(bench.engine.tick() == .stopped)
    }
}
