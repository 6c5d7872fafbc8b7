/// One terminal cell: a single-width character and its style.
public struct Cell: Sendable, Equatable {
    public var scalar: Unicode.Scalar
    public var style: Style

    public init(_ scalar: Unicode.Scalar = " ", style: Style = .plain) {
        self.scalar = scalar
        self.style = style
    }

    public static let blank = Cell()
}
