import TerminalUI

/// How the map turns a probability into a colour: blue for class 1, orange for class 0, paler near 0.5 and
/// stronger with confidence. On an eight-colour terminal, blue and red with the default for the palest band.
enum MapPalette {
    /// Confidence bands, palest first: cube levels (red, green, blue) of each side.
    private static let classOne: [Colour] = [
        .cube(red: 4, green: 4, blue: 5), .cube(red: 3, green: 4, blue: 5),
        .cube(red: 2, green: 3, blue: 5), .cube(red: 1, green: 2, blue: 4)
    ]
    private static let classZero: [Colour] = [
        .cube(red: 5, green: 5, blue: 4), .cube(red: 5, green: 4, blue: 3),
        .cube(red: 5, green: 3, blue: 2), .cube(red: 5, green: 2, blue: 0)
    ]
    private static let eightOne: [Colour] = [.standard, .blue, .blue, .blue]
    private static let eightZero: [Colour] = [.standard, .red, .red, .red]

    /// The band of a probability: 0 (near 0.5) to 3 (near 0 or 1).
    static func band(_ p: Double) -> Int {
        guard p.isFinite else { return 0 }
        return min(Int(saturating: abs(p - 0.5) * 2 * 4), 3)
    }

    static func colour(_ p: Double, palette: Bool, discrete: Bool) -> Colour {
        let level = discrete ? 2 : band(p)
        if p >= 0.5 { return palette ? classOne[level] : eightOne[level] }
        return palette ? classZero[level] : eightZero[level]
    }

    /// Points are drawn in their label's colour, dark enough to read on every band, or bold white on eight colours.
    static func point(label: Double, palette: Bool) -> Colour {
        guard palette else { return .white }
        return label >= 0.5 ? .cube(red: 0, green: 0, blue: 1) : .cube(red: 1, green: 0, blue: 0)
    }

    /// Shades for a terminal without colour, from probability 0 to 1; the class boundary falls between the
    /// second and third.
    static func shade(_ p: Double, unicode: Bool, discrete: Bool) -> Unicode.Scalar {
        let ramp: [Unicode.Scalar] = unicode ? [" ", "░", "▓", "█"] : [" ", ".", "+", "#"]
        let k = discrete ? (p >= 0.5 ? 2 : 0) : min(max(Int(saturating: p * 4), 0), 3)
        return ramp[k]
    }

    static let contour = Style(.magenta, bold: true)
    /// A point the network gets wrong: white on red, whatever the map beneath.
    static let wrongPoint = Style(.white, background: .red, bold: true)
    static let cursor = Style(.magenta, bold: true, reverse: true)
}
