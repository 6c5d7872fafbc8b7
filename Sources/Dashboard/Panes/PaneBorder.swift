import TerminalUI

extension Panel {
    /// Draws the frame in `theme`'s styles (the focused pane's border in the theme's colour for it) and returns the
    /// inner area.
    @discardableResult
    func draw(in rect: Rect, on buffer: inout Buffer, glyphs: GlyphSet, theme: Theme) -> Rect {
        draw(in: rect, on: &buffer, glyphs: glyphs, focusedStyle: theme.focusedBorder)
    }
}
