import NeuralCore
/// The careful path of `CSVParser`: a line split into trimmed cells, each read by `DecimalParser.parse`, and every
/// rule of the format checked, so that anything wrong is reported with its line and column.
extension CSVParser {
    /// Reads the line at `position` with every rule of the format, writing a data row's cells as `quickRow`
    /// does. False for a blank line; the first bad cell is thrown with its line and column.
    mutating func carefulLine(features: UnsafeMutablePointer<Double>, target: UnsafeMutablePointer<Double>)
        throws(DataError) -> Bool
    {
        lineNumber += 1
        splitLine()
        if isBlank { return false }
        guard fieldStarts.count == width else {
            throw DataError(file: file, line: lineNumber, "expected \(width) columns, found \(fieldStarts.count)")
        }
        var feature = 0
        for c in 0..<width {
            guard let value = number(c) else {
                let cell = text(c)
                throw DataError(
                    file: file, line: lineNumber, column: c + 1,
                    cell.isEmpty
                        ? "expected a number, found an empty cell"
                        : "expected a number, found \(MessageText.quoted(cell))")
            }
            guard value.isFinite else {
                throw DataError(
                    file: file, line: lineNumber, column: c + 1,
                    "expected a finite number, found \(MessageText.quoted(text(c)))")
            }
            if c == targetIndex {
                guard !binaryTargets || value == 0 || value == 1 else {
                    throw DataError(
                        file: file, line: lineNumber, column: c + 1,
                        "expected a target of 0 or 1, found \(MessageText.quoted(text(c)))")
                }
                target.pointee = value
            } else {
                features[feature] = value
                feature += 1
            }
        }
        return true
    }

    /// Splits the line at `position` (without its LF or CRLF) at commas into trimmed cells, and moves
    /// `position` past it.
    mutating func splitLine() {
        var lineEnd = position
        while lineEnd < count, base[lineEnd] != 10 { lineEnd += 1 }
        var end = lineEnd
        if end > position, base[end - 1] == 13 { end -= 1 }
        fieldStarts.removeAll(keepingCapacity: true)
        fieldEnds.removeAll(keepingCapacity: true)
        var fieldStart = position
        var i = position
        while true {
            if i == end || base[i] == 44 {
                var s = fieldStart, e = i
                while s < e, base[s] == 32 || base[s] == 9 { s += 1 }
                while e > s, base[e - 1] == 32 || base[e - 1] == 9 { e -= 1 }
                fieldStarts.append(s)
                fieldEnds.append(e)
                if i == end { break }
                fieldStart = i + 1
            }
            i += 1
        }
        position = lineEnd + 1
    }

    /// Whether the line last split holds nothing but spaces and tabs.
    var isBlank: Bool { fieldStarts.count == 1 && fieldStarts[0] == fieldEnds[0] }

    /// The number in cell `field` of the line last split, or nil.
    func number(_ field: Int) -> Double? {
        DecimalParser.parse(base, fieldStarts[field], fieldEnds[field])
    }

    /// The text of cell `field` of the line last split.
    func text(_ field: Int) -> String {
        let buffer = UnsafeBufferPointer(start: base + fieldStarts[field], count: fieldEnds[field] - fieldStarts[field])
        return String(decoding: buffer, as: UTF8.self)
    }
}
