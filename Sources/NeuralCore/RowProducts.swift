/// The products of one instance through one dense layer, weights row by row (`w[j·fanIn + i]`): the forward pass
/// as dot products of four rows at a time, and δ pushed back by streaming the rows, each sum in a fixed order.

/// The fan-in from which a dot product is taken sixteen terms at a time; below it, term by term in order.
let vectorDotFanIn = 16

/// z[j] = bias[j] + Σᵢ w[j·fanIn + i] · x[i]. From `vectorDotFanIn` inputs the terms are summed in two 8-wide
/// partial sums (term i in lane i mod 8 of sum ⌊i/8⌋ mod 2), then across, then the rest in order.
@inline(__always)
func rowAffine(
    weights w: UnsafePointer<Double>, bias: UnsafePointer<Double>, fanIn: Int, units: Int,
    input x: UnsafePointer<Double>, into z: UnsafeMutablePointer<Double>
) {
    guard fanIn >= vectorDotFanIn else {
        for j in 0..<units {
            var sum = bias[j]
            let row = w + j &* fanIn
            for i in 0..<fanIn { sum += row[i] * x[i] }
            z[j] = sum
        }
        return
    }
    let whole = fanIn & ~15
    var j = 0
    while j &+ 4 <= units {
        let r0 = w + j &* fanIn, r1 = r0 + fanIn, r2 = r1 + fanIn, r3 = r2 + fanIn
        var s00 = Lane8(), s01 = Lane8(), s10 = Lane8(), s11 = Lane8()
        var s20 = Lane8(), s21 = Lane8(), s30 = Lane8(), s31 = Lane8()
        var i = 0
        while i < whole {
            let x0 = load8(x + i), x1 = load8(x + i + 8)
            s00 += load8(r0 + i) * x0
            s01 += load8(r0 + i + 8) * x1
            s10 += load8(r1 + i) * x0
            s11 += load8(r1 + i + 8) * x1
            s20 += load8(r2 + i) * x0
            s21 += load8(r2 + i + 8) * x1
            s30 += load8(r3 + i) * x0
            s31 += load8(r3 + i + 8) * x1
            i &+= 16
        }
        var t0 = bias[j] + (s00 + s01).sum(), t1 = bias[j &+ 1] + (s10 + s11).sum()
        var t2 = bias[j &+ 2] + (s20 + s21).sum(), t3 = bias[j &+ 3] + (s30 + s31).sum()
        while i < fanIn {
            let xi = x[i]
            t0 += r0[i] * xi
            t1 += r1[i] * xi
            t2 += r2[i] * xi
            t3 += r3[i] * xi
            i &+= 1
        }
        z[j] = t0
        z[j &+ 1] = t1
        z[j &+ 2] = t2
        z[j &+ 3] = t3
        j &+= 4
    }
    while j < units {
        let row = w + j &* fanIn
        var s0 = Lane8(), s1 = Lane8()
        var i = 0
        while i < whole {
            s0 += load8(row + i) * load8(x + i)
            s1 += load8(row + i + 8) * load8(x + i + 8)
            i &+= 16
        }
        var t = bias[j] + (s0 + s1).sum()
        while i < fanIn {
            t += row[i] * x[i]
            i &+= 1
        }
        z[j] = t
        j &+= 1
    }
}

/// p[i] += row[i] · c for i < count: one unit's share of δ pushed back (Σⱼ w[j·fanIn + i] · d[j], taken row after
/// row so the weights stream in order).
@inline(__always)
func addRow(_ row: UnsafePointer<Double>, times c: Double, to p: UnsafeMutablePointer<Double>, count: Int) {
    var i = 0
    while i &+ 8 <= count {
        store8(load8(p + i) + load8(row + i) * c, p + i)
        i &+= 8
    }
    while i < count {
        p[i] += row[i] * c
        i &+= 1
    }
}

/// row[i] −= scale · (c · x[i]) for i < count: one unit's weights moved by plain SGD, its gradient c · x formed on the
/// way, as `UpdateRule` would from the stored gradient.
@inline(__always)
func descendRow(
    _ row: UnsafeMutablePointer<Double>, scale: Double, gradient c: Double, input x: UnsafePointer<Double>, count: Int
) {
    var i = 0
    while i &+ 8 <= count {
        store8(load8(row + i) - scale * (c * load8(x + i)), row + i)
        i &+= 8
    }
    while i < count {
        row[i] -= scale * (c * x[i])
        i &+= 1
    }
}
