import TerminalUI

/// The characters of the decision map: data points by label and split, the contour, the cursor, and the half
/// block that shows two samples in one cell.
struct MapMarks: Equatable {
    var trainOne: Unicode.Scalar
    var trainZero: Unicode.Scalar
    var testOne: Unicode.Scalar
    var testZero: Unicode.Scalar
    var contour: Unicode.Scalar
    var cursor: Unicode.Scalar
    /// The upper half block, or nil where only whole cells can be drawn.
    var halfBlock: Unicode.Scalar?

    static let unicode = MapMarks(
        trainOne: "●", trainZero: "○", testOne: "■", testZero: "□", contour: "•",
        cursor: "╋", halfBlock: "▀")
    static let ascii = MapMarks(
        trainOne: "X", trainZero: "O", testOne: "x", testZero: "o", contour: ":",
        cursor: "+", halfBlock: nil)
}

extension GlyphSet {
    var mapMarks: MapMarks { self == .ascii ? .ascii : .unicode }
}
