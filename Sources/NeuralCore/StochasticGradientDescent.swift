/// Minibatch gradient descent with backpropagation. Batch size 1 with plain SGD is the tutorial's online SGD: each
/// step picks one training instance at random, backpropagates its error and moves every parameter against its
/// gradient, scaled by the learning rate. Larger batches take the mean of the gradients of `batchSize` instances,
/// drawn in the sampler's order; the update rule (`UpdateRule`: sgd, momentum, nesterov, rmsprop, adam) turns
/// that mean into the step. A regularization adds its penalty's gradient, rate × d(penalty)/dw, to every
/// weight's (not the biases').
///
/// All scratch space is allocated once, here; a step allocates nothing.
public struct StochasticGradientDescent: Sendable {
    public var learningRate: Double
    public var batchSize: Int
    public let loss: Loss
    /// The task's loss on the output layer, from which backpropagation starts.
    public let objective: Objective
    public var regularization: Regularization
    /// λ, the penalty's weight against the loss; 0 turns regularization off.
    public var regularizationRate: Double
    /// The update rule and its memory; replacing it (another rule) starts that memory afresh.
    public var rule: UpdateRule
    /// The order instances are drawn in, and how many have been.
    public var sampler: ExampleSampler

    var pass: ForwardPass
    /// ∂loss/∂z for every unit after the input, laid out like `pass.z`.
    var delta: [Double]
    /// Scratch for batches of more than one: the instances together through each layer.
    var batchPass = MinibatchPass()
    /// The rows of the instances in one `batchPass`.
    var batchRows: [Int] = []
    /// Gradient accumulated over a batch, laid out like `Network.parameters`.
    var gradient: [Double]

    public init(
        network: Network, learningRate: Double, batchSize: Int = 1, loss: Loss = .squaredError,
        regularization: Regularization = .none, regularizationRate: Double = 0,
        optimizer: OptimizerSettings = OptimizerSettings(), order: ExampleOrder = .random
    ) {
        precondition(batchSize >= 1, "batch size must be at least 1")
        self.learningRate = learningRate
        self.batchSize = batchSize
        self.loss = loss
        objective = Objective(task: network.task, loss: loss)
        self.regularization = regularization
        self.regularizationRate = regularizationRate
        rule = UpdateRule(optimizer, parameterCount: network.parameters.count)
        sampler = ExampleSampler(order: order)
        pass = ForwardPass(network: network)
        delta = Array(repeating: 0, count: network.unitCount)
        gradient = Array(repeating: 0, count: network.parameters.count)
    }

    /// The update rule's settings; setting them starts the rule's memory afresh.
    public var optimizer: OptimizerSettings {
        get { rule.settings }
        set { rule = UpdateRule(newValue, parameterCount: gradient.count) }
    }

    /// Whether a step can be the tutorial's loop: one sigmoid unit, batch size 1, plain SGD on random rows, no
    /// penalty.
    @inline(__always)
    func isSingleUnitStep(_ network: Network) -> Bool {
        batchSize == 1 && network.layerCount == 1 && network.task == .binary && !isPenalised
            && rule.settings.kind == .sgd && sampler.order == .random
    }

    /// One training step on `data`, drawing instances from `generator`. A large batch asks `interrupted` every
    /// `MinibatchPass.largestChunk` instances; when it answers true the step is given up as if never begun (the
    /// parameters, the generator and the sampler as they were) and false is returned, so a batch of any size lets
    /// a command through within a few milliseconds, and the same step is taken in full later.
    @inline(__always)
    @discardableResult
    public mutating func step(
        _ network: inout Network, on data: Dataset, generator: inout SeededGenerator,
        interrupted: () -> Bool = { false }
    ) -> Bool {
        if isSingleUnitStep(network) {
            trainSingleUnit(&network, data: data, steps: 1, generator: &generator)
            return true
        }
        if batchSize == 1 {
            let i = sampler.next(rows: data.count, generator: &generator)
            let fused = rule.settings.kind == .sgd && !isPenalised
            if !fused { for k in gradient.indices { gradient[k] = 0 } }
            data.features.withUnsafeBufferPointer { f in
                let input = f.baseAddress! + i * data.featureCount
                if fused {
                    descend(&network, input: input, target: data.targets[i], scale: learningRate)
                } else {
                    accumulate(network, input: input, target: data.targets[i])
                }
            }
            if fused {
                rule.countStep()
                return true
            }
        } else {
            for k in gradient.indices { gradient[k] = 0 }
            guard accumulateBatch(network, on: data, generator: &generator, interrupted: interrupted) else {
                return false
            }
        }
        if isPenalised { addPenaltyGradient(network, instances: Double(batchSize)) }
        let rate = learningRate, instances = Double(batchSize)
        network.parameters.withUnsafeMutableBufferPointer { p in
            gradient.withUnsafeBufferPointer { g in rule.apply(to: p, sum: g, instances: instances, rate: rate) }
        }
        return true
    }

