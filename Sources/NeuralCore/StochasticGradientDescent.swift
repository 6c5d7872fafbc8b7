/// Minibatch stochastic gradient descent with backpropagation. Batch size 1 is the tutorial's online SGD: each
/// step picks one training instance at random, backpropagates its error and moves every parameter against its
/// gradient, scaled by the learning rate. Larger batches average the gradients of `batchSize` random instances.
/// A regularization adds its penalty's gradient, rate × d(penalty)/dw, to every weight's (not the biases').
///
/// All scratch space is allocated once, here; a step allocates nothing.
public struct StochasticGradientDescent: Sendable {
    public var learningRate: Double
    public var batchSize: Int
    public let loss: Loss
    public var regularization: Regularization
    /// λ, the penalty's weight against the loss; 0 turns regularization off.
    public var regularizationRate: Double

    private var pass: ForwardPass
    /// ∂loss/∂z for every unit after the input, laid out like `pass.z`.
    private var delta: [Double]
    /// Gradient accumulated over a batch, laid out like `Network.parameters`.
    private var gradient: [Double]

    public init(
        network: Network, learningRate: Double, batchSize: Int = 1, loss: Loss = .squaredError,
        regularization: Regularization = .none, regularizationRate: Double = 0
    ) {
        precondition(batchSize >= 1, "batch size must be at least 1")
        self.learningRate = learningRate
        self.batchSize = batchSize
        self.loss = loss
        self.regularization = regularization
        self.regularizationRate = regularizationRate
        pass = ForwardPass(network: network)
        delta = Array(repeating: 0, count: network.unitCount)
        gradient = Array(repeating: 0, count: network.parameters.count)
    }

    /// Instances of a batch between two looks at `interrupted`.
    static let instancesBetweenChecks = 64

    /// One training step on `data`, drawing instances from `generator`. A large batch asks `interrupted` every
    /// `instancesBetweenChecks` instances; when it answers true the step is given up as if never begun (the
    /// parameters and the generator as they were) and false is returned, so a batch of any size lets a command
    /// through within a few milliseconds, and the same step is taken in full later.
    @inline(__always)
    @discardableResult
    public mutating func step(
        _ network: inout Network, on data: Dataset, generator: inout SeededGenerator,
        interrupted: () -> Bool = { false }
    ) -> Bool {
        let penalised = isPenalised
        if batchSize == 1 && network.layerCount == 1 && !penalised {
            trainSingleUnit(&network, data: data, steps: 1, generator: &generator)
            return true
        }
        for k in gradient.indices { gradient[k] = 0 }
        let before = generator
        for k in 0..<batchSize {
            if k % Self.instancesBetweenChecks == Self.instancesBetweenChecks - 1, interrupted() {
                generator = before
                return false
            }
            let i = generator.index(below: data.count)
            _ = data.features.withUnsafeBufferPointer { f in
                accumulate(network, input: f.baseAddress! + i * data.featureCount, target: data.targets[i])
            }
        }
        if penalised { addPenaltyGradient(network, instances: Double(batchSize)) }
        let scale = learningRate / Double(batchSize)
        network.parameters.withUnsafeMutableBufferPointer { p in
            gradient.withUnsafeBufferPointer { g in
                for k in 0..<p.count { p[k] -= scale * g[k] }
            }
        }
        return true
    }

    /// True when the regularization changes the gradient.
    public var isPenalised: Bool { regularization != .none && regularizationRate != 0 }

    /// Adds `instances` × rate × d(penalty)/dw to the gradient of every weight, so that dividing the batch's
    /// gradient by its size leaves the penalty's gradient once. One loop per penalty, without a branch per
    /// weight, so the compiler can vectorise it.
    @inline(__always)
    private mutating func addPenaltyGradient(_ network: Network, instances: Double) {
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
        if batchSize == 1 && network.layerCount == 1 && !isPenalised {
            trainSingleUnit(&network, data: data, steps: count, generator: &generator)
            return count
        }
        for done in 0..<count {
            if done > 0, interrupted() { return done }
            guard step(&network, on: data, generator: &generator, interrupted: interrupted) else { return done }
        }
        return count
    }

