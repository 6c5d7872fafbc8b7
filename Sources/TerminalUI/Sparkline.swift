/// Bars of several rows' height, one column per value, drawn with the glyph set's sub-cell levels.
public struct Sparkline: Sendable {
    public var values: [Double]
    /// The value at the bottom and at the top of the area.
    public var low: Double
    public var high: Double
    public var style: Style

    public init(values: [Double], low: Double, high: Double, style: Style = .plain) {
        self.values = values
        self.low = low
        self.high = high
        self.style = style
    }

    /// The height of `value` in sub-cell steps (0 … rows × steps), clamped to the area.
    public func level(of value: Double, rows: Int, steps: Int) -> Int {
        guard value.isFinite else { return 0 }
        let span = high - low
        var fraction = span > 0 ? (value - low) / span : 0.5
        if !fraction.isFinite { fraction = 0.5 }  // a span too wide for a Double
        fraction = min(max(fraction, 0), 1)
        let total = rows * steps
        // Anything above the floor shows at least one step, so a small error never looks like no error.
        let raw = Int((fraction * Double(total)).rounded())
        return min(max(raw, value > low ? 1 : 0), total)
    }

    /// Draws the bars bottom-aligned in `rect`, one value per column from the left.
    public func draw(in rect: Rect, on buffer: inout Buffer, glyphs: GlyphSet) {
        guard !rect.isEmpty else { return }
        let steps = glyphs.steps
        for (c, value) in values.prefix(rect.width).enumerated() {
            var remaining = level(of: value, rows: rect.height, steps: steps)
            for row in stride(from: rect.maxY - 1, through: rect.y, by: -1) {
                let here = min(remaining, steps)
                if here > 0 { buffer.put(glyphs.levels[here], x: rect.x + c, y: row, style: style) }
                remaining -= here
                if remaining <= 0 { break }
            }
        }
    }
}