    /// Adds the summed gradient of a batch of `batchSize` instances into `gradient`, `MinibatchPass.largestChunk`
    /// at a time, asking `interrupted` before each chunk after the first: when it answers true the generator and
    /// the sampler are put back as they were and false is returned.
    private mutating func accumulateBatch(
        _ network: Network, on data: Dataset, generator: inout SeededGenerator, interrupted: () -> Bool
    ) -> Bool {
        let before = (generator, sampler)
        let chunk = min(batchSize, MinibatchPass.largestChunk)
        batchPass.reserve(chunk, for: network)
        if batchRows.count < chunk { batchRows = Array(repeating: 0, count: chunk) }
        var done = 0
        while done < batchSize {
            if done > 0, interrupted() {
                (generator, sampler) = before
                return false
            }
            let count = min(chunk, batchSize - done)
            for k in 0..<count { batchRows[k] = sampler.next(rows: data.count, generator: &generator) }
            batchRows.withUnsafeBufferPointer { rows in
                gradient.withUnsafeMutableBufferPointer { g in
                    batchPass.accumulate(
                        network, data: data, rows: rows.baseAddress!, count: count, objective: objective,
                        into: g.baseAddress!)
                }
            }
            done += count
        }
        return true
    }

    /// True when the regularization changes the gradient.
    public var isPenalised: Bool { regularization != .none && regularizationRate != 0 }

    /// Adds `instances` × rate × d(penalty)/dw to the gradient of every weight, so that dividing the batch's
    /// gradient by its size leaves the penalty's gradient once. One loop per penalty, without a branch per
    /// weight, so the compiler can vectorise it.
    @inline(__always)
    mutating func addPenaltyGradient(_ network: Network, instances: Double) {
        let regularization = self.regularization, factor = instances * regularizationRate
        let layers = network.layerCount
        network.parameters.withUnsafeBufferPointer { p in
            gradient.withUnsafeMutableBufferPointer { g in
                for l in 0..<layers {
                    let weights = network.weightIndices(layer: l)
                    switch regularization {
                    case .none:
                        return
                    case .l1:
                        // sign(w) as (w > 0) − (w < 0), so 0 at 0.
                        for k in weights {
                            let w = p[k]
                            g[k] += factor * ((w > 0 ? 1.0 : 0.0) - (w < 0 ? 1.0 : 0.0))
                        }
                    case .l2:
                        for k in weights { g[k] += factor * p[k] }
                    }
                }
            }
        }
    }

    /// Runs `count` steps: the same steps as `count` calls of `step`, with the tutorial's case (one unit, batch
    /// size 1, no penalty) run in one tight loop over the raw storage. Returns the steps taken: fewer than `count`
    /// when `interrupted` answered true between two steps (asked before each after the first) or gave one up
    /// (see `step`). The tutorial's loop, a few nanoseconds a step, does not ask.
    @discardableResult
    public mutating func train(
        _ network: inout Network, on data: Dataset, steps count: Int,
        generator: inout SeededGenerator, interrupted: () -> Bool = { false }
    ) -> Int {
        if isSingleUnitStep(network) {
            trainSingleUnit(&network, data: data, steps: count, generator: &generator)
            return count
        }
        for done in 0..<count {
            if done > 0, interrupted() { return done }
            guard step(&network, on: data, generator: &generator, interrupted: interrupted) else { return done }
        }
        return count
    }

    /// ∂(loss on this one instance + the regularization penalty)/∂θ for every parameter, laid out like
    /// `Network.parameters`. Used by the gradient checks; training uses the accumulating form above.
    public mutating func gradient(of network: Network, input: [Double], target: Double) -> [Double] {
        for k in gradient.indices { gradient[k] = 0 }
        _ = input.withUnsafeBufferPointer { accumulate(network, input: $0.baseAddress!, target: target) }
        if isPenalised { addPenaltyGradient(network, instances: 1) }
        return gradient
    }
}
