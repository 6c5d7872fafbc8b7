/// The characters a screen is drawn with: Unicode where the locale is UTF-8, plain ASCII otherwise.
public struct GlyphSet: Sendable, Equatable {
    public var topLeft: Unicode.Scalar
    public var topRight: Unicode.Scalar
    public var bottomLeft: Unicode.Scalar
    public var bottomRight: Unicode.Scalar
    public var horizontal: Unicode.Scalar
    public var vertical: Unicode.Scalar
    /// Bar heights from empty to full, the first being a blank.
    public var levels: [Unicode.Scalar]
    public var rise: Unicode.Scalar
    public var fall: Unicode.Scalar
    public var right: Unicode.Scalar
    public var wrong: Unicode.Scalar
    public var marker: Unicode.Scalar
    public var ellipsis: String
    public var times: String
    public var sigma: String
    public var middleDot: String
    /// Whether curves are drawn in braille dots (`DotCanvas`) or in the ASCII stand-ins.
    public var braille: Bool
    /// The mark before a series' name in a chart's legend.
    public var legend: Unicode.Scalar

    public static let unicode = GlyphSet(
        topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘", horizontal: "─", vertical: "│",
        levels: [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"],
        rise: "▲", fall: "▼", right: "✓", wrong: "✗", marker: "•",
        ellipsis: "…", times: "×", sigma: "σ", middleDot: "·", braille: true, legend: "━")

    public static let ascii = GlyphSet(
        topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+", horizontal: "-", vertical: "|",
        levels: [" ", ".", ",", "-", "~", "=", "+", "*", "#"],
        rise: "^", fall: "v", right: "o", wrong: "x", marker: "o",
        ellipsis: "~", times: "x", sigma: "s", middleDot: "-", braille: false, legend: "=")

    /// Sub-cell steps in one row of a bar.
    public var steps: Int { levels.count - 1 }
}
