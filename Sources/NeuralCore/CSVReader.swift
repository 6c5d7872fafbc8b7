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
            var parser = CSVParser(base: base, count: buffer.count, file: file, target: target)
            do throws(DataError) {
                return .success(try parser.run())
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }
}
