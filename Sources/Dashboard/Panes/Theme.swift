import TerminalUI

/// What each kind of thing on screen looks like: one style per role, made for a theme (the terminal's
/// background and how strong the contrast), a palette (how classes, right and wrong, and signs are told apart)
/// and the colours the terminal has. Every style reads without colour too (bold, reverse, dim).
public struct Theme: Sendable, Equatable {
    /// The terminal's background and contrast the styles are made for.
    public enum Name: String, Sendable, CaseIterable {
        /// Colours for a dark background (the default).
        case dark
        /// Darker colours for a light background; nothing yellow on white.
        case light
        /// Full-strength colours, bold text, nothing dim.
        case highContrast = "high-contrast"
    }

    /// How the two classes, right and wrong, and signs are coloured.
    public enum Palette: String, Sendable, CaseIterable {
        /// Blue and orange classes, green for right and positive, red for wrong and negative.
        case standard
        /// Okabe–Ito's colour-blind-safe colours: sky blue and vermillion for right and wrong, blue and
        /// orange-yellow classes, and wrong points in white on black.
        case colourBlind = "colour-blind"
    }

    public let name: Name
    public let palette: Palette

    var label = Style(.standard, dim: true)
    var positive = Style(.green)
    var negative = Style(.red)
    var right = Style(.green, bold: true)
    var wrong = Style(.red, bold: true)
    var trainingCurve = Style(.cyan)
    var testCurve = Style(.magenta, bold: true)
    /// The spread of the reports a chart column covers, behind its line.
    var trainingSpread = Style(.cyan, dim: true)
    var testSpread = Style(.magenta, dim: true)
    var event = Style(.yellow, bold: true)
    var best = Style(.green, bold: true)
    var statusBar = Style(.standard, reverse: true)
    var heading = Style(.standard, bold: true)
    var field = Style(.standard, underline: true)
    var focusedField = Style(.cyan, bold: true, reverse: true)
    /// The frame of the pane that has focus (the one the keys go to).
    var focusedBorder = Style(.cyan, bold: true)
    var problem = Style(.red, bold: true)
    /// A problem across the status bar (a notice, a diverged run).
    var alert = Style(.red, bold: true, reverse: true)
    /// The status bar's hint about the run.
    var hint = Style(.yellow, bold: true, reverse: true)
    var running = Style(.green, bold: true, reverse: true)
    var paused = Style(.yellow, bold: true, reverse: true)
    var done = Style(.blue, bold: true, reverse: true)
    var stopped = Style(.red, bold: true, reverse: true)
    /// "terminal too small".
    var warning = Style(.yellow, bold: true)
    /// The decision map's colours.
    var map: MapPalette

    /// The dark theme and standard palette on a 256-colour terminal: what the tests draw with.
    static let dark = Theme()

    public init(_ name: Name = .dark, palette: Palette = .standard, colours: DashboardState.ColourDepth = .palette) {
        self.name = name
        self.palette = palette
        let rich = colours == .palette
        map = MapPalette(palette, eight: colours != .palette, strong: name == .highContrast)
        // Picks the 256-colour entry or, on eight colours, the standard colour to draw instead.
        func pick(_ cube: Colour, _ eight: Colour) -> Colour { rich ? cube : eight }
        switch name {
        case .dark: break
        case .light:
            trainingCurve = Style(pick(.cube(red: 0, green: 2, blue: 4), .blue))
            trainingSpread = Style(trainingCurve.foreground, dim: true)
            testCurve = Style(pick(.cube(red: 3, green: 0, blue: 3), .magenta), bold: true)
            testSpread = Style(testCurve.foreground, dim: true)
            positive = Style(pick(.cube(red: 0, green: 3, blue: 0), .green))
            negative = Style(pick(.cube(red: 4, green: 0, blue: 0), .red))
            event = Style(pick(.cube(red: 4, green: 2, blue: 0), .red), bold: true)
            focusedField = Style(trainingCurve.foreground, bold: true, reverse: true)
            focusedBorder = Style(trainingCurve.foreground, bold: true)
            // Reversed yellow is white on yellow on a light background: black on yellow instead.
            paused = Style(.black, background: .yellow, bold: true)
            hint = Style(.black, background: .yellow, bold: true)
            warning = Style(pick(.cube(red: 4, green: 2, blue: 0), .red), bold: true)
        case .highContrast:
            label = Style(.standard)
            positive = Style(pick(.cube(red: 0, green: 5, blue: 0), .green), bold: true)
            negative = Style(pick(.cube(red: 5, green: 1, blue: 1), .red), bold: true)
            trainingCurve = Style(pick(.cube(red: 0, green: 5, blue: 5), .cyan), bold: true)
            testCurve = Style(pick(.cube(red: 5, green: 0, blue: 5), .magenta), bold: true)
            // Told from the line by weight, not by dimming.
            trainingSpread = Style(trainingCurve.foreground)
            testSpread = Style(testCurve.foreground)
            event = Style(pick(.cube(red: 5, green: 5, blue: 0), .yellow), bold: true)
            statusBar = Style(.standard, bold: true, reverse: true)
            field = Style(.standard, bold: true, underline: true)
        }
        switch palette {
        case .standard:
            right = Style(positive.foreground, bold: true)
            wrong = Style(negative.foreground, bold: true)
        case .colourBlind:
            // Sky blue and vermillion; on eight colours cyan and yellow, or blue and red on a light background.
            let one =
                name == .light
                ? pick(.cube(red: 0, green: 1, blue: 3), .blue) : pick(.cube(red: 1, green: 3, blue: 4), .cyan)
            let other =
                name == .light
                ? pick(.cube(red: 4, green: 1, blue: 0), .red) : pick(.cube(red: 4, green: 1, blue: 0), .yellow)
            positive = Style(one, bold: positive.bold)
            negative = Style(other, bold: negative.bold)
            right = Style(one, bold: true)
            wrong = Style(other, bold: true)
        }
        best = Style(positive.foreground, bold: true)
        problem = Style(negative.foreground, bold: true)
    }

    /// The style of the status bar's state word.
    func state(_ word: String) -> Style {
        switch word {
        case "RUNNING": return running
        case "PAUSED": return paused
        case "DONE": return done
        default: return stopped
        }
    }

    func signed(_ x: Double) -> Style { x < 0 ? negative : positive }
}
