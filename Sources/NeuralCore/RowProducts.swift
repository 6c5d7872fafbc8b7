/// The products of one instance through one dense layer, weights row by row (`w[j·fanIn + i]`): the forward pass
/// as dot products of eight rows at a time, and δ pushed back by streaming the rows, each sum in a fixed order.

/// The fan-in from which a dot product is taken eight terms at a time; below it, term by term in order.
let vectorDotFanIn = 16

/// z[j] = bias[j] + Σᵢ w[j·fanIn + i] · x[i]. From `vectorDotFanIn` inputs the terms of each row are summed in an
/// 8-wide partial sum (term i in lane i mod 8), then across it pairwise (`sumAcross`), then the terms past the last
/// whole eight in order; eight rows go together, so eight streams of weights are read at once.
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
    let eights = fanIn & ~7
    var j = 0
    // Eight rows at a time, eight terms of each: eight streams of weights in flight.
    while j &+ 8 <= units {
        let r0 = w + j &* fanIn, r1 = r0 + fanIn, r2 = r1 + fanIn, r3 = r2 + fanIn
        let r4 = r3 + fanIn, r5 = r4 + fanIn, r6 = r5 + fanIn, r7 = r6 + fanIn
        var s0 = Lane8(), s1 = Lane8(), s2 = Lane8(), s3 = Lane8()
        var s4 = Lane8(), s5 = Lane8(), s6 = Lane8(), s7 = Lane8()
        var i = 0
        while i < eights {
            let xi = load8(x + i)
            s0 += load8(r0 + i) * xi
            s1 += load8(r1 + i) * xi
            s2 += load8(r2 + i) * xi
            s3 += load8(r3 + i) * xi
            s4 += load8(r4 + i) * xi
            s5 += load8(r5 + i) * xi
            s6 += load8(r6 + i) * xi
            s7 += load8(r7 + i) * xi
            i &+= 8
        }
        // The sum across lanes, then the terms past the last whole eight, in order.
        @inline(__always) func finish(_ u: Int, _ row: UnsafePointer<Double>, _ partial: Lane8) {
            var total = bias[j &+ u] + sumAcross(partial)
            var k = eights
            while k < fanIn {
                total += row[k] * x[k]
                k &+= 1
            }
            z[j &+ u] = total
        }
        finish(0, r0, s0)
        finish(1, r1, s1)
        finish(2, r2, s2)
        finish(3, r3, s3)
        finish(4, r4, s4)
        finish(5, r5, s5)
        finish(6, r6, s6)
        finish(7, r7, s7)
        j &+= 8
    }
    while j < units {
        let row = w + j &* fanIn
        var s0 = Lane8()
        var i = 0
        while i < eights {
            s0 += load8(row + i) * load8(x + i)
            i &+= 8
        }
        var t = bias[j] + sumAcross(s0)
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
