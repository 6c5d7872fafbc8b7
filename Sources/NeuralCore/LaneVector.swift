/// Eight doubles, the unit the kernels compute in: one 512-bit register where the CPU has them, two or four
/// narrower ones elsewhere. Loads and stores go through raw pointers and need no alignment.
typealias Lane8 = SIMD8<Double>

@inline(__always)
func load8(_ p: UnsafePointer<Double>) -> Lane8 {
    UnsafeRawPointer(p).loadUnaligned(as: Lane8.self)
}

@inline(__always)
func load8(_ p: UnsafeMutablePointer<Double>) -> Lane8 {
    UnsafeRawPointer(p).loadUnaligned(as: Lane8.self)
}

@inline(__always)
func store8(_ v: Lane8, _ p: UnsafeMutablePointer<Double>) {
    UnsafeMutableRawPointer(p).storeBytes(of: v, as: Lane8.self)
}

/// `n` rounded up to a whole number of eight-wide lanes.
@inline(__always)
func paddedToLanes(_ n: Int) -> Int { (n &+ 7) & ~7 }

/// The sum of a vector's eight values, pairwise: (v₀+v₄ + v₂+v₆) + (v₁+v₅ + v₃+v₇), three adds across halves
/// rather than seven in a row.
@inline(__always)
func sumAcross(_ v: Lane8) -> Double {
    let half = v.lowHalf + v.highHalf
    let quarter = half.lowHalf + half.highHalf
    return quarter[0] + quarter[1]
}
