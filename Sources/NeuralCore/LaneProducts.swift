/// The three matrix products of a minibatch through one dense layer, with the batch as the vector lane.
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

/// gw[j·fanIn + i] += Σ_b d[j·lanes + b] · x[i·lanes + b] and gb[j] += Σ_b d[j·lanes + b]: the batch's weight and
/// bias gradients added in. With scratch for the inputs transposed (`inputRows`, room for fanIn × lanes) the
/// weights' share is `laneGradientByRows`; without, each sum is taken eight lanes at a time, then across the lanes.
@inline(__always)
func laneGradient(
    delta d: UnsafePointer<Double>, input x: UnsafePointer<Double>, fanIn: Int, units: Int, lanes: Int,
    weightGradient gw: UnsafeMutablePointer<Double>, biasGradient gb: UnsafeMutablePointer<Double>,
    inputRows: UnsafeMutablePointer<Double>? = nil
) {
    for j in 0..<units {
        let dj = d + j &* lanes
        var s = Lane8()
        var b = 0
        while b < lanes {
            s += load8(dj + b)
            b &+= 8
        }
        gb[j] += sumAcross(s)
    }
    if let inputRows {
        transposeLanes(x, count: fanIn, lanes: lanes, into: inputRows)
        laneGradientByRows(
            delta: d, inputRows: inputRows, fanIn: fanIn, units: units, lanes: lanes, weightGradient: gw)
        return
    }
    var j = 0
    while j &+ 4 <= units {
        let d0 = d + j &* lanes, d1 = d0 + lanes, d2 = d1 + lanes, d3 = d2 + lanes
        var i = 0
        while i &+ 2 <= fanIn {
            let x0 = x + i &* lanes, x1 = x0 + lanes
            var s00 = Lane8(), s01 = Lane8(), s10 = Lane8(), s11 = Lane8()
            var s20 = Lane8(), s21 = Lane8(), s30 = Lane8(), s31 = Lane8()
            var b = 0
            while b < lanes {
                let a0 = load8(x0 + b), a1 = load8(x1 + b)
                let e0 = load8(d0 + b), e1 = load8(d1 + b), e2 = load8(d2 + b), e3 = load8(d3 + b)
                s00 += e0 * a0
                s01 += e0 * a1
                s10 += e1 * a0
                s11 += e1 * a1
                s20 += e2 * a0
                s21 += e2 * a1
                s30 += e3 * a0
                s31 += e3 * a1
                b &+= 8
            }
            let g = gw + (j &* fanIn &+ i)
            g[0] += sumAcross(s00)
            g[1] += sumAcross(s01)
            g[fanIn] += sumAcross(s10)
            g[fanIn &+ 1] += sumAcross(s11)
            g[2 &* fanIn] += sumAcross(s20)
            g[2 &* fanIn &+ 1] += sumAcross(s21)
            g[3 &* fanIn] += sumAcross(s30)
            g[3 &* fanIn &+ 1] += sumAcross(s31)
            i &+= 2
        }
        if i < fanIn {
            let x0 = x + i &* lanes
            var s0 = Lane8(), s1 = Lane8(), s2 = Lane8(), s3 = Lane8()
            var b = 0
            while b < lanes {
                let a0 = load8(x0 + b)
                s0 += load8(d0 + b) * a0
                s1 += load8(d1 + b) * a0
                s2 += load8(d2 + b) * a0
                s3 += load8(d3 + b) * a0
                b &+= 8
            }
            let g = gw + (j &* fanIn &+ i)
            g[0] += sumAcross(s0)
            g[fanIn] += sumAcross(s1)
            g[2 &* fanIn] += sumAcross(s2)
            g[3 &* fanIn] += sumAcross(s3)
        }
        j &+= 4
    }
    while j < units {
        let dj = d + j &* lanes
        for i in 0..<fanIn {
            let xi = x + i &* lanes
            var s = Lane8()
            var b = 0
            while b < lanes {
                s += load8(dj + b) * load8(xi + b)
                b &+= 8
            }
            gw[j &* fanIn &+ i] += sumAcross(s)
        }
        j &+= 1
    }
}

