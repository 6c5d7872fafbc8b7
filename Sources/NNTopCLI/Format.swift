import Foundation

/// Number formats shared by the command-line output.
enum Format {
    /// A rate with a k/M suffix: 950, 12.3k, 48.1M.
    static func rate(_ x: Double) -> String {
        if x >= 1e6 { return String(format: "%.1fM", x / 1e6) }
        if x >= 1e4 { return String(format: "%.1fk", x / 1e3) }
        return String(format: "%.0f", x)
    }

    /// Seven significant digits, the tutorial's precision.
    static func value(_ x: Double) -> String { String(format: "%.7g", x) }

    static func percent(_ x: Double) -> String { String(format: "%.1f%%", x * 100) }
}
