import COpenBLAS

/// The three products of `LaneProducts.swift` through OpenBLAS's `dgemm`, for layers wide enough that a tuned BLAS
/// beats the register-blocked loops (`wideLayerWeights` and up: on two threads, twice as fast at 512 × 512 and a tenth
/// faster at 128 × 128). The same layouts: weights row by row, values unit by
/// unit with the instances contiguous. OpenBLAS splits a product over its rows and columns, never over the sum,
/// so each sum runs in one thread in a fixed order and a seed still repeats bit for bit.

/// The weights from which a layer takes its products through OpenBLAS.
let wideLayerWeights = 128 * 128

/// z = bias + w · x: `units × lanes` from `units × fanIn` and `fanIn × lanes`.
@inline(__always)
func wideAffine(
    weights w: UnsafePointer<Double>, bias: UnsafePointer<Double>, fanIn: Int, units: Int,
    input x: UnsafePointer<Double>, lanes: Int, into z: UnsafeMutablePointer<Double>
) {
    for j in 0..<units { (z + j &* lanes).update(repeating: bias[j], count: lanes) }
    cblas_dgemm(
        CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(units), Int32(lanes), Int32(fanIn), 1, w, Int32(fanIn),
        x, Int32(lanes), 1, z, Int32(lanes))
}

/// p = wᵀ · d: `fanIn × lanes`, δ pushed back through the weights.
@inline(__always)
func widePushBack(
    weights w: UnsafePointer<Double>, fanIn: Int, units: Int, delta d: UnsafePointer<Double>, lanes: Int,
    into p: UnsafeMutablePointer<Double>
) {
    cblas_dgemm(
        CblasRowMajor, CblasTrans, CblasNoTrans, Int32(fanIn), Int32(lanes), Int32(units), 1, w, Int32(fanIn), d,
        Int32(lanes), 0, p, Int32(lanes))
}

/// gw += d · xᵀ (`units × fanIn`) and gb += the sums of d's rows.
@inline(__always)
func wideGradient(
    delta d: UnsafePointer<Double>, input x: UnsafePointer<Double>, fanIn: Int, units: Int, lanes: Int,
    weightGradient gw: UnsafeMutablePointer<Double>, biasGradient gb: UnsafeMutablePointer<Double>
) {
    addRowSums(d, units: units, lanes: lanes, into: gb)
    cblas_dgemm(
        CblasRowMajor, CblasNoTrans, CblasTrans, Int32(units), Int32(fanIn), Int32(lanes), 1, d, Int32(lanes), x,
        Int32(lanes), 1, gw, Int32(fanIn))
}
