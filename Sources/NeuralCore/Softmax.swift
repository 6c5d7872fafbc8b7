#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// softmax(z)ₖ = e^(zₖ − m) / Σⱼ e^(zⱼ − m) with m = max z, written over `z` in place: the shift by the largest
/// logit keeps every exponential at most 1, so no logit is too large.
@inline(__always)
public func softmaxInPlace(_ z: UnsafeMutablePointer<Double>, count: Int) {
    var largest = -Double.infinity
    for k in 0..<count where z[k] > largest { largest = z[k] }
    guard largest.isFinite else {
        // A NaN or an infinite logit: no distribution to speak of. NaN everywhere says so downstream.
        for k in 0..<count { z[k] = .nan }
        return
    }
    var sum = 0.0
    for k in 0..<count {
        let e = exp(z[k] - largest)
        z[k] = e
        sum += e
    }
    for k in 0..<count { z[k] /= sum }
}
