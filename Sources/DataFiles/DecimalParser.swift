#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import NeuralCore

/// Parses a decimal number from bytes: `parse` reads any cell, `quick` (QuickDecimal.swift) is the fast path for
/// a CSV row. The common case (a mantissa of at most 2^53 and a power of ten within ±22) is computed exactly with
/// one multiplication or division, which is correctly rounded because both operands are exact doubles (Clinger's
/// fast path); anything else falls back to `strtod`. Either way the result is bit for bit what `Double(String)`
/// gives.
enum DecimalParser {
    /// 10^0 … 10^22, every one an exact double.
    static let powersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22
    ]

    /// The exact value of `mantissa` × 10^`exponent` when Clinger's fast path applies, else nil.
    @inline(__always)
    static func exact(_ mantissa: UInt64, _ exponent: Int, negative: Bool) -> Double? {
        guard mantissa <= 1 << 53, exponent >= -22, exponent <= 22 else { return nil }
        let m = Double(Int64(mantissa))  // (signed: one instruction; the value fits)
        let magnitude = exponent < 0 ? m / powersOfTen[-exponent] : m * powersOfTen[exponent]
        // The sign as a bit, not a branch: the magnitude is never negative, and -0 comes out as -0.
        return Double(bitPattern: magnitude.bitPattern | UInt64(negative ? 1 : 0) << 63)
    }

    /// The value of the whole field `[start, end)`, or nil when it is not a number: the careful path, for any cell.
    static func parse(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Double? {
        var i = start
        guard i < end else { return nil }
        var negative = false
        if base[i] == UInt8(ascii: "-") || base[i] == UInt8(ascii: "+") {
            negative = base[i] == UInt8(ascii: "-")
            i += 1
        }
        var mantissa: UInt64 = 0
        var digits = 0, significant = 0, exponent = 0
        while i < end, base[i] &- 48 < 10 {
            if significant > 0 || base[i] != 48 { significant += 1 }
            if significant <= 19 { mantissa = mantissa &* 10 &+ UInt64(base[i] &- 48) } else { exponent += 1 }
            digits += 1
            i += 1
        }
        if i < end, base[i] == UInt8(ascii: ".") {
            i += 1
            while i < end, base[i] &- 48 < 10 {
                if significant > 0 || base[i] != 48 { significant += 1 }
                if significant <= 19 {
                    mantissa = mantissa &* 10 &+ UInt64(base[i] &- 48)
                    exponent -= 1
                }
                digits += 1
                i += 1
            }
        }
        guard digits > 0 else { return fallback(base, start, end) }
        if i < end, base[i] | 0x20 == UInt8(ascii: "e") {
            i += 1
            var expNegative = false
            if i < end, base[i] == UInt8(ascii: "-") || base[i] == UInt8(ascii: "+") {
                expNegative = base[i] == UInt8(ascii: "-")
                i += 1
            }
            var e = 0, expDigits = 0
            while i < end, base[i] &- 48 < 10 {
                if e < 100_000 { e = e * 10 + Int(base[i] &- 48) }
                expDigits += 1
                i += 1
            }
            guard expDigits > 0 else { return nil }
            exponent += expNegative ? -e : e
        }
        guard i == end else { return nil }
        if significant <= 19, let value = exact(mantissa, exponent, negative: negative) { return value }
        return fallback(base, start, end)
    }

    /// `strtod` on a copy of the field; the whole field must be consumed. Any length: a valid decimal of 600
    /// digits is still a number (the copy lives on the stack when small, on the heap otherwise).
    private static func fallback(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Double? {
        let length = end - start
        guard length > 0 else { return nil }
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: length + 1) { buffer in
            for k in 0..<length { buffer[k] = CChar(bitPattern: base[start + k]) }
            buffer[length] = 0
            var stop: UnsafeMutablePointer<CChar>?
            let value = strtod(buffer.baseAddress!, &stop)
            guard let stop, stop - buffer.baseAddress! == length else { return nil }
            return value
        }
    }
}
