import Foundation
import NeuralCore
import TerminalUI
import Testing
import Training
@testable import Dashboard

/// Hints for known troubles: an oscillating error, a plateau, saturated units.
@Suite struct DiagnosisTests {
    static func snapshot(
        errors: [Double], accuracy: Double = 0.5, network: Network = Fixtures.tutorialNetwork,
        state: TrainingState = .running
    ) -> Snapshot {
        var s = Fixtures.snapshot(network: network, state: state, history: Fixtures.history(errors))
        s.trainingAccuracy = accuracy
        return s
    }

    static let swinging = (0..<20).map { $0 % 2 == 0 ? 3.0 : 1.5 }
    static let flat = (0..<20).map { 1.2 + Double($0 % 3) * 0.0001 }
    static let falling = (0..<20).map { 4.0 * pow(0.9, Double($0)) }

    @Test func anErrorThatSwingsSuggestsALowerLearningRate() {
        #expect(Diagnosis.of(Self.snapshot(errors: Self.swinging), training: .tutorial) == .oscillating)
    }

    /// Batch noise around a small mean: changes as large beside the mean as a bouncing loss's, signs flipping
    /// about two times in three, but each change not undoing the last: no hint, with mistakes left.
    @Test func swingsOfBatchNoiseAreJudgedAgainstThatNoise() {
        var generator = SeededGenerator(seed: 11)
        var noisy: [Double] = []
        for _ in 0..<20 { noisy.append(0.05 + 0.03 * (Double(generator.next() % 1_000) / 1_000 - 0.5)) }
        let recent = Array(noisy.suffix(Diagnosis.window))
        let steps = zip(recent, recent.dropFirst()).map { $1 - $0 }
        let mean = recent.reduce(0, +) / Double(recent.count)
        // As large as the old rule's threshold, so only their pattern tells them from a bouncing loss.
        #expect(steps.map(abs).reduce(0, +) / Double(steps.count) / mean > 0.15)
        #expect(!Diagnosis.alternates(steps))
        #expect(Diagnosis.of(Self.snapshot(errors: noisy, accuracy: 0.9), training: .tutorial) == nil)
        // A bounce between two levels with a little of that noise on top still alternates.
        let bouncing = (0..<20).map { (k: Int) -> Double in
            let level: Double = k % 2 == 0 ? 0.08 : 0.03
            return level + (noisy[k] - 0.05) * 0.2
        }
        #expect(Diagnosis.of(Self.snapshot(errors: bouncing, accuracy: 0.9), training: .tutorial) == .oscillating)
    }

    @Test func aFlatErrorWithMistakesLeftIsAPlateau() {
        #expect(Diagnosis.of(Self.snapshot(errors: Self.flat), training: .tutorial) == .plateau)
        // Flat with every instance right is simply done.
        #expect(Diagnosis.of(Self.snapshot(errors: Self.flat, accuracy: 1), training: .tutorial) == nil)
    }

    /// The most useful hint for learners: the test loss turning up while the training loss still falls.
    @Test func aTestLossRisingWhileTheTrainingLossFallsIsOverfitting() {
        let train = (0..<20).map { 1.0 - 0.02 * Double($0) }
        let rising = (0..<20).map { 1.0 + 0.03 * Double($0) }
        var s = Fixtures.snapshot(history: Fixtures.history(train, tests: rising))
        s.trainingAccuracy = 0.9
        #expect(Diagnosis.of(s, training: .tutorial) == .overfitting)
        #expect(Diagnosis.overfitting.hint.contains("overfitting"))
        // Both falling: no hint.
        let falling = Fixtures.snapshot(history: Fixtures.history(train, tests: train.map { $0 + 0.1 }))
        #expect(Diagnosis.of(falling, training: .tutorial) != .overfitting)
    }

    @Test func aFallingErrorNeedsNoHint() {
        #expect(Diagnosis.of(Self.snapshot(errors: Self.falling), training: .tutorial) == nil)
        // Nor does a short history, or a diverged run (the state word says it).
        #expect(Diagnosis.of(Self.snapshot(errors: Array(Self.swinging.prefix(5))), training: .tutorial) == nil)
        #expect(Diagnosis.of(Self.snapshot(errors: Self.swinging, state: .diverged), training: .tutorial) == nil)
    }

    @Test func hiddenUnitsPinnedAtTheirLimitsAreSaturated() {
        // Four sigmoid hidden units with weights of 40: every unit at 0 or 1 on the tutorial's inputs.
        let sizes = [2, 4, 1]
        let big = Network(
            sizes: sizes, hiddenActivation: .sigmoid,
            parameters: [40, 40, -40, -40, 40, 0, 0, -40, 0, 0, 0, 0, 1, 1, 1, 1, 0])
        #expect(
            Diagnosis.of(Self.snapshot(errors: Self.falling, network: big), training: .tutorial)
                == .saturated(units: 4, of: 4))
        // Small weights: nothing saturated. ReLU units are never counted.
        let small = Network(
            sizes: sizes, hiddenActivation: .sigmoid,
            parameters: Array(repeating: 0.05, count: Network.parameterCount(sizes: sizes)))
        #expect(Diagnosis.saturation(small, training: .tutorial) == nil)
        var relu = big
        relu.hiddenActivation = .relu
        #expect(Diagnosis.saturation(relu, training: .tutorial) == nil)
        // A confident single output unit is not a trouble.
        #expect(Diagnosis.saturation(Network(weights: [40, -40], bias: 0), training: .tutorial) == nil)
    }

    @Test func theHintTakesTheKeyHintsPlaceInTheStatusBar() {
        var state = Fixtures.state()
        state.snapshot = Self.snapshot(errors: Self.swinging)
        let line = render(state).lines.last!
        #expect(line.contains("hint: the error swings up and down"), "\(line)")
        #expect(!line.contains("? help"))
        state.snapshot = Self.snapshot(errors: Self.falling)
        #expect(render(state).lines.last!.contains("? help"))
    }
}
