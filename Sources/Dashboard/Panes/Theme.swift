import TerminalUI

/// What each kind of thing on screen looks like. Every style reads without colour too (bold, reverse, dim).
enum Theme {
    static let label = Style(.standard, dim: true)
    static let positive = Style(.green)
    static let negative = Style(.red)
    static let right = Style(.green, bold: true)
    static let wrong = Style(.red, bold: true)
    static let trainingCurve = Style(.cyan)
    static let testCurve = Style(.magenta, bold: true)
    /// The spread of the reports a chart column covers, behind its line.
    static let trainingSpread = Style(.cyan, dim: true)
    static let testSpread = Style(.magenta, dim: true)
    static let event = Style(.yellow, bold: true)
    static let best = Style(.green, bold: true)
    static let statusBar = Style(.standard, reverse: true)
    static let heading = Style(.standard, bold: true)
    static let field = Style(.standard, underline: true)
    static let focusedField = Style(.cyan, bold: true, reverse: true)
    static let problem = Style(.red, bold: true)

    static func state(_ word: String) -> Style {
        switch word {
        case "RUNNING": return Style(.green, bold: true, reverse: true)
        case "PAUSED": return Style(.yellow, bold: true, reverse: true)
        case "DONE": return Style(.blue, bold: true, reverse: true)
        default: return Style(.red, bold: true, reverse: true)
        }
    }

    static func signed(_ x: Double) -> Style { x < 0 ? negative : positive }
}