/// The weight gradient as `laneGradient` gives it (without the biases), from the inputs transposed, one instance's
/// after another (`xt[b·fanIn + i]`): each gradient row is then a sum of outer products taken sixteen inputs at a
/// time, in the order of the instances, with no sum across lanes. For fan-ins of 8 and more.
@inline(__always)
func laneGradientByRows(
    delta d: UnsafePointer<Double>, inputRows xt: UnsafePointer<Double>, fanIn: Int, units: Int, lanes: Int,
    weightGradient gw: UnsafeMutablePointer<Double>
) {
    var j = 0
    while j &+ 4 <= units {
        let d0 = d + j &* lanes, d1 = d0 + lanes, d2 = d1 + lanes, d3 = d2 + lanes
        let g0 = gw + j &* fanIn, g1 = g0 + fanIn, g2 = g1 + fanIn, g3 = g2 + fanIn
        var i = 0
        while i &+ 16 <= fanIn {
            var s00 = Lane8(), s01 = Lane8(), s10 = Lane8(), s11 = Lane8()
            var s20 = Lane8(), s21 = Lane8(), s30 = Lane8(), s31 = Lane8()
            var xb = xt + i
            for b in 0..<lanes {
                let x0 = load8(xb), x1 = load8(xb + 8)
                let e0 = d0[b], e1 = d1[b], e2 = d2[b], e3 = d3[b]
                s00 += x0 * e0
                s01 += x1 * e0
                s10 += x0 * e1
                s11 += x1 * e1
                s20 += x0 * e2
                s21 += x1 * e2
                s30 += x0 * e3
                s31 += x1 * e3
                xb += fanIn
            }
            store8(load8(g0 + i) + s00, g0 + i)
            store8(load8(g0 + i + 8) + s01, g0 + i + 8)
            store8(load8(g1 + i) + s10, g1 + i)
            store8(load8(g1 + i + 8) + s11, g1 + i + 8)
            store8(load8(g2 + i) + s20, g2 + i)
            store8(load8(g2 + i + 8) + s21, g2 + i + 8)
            store8(load8(g3 + i) + s30, g3 + i)
            store8(load8(g3 + i + 8) + s31, g3 + i + 8)
            i &+= 16
        }
        while i &+ 8 <= fanIn {
            var s0 = Lane8(), s1 = Lane8(), s2 = Lane8(), s3 = Lane8()
            var xb = xt + i
            for b in 0..<lanes {
                let x0 = load8(xb)
                s0 += x0 * d0[b]
                s1 += x0 * d1[b]
                s2 += x0 * d2[b]
                s3 += x0 * d3[b]
                xb += fanIn
            }
            store8(load8(g0 + i) + s0, g0 + i)
            store8(load8(g1 + i) + s1, g1 + i)
            store8(load8(g2 + i) + s2, g2 + i)
            store8(load8(g3 + i) + s3, g3 + i)
            i &+= 8
        }
        while i < fanIn {
            var t0 = 0.0, t1 = 0.0, t2 = 0.0, t3 = 0.0
            for b in 0..<lanes {
                let x = xt[b &* fanIn &+ i]
                t0 += x * d0[b]
                t1 += x * d1[b]
                t2 += x * d2[b]
                t3 += x * d3[b]
            }
            g0[i] += t0
            g1[i] += t1
            g2[i] += t2
            g3[i] += t3
            i &+= 1
        }
        j &+= 4
    }
    while j < units {
        let dj = d + j &* lanes, gj = gw + j &* fanIn
        var i = 0
        while i &+ 8 <= fanIn {
            var s = Lane8()
            var xb = xt + i
            for b in 0..<lanes {
                s += load8(xb) * dj[b]
                xb += fanIn
            }
            store8(load8(gj + i) + s, gj + i)
            i &+= 8
        }
        while i < fanIn {
            var t = 0.0
            for b in 0..<lanes { t += xt[b &* fanIn &+ i] * dj[b] }
            gj[i] += t
            i &+= 1
        }
        j &+= 1
    }
}

/// xt[b·count + i] = x[i·lanes + b]: a layer's values, one instance's after another.
@inline(__always)
func transposeLanes(
    _ x: UnsafePointer<Double>, count: Int, lanes: Int, into xt: UnsafeMutablePointer<Double>
) {
    var i = 0
    while i &+ 4 <= count {
        let r0 = x + i &* lanes, r1 = r0 + lanes, r2 = r1 + lanes, r3 = r2 + lanes
        for b in 0..<lanes {
            let o = xt + (b &* count &+ i)
            o[0] = r0[b]
            o[1] = r1[b]
            o[2] = r2[b]
            o[3] = r3[b]
        }
        i &+= 4
    }
    while i < count {
        let r = x + i &* lanes
        for b in 0..<lanes { xt[b &* count &+ i] = r[b] }
        i &+= 1
    }
}
