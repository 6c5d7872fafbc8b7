/// A bordered box with a title in its top edge, the frame every pane is drawn in.
public struct Panel: Sendable {
    public var title: String
    public var focused: Bool

    public init(title: String, focused: Bool = false) {
        self.title = title
        self.focused = focused
    }

    /// The area inside a frame drawn into `rect` (empty when `rect` is too small for a frame): what `draw`
    /// returns, known without drawing.
    public static func inner(of rect: Rect) -> Rect {
        guard rect.width >= 2, rect.height >= 2 else { return Rect(x: rect.x, y: rect.y, width: 0, height: 0) }
        return rect.inset(by: 1)
    }

    /// Draws the frame into `rect` and returns the inner area. The border is drawn in `style`, or in
    /// `focusedStyle` when the panel has focus.
    @discardableResult
    public func draw(
        in rect: Rect, on buffer: inout Buffer, glyphs: GlyphSet, style: Style = Style(.standard, dim: false),
        focusedStyle: Style = Style(.cyan, bold: true)
    ) -> Rect {
        guard rect.width >= 2, rect.height >= 2 else { return Panel.inner(of: rect) }
        let border = focused ? focusedStyle : style
        for x in (rect.x + 1)..<(rect.maxX - 1) {
            buffer.put(glyphs.horizontal, x: x, y: rect.y, style: border)
            buffer.put(glyphs.horizontal, x: x, y: rect.maxY - 1, style: border)
        }
        for y in (rect.y + 1)..<(rect.maxY - 1) {
            buffer.put(glyphs.vertical, x: rect.x, y: y, style: border)
            buffer.put(glyphs.vertical, x: rect.maxX - 1, y: y, style: border)
        }
        buffer.put(glyphs.topLeft, x: rect.x, y: rect.y, style: border)
        buffer.put(glyphs.topRight, x: rect.maxX - 1, y: rect.y, style: border)
        buffer.put(glyphs.bottomLeft, x: rect.x, y: rect.maxY - 1, style: border)
        buffer.put(glyphs.bottomRight, x: rect.maxX - 1, y: rect.maxY - 1, style: border)
        if rect.width > 4 {
            let shown = Text.truncate(title, to: rect.width - 4, ellipsis: glyphs.ellipsis)
            buffer.write(
                " \(shown) ", x: rect.x + 1, y: rect.y, style: Style(.standard, bold: true),
                maxWidth: rect.width - 2)
        }
        return Panel.inner(of: rect)
    }
}
