import NeuralCore
/// The general fast path for numbers: digits read eight bytes at a time into a 64-bit mantissa, any number of
/// them up to 19, with an exponent allowed. Used where `short` does not apply; exact under Clinger's conditions
/// (see `DecimalParser.exact`), nil otherwise.
extension DecimalParser {
    /// `quick` for any length: the value and the index after it.
    @inline(never)
    static func general(_ base: UnsafePointer<UInt8>, from i: Int, _ end: Int) -> (Double, Int)? {
        var p = i
        let sign = base[p]
        let negative = sign == UInt8(ascii: "-")
        p += (sign &- 43) & 0xFD == 0 ? 1 : 0
        var mantissa: UInt64 = 0
        guard let whole = appendDigits(base, &p, end, to: &mantissa) else { return nil }
        var digits = whole
        var exponent = 0
        if base[p] == UInt8(ascii: ".") {
            p += 1
            guard let fraction = appendDigits(base, &p, end, to: &mantissa) else { return nil }
            digits += fraction
            exponent = -fraction
        }
        guard digits > 0, digits <= 19 else { return nil }
        if base[p] | 0x20 == UInt8(ascii: "e") {
            guard let e = exponentValue(base, &p, end) else { return nil }
            exponent += e
        }
        guard let value = exact(mantissa, exponent, negative: negative) else { return nil }
        return (value, p)
    }

    /// 10^0 … 10^8.
    private static let wordScales: [UInt64] = [1, 10, 100, 1000, 10000, 100_000, 1_000_000, 10_000_000, 100_000_000]

    /// Appends the digits at `p` to `mantissa` (wrapping past 19 of them; the caller counts) and moves `p` past
    /// them; returns how many there were, or nil when a word to read would pass `end`.
    @inline(__always)
    private static func appendDigits(
        _ base: UnsafePointer<UInt8>, _ p: inout Int, _ end: Int,
        to mantissa: inout UInt64
    ) -> Int? {
        var count = 0
        while true {
            guard p + 8 <= end else { return nil }
            let word = ByteWords.load(base, p)
            let n = leadingDigitCount(word)
            mantissa = mantissa &* wordScales[n] &+ digitsValue(word &- ByteWords.repeating(48), n)
            count += n
            p += n
            if n < 8 { return count }
        }
    }

    /// 0x80 in each byte of `word` that is not an ASCII digit, 0 in each that is — for every byte below the first
    /// that is not (above it the flags may be wrong).
    @inline(__always)
    static func nonDigits(_ word: UInt64) -> UInt64 {
        // A byte's top bit ends up set when it is below '0' (the subtraction wraps), above '9' (adding 0x46
        // reaches 0x80), or already set. Borrows and carries move only upward, out of non-digits, so every byte
        // below the first non-digit is judged correctly, and that one is flagged.
        ((word &+ 0x4646_4646_4646_4646) | (word &- 0x3030_3030_3030_3030) | word) & 0x8080_8080_8080_8080
    }

    /// How many bytes of `word` (its first byte lowest) are ASCII digits before the first that is not: 0 … 8.
    @inline(__always)
    static func leadingDigitCount(_ word: UInt64) -> Int {
        nonDigits(word).trailingZeroBitCount >> 3
    }

    /// The value of the first `n` (0 … 8) bytes of `digits`, each a digit 0…9 (ASCII less '0'), the first the most
    /// significant; the other bytes are ignored.
    @inline(__always)
    static func digitsValue(_ digits: UInt64, _ n: Int) -> UInt64 {
        // The n digits moved to the top, zeros shifted in below: an eight-digit number with leading zeros.
        var v = n == 0 ? 0 : digits &<< UInt64(truncatingIfNeeded: 64 &- 8 &* n)
        // Neighbouring digits into two-digit numbers, then those into four, then eight (the SWAR method of
        // simdjson and fast_float).
        v = (v &* 10) &+ (v >> 8)
        let pairs: UInt64 = 0x0000_00FF_0000_00FF
        v = ((v & pairs) &* (100 + (1_000_000 << 32)) &+ ((v >> 16) & pairs) &* (1 + (10_000 << 32))) >> 32
        return v
    }

    /// Reads the exponent at `p` (an `e` or `E`, an optional sign, one to four digits) and moves `p` past it;
    /// nil when it is not one, or when it reaches `end`.
    private static func exponentValue(_ base: UnsafePointer<UInt8>, _ p: inout Int, _ end: Int) -> Int? {
        var q = p + 1
        guard q < end else { return nil }
        let negative = base[q] == UInt8(ascii: "-")
        if negative || base[q] == UInt8(ascii: "+") { q += 1 }
        let start = q
        var e = 0
        while q < end, base[q] &- 48 < 10, q - start < 5 {
            e = e * 10 + Int(base[q] &- 48)
            q += 1
        }
        guard q > start, q - start <= 4, q < end else { return nil }
        p = q
        return negative ? -e : e
    }
}
