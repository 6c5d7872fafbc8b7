/// The forward map and the push-back of a minibatch through one dense layer (the gradient is in LaneGradient.swift),
/// with the batch as the vector lane.
///
/// A layer of `units` units over `fanIn` inputs keeps its weights as `Network.parameters` does, row by row
/// (`w[j·fanIn + i]`). Values of the batch are laid out unit by unit with the batch contiguous: `x[i·lanes + b]`
/// is input `i` of instance `b`, `lanes` a multiple of 8 (instances past the batch are zero-padded and carry a δ of
/// 0). Each kernel keeps a block of 4 units (or inputs) × 16 instances in registers while it walks the other
/// dimension, and every sum runs in a fixed order, so a given build gives the same bits every time.

/// Inputs (or units) of a product taken per pass over the outputs: 128 × 16 instances of values, 16 KiB, stay in
/// the first-level cache while four outputs' sums run over them. The sums run on from pass to pass through the
/// output, in the same order as in one pass.
let productDepth = 128

/// z[j·lanes + b] = bias[j] + Σᵢ w[j·fanIn + i] · x[i·lanes + b], the sum taken in the order of i.
@inline(__always)
func laneAffine(
    weights w: UnsafePointer<Double>, bias: UnsafePointer<Double>, fanIn: Int, units: Int,
    input x: UnsafePointer<Double>, lanes: Int, into z: UnsafeMutablePointer<Double>
) {
    var i0 = 0
    repeat {
        let i1 = min(i0 &+ productDepth, fanIn)
        laneAffinePart(
            weights: w, bias: i0 == 0 ? bias : nil, fanIn: fanIn, inputs: i0..<i1, units: units, input: x,
            lanes: lanes, into: z)
        i0 = i1
    } while i0 < fanIn
}

/// The terms of inputs `inputs` added into z, starting from the biases (or, without them, from z itself).
@inline(__always)
func laneAffinePart(
    weights w: UnsafePointer<Double>, bias: UnsafePointer<Double>?, fanIn: Int, inputs: Range<Int>, units: Int,
    input x: UnsafePointer<Double>, lanes: Int, into z: UnsafeMutablePointer<Double>
) {
    @inline(__always) func start(_ unit: Int, _ at: UnsafeMutablePointer<Double>) -> Lane8 {
        if let bias { return Lane8(repeating: bias[unit]) }
        return load8(at)
    }
    let first = inputs.lowerBound, last = inputs.upperBound
    var j = 0
    while j &+ 4 <= units {
        let w0 = w + j &* fanIn, w1 = w0 + fanIn, w2 = w1 + fanIn, w3 = w2 + fanIn
        let out = z + j &* lanes
        var b = 0
        while b &+ 16 <= lanes {
            let o = out + b
            var s00 = start(j, o), s01 = start(j, o + 8)
            var s10 = start(j &+ 1, o + lanes), s11 = start(j &+ 1, o + lanes + 8)
            var s20 = start(j &+ 2, o + 2 &* lanes), s21 = start(j &+ 2, o + 2 &* lanes + 8)
            var s30 = start(j &+ 3, o + 3 &* lanes), s31 = start(j &+ 3, o + 3 &* lanes + 8)
            var xi = x + (first &* lanes &+ b)
            for i in first..<last {
                let x0 = load8(xi), x1 = load8(xi + 8)
                let c0 = w0[i], c1 = w1[i], c2 = w2[i], c3 = w3[i]
                s00 += x0 * c0
                s01 += x1 * c0
                s10 += x0 * c1
                s11 += x1 * c1
                s20 += x0 * c2
                s21 += x1 * c2
                s30 += x0 * c3
                s31 += x1 * c3
                xi += lanes
            }
            store8(s00, o)
            store8(s01, o + 8)
            store8(s10, o + lanes)
            store8(s11, o + lanes + 8)
            store8(s20, o + 2 &* lanes)
            store8(s21, o + 2 &* lanes + 8)
            store8(s30, o + 3 &* lanes)
            store8(s31, o + 3 &* lanes + 8)
            b &+= 16
        }
        if b < lanes {
            let o = out + b
            var s0 = start(j, o), s1 = start(j &+ 1, o + lanes)
            var s2 = start(j &+ 2, o + 2 &* lanes), s3 = start(j &+ 3, o + 3 &* lanes)
            var xi = x + (first &* lanes &+ b)
            for i in first..<last {
                let x0 = load8(xi)
                s0 += x0 * w0[i]
                s1 += x0 * w1[i]
                s2 += x0 * w2[i]
                s3 += x0 * w3[i]
                xi += lanes
            }
            store8(s0, o)
            store8(s1, o + lanes)
            store8(s2, o + 2 &* lanes)
            store8(s3, o + 3 &* lanes)
        }
        j &+= 4
    }
    while j < units {
        let row = w + j &* fanIn
        let out = z + j &* lanes
        var b = 0
        while b < lanes {
            var s = start(j, out + b)
            var xi = x + (first &* lanes &+ b)
            for i in first..<last {
                s += load8(xi) * row[i]
                xi += lanes
            }
            store8(s, out + b)
            b &+= 8
        }
        j &+= 1
    }
}

