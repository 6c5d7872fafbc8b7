import TerminalUI

extension Panel {
    /// A pane's title from ranked parts, for a frame `width` wide: the least important parts are left out, whole,
    /// before any is cut.
    static func title(_ parts: [RankedItem], width: Int, glyphs: GlyphSet) -> String {
        Text.ranked(parts, separator: " \(glyphs.middleDot) ", width: width - 4, ellipsis: glyphs.ellipsis)
    }
}
