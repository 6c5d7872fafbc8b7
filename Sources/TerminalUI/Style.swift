/// The eight standard terminal colours, plus the terminal's own default.
public enum Colour: Int, Sendable, CaseIterable {
    case standard = -1
    case black = 0, red, green, yellow, blue, magenta, cyan, white
}

/// How a cell is drawn. With colour off, only the attributes remain, so every style must read in monochrome.
public struct Style: Sendable, Equatable {
    public var foreground: Colour
    public var bold: Bool
    public var dim: Bool
    public var reverse: Bool
    public var underline: Bool

    public init(_ foreground: Colour = .standard, bold: Bool = false, dim: Bool = false, reverse: Bool = false,
                underline: Bool = false) {
        self.foreground = foreground
        self.bold = bold
        self.dim = dim
        self.reverse = reverse
        self.underline = underline
    }

    public static let plain = Style()
    public var bolded: Style { var s = self; s.bold = true; return s }
    public var reversed: Style { var s = self; s.reverse = true; return s }
}
