/// Hidden sigmoid and tanh units stuck where their derivative is about zero, which stalls learning through them:
/// those whose derivative is below 1 % of its largest on at least nine in ten of up to 64 rows spread over the
/// data. (ReLU and linear units are not counted, nor the output unit: a confident output is no trouble.)
public struct Saturation: Sendable, Equatable {
    /// Hidden units saturated, of `total` hidden sigmoid and tanh units.
    public var saturated: Int
    public var total: Int
    /// Of each hidden layer's units, those saturated (0 for a layer of ReLU or linear units).
    public var perLayer: [Int]

    /// Rows looked at, at most.
    public static let rowLimit = 64

    /// Nil when it cannot be measured: no rows, rows of another width, or parameters that are not finite. Looks
    /// at `rowLimit` rows at most (64 unless fewer are asked for).
    public init?(of network: Network, on data: Dataset, rowLimit: Int = Saturation.rowLimit) {
        guard data.count > 0, data.featureCount == network.inputCount, network.isFinite, rowLimit > 0 else {
            return nil
        }
        let limit = min(rowLimit, Self.rowLimit)
        let rows = Array(stride(from: 0, to: data.count, by: max(data.count / limit, 1)).prefix(limit))
        let hiddenUnits = network.unitCount - 1  // all but the output unit, the last
        var pass = ForwardPass(network: network)
        var stuck = [Int](repeating: 0, count: hiddenUnits)
        for r in rows {
            _ = data.features.withUnsafeBufferPointer {
                pass.run(network, input: $0.baseAddress! + r * data.featureCount)
            }
            var unit = 0
            for l in 0..<(network.layerCount - 1) {
                let activation = network.activation(layer: l)
                for _ in 0..<network.sizes[l + 1] {
                    // For sigmoid and tanh the derivative follows from the output alone.
                    if activation.derivative(output: pass.a[unit], preactivation: 0) < 0.01
                        * activation.largestDerivative
                    {
                        stuck[unit] += 1
                    }
                    unit += 1
                }
            }
        }
        var total = 0, saturated = 0, unit = 0
        var perLayer = [Int](repeating: 0, count: network.layerCount - 1)
        for l in 0..<(network.layerCount - 1) {
            let counted = network.activation(layer: l) == .sigmoid || network.activation(layer: l) == .tanh
            for _ in 0..<network.sizes[l + 1] {
                if counted {
                    total += 1
                    if stuck[unit] * 10 >= rows.count * 9 {
                        saturated += 1
                        perLayer[l] += 1
                    }
                }
                unit += 1
            }
        }
        self.perLayer = perLayer
        self.saturated = saturated
        self.total = total
    }
}
