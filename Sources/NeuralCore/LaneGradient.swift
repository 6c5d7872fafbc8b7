/// The weight and bias gradients of a minibatch through one dense layer, in the layouts of `LaneProducts.swift`.

/// gb[j] += Σ_b d[j·lanes + b]: each unit's δ summed over the instances, eight lanes at a time, then across.
@inline(__always)
func addRowSums(_ d: UnsafePointer<Double>, units: Int, lanes: Int, into gb: UnsafeMutablePointer<Double>) {
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
    addRowSums(d, units: units, lanes: lanes, into: gb)
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
