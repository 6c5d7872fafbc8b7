import Foundation
import Testing
import NeuralCore
@testable import Training

/// Commands from any thread, applied in the order sent, seen within a chunk.
@Suite struct CommandTests {
    @Test(arguments: [1, 7, 100, 12_345])
    func stepAdvancesExactlyN(n: Int) throws {
        let session = tutorialSession(paused: true)
        session.start()
        defer { session.stop() }
        let before = try #require(waitFor(session) { $0.state == .paused })
        session.send(.step(n))
        let after = try #require(waitFor(session) { $0.iteration == before.iteration + n })
        #expect(after.state == .paused)
    }

    /// The one real-time smoke test of the engine on its own queue and the system clock (the timing itself is
    /// tested exactly on a manual clock: ManualClockEngineTests).
    @Test func pauseHoldsTheIterationStill() throws {
        let session = tutorialSession()
        session.start()
        defer { session.stop() }
        _ = waitFor(session) { $0.iteration > 1000 }
        let sent = ContinuousClock.now
        session.send(.pause)
        let paused = try #require(waitFor(session) { $0.state == .paused })
        let latency = ContinuousClock.now - sent
        print("pause latency: \(latency)")
        #expect(latency < .milliseconds(100))
        for _ in 0..<10 {
            Thread.sleep(forTimeInterval: 0.02)
            #expect(session.channel.newest?.iteration == paused.iteration)
        }
    }

    @Test func commandsTakeEffectInTheOrderSent() throws {
        let session = tutorialSession(paused: true)
        session.start()
        defer { session.stop() }
        _ = waitFor(session) { $0.state == .paused }
        // 0.05 is between rungs: up goes to 0.1, then up 0.3, down 0.1, then a hand-set 2, up to 3.
        session.send(.setLearningRate(0.05))
        session.send(.learningRateUp)
        session.send(.learningRateUp)
        session.send(.learningRateDown)
        session.send(.setLearningRate(2))
        session.send(.learningRateUp)
        let s = try #require(waitFor(session) { $0.learningRate == 3 })
        let rates: [Double] = s.events.compactMap {
            if case .learningRate(_, let to) = $0.kind { return to } else { return nil }
        }
        #expect(rates == [0.05, 0.1, 0.3, 0.1, 2, 3])
    }

    @Test func doneAtTheLimitAndContinuingPastIt() throws {
        let session = tutorialSession(limit: 5_000)
        session.start()
        defer { session.stop() }
        let done = try #require(waitFor(session) { $0.state == .done })
        #expect(done.iteration == 5_000)
        session.send(.resume)
        let past = try #require(waitFor(session) { $0.iteration > 5_000 && $0.state == .running })
        #expect(past.limit == nil)
    }
}

@Suite struct LadderTests {
    @Test func upAndDownVisitEveryRungAndClamp() {
        var rate = LearningRateLadder.rungs[0]
        var seen = [rate]
        for _ in 0..<12 { rate = LearningRateLadder.up(from: rate); seen.append(rate) }
        #expect(Array(seen.prefix(11)) == LearningRateLadder.rungs)
        #expect(seen.last == 10)
        for _ in 0..<12 { rate = LearningRateLadder.down(from: rate) }
        #expect(rate == 0.00001)
    }

    @Test func handSetValuesStepToTheirNeighbours() {
        #expect(LearningRateLadder.up(from: 0.05) == 0.1)
        #expect(LearningRateLadder.down(from: 0.05) == 0.03)
        #expect(LearningRateLadder.up(from: 5) == 10)
        #expect(LearningRateLadder.down(from: 5) == 3)
    }
}
