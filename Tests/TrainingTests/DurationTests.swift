import Testing
import Training

/// Durations as numbers, converted in one place (`Engine/EngineClock.swift`).
@Suite struct DurationTests {
    @Test func durationsAsNumbers() {
        #expect(Duration.milliseconds(33).wholeMilliseconds == 33)
        #expect((Duration.milliseconds(33) + .microseconds(900)).wholeMilliseconds == 33)
        #expect(Duration.seconds(2).wholeNanoseconds == 2_000_000_000)
        #expect(Duration.milliseconds(1500).seconds == 1.5)
    }
}
