/// Which column holds the 0/1 target.
public enum TargetColumn: Sendable, Equatable {
    /// The last column (the default).
    case last
    /// The column with this header name.
    case name(String)
    /// The column at this 1-based position.
    case position(Int)
    /// No target: every column is a feature (data only to predict on).
    case none

    /// Reads `--target` text: a whole number is a 1-based column position, anything else a header name.
    public init(argument: String) {
        if let n = Int(argument) { self = .position(n) } else { self = .name(argument) }
    }
}

/// Reads comma-separated data into a `Dataset`: an optional header row (taken as a header when none of its
/// cells is a number), one row per line, blank lines skipped, LF or CRLF line ends, cells trimmed of spaces,
/// a leading UTF-8 byte order mark (as Excel writes) skipped. Every feature must be a finite number and every
/// target 0 or 1; the first violation is reported with its file, line and column, and the cell's text escaped
/// and cut short (`MessageText`).
public enum CSVReader {
    public static func load(path: String, target: TargetColumn = .last) throws(DataError) -> Dataset {
        let bytes = try FileBytes.read(path)
        return try parse(bytes, file: path, target: target)
    }

    /// The UTF-8 encoding of U+FEFF, which some programs write at the start of a text file.
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// How many bytes at the start of `bytes` are a byte order mark: 3 or 0.
    static func byteOrderMarkLength<C: Collection<UInt8>>(_ bytes: C) -> Int {
        bytes.starts(with: byteOrderMark) ? byteOrderMark.count : 0
    }

    /// The number of cells in the first non-blank line, or 0 for a file with none.
    public static func width(of bytes: [UInt8]) -> Int {
        for line in bytes.dropFirst(byteOrderMarkLength(bytes)).split(separator: 10) {
            let text = line.filter { $0 != 13 && $0 != 32 && $0 != 9 }
            if !text.isEmpty { return line.split(separator: 44, omittingEmptySubsequences: false).count }
        }
        return 0
    }

    /// Header names for a message: the first `limit`, each escaped and cut short, then how many more there are.
    static func listing(_ names: [String], limit: Int = 10) -> String {
        var shown = names.prefix(limit).map { MessageText.excerpt($0, limit: 20) }.joined(separator: ", ")
        if names.count > limit { shown += " … and \(names.count - limit) more" }
        return shown
    }

