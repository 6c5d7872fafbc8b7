import CNCurses
import TerminalUI

/// Curses colour pairs, made on first use for each foreground and background drawn. Palette colours are drawn
/// as their nearest standard colour when the terminal has fewer than 256 colours; when the terminal runs out of
/// pairs, the background is dropped.
struct ColourPairs {
    private var pairs: [Key: Int16] = [:]
    private var next: Int16 = 1
    private let palette: Bool
    private let limit: Int

    private struct Key: Hashable {
        var foreground: Int16
        var background: Int16
    }

    init() {
        palette = nntop_colors() >= 256
        limit = min(Int(nntop_color_pairs()), Int(Int16.max))
    }

    /// The pair for a style's colours, 0 being the terminal's default.
    mutating func pair(for style: Style) -> Int16 {
        let key = Key(foreground: shown(style.foreground), background: shown(style.background))
        if key.foreground < 0 && key.background < 0 { return 0 }
        if let pair = pairs[key] { return pair }
        guard Int(next) < limit else {
            return key.background < 0 ? 0 : pair(for: Style(style.foreground))
        }
        init_pair(next, key.foreground, key.background)
        pairs[key] = next
        next += 1
        return next - 1
    }

    private func shown(_ colour: Colour) -> Int16 {
        palette ? colour.index : colour.standardApproximation.index
    }
}
