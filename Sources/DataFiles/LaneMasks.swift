import NeuralCore
/// Constant vectors for `DecimalParser.quick`, in one table made once and never freed, so a parser can hold a
/// plain pointer to it: lane masks (0xFF in the chosen lanes of 16) and the powers of ten 10^0 … 10^15.
struct LaneMasks: @unchecked Sendable {
    private let masks: UnsafePointer<SIMD16<UInt8>>
    private let powers: UnsafePointer<Double>

    static let shared = LaneMasks()

    private init() {
        // Entries 0 … 16: lanes 0 ..< n. Entries 17 … 32: lanes 1 ... n.
        let masks = UnsafeMutablePointer<SIMD16<UInt8>>.allocate(capacity: 33)
        for n in 0...16 {
            var mask = SIMD16<UInt8>()
            for lane in 0..<16 where lane < n { mask[lane] = 0xFF }
            masks[n] = mask
            if n < 16 {
                var moved = SIMD16<UInt8>()
                for lane in 0..<16 where lane >= 1 && lane <= n { moved[lane] = 0xFF }
                masks[17 + n] = moved
            }
        }
        let powers = UnsafeMutablePointer<Double>.allocate(capacity: 16)
        powers.initialize(from: DecimalParser.powersOfTen, count: 16)
        self.masks = UnsafePointer(masks)
        self.powers = UnsafePointer(powers)
    }

    /// 0xFF in lanes 0 ..< n, for n in 0 … 16.
    @inline(__always)
    func before(_ n: Int) -> SIMD16<UInt8> { masks[n] }

    /// 0xFF in lanes 1 ... n, for n in 0 … 15.
    @inline(__always)
    func afterFirst(through n: Int) -> SIMD16<UInt8> { masks[17 &+ n] }

    /// 10^n, for n in 0 … 15.
    @inline(__always)
    func powerOfTen(_ n: Int) -> Double { powers[n] }
}
