import Testing
@testable import NeuralCore

/// The step explainer's trace: the tutorial's chain by hand, and on every road a step takes, the same parameters
/// and update-rule memory as the real step, bit for bit; a recorded step is the same step as an ordinary one.
@Suite struct StepTraceTests {
    /// One way to train: the shape, the task and the optimizer's settings.
    struct Road: CustomStringConvertible, Sendable {
        var name: String
        var hidden: [Int] = []
        var batch = 1
        var kind = OptimizerKind.sgd
        var loss = Loss.squaredError
        var task = Task.binary
        var order = ExampleOrder.random
        var penalty = Regularization.none
        var inputs = 2
        var description: String { name }
    }

    static let roads: [Road] = [
        Road(name: "the tutorial's loop"),
        Road(name: "the tutorial's loop, cross-entropy", loss: .crossEntropy),
        Road(name: "one unit, five inputs", inputs: 5),
        Road(name: "fused batch-1 sgd", hidden: [16, 16], inputs: 30),
        Road(name: "batch-1 momentum", hidden: [4], kind: .momentum),
        Road(name: "batch-1 nesterov, shuffled", hidden: [3], kind: .nesterov, order: .shuffle),
        Road(name: "batch-1 adam, L2", hidden: [5], kind: .adam, penalty: .l2),
        Road(name: "batch-4 rmsprop", hidden: [8], batch: 4, kind: .rmsprop),
        Road(name: "batch-100 adam in two passes, L1", hidden: [6, 5], batch: 100, kind: .adam, penalty: .l1),
        Road(name: "wide layers through BLAS, batch 8", hidden: [128, 128], batch: 8, kind: .momentum),
        Road(name: "multiclass, batch 3", hidden: [4], batch: 3, loss: .crossEntropy, task: .multiclass),
        Road(name: "regression, sequential", hidden: [4], task: .regression, order: .sequential),
        Road(name: "one unit, sgd, sequential", order: .sequential)
    ]

    /// Data of `inputs` features for a task, 40 rows.
    static func data(_ road: Road) -> Dataset {
        var generator = SeededGenerator(seed: 9)
        let rows = (0..<40).map { _ in (0..<road.inputs).map { _ in generator.standardNormal() } }
        let targets = rows.enumerated().map { k, r -> Double in
            switch road.task {
            case .binary: return r[0] + r[1] > 0 ? 1 : 0
            case .multiclass: return Double(k % 3)
            case .regression: return 2 * r[0] - r[1]
            }
        }
        return Dataset(rows: rows, targets: targets)
    }

    static func start(_ road: Road) -> (Network, StochasticGradientDescent, SeededGenerator) {
        var generator = SeededGenerator(seed: 5)
        let network = Network(
            inputCount: road.inputs, hidden: road.hidden, hiddenActivation: .tanh, task: road.task,
            outputs: road.task == .multiclass ? 3 : 1, generator: &generator)
        let sgd = StochasticGradientDescent(
            network: network, learningRate: 0.05, batchSize: road.batch, loss: road.loss,
            regularization: road.penalty, regularizationRate: road.penalty == .none ? 0 : 0.01,
            optimizer: OptimizerSettings(road.kind), order: road.order)
        return (network, sgd, generator)
    }

    @Test(arguments: roads)
    func theTraceIsTheRealStep(road: Road) {
        let data = Self.data(road)
        var (network, sgd, generator) = Self.start(road)
        for _ in 0..<12 {
            let rows = sgd.nextRows(rows: data.count, generator: generator)
            let trace = sgd.trace(network, on: data, rows: rows)
            #expect(trace.before == network.parameters)
            sgd.step(&network, on: data, generator: &generator)
            #expect(trace.after == network.parameters, "\(road)")
            #expect(trace.memoryAfter == sgd.rule.memory, "\(road)")
            #expect(trace.rows.count == road.batch)
        }
        #expect(network.parameters != Self.start(road).0.parameters)
    }

