import Testing
@testable import NeuralCore

/// A step of a huge batch lets a command through: asked in the middle, it is given up as if never begun, and
/// taken again in full later, so a run that was interrupted is the same run, bit for bit.
@Suite struct InterruptedStepTests {
    static let data = Dataset(rows: [[0, 0], [0, 1], [1, 0], [1, 1]], targets: [0, 1, 1, 0])

    static func trainer(batch: Int) -> Trainer {
        var generator = SeededGenerator(seed: 3)
        let network = Network(inputCount: 2, hidden: [4], hiddenActivation: .tanh, generator: &generator)
        let optimizer = StochasticGradientDescent(network: network, learningRate: 0.1, batchSize: batch)
        return Trainer(network: network, optimizer: optimizer, generator: generator, training: data)
    }

    @Test func aStepGivenUpLeavesParametersAndGeneratorAsTheyWere() {
        var trainer = Self.trainer(batch: 1 << 40)
        let before = trainer
        var asked = 0
        let done = trainer.advance(
            5,
            interrupted: {
                asked += 1; return asked >= 3
            })
        #expect(done == 0)
        #expect(asked == 3)  // every 64 instances: after 192 of the 2^40
        #expect(trainer.network == before.network)
        #expect(trainer.generator == before.generator)
        #expect(trainer.iteration == 0)
    }

    @Test func anInterruptedRunIsTheSameRun() {
        var plain = Self.trainer(batch: 300)
        plain.advance(7)
        var interrupted = Self.trainer(batch: 300)
        var calls = 0, done = 0
        while done < 7 {
            // Interrupt every other step part-way, as commands arriving would.
            done += interrupted.advance(
                7 - done,
                interrupted: {
                    calls += 1; return calls % 9 == 0
                })
        }
        #expect(calls > 9)
        #expect(interrupted.iteration == 7)
        #expect(interrupted.network == plain.network)
        #expect(interrupted.generator == plain.generator)
    }
}
