/// The backward pass of `StochasticGradientDescent` for one instance: its gradient added into the batch's, or, for
/// plain SGD on batches of one, the update made row by row on the way back (`descend`).
extension StochasticGradientDescent {
    /// Forward and backward pass for one instance; adds ∂loss/∂θ into `gradient`. Returns the loss.
    @discardableResult
    mutating func accumulate(_ network: Network, input: UnsafePointer<Double>, target: Double) -> Double {
        pass.run(network, input: input)
        // Only read: with no step to take, the backward pass writes nothing through this pointer.
        return network.parameters.withUnsafeBufferPointer { p in
            backpropagate(
                sizes: network.sizes, offsets: network.offsets, activation: network.hiddenActivation,
                parameters: UnsafeMutablePointer(mutating: p.baseAddress!), input: input, target: target,
                descending: nil)
        }
    }

    /// One step of plain SGD on one instance: θ ← θ − scale · ∂loss/∂θ, each layer's rows moved as soon as δ has
    /// been pushed back through them. The same numbers as `accumulate` followed by `UpdateRule.apply`, without
    /// the gradient's round trip through memory.
    mutating func descend(_ network: inout Network, input: UnsafePointer<Double>, target: Double, scale: Double) {
        pass.run(network, input: input)
        let sizes = network.sizes, offsets = network.offsets, activation = network.hiddenActivation
        network.parameters.withUnsafeMutableBufferPointer { p in
            _ = backpropagate(
                sizes: sizes, offsets: offsets, activation: activation, parameters: p.baseAddress!, input: input,
                target: target, descending: scale)
        }
    }

    /// The backward pass after `pass.run` on the same input, for a network of layer `sizes` whose parameters
    /// (blocks at `offsets`) lie at `parameters`. With `descending` nil the gradient goes into `gradient` and the
    /// parameters are only read.
    @inline(__always)
    private mutating func backpropagate(
        sizes: [Int], offsets: [Int], activation: Activation, parameters params: UnsafeMutablePointer<Double>,
        input: UnsafePointer<Double>, target: Double, descending scale: Double?
    ) -> Double {
        let unitOffsets = pass.unitOffsets, objective = self.objective, outputs = sizes[sizes.count - 1]
        var lossValue = 0.0
        do {
            pass.z.withUnsafeBufferPointer { zs in
                pass.a.withUnsafeBufferPointer { as_ in
                    delta.withUnsafeMutableBufferPointer { ds in
                        gradient.withUnsafeMutableBufferPointer { gs in
                            let zBase = zs.baseAddress!, aBase = as_.baseAddress!
                            let dBase = ds.baseAddress!, gBase = gs.baseAddress!
                            let last = sizes.count - 2
                            let output = aBase + unitOffsets[last]
                            lossValue = objective(outputs: output, count: outputs, target: target)
                            objective.outputDelta(
                                outputs: output, count: outputs, target: target, into: dBase + unitOffsets[last])
                            var l = last
                            while l >= 0 {
                                let fanIn = sizes[l], units = sizes[l + 1]
                                let w = params + offsets[l], b = w + fanIn &* units
                                let d = UnsafePointer(dBase + unitOffsets[l])
                                let source = l == 0 ? input : aBase + unitOffsets[l - 1]
                                let previous = l > 0 ? dBase + unitOffsets[l - 1] : nil
                                if let previous { previous.update(repeating: 0, count: fanIn) }
                                for j in 0..<units {
                                    let dj = d[j], row = w + j &* fanIn
                                    // The row pushes δ back before it moves.
                                    if let previous { addRow(row, times: dj, to: previous, count: fanIn) }
                                    if let scale {
                                        descendRow(row, scale: scale, gradient: dj, input: source, count: fanIn)
                                        b[j] -= scale * dj
                                    } else {
                                        addRow(source, times: dj, to: gBase + offsets[l] + j &* fanIn, count: fanIn)
                                        gBase[offsets[l] + fanIn &* units &+ j] += dj
                                    }
                                }
                                if let previous {
                                    activation.scaleByDerivative(
                                        previous, output: aBase + unitOffsets[l - 1],
                                        preactivation: zBase + unitOffsets[l - 1], count: fanIn)
                                }
                                l -= 1
                            }
                        }
                    }
                }
            }
        }
        return lossValue
    }
}