/// p[i·lanes + b] = Σⱼ w[j·fanIn + i] · d[j·lanes + b]: δ pushed back through the weights, the sum taken in the
/// order of j.
@inline(__always)
func lanePushBack(
    weights w: UnsafePointer<Double>, fanIn: Int, units: Int, delta d: UnsafePointer<Double>, lanes: Int,
    into p: UnsafeMutablePointer<Double>
) {
    var j0 = 0
    repeat {
        let j1 = min(j0 &+ productDepth, units)
        lanePushBackPart(
            weights: w, fanIn: fanIn, units: j0..<j1, delta: d, lanes: lanes, into: p, fromZero: j0 == 0)
        j0 = j1
    } while j0 < units
}

/// The terms of units `units` added into p, starting from zero (or from p itself).
@inline(__always)
func lanePushBackPart(
    weights w: UnsafePointer<Double>, fanIn: Int, units: Range<Int>, delta d: UnsafePointer<Double>, lanes: Int,
    into p: UnsafeMutablePointer<Double>, fromZero: Bool
) {
    @inline(__always) func start(_ at: UnsafeMutablePointer<Double>) -> Lane8 { fromZero ? Lane8() : load8(at) }
    let first = units.lowerBound, count = units.count
    var i = 0
    while i &+ 4 <= fanIn {
        let out = p + i &* lanes
        var b = 0
        while b &+ 16 <= lanes {
            let o = out + b
            var s00 = start(o), s01 = start(o + 8), s10 = start(o + lanes), s11 = start(o + lanes + 8)
            var s20 = start(o + 2 &* lanes), s21 = start(o + 2 &* lanes + 8)
            var s30 = start(o + 3 &* lanes), s31 = start(o + 3 &* lanes + 8)
            var wj = w + (first &* fanIn &+ i)
            var dj = d + (first &* lanes &+ b)
            for _ in 0..<count {
                let d0 = load8(dj), d1 = load8(dj + 8)
                let c0 = wj[0], c1 = wj[1], c2 = wj[2], c3 = wj[3]
                s00 += d0 * c0
                s01 += d1 * c0
                s10 += d0 * c1
                s11 += d1 * c1
                s20 += d0 * c2
                s21 += d1 * c2
                s30 += d0 * c3
                s31 += d1 * c3
                wj += fanIn
                dj += lanes
            }
            store8(s00, o)
            store8(s01, o + 8)
            store8(s10, o + lanes)
            store8(s11, o + lanes + 8)
            store8(s20, o + 2 &* lanes)
            store8(s21, o + 2 &* lanes + 8)
            store8(s30, o + 3 &* lanes)
            store8(s31, o + 3 &* lanes + 8)
            b &+= 16
        }
        if b < lanes {
            let o = out + b
            var s0 = start(o), s1 = start(o + lanes), s2 = start(o + 2 &* lanes), s3 = start(o + 3 &* lanes)
            var wj = w + (first &* fanIn &+ i)
            var dj = d + (first &* lanes &+ b)
            for _ in 0..<count {
                let d0 = load8(dj)
                s0 += d0 * wj[0]
                s1 += d0 * wj[1]
                s2 += d0 * wj[2]
                s3 += d0 * wj[3]
                wj += fanIn
                dj += lanes
            }
            store8(s0, o)
            store8(s1, o + lanes)
            store8(s2, o + 2 &* lanes)
            store8(s3, o + 3 &* lanes)
        }
        i &+= 4
    }
    while i < fanIn {
        let out = p + i &* lanes
        var b = 0
        while b < lanes {
            var s = start(out + b)
            var wj = w + (first &* fanIn &+ i)
            var dj = d + (first &* lanes &+ b)
            for _ in 0..<count {
                s += load8(dj) * wj[0]
                wj += fanIn
                dj += lanes
            }
            store8(s, out + b)
            b &+= 8
        }
        i &+= 1
    }
}
