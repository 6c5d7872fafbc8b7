/// The backward pass of `StochasticGradientDescent`: one instance's gradient, added into the batch's.
extension StochasticGradientDescent {
    /// Forward and backward pass for one instance; adds ∂loss/∂θ into `gradient`. Returns the loss.
    @discardableResult
    mutating func accumulate(_ network: Network, input: UnsafePointer<Double>, target: Double) -> Double {
        pass.run(network, input: input)
        let sizes = network.sizes, offsets = network.offsets, unitOffsets = pass.unitOffsets
        let objective = self.objective, outputs = network.outputCount
        var lossValue = 0.0
        network.parameters.withUnsafeBufferPointer { p in
            pass.z.withUnsafeBufferPointer { zs in
                pass.a.withUnsafeBufferPointer { as_ in
                    delta.withUnsafeMutableBufferPointer { ds in
                        gradient.withUnsafeMutableBufferPointer { gs in
                            let params = p.baseAddress!, zBase = zs.baseAddress!, aBase = as_.baseAddress!
                            let dBase = ds.baseAddress!, gBase = gs.baseAddress!
                            let last = sizes.count - 2
                            let output = UnsafePointer(aBase + unitOffsets[last])
                            lossValue = objective(outputs: output, count: outputs, target: target)
                            objective.outputDelta(
                                outputs: output, count: outputs, target: target, into: dBase + unitOffsets[last])
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
        return lossValue
    }
}
