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

    /// Runs `network` on the `network.inputCount` values at `input` and returns the output probability.
    @inline(__always)
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
                        let activation = network.activation(layer: l)
                        for j in 0..<units {
                            var sum = b[j]
                            let row = w + j * fanIn
                            for i in 0..<fanIn { sum += row[i] * source[i] }
                            zOut[j] = sum
                            aOut[j] = activation(sum)
                        }
                        source = UnsafePointer(aOut)
                    }
                    return source[0]
                }
            }
        }
    }
}
