/// A step of `StochasticGradientDescent` with what it did kept: laid open whole (`trace`, for the dashboard's step
/// explainer) or as its per-layer gradient and update (`recordedStep`, for the snapshot's last step). Each takes
/// the road `step` takes and leaves the same parameters, to the bit; only the fused updates of batch-1 plain SGD
/// are replaced by the stored gradient and `UpdateRule`, which give the same numbers.
extension StochasticGradientDescent {
    /// The rows the next step draws from data of `rows` rows, the sampler and `generator` left as they are.
    public func nextRows(rows count: Int, generator: SeededGenerator) -> [Int] {
        var sampler = self.sampler, generator = generator
        return (0..<batchSize).map { _ in sampler.next(rows: count, generator: &generator) }
    }

    /// The step from `network` on the batch of `rows` of `data`, with this optimizer's settings and memory: a pure
    /// function, nothing here changes.
    public func trace(_ network: Network, on data: Dataset, rows: [Int]) -> StepTrace {
        precondition(
            rows.count == batchSize && rows.allSatisfy { $0 >= 0 && $0 < data.count },
            "a batch of \(batchSize) rows of the data")
        var sgd = self
        var next = network
        let memoryBefore = rule.memory
        let instance = sgd.instanceTrace(network, on: data, row: rows[0])
        let gradient = sgd.takeStep(&next, on: data, rows: rows, interrupted: { false })!
        return StepTrace(
            rows: rows, sizes: network.sizes, hiddenActivation: network.hiddenActivation, task: network.task,
            learningRate: learningRate, optimizer: optimizer, loss: loss,
            regularization: regularization, regularizationRate: regularizationRate, instance: instance,
            gradient: gradient, before: network.parameters, after: next.parameters, memoryBefore: memoryBefore,
            memoryAfter: sgd.rule.memory)
    }

    /// One step as `step` takes it, returning its gradient and update as of `iteration`; nil, with everything as
    /// it was, when `interrupted` gave a large batch up (see `step`).
    public mutating func recordedStep(
        _ network: inout Network, on data: Dataset, generator: inout SeededGenerator, iteration: Int,
        interrupted: () -> Bool = { false }
    ) -> ParameterStep? {
        let saved = (generator, sampler)
        var rows = [Int](repeating: 0, count: batchSize)
        for k in rows.indices { rows[k] = sampler.next(rows: data.count, generator: &generator) }
        let before = network.parameters
        guard let gradient = takeStep(&network, on: data, rows: rows, interrupted: interrupted) else {
            (generator, sampler) = saved
            return nil
        }
        return ParameterStep(
            iteration: iteration, sizes: network.sizes, gradient: gradient, before: before, after: network.parameters)
    }

    /// The step on `rows` by the road `step` takes, returning the gradient the update rule got (the batch's
    /// mean, the penalty's included); nil when `interrupted` answered true between two passes of a large batch
    /// (the parameters and the rule then untouched).
    private mutating func takeStep(
        _ network: inout Network, on data: Dataset, rows: [Int], interrupted: () -> Bool
    ) -> [Double]? {
        let n = data.featureCount
        if isSingleUnitStep(network) {
            // As `trainSingleUnit` does it: z summed from the first term, then the bias; the step η·δ times x.
            var g = [Double](repeating: 0, count: n + 1)
            let r = rows[0], y = data.targets[r], eta = learningRate, loss = self.loss
            data.features.withUnsafeBufferPointer { f in
                network.parameters.withUnsafeMutableBufferPointer { p in
                    let x = f.baseAddress! + r * n, w = p.baseAddress!
                    let delta = loss.outputDelta(prediction: logistic(singleUnitSum(w, x, n)), target: y)
                    let step = eta * delta
                    for i in 0..<n {
                        g[i] = delta * x[i]
                        w[i] -= step * x[i]
                    }
                    g[n] = delta
                    w[n] -= step
                }
            }
            return g
        }
        for k in gradient.indices { gradient[k] = 0 }
        if rows.count == 1 {
            data.features.withUnsafeBufferPointer { f in
                _ = accumulate(network, input: f.baseAddress! + rows[0] * n, target: data.targets[rows[0]])
            }
        } else {
            let chunk = min(rows.count, MinibatchPass.largestChunk)
            batchPass.reserve(chunk, for: network)
            var done = 0
            while done < rows.count {
                if done > 0, interrupted() { return nil }
                let count = min(chunk, rows.count - done)
                rows.withUnsafeBufferPointer { r in
                    gradient.withUnsafeMutableBufferPointer { g in
                        batchPass.accumulate(
                            network, data: data, rows: r.baseAddress! + done, count: count, objective: objective,
                            into: g.baseAddress!)
                    }
                }
                done += count
            }
        }
        let instances = Double(rows.count)
        if isPenalised { addPenaltyGradient(network, instances: instances) }
        let mean = gradient.map { $0 / instances }
        let rate = learningRate
        network.parameters.withUnsafeMutableBufferPointer { p in
            gradient.withUnsafeBufferPointer { g in rule.apply(to: p, sum: g, instances: instances, rate: rate) }
        }
        return mean
    }

