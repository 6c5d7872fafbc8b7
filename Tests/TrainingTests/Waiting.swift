import Foundation
import NeuralCore
import Training

/// Polls the session's channel until a snapshot satisfies `predicate`, for at most `seconds`.
func waitFor(_ session: TrainingSession, _ seconds: Double = 5, _ predicate: (Snapshot) -> Bool) -> Snapshot? {
    let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
    while ContinuousClock.now < deadline {
        if let s = session.channel.newest, predicate(s) { return s }
        Thread.sleep(forTimeInterval: 0.001)
    }
    return session.channel.newest.flatMap { predicate($0) ? $0 : nil }
}

/// A regression on the tutorial's points (target x1 + 2·x2), whose squared error grows without bound at a large
/// enough learning rate.
func regressionSession(learningRate: Double, limit: Int? = nil) -> TrainingSession {
    let points = Dataset.tutorial
    let targets = (0..<points.count).map { points.row($0).first! + 2 * points.row($0).last! }
    return TrainingSession(
        SessionConfiguration(
            training: Dataset(featureNames: points.featureNames, features: points.features, targets: targets),
            hidden: [4], activation: .tanh, learningRate: learningRate, iterationLimit: limit, task: .regression))
}

func tutorialSession(
    paused: Bool = false, limit: Int? = nil, speed: Speed = .unlimited, learningRate: Double = 0.1,
    seed: UInt64 = 1
) -> TrainingSession {
    TrainingSession(
        SessionConfiguration(
            training: .tutorial, learningRate: learningRate, seed: seed,
            iterationLimit: limit, speed: speed, startPaused: paused))
}
