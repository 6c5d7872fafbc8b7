import NeuralCore
/// The fast path of `CSVParser`: one pass along a row of plain numbers, with no splitting and no strings.
extension CSVParser {
    /// Reads the line at `start` when it is `width` plain decimal numbers (each with optional spaces or tabs
    /// around it) that `DecimalParser.quick` computes exactly, ended by LF or CRLF: writes
    /// them and returns where the next line starts. Otherwise nil, having perhaps written some cells: the line is
    /// then for `carefulLine`.
    @inline(__always)
    func quickRow(at start: Int, features: UnsafeMutablePointer<Double>, target: UnsafeMutablePointer<Double>) -> Int? {
        var i = start
        var feature = 0
        let last = width &- 1
        for column in 0...last {
            guard i < count, let value = number(at: &i) else { return nil }
            if column == targetIndex {
                guard !binaryTargets || value == 0 || value == 1 else { return nil }
                target.pointee = value
            } else {
                features[feature] = value
                feature &+= 1
            }
            if column < last {
                guard base[i] == 44 else { return nil }
                i &+= 1
            }
        }
        if base[i] == 10 { return i &+ 1 }
        if base[i] == 13 && i &+ 1 < count && base[i &+ 1] == 10 { return i &+ 2 }
        return nil
    }

    /// The number at `i` (which is below `count`), with any spaces and tabs around it, leaving `i` on the byte
    /// after them, which is below `count` too.
    @inline(__always)
    private func number(at i: inout Int) -> Double? {
        let start = i
        if let value = DecimalParser.quick(base, &i, count, masks), base[i] != 32 && base[i] != 9 { return value }
        // (A result rather than `inout`, so that `i` is not kept in memory on the common path.)
        guard let (value, next) = paddedNumber(from: start) else { return nil }
        i = next
        return value
    }

    /// `number(at:)` for a cell with spaces or tabs around its number (rare, so kept off the common path).
    @inline(never)
    private func paddedNumber(from start: Int) -> (Double, Int)? {
        var i = start
        skipBlanks(&i)
        guard i < count, let value = DecimalParser.quick(base, &i, count, masks) else { return nil }
        skipBlanks(&i)
        return i < count ? (value, i) : nil
    }

    /// Moves `i` past spaces and tabs.
    private func skipBlanks(_ i: inout Int) {
        while i < count && (base[i] == 32 || base[i] == 9) { i &+= 1 }
    }
}
