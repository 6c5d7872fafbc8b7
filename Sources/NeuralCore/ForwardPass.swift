/// Scratch space for running a network forward without allocating: the pre-activation `z` and the output `a`
/// of every unit after the input layer, laid out layer after layer.
public struct ForwardPass: Sendable {
    public private(set) var z: [Double]
    public private(set) var a: [Double]
    /// Start of layer `l`'s units (l = 0 is the first layer after the input).
    let unitOffsets: [Int]

    public init(network: Network) {
        z = Array(repeating: 0, count: network.unitCount)
        a = z
        var offsets: [Int] = []
        var next = 0
        for size in network.sizes.dropFirst() {
            offsets.append(next)
            next += size
        }
        unitOffsets = offsets
    }

    /// Start of the output layer's units.
    public var outputOffset: Int { unitOffsets[unitOffsets.count - 1] }

    /// The output layer's values after the last `run`: one probability per class for multiclass.
    public var outputs: [Double] { Array(a[outputOffset...]) }

    /// Runs `network` on the `network.inputCount` values at `input` and returns its first output: the
    /// probability of class 1 (binary), of the first class (multiclass, all in `a` from `outputOffset`) or the
    /// predicted value (regression).
    @inline(__always)
    @discardableResult
    public mutating func run(_ network: Network, input: UnsafePointer<Double>) -> Double {
        let sizes = network.sizes, offsets = network.offsets, unitOffsets = self.unitOffsets
        return network.parameters.withUnsafeBufferPointer { p in
            z.withUnsafeMutableBufferPointer { zs in
                a.withUnsafeMutableBufferPointer { as_ in
                    let params = p.baseAddress!, zBase = zs.baseAddress!, aBase = as_.baseAddress!
                    var source = input
                    for l in 0..<(sizes.count - 1) {
                        let fanIn = sizes[l], units = sizes[l + 1]
                        let w = params + offsets[l], b = w + fanIn * units
                        let zOut = zBase + unitOffsets[l], aOut = aBase + unitOffsets[l]
                        rowAffine(weights: w, bias: b, fanIn: fanIn, units: units, input: source, into: zOut)
                        network.activation(layer: l).apply(zOut, into: aOut, count: units)
                        source = UnsafePointer(aOut)
                    }
                    if network.task == .multiclass {
                        softmaxInPlace(aBase + unitOffsets[sizes.count - 2], count: sizes[sizes.count - 1])
                    }
                    return source[0]
                }
            }
        }
    }
}
