/// Scratch for taking up to `lanes` instances of a minibatch through a network together, layer by layer, as matrix
/// products (`LaneProducts.swift`): every layer's values laid out unit by unit with the instances contiguous.
struct MinibatchPass: Sendable {
    /// The most instances one pass takes (a larger batch is taken in passes of this many).
    static let largestChunk = 64

    /// Instances this scratch has room for, a multiple of 8.
    private(set) var lanes = 0
    /// The layer sizes of the network the scratch is laid out for.
    private var sizes: [Int] = []
    /// The instances' inputs: `inputCount × lanes`.
    private var input: [Double] = []
    /// Pre-activations, outputs and δ of every unit after the input, layer after layer, each `units × lanes`.
    private var z: [Double] = []
    private var a: [Double] = []
    private var delta: [Double] = []
    /// Units before layer l's (l = 0 the first after the input): its block starts at that × the lanes in use.
    private var unitOffsets: [Int] = []
    /// A layer's inputs transposed, one instance's after another, for the weight gradient of wide layers.
    private var transposed: [Double] = []
    /// One instance's outputs and their δ, for the task's objective.
    private var outputs: [Double] = []
    private var outputDelta: [Double] = []

    init() {}

    /// Makes room for `count` instances of `network` (reallocates only when it grows or the shape changes).
    mutating func reserve(_ count: Int, for network: Network) {
        let needed = paddedToLanes(count)
        guard needed > lanes || sizes != network.sizes else { return }
        lanes = max(needed, lanes)
        sizes = network.sizes
        input = Array(repeating: 0, count: network.inputCount * lanes)
        z = Array(repeating: 0, count: network.unitCount * lanes)
        a = z
        delta = z
        unitOffsets = []
        var next = 0
        for size in network.sizes.dropFirst() {
            unitOffsets.append(next)
            next += size
        }
        transposed = Array(repeating: 0, count: network.sizes.dropLast().max()! * lanes)
        outputs = Array(repeating: 0, count: network.outputCount)
        outputDelta = outputs
    }

    /// Adds the summed gradient of the loss over the instances `rows[0..<count]` of `data` into `gradient`
    /// (laid out like `Network.parameters`). `reserve` must have made room for `count`. The values are laid out
    /// with `count` rounded up to 8 lanes, however many the scratch has room for, so no stale lane is read.
    mutating func accumulate(
        _ network: Network, data: Dataset, rows: UnsafePointer<Int>, count: Int, objective: Objective,
        into gradient: UnsafeMutablePointer<Double>
    ) {
        precondition(count > 0 && count <= self.lanes, "no room for \(count) instances")
        let lanes = paddedToLanes(count)
        let sizes = network.sizes, offsets = network.offsets, last = sizes.count - 2
        let unitOffsets = self.unitOffsets
        // Where layer l's block starts, worked out as needed: no array made per pass.
        @inline(__always) func block(_ l: Int) -> Int { unitOffsets[l] &* lanes }
        let width = data.featureCount, k = network.outputCount
        input.withUnsafeMutableBufferPointer { xs in
            z.withUnsafeMutableBufferPointer { zs in
                a.withUnsafeMutableBufferPointer { as_ in
                    delta.withUnsafeMutableBufferPointer { ds in
                        outputs.withUnsafeMutableBufferPointer { os in
                            outputDelta.withUnsafeMutableBufferPointer { ods in
                                network.parameters.withUnsafeBufferPointer { ps in
                                    data.features.withUnsafeBufferPointer { fs in
                                        transposed.withUnsafeMutableBufferPointer { ts in
                                            let x = xs.baseAddress!, params = ps.baseAddress!, f = fs.baseAddress!
                                            let zBase = zs.baseAddress!, aBase = as_.baseAddress!
                                            let dBase = ds.baseAddress!
                                            // Gather the rows, the instances as lanes; lanes past `count` are zero.
                                            for i in 0..<width {
                                                let column = x + i &* lanes
                                                for b in 0..<count { column[b] = f[rows[b] &* width &+ i] }
                                                for b in count..<lanes { column[b] = 0 }
                                            }
                                            // Forward, layer by layer.
                                            var source = UnsafePointer(x)
                                            for l in 0...last {
                                                let fanIn = sizes[l], units = sizes[l + 1]
                                                let w = params + offsets[l]
                                                let zl = zBase + block(l), al = aBase + block(l)
                                                if fanIn &* units >= wideLayerWeights {
                                                    wideAffine(
                                                        weights: w, bias: w + fanIn &* units, fanIn: fanIn,
                                                        units: units, input: source,
                                                        lanes: lanes, into: zl)
                                                } else {
                                                    laneAffine(
                                                        weights: w, bias: w + fanIn &* units, fanIn: fanIn,
                                                        units: units,
                                                        input: source, lanes: lanes, into: zl)
                                                }
                                                network.activation(layer: l).apply(zl, into: al, count: units &* lanes)
                                                source = UnsafePointer(al)
                                            }
                                            // The output layer's δ, instance by instance.
                                            let aOut = aBase + block(last)
                                            let dOut = dBase + block(last)
                                            let o = os.baseAddress!, od = ods.baseAddress!
                                            for b in 0..<lanes {
                                                guard b < count else {
                                                    for u in 0..<k { dOut[u &* lanes &+ b] = 0 }
                                                    continue
                                                }
                                                // A multiclass output layer is linear here: its softmax is taken
                                                // across the instance's units.
                                                for u in 0..<k { o[u] = aOut[u &* lanes &+ b] }
                                                if network.task == .multiclass { softmaxInPlace(o, count: k) }
                                                objective.outputDelta(
                                                    outputs: o, count: k, target: data.targets[rows[b]], into: od)
                                                for u in 0..<k { dOut[u &* lanes &+ b] = od[u] }
                                            }
                                            // Backward: each layer's gradient, then δ pushed back a layer.
                                            var l = last
                                            while l >= 0 {
                                                let fanIn = sizes[l], units = sizes[l + 1]
                                                let gw = gradient + offsets[l]
                                                let dl = UnsafePointer(dBase + block(l))
                                                let input =
                                                    l == 0 ? UnsafePointer(x) : UnsafePointer(aBase + block(l - 1))
                                                let wide = fanIn &* units >= wideLayerWeights
                                                if wide {
                                                    wideGradient(
                                                        delta: dl, input: input, fanIn: fanIn, units: units,
                                                        lanes: lanes, weightGradient: gw,
                                                        biasGradient: gw + fanIn &* units)
                                                } else {
                                                    laneGradient(
                                                        delta: dl, input: input, fanIn: fanIn, units: units,
                                                        lanes: lanes,
                                                        weightGradient: gw, biasGradient: gw + fanIn &* units,
                                                        inputRows: fanIn >= 8 ? ts.baseAddress! : nil)
                                                }
                                                if l > 0 {
                                                    let previous = dBase + block(l - 1)
                                                    if wide {
                                                        widePushBack(
                                                            weights: params + offsets[l], fanIn: fanIn, units: units,
                                                            delta: dl, lanes: lanes,
                                                            into: previous)
                                                    } else {
                                                        lanePushBack(
                                                            weights: params + offsets[l], fanIn: fanIn, units: units,
                                                            delta: dl, lanes: lanes, into: previous)
                                                    }
                                                    network.hiddenActivation.scaleByDerivative(
                                                        previous, output: aBase + block(l - 1),
                                                        preactivation: zBase + block(l - 1), count: fanIn &* lanes)
                                                }
                                                l -= 1
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
