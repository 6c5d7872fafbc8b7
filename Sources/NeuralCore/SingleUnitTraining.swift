/// The tutorial's case of `StochasticGradientDescent`, written out as one tight loop over the raw storage.
extension StochasticGradientDescent {
    /// `steps` steps of the tutorial's network (no hidden layer) with batch size 1, written out directly, each on
    /// a row drawn from `generator`: z = w·x + b, p = σ(z), then w ← w − η·δ·x and b ← b − η·δ with δ = ∂loss/∂z.
    mutating func trainSingleUnit(
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
        sampler.drawn &+= steps
    }
}