    @Test(arguments: roads)
    func aRecordedStepIsAnOrdinaryStep(road: Road) {
        let data = Self.data(road)
        var (a, sgdA, ga) = Self.start(road)
        var (b, sgdB, gb) = (a, sgdA, ga)
        for k in 0..<12 {
            let before = a.parameters
            let step = sgdA.recordedStep(&a, on: data, generator: &ga, iteration: k + 1)
            sgdB.step(&b, on: data, generator: &gb)
            #expect(a.parameters == b.parameters, "\(road)")
            #expect(ga == gb)
            #expect(sgdA.sampler == sgdB.sampler)
            #expect(step?.iteration == k + 1)
            #expect(step?.fits(a.sizes) == true)
            // The update is what moved the parameters, layer by layer.
            let updates = step!.layers.flatMap { $0.weightUpdate + $0.biasUpdate }
            #expect(updates == zip(a.parameters, before).map { $0 - $1 })
        }
    }

    @Test func anInterruptedRecordedStepLeavesEverythingAsItWas() {
        let road = Road(name: "batch 200", hidden: [4], batch: 200, kind: .adam)
        let data = Self.data(road)
        var (network, sgd, generator) = Self.start(road)
        let (n0, g0) = (network, generator)
        #expect(sgd.recordedStep(&network, on: data, generator: &generator, iteration: 1, interrupted: { true }) == nil)
        #expect(network == n0 && generator == g0 && sgd.sampler.drawn == 0 && sgd.rule.memory.steps == 0)
    }

    /// The tutorial's network on its first row, (3, 1.5) → 0, at η 0.1, by hand.
    @Test func theTutorialsChainByHand() {
        let network = Network(weights: [1.45, -0.66], bias: 0)
        let sgd = StochasticGradientDescent(network: network, learningRate: 0.1)
        let t = sgd.trace(network, on: .tutorial, rows: [0])
        let i = t.instance
        #expect(i.row == 0 && i.input == [3, 1.5] && i.target == 0)
        // z = 1.45·3 − 0.66·1.5 + 0
        #expect(close(i.z[0][0], 3.36))
        let p = 0.966_430_776_718_517_5  // 1 / (1 + e^−3.36)
        #expect(close(i.a[0][0], p))
        #expect(close(i.loss, 0.933_988_446_188_757_1))  // (p − 0)²
        #expect(close(i.outputSlopes!.loss[0], 1.932_861_553_437_035))  // 2(p − 0)
        #expect(close(i.outputSlopes!.activation[0], 0.032_442_330_529_760_46))  // p(1 − p)
        let delta = 0.062_706_533_384_870_56
        #expect(close(i.delta[0][0], delta))
        #expect(zip(t.gradient, [delta * 3, delta * 1.5, delta]).allSatisfy { close($0, $1) })
        #expect(t.before == [1.45, -0.66, 0])
        #expect(
            zip(t.after, [1.431_188_039_984_538_7, -0.669_405_980_007_730_7, -0.006_270_653_338_487_056])
                .allSatisfy { close($0, $1) })
        let step = t.parameterStep(iteration: 1)
        #expect(step.layers.count == 1 && step.layers[0].weightGradient.count == 2)
        #expect(close(step.layers[0].biasUpdate[0], -0.1 * delta))
    }

    @Test func hiddenLayersCarryTheirDelta() {
        let road = Road(name: "deep", hidden: [3, 2], kind: .momentum)
        let data = Self.data(road)
        let (network, sgd, generator) = Self.start(road)
        let trace = sgd.trace(network, on: data, rows: sgd.nextRows(rows: data.count, generator: generator))
        let i = trace.instance
        #expect(i.z.map(\.count) == [3, 2, 1] && i.a.map(\.count) == [3, 2, 1] && i.delta.map(\.count) == [3, 2, 1])
        // δ of a hidden unit: (Σₖ w_kj δ_k) · tanh'(z_j), from the layer above.
        let w = network.weights(layer: 2)
        for j in 0..<2 {
            let pushed = w[0][j] * i.delta[2][0]
            #expect(close(i.delta[1][j], pushed * (1 - i.a[1][j] * i.a[1][j])))
        }
        // The output's δ is the product of its two slopes.
        #expect(close(i.delta[2][0], i.outputSlopes!.loss[0] * i.outputSlopes!.activation[0]))
        // Momentum's velocity after the first step is the gradient itself.
        #expect(trace.memoryBefore.first.allSatisfy { $0 == 0 })
        #expect(trace.memoryAfter.first == trace.gradient)
        #expect(trace.offset(layer: 1) == 2 * 3 + 3)
    }

    func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-12 * max(1, abs(b)) }
}