    public static func parse(_ bytes: [UInt8], file: String, target: TargetColumn = .last) throws(DataError) -> Dataset {
        let result: Result<Dataset, DataError> = bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, !buffer.isEmpty else {
                return .failure(DataError(file: file, "is empty, expected comma-separated rows"))
            }
            var parser = Parser(base: base, count: buffer.count, file: file, target: target)
            do throws(DataError) {
                return .success(try parser.run())
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    private struct Parser {
        let base: UnsafePointer<UInt8>
        let count: Int
        let file: String
        let target: TargetColumn

        var fieldStarts: [Int] = []
        var fieldEnds: [Int] = []

        init(base: UnsafePointer<UInt8>, count: Int, file: String, target: TargetColumn) {
            self.base = base
            self.count = count
            self.file = file
            self.target = target
        }

        mutating func run() throws(DataError) -> Dataset {
            var position = CSVReader.byteOrderMarkLength(UnsafeBufferPointer(start: base, count: count))
            var lineNumber = 0
            var width = 0, targetIndex = 0
            var names: [String] = []
            var features: [Double] = []
            var targets: [Double] = []
            var sawHeader = false
            while position < count {
                lineNumber += 1
                let lineStart = position
                var lineEnd = position
                while lineEnd < count, base[lineEnd] != 10 { lineEnd += 1 }
                let next = lineEnd + 1
                var end = lineEnd
                if end > position, base[end - 1] == 13 { end -= 1 }
                split(position, end)
                position = next
                if fieldStarts.count == 1 && fieldStarts[0] == fieldEnds[0] { continue }   // blank line

                if width == 0 {
                    width = fieldStarts.count
                    let cells = (0..<width).map { text($0) }
                    let numeric = (0..<width).map { number($0) != nil }
                    if !numeric.contains(true) {
                        sawHeader = true
                        names = cells.map { $0.trimmingQuotes() }
                    } else {
                        names = (1...width).map { "x\($0)" }
                    }
                    targetIndex = try resolveTarget(names: names, header: sawHeader, line: lineNumber)
                    guard width >= 2 || target == .none else {
                        throw DataError(file: file, line: lineNumber,
                                        "expected at least 2 columns (features, then a 0/1 target), found 1")
                    }
                    let estimate = count / max(1, next - lineStart)
                    features.reserveCapacity(min(estimate, 1 << 26) * (width - 1))
                    targets.reserveCapacity(min(estimate, 1 << 26))
                    if sawHeader { continue }
                }
                guard fieldStarts.count == width else {
                    throw DataError(file: file, line: lineNumber,
                                    "expected \(width) columns, found \(fieldStarts.count)")
                }
                for c in 0..<width {
                    guard let value = number(c) else {
                        let cell = text(c)
                        throw DataError(file: file, line: lineNumber, column: c + 1,
                                        cell.isEmpty ? "expected a number, found an empty cell"
                                                     : "expected a number, found \(MessageText.quoted(cell))")
                    }
                    guard value.isFinite else {
                        throw DataError(file: file, line: lineNumber, column: c + 1,
                                        "expected a finite number, found \(MessageText.quoted(text(c)))")
                    }
                    if c == targetIndex {
                        guard value == 0 || value == 1 else {
                            throw DataError(file: file, line: lineNumber, column: c + 1,
                                            "expected a target of 0 or 1, found \(MessageText.quoted(text(c)))")
                        }
                        targets.append(value)
                    } else {
                        features.append(value)
                    }
                }
            }
            guard !features.isEmpty else {
                throw DataError(file: file, sawHeader ? "has a header but no data rows" : "is empty, expected comma-separated rows")
            }
            if targetIndex < 0 { return Dataset(featureNames: names, unlabelledFeatures: features) }
            var featureNames = names
            featureNames.remove(at: targetIndex)
            return Dataset(featureNames: featureNames, features: features, targets: targets)
        }

        func resolveTarget(names: [String], header: Bool, line: Int) throws(DataError) -> Int {
            switch target {
            case .last:
                return names.count - 1
            case .none:
                return -1
            case .position(let n):
                guard n >= 1 && n <= names.count else {
                    throw DataError(file: file, line: line,
                                    "--target \(n) not found: columns are numbered 1 to \(names.count)")
                }
                return n - 1
            case .name(let name):
                guard header else {
                    throw DataError(file: file, line: line,
                                    "--target \(MessageText.quoted(name)) not found: the file has no header row (give a column number)")
                }
                guard let index = names.firstIndex(of: name) else {
                    throw DataError(file: file, line: line,
                                    "--target \(MessageText.quoted(name)) not found in header (\(CSVReader.listing(names)))")
                }
                return index
            }
        }

        /// Splits `[start, end)` at commas into trimmed fields.
        mutating func split(_ start: Int, _ end: Int) {
            fieldStarts.removeAll(keepingCapacity: true)
            fieldEnds.removeAll(keepingCapacity: true)
            var fieldStart = start
            var i = start
            while true {
                if i == end || base[i] == 44 {
                    var s = fieldStart, e = i
                    while s < e, base[s] == 32 || base[s] == 9 { s += 1 }
                    while e > s, base[e - 1] == 32 || base[e - 1] == 9 { e -= 1 }
                    fieldStarts.append(s)
                    fieldEnds.append(e)
                    if i == end { return }
                    fieldStart = i + 1
                }
                i += 1
            }
        }

        func number(_ field: Int) -> Double? {
            DecimalParser.parse(base, fieldStarts[field], fieldEnds[field])
        }

        func text(_ field: Int) -> String {
            let buffer = UnsafeBufferPointer(start: base + fieldStarts[field], count: fieldEnds[field] - fieldStarts[field])
            return String(decoding: buffer, as: UTF8.self)
        }
    }
}

extension String {
    fileprivate func trimmingQuotes() -> String {
        if count >= 2, hasPrefix("\""), hasSuffix("\"") { return String(dropFirst().dropLast()) }
        return self
    }
}
