/// A screen's worth of cells. Every pane draws into one; the backend copies it to the terminal, and tests
/// read its lines.
public struct Buffer: Sendable, Equatable {
    public let size: Size
    public private(set) var cells: [Cell]

    public init(size: Size) {
        self.size = Size(width: max(size.width, 0), height: max(size.height, 0))
        cells = Array(repeating: .blank, count: self.size.width * self.size.height)
    }

    public var area: Rect { Rect(size) }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * size.width + x] }
        set {
            guard x >= 0, y >= 0, x < size.width, y < size.height else { return }
            cells[y * size.width + x] = newValue
        }
    }

    /// Puts one character at (x, y) if that cell is on screen and inside `clip`.
    public mutating func put(_ scalar: Unicode.Scalar, x: Int, y: Int, style: Style = .plain, clip: Rect? = nil) {
        guard x >= 0, y >= 0, x < size.width, y < size.height else { return }
        if let clip, !clip.contains(x: x, y: y) { return }
        cells[y * size.width + x] = Cell(scalar, style: style)
    }

    /// Changes the style of one cell, keeping its character.
    public mutating func restyle(x: Int, y: Int, _ style: Style) {
        guard x >= 0, y >= 0, x < size.width, y < size.height else { return }
        cells[y * size.width + x].style = style
    }

    /// Writes `text` from (x, y) to the right, cut at `maxWidth` cells or the buffer's edge; returns the column
    /// after the last character written. Characters that are not single-width print as `?`.
    @discardableResult
    public mutating func write(_ text: String, x: Int, y: Int, style: Style = .plain, maxWidth: Int? = nil) -> Int {
        var column = x
        let end = min(size.width, maxWidth.map { x + max($0, 0) } ?? size.width)
        for scalar in text.unicodeScalars {
            guard column < end else { break }
            if scalar.properties.generalCategory == .nonspacingMark { continue }
            put(Buffer.singleWidth(scalar) ? scalar : "?", x: column, y: y, style: style)
            column += 1
        }
        return column
    }

    /// Writes `text` within `rect`'s row `y`, cut to the rect's width.
    @discardableResult
    public mutating func write(_ text: String, in rect: Rect, row: Int, column: Int = 0, style: Style = .plain) -> Int {
        guard row >= 0, row < rect.height, column < rect.width else { return rect.x + column }
        return write(text, x: rect.x + column, y: rect.y + row, style: style, maxWidth: rect.width - column)
    }

    /// Fills `rect` with one character.
    public mutating func fill(_ rect: Rect, with scalar: Unicode.Scalar = " ", style: Style = .plain) {
        for y in rect.y..<rect.maxY {
            for x in rect.x..<rect.maxX { put(scalar, x: x, y: y, style: style) }
        }
    }

    /// Row `y` as text, trailing blanks removed.
    public func line(_ y: Int) -> String {
        var s = String.UnicodeScalarView()
        for x in 0..<size.width { s.append(cells[y * size.width + x].scalar) }
        var text = String(s)
        while text.last == " " { text.removeLast() }
        return text
    }

    /// Every row as text.
    public var lines: [String] { (0..<size.height).map(line) }

    /// The whole screen as text, one row per line (for test failure messages).
    public var text: String { lines.joined(separator: "\n") }

    /// Box drawing, blocks, arrows and Latin text are one cell wide; wide scripts and emoji are not drawn.
    static func singleWidth(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return false }
        if v < 0x1100 { return true }
        if (0x2000...0x2BFF).contains(v) { return true }  // punctuation, arrows, maths, boxes, blocks, shapes
        if (0x2800...0x28FF).contains(v) { return true }  // braille
        return false
    }
}