    /// `steps` steps of the tutorial's network (no hidden layer) with batch size 1, written out directly, each on
    /// a row drawn from `generator`: z = w·x + b, p = σ(z), then w ← w − η·δ·x and b ← b − η·δ with δ = ∂loss/∂z.
    private func trainSingleUnit(
        _ network: inout Network, data: Dataset, steps: Int,
        generator: inout SeededGenerator
    ) {
        let n = data.featureCount, rows = data.count, eta = learningRate, loss = self.loss
        var random = generator
        data.features.withUnsafeBufferPointer { f in
            data.targets.withUnsafeBufferPointer { t in
                network.parameters.withUnsafeMutableBufferPointer { p in
                    let w = p.baseAddress!
                    if n == 2 {
                        // The tutorial's shape: its three parameters stay in registers for the whole loop (through
                        // memory, each step would wait on the previous step's stores).
                        var (w0, w1, b) = (w[0], w[1], w[2])
                        for _ in 0..<steps {
                            let row = random.index(below: rows)
                            let x0 = f[2 * row], x1 = f[2 * row + 1], y = t[row]
                            let prediction = logistic(x0 * w0 + x1 * w1 + b)
                            let step = eta * loss.outputDelta(prediction: prediction, target: y)
                            w0 -= step * x0
                            w1 -= step * x1
                            b -= step
                        }
                        (w[0], w[1], w[2]) = (w0, w1, b)
                        return
                    }
                    for _ in 0..<steps {
                        let row = random.index(below: rows)
                        let x = f.baseAddress! + row * n
                        var z = 0.0
                        for i in 0..<n { z += x[i] * w[i] }
                        z += w[n]
                        let prediction = logistic(z), y = t[row]
                        let step = eta * loss.outputDelta(prediction: prediction, target: y)
                        for i in 0..<n { w[i] -= step * x[i] }
                        w[n] -= step
                    }
                }
            }
        }
        generator = random
    }

    /// Forward and backward pass for one instance; adds ∂loss/∂θ into `gradient`. Returns the loss.
    @discardableResult
    private mutating func accumulate(_ network: Network, input: UnsafePointer<Double>, target: Double) -> Double {
        let prediction = pass.run(network, input: input)
        let sizes = network.sizes, offsets = network.offsets, unitOffsets = pass.unitOffsets
        let outputDelta = loss.outputDelta(prediction: prediction, target: target)
        network.parameters.withUnsafeBufferPointer { p in
            pass.z.withUnsafeBufferPointer { zs in
                pass.a.withUnsafeBufferPointer { as_ in
                    delta.withUnsafeMutableBufferPointer { ds in
                        gradient.withUnsafeMutableBufferPointer { gs in
                            let params = p.baseAddress!, zBase = zs.baseAddress!, aBase = as_.baseAddress!
                            let dBase = ds.baseAddress!, gBase = gs.baseAddress!
                            let last = sizes.count - 2
                            dBase[unitOffsets[last]] = outputDelta
                            var l = last
                            while l >= 0 {
                                let fanIn = sizes[l], units = sizes[l + 1]
                                let w = params + offsets[l], gw = gBase + offsets[l], gb = gw + fanIn * units
                                let d = dBase + unitOffsets[l]
                                let source = l == 0 ? input : UnsafePointer(aBase + unitOffsets[l - 1])
                                for j in 0..<units {
                                    let dj = d[j]
                                    let row = gw + j * fanIn
                                    for i in 0..<fanIn { row[i] += dj * source[i] }
                                    gb[j] += dj
                                }
                                if l > 0 {
                                    // Push δ back through this layer's weights and the previous activation.
                                    let previous = dBase + unitOffsets[l - 1]
                                    let zPrev = zBase + unitOffsets[l - 1], aPrev = aBase + unitOffsets[l - 1]
                                    let activation = network.hiddenActivation
                                    for i in 0..<fanIn {
                                        var sum = 0.0
                                        for j in 0..<units { sum += w[j * fanIn + i] * d[j] }
                                        previous[i] =
                                            sum * activation.derivative(output: aPrev[i], preactivation: zPrev[i])
                                    }
                                }
                                l -= 1
                            }
                        }
                    }
                }
            }
        }
        return loss(prediction: prediction, target: target)
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
