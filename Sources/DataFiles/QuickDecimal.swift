import NeuralCore
/// The fast path for numbers in a CSV row. A number of up to 15 bytes is read from one 16-byte vector with no
/// loop over its digits and no branch on its length; anything else goes to `general` (WordDecimal.swift). Either
/// way the value is formed only where it is exact, and is bit for bit what `Double(String)` gives.
extension DecimalParser {
    /// Reads a plain decimal number (optional sign, digits, optional point and digits, optional exponent) starting
    /// at `i`, and leaves `i` on the first byte after it. Nil when the text there is not such a number, when its
    /// value needs more than Clinger's fast path (more than 19 digits, counting leading zeros; a mantissa above
    /// 2^53; a power of ten beyond ±22), or when it runs too near `end` to read whole words: the caller then reads
    /// the cell the careful way, with `parse`, which gives the same value for everything this accepts.
    ///
    /// `i` must be below `end`, and so is the `i` it leaves.
    @inline(__always)
    static func quick(_ base: UnsafePointer<UInt8>, _ i: inout Int, _ end: Int, _ masks: LaneMasks) -> Double? {
        if i >= 1, i &+ 16 <= end, let value = short(base, &i, masks) { return value }
        // (A result rather than `inout`, so that `i` is not kept in memory on the common path.)
        guard let (value, next) = general(base, from: i, end) else { return nil }
        i = next
        return value
    }

    /// `quick` for a number of at most 15 bytes with no exponent, read with SIMD operations from the 16 bytes at
    /// `i` (all in the buffer, as is the byte before); nil means only that this path does not apply.
    ///
    /// The digits are first put in place for one fixed conversion: those before the point (all of them, when
    /// there is none) move up a byte, so that the digits stand together from lane 1 with zeros around them, and
    /// the units digit lands in lane `point`. Read as a 16-digit integer V, that lane has weight 10^(15 - point),
    /// so the value is V / 10^(15 - point). V < 10^15 < 2^53 and the power is at most 10^15: both are exact
    /// doubles, and the one division rounds correctly (Clinger's fast path).
    @inline(__always)
    static func short(_ base: UnsafePointer<UInt8>, _ i: inout Int, _ masks: LaneMasks) -> Double? {
        let here = UnsafeRawPointer(base + i)
        let bytes = here.loadUnaligned(as: SIMD16<UInt8>.self)
        let digits = bytes &- 48
        let isDigit = lanesBelowTen(digits)
        let isPoint = zeroLanes(bytes ^ 0x2E)
        let first = base[i]
        let negative = first == UInt8(ascii: "-")
        // '+' and '-' are 43 and 45: subtracting 43 leaves 0 or 2, and only those vanish under the mask 0xFD.
        let signed = (first &- 43) & 0xFD == 0
        // The number runs to the first byte that is neither a digit nor a point (after a sign), and may hold one
        // point; `point` is where that is, or `end` when there is none.
        let end = (~(bits(isDigit | isPoint) | (signed ? 1 : 0))).trailingZeroBitCount
        let points = bits(isPoint) & ((1 &<< end) &- 1)
        let point = (points | (1 &<< end)).trailingZeroBitCount
        let digitCount = end &- (points == 0 ? 0 : 1) &- (signed ? 1 : 0)
        guard end < 16, points & (points &- 1) == 0, digitCount > 0 else { return nil }
        guard base[i &+ end] | 0x20 != UInt8(ascii: "e") else { return nil }
        // The bytes one lane up (lane j holds byte j - 1), for the digits before the point.
        let previous = (here - 1).loadUnaligned(as: SIMD16<UInt8>.self) &- 48
        let moved = previous & lanesBelowTen(previous) & masks.afterFirst(through: point)
        let own = digits & isDigit & (masks.before(end) ^ masks.before(point))
        let scaled = Int64(truncatingIfNeeded: sixteenDigits(moved | own))  // (signed: one instruction to convert)
        let magnitude = Double(scaled) / masks.powerOfTen(15 &- point)
        i &+= end
        return Double(bitPattern: magnitude.bitPattern | UInt64(negative ? 1 : 0) << 63)
    }

    /// The 16-digit number whose digits (0…9) are the lanes of `digits`, lane 0 the most significant: pairs, then
    /// fours, then eights, by lane arithmetic on ever wider lanes (the SWAR method of simdjson and fast_float).
    @inline(__always)
    static func sixteenDigits(_ digits: SIMD16<UInt8>) -> UInt64 {
        let pairLanes = unsafeBitCast(digits, to: SIMD8<UInt16>.self)
        let pairs = (pairLanes & 0xFF) &* 10 &+ (pairLanes &>> 8)
        let fourLanes = unsafeBitCast(pairs, to: SIMD4<UInt32>.self)
        let fours = (fourLanes & 0xFFFF) &* 100 &+ (fourLanes &>> 16)
        let eightLanes = unsafeBitCast(fours, to: SIMD2<UInt64>.self)
        let eights = (eightLanes & 0xFFFF_FFFF) &* 10_000 &+ (eightLanes &>> 32)
        return UInt64(littleEndian: eights[0]) &* 100_000_000 &+ UInt64(littleEndian: eights[1])
    }

    /// 0xFF in each lane of `values` below 10, 0 in the others. (Plain lane arithmetic: the comparison operators
    /// and `replacing(with:where:)` may compile to a loop over the lanes.)
    @inline(__always)
    static func lanesBelowTen(_ values: SIMD16<UInt8>) -> SIMD16<UInt8> {
        // Adding 0x76 sets the top bit from 10 up to 0x89; a value from 0x80 up has it already. So the top bit of
        // the two or-ed is 1 exactly for values of 10 or more; shifted down, less one, it is the mask.
        (((values &+ 0x76) | values) &>> 7) &- 1
    }

    /// 0xFF in each lane of `values` that is zero, 0 in the others.
    @inline(__always)
    static func zeroLanes(_ values: SIMD16<UInt8>) -> SIMD16<UInt8> {
        // Adding 0x7F sets the top bit from 1 up; a value from 0x80 up has it already.
        (((values &+ 0x7F) | values) &>> 7) &- 1
    }

    /// One bit per lane of a mask of 0xFF and 0 lanes: bit j for lane j.
    @inline(__always)
    static func bits(_ mask: SIMD16<UInt8>) -> UInt64 {
        let halves = unsafeBitCast(mask, to: SIMD2<UInt64>.self)
        let tops: UInt64 = 0x8080_8080_8080_8080
        // The product has byte k's top bit (bit 8k + 7) at bit 56 + k, by the multiplier's term 2^(7(7 - k)); no
        // two terms land on or carry into those bits.
        let gather: UInt64 = 0x0002_0408_1020_4081
        let low = ((UInt64(littleEndian: halves[0]) & tops) &* gather) >> 56
        let high = ((UInt64(littleEndian: halves[1]) & tops) &* gather) >> 56
        return low | high << 8
    }
}
