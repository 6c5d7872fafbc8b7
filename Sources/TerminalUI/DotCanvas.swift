/// A grid of dots finer than the cells that show them: braille gives each cell 2 × 4 dots, the ASCII fallback
/// 1 × 3 (`'`, `-`, `.`, and `|` for more than one). Curves are drawn in dots, then each cell becomes the one
/// character that holds its dots.
public struct DotCanvas: Sendable, Equatable {
    /// The canvas's size in cells.
    public let columns: Int
    public let rows: Int
    /// Dots in one cell, across and down.
    public let across: Int
    public let down: Int
    public let braille: Bool
    private var masks: [UInt8]

    public init(columns: Int, rows: Int, braille: Bool) {
        self.columns = max(columns, 0)
        self.rows = max(rows, 0)
        self.braille = braille
        across = braille ? 2 : 1
        down = braille ? 4 : 3
        masks = Array(repeating: 0, count: self.columns * self.rows)
    }

    /// The canvas's size in dots.
    public var width: Int { columns * across }
    public var height: Int { rows * down }

    /// Sets the dot at (x, y), counted from the top left; a dot off the canvas is ignored.
    public mutating func set(x: Int, y: Int) {
        guard x >= 0, y >= 0, x < width, y < height else { return }
        let bit = Self.bit(x: x % across, y: y % down, braille: braille)
        masks[(y / down) * columns + x / across] |= bit
    }

    /// Sets every dot of column `x` from `y0` to `y1`, either way round.
    public mutating func vertical(x: Int, from y0: Int, to y1: Int) {
        for y in min(y0, y1)...max(y0, y1) { set(x: x, y: y) }
    }

    /// Whether the cell holds any dot.
    public func isEmpty(column: Int, row: Int) -> Bool { mask(column: column, row: row) == 0 }

    public func mask(column: Int, row: Int) -> UInt8 {
        guard column >= 0, row >= 0, column < columns, row < rows else { return 0 }
        return masks[row * columns + column]
    }

    /// The character for a cell's dots: a braille pattern, or its ASCII stand-in; blank without dots.
    public static func scalar(_ mask: UInt8, braille: Bool) -> Unicode.Scalar {
        if mask == 0 { return " " }
        if braille { return Unicode.Scalar(0x2800 + UInt32(mask))! }
        switch mask {
        case 1: return "'"
        case 2: return "-"
        case 4: return "."
        default: return "|"
        }
    }

    /// Braille numbers its dots down the left column (1, 2, 3, then 7 at the bottom) and the right (4, 5, 6, 8).
    private static func bit(x: Int, y: Int, braille: Bool) -> UInt8 {
        guard braille else { return 1 << UInt8(y) }
        let left: [UInt8] = [0x01, 0x02, 0x04, 0x40], right: [UInt8] = [0x08, 0x10, 0x20, 0x80]
        return x == 0 ? left[y] : right[y]
    }
}
