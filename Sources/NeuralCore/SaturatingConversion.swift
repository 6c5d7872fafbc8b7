extension Int {
    /// `x` rounded toward zero, or the nearest `Int` when `x` lies beyond them; 0 for NaN. For numbers that user
    /// input, file content or a key can reach, where `Int(x)` would stop the program.
    public init(saturating x: Double) {
        if x.isNaN {
            self = 0
        } else if x >= 0x1p63 {
            self = .max
        } else if x < -0x1p63 {
            self = .min
        } else {
            self = Int(x)
        }
    }

    /// `self` times `factor`, or the nearest `Int` when the product lies beyond them.
    public func saturatingMultiplied(by factor: Int) -> Int {
        let (product, overflow) = multipliedReportingOverflow(by: factor)
        guard overflow else { return product }
        return (self < 0) == (factor < 0) ? .max : .min
    }
}
