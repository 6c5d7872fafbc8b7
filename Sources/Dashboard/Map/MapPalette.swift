import TerminalUI

/// How the map turns a probability into a colour: class 1 on the blue side, class 0 on the orange side, paler
/// near 0.5 and stronger with confidence. On eight colours each class is one flat colour, blue or yellow (the
/// 0.5 contour marks the boundary), so that neither is the red of a wrong point and the uncertain band does
/// not turn to stripes of the default colour. A wrong point is white on red, or on black in the colour-blind
/// palette (red and orange look alike to many).
struct MapPalette: Sendable, Equatable {
    /// Confidence bands, palest first.
    let classOne: [Colour]
    let classZero: [Colour]
    /// A right point's colour, by label.
    let pointOne: Colour
    let pointZero: Colour
    /// A point the network gets wrong, whatever the map beneath.
    let wrongPoint: Style
    let contour = Style(.magenta, bold: true)
    let cursor = Style(.magenta, bold: true, reverse: true)

    /// `eight`: the terminal has only the eight standard colours. `strong`: the palest band is left out.
    init(_ palette: Theme.Palette, eight: Bool, strong: Bool = false) {
        var one: [Colour], zero: [Colour]
        if eight {
            one = Array(repeating: .blue, count: 4)
            zero = Array(repeating: .yellow, count: 4)
            // Right points sit on their own class's colour: white on blue, black on yellow.
            pointOne = .white
            pointZero = .black
        } else {
            let levels = MapPalette.levels(palette)
            let cube = { (l: Levels) in Colour.cube(red: l.red, green: l.green, blue: l.blue) }
            one = levels.one.map(cube)
            zero = levels.zero.map(cube)
            pointOne = cube(levels.pointOne)
            pointZero = cube(levels.pointZero)
        }
        if strong {
            one[0] = one[1]
            zero[0] = zero[1]
        }
        classOne = one
        classZero = zero
        wrongPoint =
            palette == .colourBlind
            ? Style(.white, background: .black, bold: true) : Style(.white, background: .red, bold: true)
    }

    /// Levels 0…5 of the 256-colour cube.
    private typealias Levels = (red: Int, green: Int, blue: Int)

    /// A palette on 256 colours: class 1's bands and class 0's, palest first, and a right point's colour for each.
    private static func levels(
        _ palette: Theme.Palette
    ) -> (one: [Levels], zero: [Levels], pointOne: Levels, pointZero: Levels) {
        switch palette {
        case .standard:
            return (
                one: [(4, 4, 5), (3, 4, 5), (2, 3, 5), (1, 2, 4)], zero: [(5, 5, 4), (5, 4, 3), (5, 3, 2), (5, 2, 0)],
                pointOne: (0, 0, 1), pointZero: (1, 0, 0)
            )
        case .colourBlind:
            // Okabe–Ito's sky blue and blue against its yellow and orange.
            return (
                one: [(4, 5, 5), (2, 4, 5), (1, 3, 4), (0, 1, 3)], zero: [(5, 5, 3), (5, 4, 1), (5, 3, 0), (4, 2, 0)],
                pointOne: (0, 0, 2), pointZero: (2, 1, 0)
            )
        }
    }

    /// The band of a probability: 0 (near 0.5) to 3 (near 0 or 1).
    static func band(_ p: Double) -> Int {
        guard p.isFinite else { return 0 }
        return min(Int(saturating: abs(p - 0.5) * 2 * 4), 3)
    }

    func colour(_ p: Double, discrete: Bool) -> Colour {
        let level = discrete ? 2 : MapPalette.band(p)
        return p >= 0.5 ? classOne[level] : classZero[level]
    }

    /// Points are drawn in their label's colour, dark enough to read on every band of their class.
    func point(label: Double) -> Colour { label >= 0.5 ? pointOne : pointZero }

    /// Shades for a terminal without colour, from probability 0 to 1; the class boundary falls between the
    /// second and third.
    static func shade(_ p: Double, unicode: Bool, discrete: Bool) -> Unicode.Scalar {
        let ramp: [Unicode.Scalar] = unicode ? [" ", "░", "▓", "█"] : [" ", ".", "+", "#"]
        let k = discrete ? (p >= 0.5 ? 2 : 0) : min(max(Int(saturating: p * 4), 0), 3)
        return ramp[k]
    }
}
