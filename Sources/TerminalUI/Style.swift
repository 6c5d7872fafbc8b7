/// A terminal colour: the terminal's own default, one of the eight standard colours, or an entry of the
/// 256-colour palette (16…255: the 6×6×6 cube and the grey ramp). On a terminal with only eight colours a palette
/// entry is drawn as its nearest standard colour (`standardApproximation`).
public struct Colour: Sendable, Hashable {
    /// -1 for the terminal's default, 0…7 for the standard colours, 16…255 for the palette.
    public let index: Int16

    private init(index: Int16) { self.index = index }

    public static let standard = Colour(index: -1)
    public static let black = Colour(index: 0)
    public static let red = Colour(index: 1)
    public static let green = Colour(index: 2)
    public static let yellow = Colour(index: 3)
    public static let blue = Colour(index: 4)
    public static let magenta = Colour(index: 5)
    public static let cyan = Colour(index: 6)
    public static let white = Colour(index: 7)

    /// The eight standard colours in palette order.
    public static let standardColours: [Colour] = [.black, .red, .green, .yellow, .blue, .magenta, .cyan, .white]

    /// The colour cube entry with red, green and blue levels 0…5 each.
    public static func cube(red r: Int, green g: Int, blue b: Int) -> Colour {
        precondition((0...5).contains(r) && (0...5).contains(g) && (0...5).contains(b), "cube levels are 0…5")
        return Colour(index: Int16(16 + 36 * r + 6 * g + b))
    }

    /// The standard colour (or the default) closest to a palette entry; standard colours map to themselves.
    public var standardApproximation: Colour {
        guard index >= 16 else { return self }
        let levels: (Int, Int, Int)
        if index >= 232 {
            let grey = Int(index - 232) * 5 / 23
            levels = (grey, grey, grey)
        } else {
            let k = Int(index - 16)
            levels = (k / 36, (k / 6) % 6, k % 6)
        }
        let (r, g, b) = levels
        let high = max(r, g, b), low = min(r, g, b)
        // Greys and pale tints read as the terminal's default; black stays black.
        if high - low <= 1 { return high <= 1 ? .black : .standard }
        let on = { (level: Int) in level * 2 > high + low }
        return Colour.standardColours[(on(r) ? 1 : 0) + (on(g) ? 2 : 0) + (on(b) ? 4 : 0)]
    }
}

/// How a cell is drawn. With colour off, only the attributes remain, so every style must read in monochrome.
public struct Style: Sendable, Equatable {
    public var foreground: Colour
    public var background: Colour
    public var bold: Bool
    public var dim: Bool
    public var reverse: Bool
    public var underline: Bool

    public init(
        _ foreground: Colour = .standard, background: Colour = .standard, bold: Bool = false,
        dim: Bool = false, reverse: Bool = false, underline: Bool = false
    ) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.dim = dim
        self.reverse = reverse
        self.underline = underline
    }

    public static let plain = Style()
    public var bolded: Style { var s = self; s.bold = true; return s }
}
