import NeuralCore
/// What the first non-blank line of a CSV file says about the rest: the columns' names, whether that line was a
/// header, which column is the target, and where the data rows begin.
public struct CSVLayout: Sendable, Equatable {
    /// Every column's name: from the header, or x1, x2, … when the first line is data.
    public let names: [String]
    public let hasHeader: Bool
    /// The target's index among the columns, or -1 when there is none.
    public let targetIndex: Int
    /// The byte offset of the first line after the header (or of the first data line when there is no header).
    public let dataStart: Int
    /// Whether every target must be 0 or 1 (a binary task), so that a row breaking the rule is reported with its
    /// line and column as it is read.
    public var binaryTargets = false
    /// The header's names read under others, so that each is distinct (`HeaderNames`).
    var renamed: [HeaderNames.Renaming] = []

    public var width: Int { names.count }
    public var isLabelled: Bool { targetIndex >= 0 }
    public var featureCount: Int { isLabelled ? width - 1 : width }

    /// The names of the feature columns: every column but the target.
    public var featureNames: [String] {
        guard isLabelled else { return names }
        var features = names
        features.remove(at: targetIndex)
        return features
    }
}

extension CSVParser {
    /// Reads the layout from the first non-blank line, consuming it when it is a header, and leaving `position`
    /// at the first data line. A header is a line none of whose cells is a number.
    mutating func readLayout() throws(DataError) -> CSVLayout {
        position = CSVReader.byteOrderMarkLength(UnsafeBufferPointer(start: base, count: count))
        while position < count {
            let lineStart = position
            lineNumber += 1
            splitLine()
            if isBlank { continue }
            width = fieldStarts.count
            let hasHeader = !(0..<width).contains { number($0) != nil }
            var names = (1...width).map { "x\($0)" }
            var renamed: [HeaderNames.Renaming] = []
            if hasHeader {
                (names, renamed) = HeaderNames.distinct(
                    (0..<width).map { text($0).trimmingQuotes() }, bytes: (0..<width).map(nameBytes))
            }
            targetIndex = try resolveTarget(names: names, header: hasHeader)
            guard width >= 2 || target == .none else {
                throw DataError(
                    file: file, line: lineNumber,
                    "expected at least 2 columns (features, then a target), found 1")
            }
            if !hasHeader {
                position = lineStart
                lineNumber -= 1
            }
            // (A header with no newline after it ends the file: `splitLine` leaves `position` one past the end.)
            return CSVLayout(
                names: names, hasHeader: hasHeader, targetIndex: targetIndex, dataStart: min(position, count),
                binaryTargets: binaryTargets, renamed: renamed)
        }
        throw DataError(file: file, "is empty, expected comma-separated rows")
    }

    /// The bytes of header cell `field`, without one pair of surrounding double quotes (as `trimmingQuotes`).
    private func nameBytes(_ field: Int) -> [UInt8] {
        var bytes = Array(
            UnsafeBufferPointer(start: base + fieldStarts[field], count: fieldEnds[field] - fieldStarts[field]))
        if bytes.count >= 2, bytes.first == 34, bytes.last == 34 { bytes = Array(bytes.dropFirst().dropLast()) }
        return bytes
    }

    /// The index of the target column among `names` (-1 for none), or the error for a `--target` that names none.
    func resolveTarget(names: [String], header: Bool) throws(DataError) -> Int {
        switch target {
        case .last:
            return names.count - 1
        case .none:
            return -1
        case .position(let n):
            guard n >= 1 && n <= names.count else {
                throw DataError(
                    file: file, line: lineNumber,
                    "--target \(n) not found: columns are numbered 1 to \(names.count)")
            }
            return n - 1
        case .name(let name):
            guard header else {
                throw DataError(
                    file: file, line: lineNumber,
                    "--target \(MessageText.quoted(name)) not found: the file has no header row (give a column number)")
            }
            guard let index = TableOptions.find(name, in: names) else {
                throw DataError(
                    file: file, line: lineNumber,
                    "--target \(MessageText.quoted(name)) not found in header (\(CSVReader.listing(names)))")
            }
            return index
        }
    }
}

extension String {
    /// The text without one pair of surrounding double quotes, as a header name may have.
    fileprivate func trimmingQuotes() -> String {
        if count >= 2, hasPrefix("\""), hasSuffix("\"") { return String(dropFirst().dropLast()) }
        return self
    }
}
