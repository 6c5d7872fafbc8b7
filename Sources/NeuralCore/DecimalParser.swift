#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Parses a decimal number from bytes. The common case (at most 19 significant digits and a power of ten
/// within ±22) is computed exactly with one multiplication or division, which is correctly rounded because
/// both operands are exact doubles; anything else falls back to `strtod`.
enum DecimalParser {
    private static let powersOfTen: [Double] = (0...22).map { p in (0..<p).reduce(1.0) { acc, _ in acc * 10 } }

    /// The value of the whole field `[start, end)`, or nil when it is not a number.
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
        if significant <= 19, mantissa <= 1 << 53, exponent >= -22, exponent <= 22 {
            var value = Double(mantissa)
            value = exponent < 0 ? value / powersOfTen[-exponent] : value * powersOfTen[exponent]
            return negative ? -value : value
        }
        return fallback(base, start, end)
    }

    /// `strtod` on a copy of the field; the whole field must be consumed.
    private static func fallback(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Double? {
        let length = end - start
        guard length > 0, length < 512 else { return nil }
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
