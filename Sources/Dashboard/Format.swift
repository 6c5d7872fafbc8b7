#if canImport(Glibc)
    import Glibc
#endif

/// Number formats for the screen.
enum Format {
    /// Up to `digits` significant digits, no trailing zeros: 0.1, 1.45, -0.6601, 1.2e-05.
    static func short(_ x: Double, digits: Int = 4) -> String {
        guard x.isFinite else { return x.isNaN ? "NaN" : (x > 0 ? "inf" : "-inf") }
        return cFormat("%.\(digits)g", x)
    }

    /// Beyond this size a fixed-point number would be a wall of digits (a z of 1e300 has 301): such numbers are
    /// written with an exponent instead.
    static let largestFixed = 1e9

    /// Fixed decimals: 0.7986; 1.2e+300 for a number too large to write out.
    static func fixed(_ x: Double, decimals: Int) -> String {
        guard x.isFinite, abs(x) < largestFixed else { return short(x) }
        return cFormat("%.\(decimals)f", x)
    }

    /// A count with thousands separators: 12 345.
    static func count(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out += "," }
            out.append(c)
        }
        return n < 0 ? "-" + out : out
    }

    /// A rate with a k/M suffix.
    static func rate(_ x: Double) -> String {
        if x >= 1e6 { return cFormat("%.1fM", x / 1e6) }
        if x >= 1e4 { return cFormat("%.1fk", x / 1e3) }
        return cFormat("%.0f", x)
    }

    static func percent(_ x: Double) -> String { cFormat("%.0f%%", x * 100) }

    private static func cFormat(_ format: String, _ x: Double) -> String {
        var buffer = [CChar](repeating: 0, count: 64)
        _ = withVaList([x]) { vsnprintf(&buffer, buffer.count, format, $0) }
        let end = buffer.firstIndex(of: 0) ?? buffer.count
        return String(decoding: buffer[..<end].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

extension Format {
    /// Fixed decimals with a sign always shown: +1.20, -0.30; +1.2e+300 for a number too large to write out.
    static func signed(_ x: Double, decimals: Int) -> String {
        guard x.isFinite else { return short(x) }
        guard abs(x) < largestFixed else { return cFormat("%+.4g", x) }
        return cFormat("%+.\(decimals)f", x)
    }

    /// One significant digit and an exponent: +1e+04.
    static func exponent(_ x: Double) -> String { cFormat("%+.0e", x) }

}
