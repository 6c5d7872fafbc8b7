import Foundation
import Testing

@testable import NeuralCore

/// Every update rule against PyTorch float64: ten steps of a 3-4-3-K tanh network on six rows in sequential
/// order, batch 4, for each task and loss. The numbers were made by scripts/optimizer-reference.py
/// (torch.optim.SGD, RMSprop, Adam) and are committed beside this file.
@Suite struct OptimizerReferenceTests {
    struct Parameters: Decodable {
        let weights: [[[Double]]]
        let biases: [[Double]]
    }

    struct Case: Decodable {
        let name: String
        let task: String
        let loss: String
        let optimizer: String
        let learning_rate: Double
        let momentum: Double
        let beta1: Double
        let beta2: Double
        let epsilon: Double
        let rms_decay: Double
        let batch_size: Int
        let sizes: [Int]
        let features: [[Double]]
        let targets: [Double]
        let initial: Parameters
        let losses: [Double]
        let after_step: [Parameters]
    }

    struct Fixture: Decodable { let cases: [Case] }

    static let cases: [Case] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/optimizer-reference.json")
        let data = try! Data(contentsOf: url)
        return try! JSONDecoder().decode(Fixture.self, from: data).cases
    }()

    static func network(_ p: Parameters, inputs: Int, task: Task) -> Network {
        Network(inputCount: inputs, hiddenActivation: .tanh, weights: p.weights, biases: p.biases, task: task)!
    }

    @Test func theFixtureHoldsEveryTaskAndRule() {
        #expect(Self.cases.count == 20)
        #expect(Set(Self.cases.map(\.optimizer)) == Set(OptimizerKind.allCases.map(\.rawValue)))
    }

    @Test(arguments: 0..<20)
    func tenStepsMatchPyTorch(index: Int) throws {
        let c = Self.cases[index]
        let task = try #require(Task(rawValue: c.task))
        let loss = try #require(Loss(rawValue: c.loss))
        let kind = try #require(OptimizerKind(rawValue: c.optimizer))
        let settings = OptimizerSettings(
            kind, momentum: c.momentum, beta1: c.beta1, beta2: c.beta2, epsilon: c.epsilon, rmsDecay: c.rms_decay)
        var network = Self.network(c.initial, inputs: c.sizes[0], task: task)
        #expect(network.sizes == c.sizes)
        let data = Dataset(rows: c.features, targets: c.targets)
        var sgd = StochasticGradientDescent(
            network: network, learningRate: c.learning_rate, batchSize: c.batch_size, loss: loss,
            optimizer: settings, order: .sequential)
        var generator = SeededGenerator(seed: 1)
        var worst = 0.0
        for (step, expected) in c.after_step.enumerated() {
            // The batch's mean loss before the step, as PyTorch computed it.
            let rows = (0..<c.batch_size).map { (step * c.batch_size + $0) % data.count }
            let batch = data.subset(rows)
            let mean = Evaluation.of(network, on: batch, loss: loss).meanLoss
            #expect(abs(mean - c.losses[step]) <= 1e-12 * abs(c.losses[step]) + 1e-14, "\(c.name) loss \(step)")
            sgd.step(&network, on: data, generator: &generator)
            let want = Self.network(expected, inputs: c.sizes[0], task: task).parameters
            for (got, reference) in zip(network.parameters, want) {
                let error = abs(got - reference) / max(abs(reference), 1e-2)
                worst = max(worst, error)
            }
        }
        #expect(worst <= 1e-12, "\(c.name): worst relative difference \(worst)")
        #expect(sgd.sampler.drawn == 10 * c.batch_size)
    }

    @Test func switchingTheRuleStartsItsMemoryAfresh() {
        let c = Self.cases.first { $0.optimizer == "adam" }!
        var network = Self.network(c.initial, inputs: 3, task: Task(rawValue: c.task)!)
        var sgd = StochasticGradientDescent(
            network: network, learningRate: 0.01, batchSize: 4, optimizer: OptimizerSettings(.adam),
            order: .sequential)
        var generator = SeededGenerator(seed: 1)
        let data = Dataset(rows: c.features, targets: c.targets)
        sgd.step(&network, on: data, generator: &generator)
        #expect(sgd.rule.steps == 1)
        sgd.optimizer = OptimizerSettings(.momentum)
        #expect(sgd.rule.steps == 0)
        #expect(sgd.optimizer.kind == .momentum)
    }
}
