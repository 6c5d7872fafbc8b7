import TerminalUI

/// The colours of a multiclass map: one hue per class (Okabe–Ito's colour-blind-safe set, without its
/// vermillion, which sits too near the red of a wrong point), paler where the network is less sure; the points in
/// a dark shade of their class's hue. On eight colours one flat colour per class, none of them red.
enum ClassColours {
    /// Each class's hue, as levels 0…5 of the 256-colour cube: orange, sky blue, bluish green, yellow, blue,
    /// reddish purple, grey; a class past the seventh takes the hue of its index modulo 7.
    static let hues: [(red: Int, green: Int, blue: Int)] = [
        (5, 3, 0), (1, 4, 5), (0, 3, 2), (5, 5, 1), (0, 2, 4), (4, 2, 3), (3, 3, 3)
    ]
    /// Eight-colour stand-ins, in the same order; red is the wrong marker's and never a class's.
    static let eight: [Colour] = [.yellow, .cyan, .green, .white, .blue, .magenta]

    /// How far toward white each confidence band is mixed, palest (least sure) first.
    private static let paleness: [Double] = [0.6, 0.4, 0.2, 0]

    /// The band of the winning class's probability `p` among `classes`: 0 when it barely leads (near 1/K) to 3
    /// when it is certain.
    static func band(_ p: Double, classes: Int) -> Int {
        guard p.isFinite, classes > 1 else { return 3 }
        let floor = 1 / Double(classes)
        let sureness = (p - floor) / (1 - floor)
        return min(max(Int(saturating: sureness * 4), 0), 3)
    }

    /// The field's colour for class `k` won with probability `p`.
    static func field(_ k: Int, p: Double, classes: Int, palette: Bool, discrete: Bool) -> Colour {
        guard palette else { return eight[k % eight.count] }
        let hue = hues[k % hues.count]
        let t = paleness[discrete ? 2 : band(p, classes: classes)]
        func mix(_ level: Int) -> Int { Int((Double(level) + Double(5 - level) * t).rounded()) }
        return .cube(red: mix(hue.red), green: mix(hue.green), blue: mix(hue.blue))
    }

    /// A point of class `k`: a dark shade of its hue, readable on every band of any class; bold white on eight
    /// colours.
    static func point(_ k: Int, palette: Bool) -> Colour {
        guard palette, k >= 0 else { return .white }
        let hue = hues[k % hues.count]
        return .cube(red: hue.red * 2 / 5, green: hue.green * 2 / 5, blue: hue.blue * 2 / 5)
    }
}

/// The most probable class and its probability, kept in one number so the map's grid holds one value a sample:
/// the class's index plus half its probability (a probability is at most 1, so the index is the whole part).
enum StrongestClass {
    static func encode(_ k: Int, _ p: Double) -> Double { Double(k) + (p.isFinite ? min(max(p, 0), 1) : 0) / 2 }

    static func decode(_ value: Double) -> (class: Int, p: Double) {
        guard value.isFinite, value >= 0 else { return (0, 0) }
        let k = value.rounded(.down)
        return (Int(saturating: k), min((value - k) * 2, 1))
    }
}
