/// One pass over the bytes of a CSV file (see `CSVReader` for the format), writing each number straight into
/// the dataset's arrays.
///
/// The first non-blank line sets the shape: its width, whether it is a header, which column is the target. Each
/// later line is read first by `quickRow`, which takes the common case (plain decimal numbers, commas, an LF
/// or CRLF end) without splitting the line or making a string. Any line it does not take — a blank line, a
/// number it cannot compute exactly, a bad cell — is read again by `carefulLine`, which accepts everything the
/// format allows and gives the error for anything else. Both give the same numbers bit for bit. A large file's
/// rows are read in parts at once (`CSVParts.swift`).
struct CSVParser {
    let base: UnsafePointer<UInt8>
    let count: Int
    let file: String
    let target: TargetColumn
    let masks = LaneMasks.shared

    /// Where the next line starts, and the 1-based number of the line before it.
    var position = 0
    var lineNumber = 0
    /// The columns, and the target's index among them (-1 for none); set by the first non-blank line.
    var width = 0
    var targetIndex = -1
    /// The trimmed cells of the line `carefulLine` or `readLayout` last split: `[start, end)` offsets.
    var fieldStarts: [Int] = []
    var fieldEnds: [Int] = []

    init(base: UnsafePointer<UInt8>, count: Int, file: String, target: TargetColumn) {
        self.base = base
        self.count = count
        self.file = file
        self.target = target
    }

    var featureCount: Int { targetIndex < 0 ? width : width - 1 }

    mutating func run() throws(DataError) -> Dataset {
        position = CSVReader.byteOrderMarkLength(UnsafeBufferPointer(start: base, count: count))
        guard let (names, hasHeader) = try readLayout() else {
            throw DataError(file: file, "is empty, expected comma-separated rows")
        }
        // Room for a row per line (the last may lack its newline), and never more than one per 2 × width bytes,
        // since a row is `width` non-empty cells, the commas between them and a newline (so a file of mostly
        // blank lines cannot inflate the arrays) — plus one for the cells a bad line writes before it is
        // rejected.
        let lines = NewlineCount.count(base + position, count - position) + 1
        let rowCapacity = min(lines, (count - position + 1) / (2 * width) + 1)
        let labelled = targetIndex >= 0
        var rows = 0
        var failure: DataError?
        var targets: [Double] = []
        let features = [Double](unsafeUninitializedCapacity: rowCapacity * featureCount) { featureBuffer, featuresWritten in
            targets = [Double](unsafeUninitializedCapacity: labelled ? rowCapacity : 1) { targetBuffer, targetsWritten in
                do throws(DataError) {
                    let features = featureBuffer.baseAddress!, targets = targetBuffer.baseAddress!
                    // The kernel backs the new arrays in bulk rather than page by page as they fill.
                    Prefault.populate(UnsafeMutableBufferPointer(start: features, count: rowCapacity * featureCount))
                    if labelled { Prefault.populate(UnsafeMutableBufferPointer(start: targets, count: rowCapacity)) }
                    rows = try readRows(upTo: count, features: features, targets: targets, rowLimit: rowCapacity)
                } catch {
                    failure = error
                }
                targetsWritten = labelled ? rows : 0
            }
            featuresWritten = rows * featureCount
        }
        if let failure { throw failure }
        guard rows > 0 else {
            throw DataError(file: file, hasHeader ? "has a header but no data rows" : "is empty, expected comma-separated rows")
        }
        guard labelled else { return Dataset(featureNames: names, unlabelledFeatures: features) }
        var featureNames = names
        featureNames.remove(at: targetIndex)
        return Dataset(featureNames: featureNames, features: features, targets: targets)
    }

    /// Reads the shape from the first non-blank line: its names (from a header, which is consumed, or x1, x2, …
    /// for a first line of data, which is left for `readRows`) and the target column. Nil when every line is blank.
    mutating func readLayout() throws(DataError) -> (names: [String], hasHeader: Bool)? {
        while position < count {
            let lineStart = position
            lineNumber += 1
            splitLine()
            if isBlank { continue }
            width = fieldStarts.count
            let hasHeader = !(0..<width).contains { number($0) != nil }
            let names = hasHeader ? (0..<width).map { text($0).trimmingQuotes() } : (1...width).map { "x\($0)" }
            targetIndex = try resolveTarget(names: names, header: hasHeader)
            guard width >= 2 || target == .none else {
                throw DataError(file: file, line: lineNumber,
                                "expected at least 2 columns (features, then a 0/1 target), found 1")
            }
            if !hasHeader {
                position = lineStart
                lineNumber -= 1
            }
            return (names, hasHeader)
        }
        return nil
    }

    /// Reads every line from `position` up to `end` (just after a newline, or the end of the file), each data
    /// row's features to `features` and its target to `targets`; returns the number of rows, at most `rowLimit`.
    mutating func readRows(upTo end: Int, features: UnsafeMutablePointer<Double>, targets: UnsafeMutablePointer<Double>,
                           rowLimit: Int) throws(DataError) -> Int {
        let featureCount = featureCount
        var rows = 0
        while position < end {
            precondition(rows < rowLimit, "more rows than the file has room for")
            let rowFeatures = features + rows * featureCount
            if let next = quickRow(at: position, features: rowFeatures, target: targets + rows) {
                position = next
                lineNumber += 1
                rows += 1
            } else if try carefulLine(features: rowFeatures, target: targets + rows) {
                rows += 1
            }
        }
        return rows
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
                throw DataError(file: file, line: lineNumber,
                                "--target \(n) not found: columns are numbered 1 to \(names.count)")
            }
            return n - 1
        case .name(let name):
            guard header else {
                throw DataError(file: file, line: lineNumber,
                                "--target \(MessageText.quoted(name)) not found: the file has no header row (give a column number)")
            }
            guard let index = names.firstIndex(of: name) else {
                throw DataError(file: file, line: lineNumber,
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
