import Testing

@testable import NeuralCore

/// The minibatch taken through each layer at once (`MinibatchPass`) and the fused step of one instance give what
/// the instance-by-instance backward pass gives, for shapes that leave every kind of remainder in the kernels'
/// blocks, and repeat bit for bit.
@Suite struct MatrixKernelTests {
    /// Inputs, hidden sizes, task and outputs: fan-ins and widths off every multiple of 4, 8 and 16.
    static let shapes: [(inputs: Int, hidden: [Int], task: Task, outputs: Int)] = [
        (2, [9, 5], .binary, 1),
        (30, [16], .binary, 1),
        (5, [7, 13], .multiclass, 3),
        (17, [33], .regression, 1),
        (3, [], .multiclass, 4)
    ]

    static func data(inputs: Int, rows: Int, task: Task, outputs: Int) -> Dataset {
        var generator = SeededGenerator(seed: 5)
        var features: [Double] = []
        var targets: [Double] = []
        for _ in 0..<rows {
            var sum = 0.0
            for _ in 0..<inputs {
                let v = generator.standardNormal()
                features.append(v)
                sum += v
            }
            switch task {
            case .binary: targets.append(sum > 0 ? 1 : 0)
            case .multiclass: targets.append(Double(generator.index(below: outputs)))
            case .regression: targets.append(sum * 0.7 + 0.1)
            }
        }
        return Dataset(featureNames: (0..<inputs).map { "x\($0)" }, features: features, targets: targets)
    }

    @Test(arguments: [2, 8, 13, 64, 70, 150], [Activation.tanh, .relu, .sigmoid])
    func aBatchStepMovesByTheMeanOfTheInstancesGradients(batch: Int, activation: Activation) {
        for shape in Self.shapes {
            let data = Self.data(inputs: shape.inputs, rows: 200, task: shape.task, outputs: shape.outputs)
            var generator = SeededGenerator(seed: 9)
            var network = Network(
                inputCount: shape.inputs, hidden: shape.hidden, hiddenActivation: activation, task: shape.task,
                outputs: shape.outputs, generator: &generator)
            for k in network.parameters.indices { network.parameters[k] += 0.05 * generator.standardNormal() }
            let loss: Loss = shape.task == .regression ? .squaredError : .crossEntropy
            // In file order, so the rows of the batch are 0..<batch.
            var sgd = StochasticGradientDescent(
                network: network, learningRate: 0.3, batchSize: batch, loss: loss, order: .sequential)
            var single = StochasticGradientDescent(network: network, learningRate: 0.3, loss: loss)
            var sum = [Double](repeating: 0, count: network.parameters.count)
            for i in 0..<batch {
                let g = single.gradient(of: network, input: Array(data.row(i)), target: data.targets[i])
                for k in sum.indices { sum[k] += g[k] }
            }
            let before = network.parameters
            sgd.step(&network, on: data, generator: &generator)
            for k in sum.indices {
                let expected = before[k] - 0.3 / Double(batch) * sum[k]
                #expect(
                    abs(network.parameters[k] - expected) <= 1e-12 * max(1, abs(expected)),
                    "\(shape) batch \(batch) \(activation) parameter \(k)")
            }
        }
    }

    /// Plain SGD on one instance updates each row on the way back; momentum with μ = 0 takes the same step
    /// through the stored gradient and the update rule. The two must agree to the bit.
    @Test(arguments: [Activation.tanh, .relu, .linear])
    func theFusedStepIsTheStepThroughTheGradient(activation: Activation) {
        for shape in Self.shapes {
            let data = Self.data(inputs: shape.inputs, rows: 50, task: shape.task, outputs: shape.outputs)
            var generator = SeededGenerator(seed: 4)
            let network = Network(
                inputCount: shape.inputs, hidden: shape.hidden, hiddenActivation: activation, task: shape.task,
                outputs: shape.outputs, generator: &generator)
            var fused = network, plain = network
            var g1 = generator, g2 = generator
            var sgd = StochasticGradientDescent(network: network, learningRate: 0.005)
            var viaRule = StochasticGradientDescent(
                network: network, learningRate: 0.005, optimizer: OptimizerSettings(.momentum, momentum: 0))
            sgd.train(&fused, on: data, steps: 200, generator: &g1)
            viaRule.train(&plain, on: data, steps: 200, generator: &g2)
            #expect(fused.parameters.allSatisfy { $0.isFinite } && fused.parameters != network.parameters)
            #expect(fused.parameters == plain.parameters, "\(shape) \(activation)")
            #expect(sgd.rule.steps == 200)
        }
    }

    @Test(arguments: [1, 32, 64, 100], [[16, 16], [300, 300]])
    func aSeedGivesTheSameRunBitForBit(batch: Int, hidden: [Int]) {
        let data = Self.data(inputs: 4, rows: 300, task: .binary, outputs: 1)
        func run() -> [Double] {
            var generator = SeededGenerator(seed: 21)
            var network = Network(inputCount: 4, hidden: hidden, hiddenActivation: .tanh, generator: &generator)
            var sgd = StochasticGradientDescent(network: network, learningRate: 0.1, batchSize: batch)
            sgd.train(&network, on: data, steps: hidden[0] > 100 ? 20 : 300, generator: &generator)
            return network.parameters
        }
        let first = run()
        #expect(first == run())
        #expect(first.allSatisfy { $0.isFinite })
    }
}
