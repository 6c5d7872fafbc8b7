#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Number formats, for the screen and for the commands' output alike: the one place a number becomes text.
/// Formatted as C's printf does in the "C" numeric locale, the decimal point always a point (the dashboard keeps
/// LC_NUMERIC at "C"; the commands never change it).
public enum Format {
    /// Up to `digits` significant digits, no trailing zeros: 0.1, 1.45, -0.6601, 1.2e-05.
    public static func short(_ x: Double, digits: Int = 4) -> String {
        guard x.isFinite else { return x.isNaN ? "NaN" : (x > 0 ? "inf" : "-inf") }
        return cFormat("%.\(digits)g", x)
    }

    /// Up to `digits` significant digits without an exponent, no trailing zeros, from 0.000001 to 999,999:
    /// 0.00001, 0.1, 2.5 (a learning rate as README and the command line write it); beyond, as `short`.
    public static func decimal(_ x: Double, digits: Int = 4) -> String {
        guard x.isFinite, x != 0, abs(x) >= 1e-6, abs(x) < 1e6 else { return short(x, digits: digits) }
        // The decimals that leave `digits` significant ones: the first is 10^⌊log10 |x|⌋.
        var magnitude = 0
        var scaled = abs(x)
        while scaled >= 10 {
            scaled /= 10
            magnitude += 1
        }
        while scaled < 1 {
            scaled *= 10
            magnitude -= 1
        }
        var text = cFormat("%.\(max(digits - 1 - magnitude, 0))f", x)
        if text.contains(".") {
            while text.last == "0" { text.removeLast() }
            if text.last == "." { text.removeLast() }
        }
        return text
    }

    /// Seven significant digits, the tutorial's precision: 0.6881812; nan and inf as C writes them.
    public static func value(_ x: Double) -> String { cFormat("%.7g", x) }

    /// Beyond this size a fixed-point number would be a wall of digits (a z of 1e300 has 301): such numbers are
    /// written with an exponent instead.
    public static let largestFixed = 1e9

    /// Fixed decimals: 0.7986; 1.2e+300 for a number too large to write out.
    public static func fixed(_ x: Double, decimals: Int) -> String {
        guard x.isFinite, abs(x) < largestFixed else { return short(x) }
        return cFormat("%.\(decimals)f", x)
    }

    /// Fixed decimals with a sign always shown: +1.20, -0.30; +1.2e+300 for a number too large to write out.
    public static func signed(_ x: Double, decimals: Int) -> String {
        guard x.isFinite else { return short(x) }
        guard abs(x) < largestFixed else { return cFormat("%+.4g", x) }
        return cFormat("%+.\(decimals)f", x)
    }

    /// A chart's label for `x` in at most `width` characters: the fewest significant digits whose last digit is
    /// no coarser than `resolution` (so neighbouring labels differ), or as many as fit when that is too long.
    /// Each candidate is `%g`, or an exponent written short (7.14e-4, 1.1e5), whichever is shorter; the text
    /// always reads back with `Double()` to `x` within its last digit.
    public static func label(_ x: Double, width: Int, resolution: Double) -> String {
        guard x.isFinite else { return short(x) }
        if x == 0 { return "0" }
        var best: String?
        for digits in 1...15 {
            let plain = cFormat("%.\(digits)g", x)
            let exponent = compactExponent(cFormat("%.\(digits - 1)e", x))
            let text = exponent.count < plain.count ? exponent : compactExponent(plain)
            guard text.count <= width else { continue }
            best = text
            if lastDigitUnit(text) <= resolution { break }
        }
        return best ?? short(x, digits: 1)
    }

    /// The value of one unit in the last digit of a number written by `label`: 0.01 for 1.25, 100 for 1.1e3.
    public static func lastDigitUnit(_ text: String) -> Double {
        let parts = text.lowercased().split(separator: "e", maxSplits: 1)
        let mantissa = parts.first.map(String.init) ?? text
        // Past ±400 a power of ten is 0 or infinite anyway; clamped, an exponent of Int.min cannot overflow.
        let exponent = min(max(parts.count > 1 ? Int(parts[1]) ?? 0 : 0, -400), 400)
        let decimals = mantissa.firstIndex(of: ".").map { mantissa.distance(from: $0, to: mantissa.endIndex) - 1 } ?? 0
        return pow10(exponent - min(decimals, 400))
    }

    /// 7.14e-04 as 7.14e-4, 1.1e+05 as 1.1e5: the same number, shorter.
    private static func compactExponent(_ text: String) -> String {
        guard let e = text.firstIndex(of: "e") else { return text }
        var exponent = text[text.index(after: e)...]
        var sign = ""
        if exponent.first == "-" { sign = "-" }
        if exponent.first == "-" || exponent.first == "+" { exponent = exponent.dropFirst() }
        while exponent.count > 1, exponent.first == "0" { exponent = exponent.dropFirst() }
        return text[..<e] + "e" + sign + exponent
    }

    private static func pow10(_ n: Int) -> Double {
        var x = 1.0
        for _ in 0..<min(n.magnitude, 800) { x *= 10 }
        return n < 0 ? 1 / x : x
    }

    /// One significant digit and an exponent: +1e+04.
    public static func exponent(_ x: Double) -> String { cFormat("%+.0e", x) }

    /// A count with thousands separators: 12,345.
    public static func count(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out += "," }
            out.append(c)
        }
        return n < 0 ? "-" + out : out
    }

    /// A count and its noun, singular for one: 1 row, 12,345 rows (the noun takes an s).
    public static func counted(_ n: Int, _ noun: String) -> String { "\(count(n)) \(noun)\(n == 1 ? "" : "s")" }

    /// A rate with a k/M suffix: 950, 12.3k, 48.1M.
    public static func rate(_ x: Double) -> String {
        if x >= 1e6 { return cFormat("%.1fM", x / 1e6) }
        if x >= 1e4 { return cFormat("%.1fk", x / 1e3) }
        return cFormat("%.0f", x)
    }

    /// A fraction as a percentage: 50% (the screen), or with `decimals`, 87.5% (the commands' summaries).
    public static func percent(_ x: Double, decimals: Int = 0) -> String { cFormat("%.\(decimals)f%%", x * 100) }

    /// For file formats (the SVG plot's coordinates): `decimals` fixed decimals however large the number, nan
    /// and inf as C writes them.
    public static func plain(_ x: Double, decimals: Int) -> String { cFormat("%.\(decimals)f", x) }

    /// For file formats (the SVG plot's tick labels): C's %g, six significant digits.
    public static func general(_ x: Double) -> String { cFormat("%g", x) }

    /// For data formats (`predict --format csv`): the shortest text that reads back as exactly `x` (0.1,
    /// 0.7985731090719942, 1e-05), empty when `x` is not finite.
    public static func exact(_ x: Double) -> String { x.isFinite ? "\(x)" : "" }

    /// `x` as C's printf writes it with `format`, which converts one double.
    private static func cFormat(_ format: String, _ x: Double) -> String {
        var buffer = [CChar](repeating: 0, count: 64)
        let length = Int(withVaList([x]) { vsnprintf(&buffer, buffer.count, format, $0) })
        if length >= buffer.count {
            // Longer than the buffer (a fixed-point 1e300 has 301 digits): again, in one large enough.
            buffer = [CChar](repeating: 0, count: length + 1)
            _ = withVaList([x]) { vsnprintf(&buffer, buffer.count, format, $0) }
        }
        let end = buffer.firstIndex(of: 0) ?? buffer.count
        return String(decoding: buffer[..<end].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