    /// One instance forward and back, with the values of every layer.
    private func instanceTrace(_ network: Network, on data: Dataset, row r: Int) -> InstanceTrace {
        let n = data.featureCount, y = data.targets[r]
        let input = Array(data.features[(r * n)..<((r + 1) * n)])
        if isSingleUnitStep(network) {
            let z = network.parameters.withUnsafeBufferPointer { p in
                input.withUnsafeBufferPointer { singleUnitSum(p.baseAddress!, $0.baseAddress!, n) }
            }
            let p = logistic(z)
            return InstanceTrace(
                row: r, input: input, target: y, z: [[z]], a: [[p]],
                delta: [[loss.outputDelta(prediction: p, target: y)]], loss: loss(prediction: p, target: y),
                outputSlopes: Self.outputSlopes(task: network.task, loss: loss, outputs: [p], target: y))
        }
        var probe = self
        let lossValue = input.withUnsafeBufferPointer {
            probe.accumulate(network, input: $0.baseAddress!, target: y)
        }
        var z: [[Double]] = [], a: [[Double]] = [], delta: [[Double]] = []
        for l in 0..<network.layerCount {
            let units = probe.pass.unitOffsets[l]..<(probe.pass.unitOffsets[l] + network.sizes[l + 1])
            z.append(Array(probe.pass.z[units]))
            a.append(Array(probe.pass.a[units]))
            delta.append(Array(probe.delta[units]))
        }
        return InstanceTrace(
            row: r, input: input, target: y, z: z, a: a, delta: delta, loss: lossValue,
            outputSlopes: Self.outputSlopes(task: network.task, loss: loss, outputs: a[a.count - 1], target: y))
    }

    /// ∂loss/∂output and ∂output/∂z of each output unit, whose product is its δ (the cross-entropy's δ, p − y, is
    /// computed as that directly); nil for a softmax.
    static func outputSlopes(task: Task, loss: Loss, outputs: [Double], target y: Double) -> (
        loss: [Double], activation: [Double]
    )? {
        switch task {
        case .multiclass:
            return nil
        case .regression:
            return ([2 * (outputs[0] - y)], [1])
        case .binary:
            let p = outputs[0], slope = p * (1 - p)
            switch loss {
            case .squaredError: return ([2 * (p - y)], [slope])
            case .crossEntropy: return ([(p - y) / slope], [slope])
            }
        }
    }
}

/// Σᵢ w[i]·x[i] + w[n], summed as the tutorial's loop sums it: from the first term, the bias last.
@inline(__always)
func singleUnitSum(_ w: UnsafePointer<Double>, _ x: UnsafePointer<Double>, _ n: Int) -> Double {
    var z = x[0] * w[0]
    var i = 1
    while i < n {
        z += x[i] * w[i]
        i += 1
    }
    return z + w[n]
}
