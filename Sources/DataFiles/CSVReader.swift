import NeuralCore
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
/// a leading UTF-8 byte order mark (as Excel writes) skipped. Every cell must be a finite number, and with
/// `binaryTargets` every target 0 or 1; the first violation is reported with its file, line and column, and the cell's text escaped
/// and cut short (`MessageText`).
public enum CSVReader {
    public static func load(path: String, target: TargetColumn = .last, binaryTargets: Bool = false)
        throws(DataError) -> Dataset
    {
        let bytes = try FileBytes.read(path)
        return try parse(bytes, file: path, target: target, binaryTargets: binaryTargets)
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

    /// Whether the first non-blank line starts with an empty cell: the header of a pandas row index.
    public static func startsWithUnnamedColumn(_ bytes: [UInt8]) -> Bool {
        for line in bytes.dropFirst(byteOrderMarkLength(bytes)).split(separator: 10) {
            let text = line.filter { $0 != 13 && $0 != 32 && $0 != 9 }
            if !text.isEmpty { return text.first == 44 }
        }
        return false
    }

    /// Header names for a message: the first `limit`, each escaped and cut short, then how many more there are.
    static func listing(_ names: [String], limit: Int = 10) -> String {
        var shown = names.prefix(limit).map { MessageText.excerpt($0, limit: 20) }.joined(separator: ", ")
        if names.count > limit { shown += " … and \(names.count - limit) more" }
        return shown
    }

    /// Reads a whole CSV file's bytes in one run of lines.
    public static func parse(
        _ bytes: [UInt8], file: String, target: TargetColumn = .last, binaryTargets: Bool = false
    ) throws(DataError) -> Dataset {
        try parseKeepingLayout(bytes, file: file, target: target, binaryTargets: binaryTargets).dataset
    }

    /// `parse`, with the layout the rows were read by.
    static func parseKeepingLayout(
        _ bytes: [UInt8], file: String, target: TargetColumn = .last, binaryTargets: Bool = false
    ) throws(DataError) -> (dataset: Dataset, layout: CSVLayout) {
        let layout = try layout(of: bytes, file: file, target: target, binaryTargets: binaryTargets)
        let rows = try rows(of: bytes, layout: layout, file: file)
        return (try dataset(layout: layout, runs: [rows], file: file), layout)
    }

    // MARK: In runs of lines
    //
    // A file is read in steps: its layout first, then runs of whole lines, each on its own (it writes only its own
    // new arrays), then the runs joined in file order. Here the bytes are in memory and there is one run; `CSVFile`
    // reads a large file in several. The first run to fail, in file order, has the error a single pass would give.

    /// The layout, from the first non-blank line.
    static func layout(of bytes: [UInt8], file: String, target: TargetColumn = .last, binaryTargets: Bool = false)
        throws(DataError) -> CSVLayout
    {
        try withBase(of: bytes, file: file) { base throws(DataError) in
            var parser = CSVParser(
                base: base, count: bytes.count, file: file, target: target, binaryTargets: binaryTargets)
            return try parser.readLayout()
        }
    }

    /// The rows after the layout's header, to the end of the bytes, in one chunk. An error names the line's number
    /// in the whole file.
    static func rows(of bytes: [UInt8], layout: CSVLayout, file: String) throws(DataError) -> CSVRows {
        let lines = layout.dataStart..<bytes.count
        if lines.isEmpty { return CSVRows(features: [], targets: [], count: 0) }
        return try withBase(of: bytes, file: file) { base throws(DataError) in
            var reader = CSVRunReader(layout: layout, file: file, runBytes: lines.count, extraBytes: 0)
            var given = false
            do throws(DataError) {
                return try reader.read { () throws(DataError) in
                    defer { given = true }
                    return given ? nil : (base, lines)
                }
            } catch {
                // Lines were counted from the data's start; those of the header before it are counted only now.
                throw error.movedDown(by: NewlineCount.count(base, lines.lowerBound))
            }
        }
    }

    /// The runs' rows, in order, as one dataset; an error when there are none. The later runs' rows are added to
    /// the first run's arrays, in place when it has room for them (`CSVFile.rows(in:roomForMoreBytes:)`).
    public static func dataset(layout: CSVLayout, runs: consuming [CSVRows], file: String) throws(DataError) -> Dataset
    {
        let count = runs.reduce(0) { $0 + $1.count }
        guard count > 0 else {
            throw DataError(
                file: file,
                layout.hasHeader ? "has a header but no data rows" : "is empty, expected comma-separated rows")
        }
        var features: [Double] = [], targets: [Double] = []
        // Taken out of the list, so that the arrays are not shared and can grow where they are.
        swap(&features, &runs[0].features)
        swap(&targets, &runs[0].targets)
        for run in runs.dropFirst() {
            features.append(contentsOf: run.features)
            targets.append(contentsOf: run.targets)
        }
        guard layout.isLabelled else { return Dataset(featureNames: layout.names, unlabelledFeatures: features) }
        return Dataset(featureNames: layout.featureNames, features: features, targets: targets)
    }

    /// Runs `body` on the address of the bytes, as the parser reads through a pointer; "is empty" for no bytes.
    private static func withBase<T>(
        of bytes: [UInt8], file: String,
        _ body: (UnsafePointer<UInt8>) throws(DataError) -> T
    ) throws(DataError) -> T {
        let result: Result<T, DataError> = bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, !buffer.isEmpty else {
                return .failure(DataError(file: file, "is empty, expected comma-separated rows"))
            }
            do throws(DataError) {
                return .success(try body(base))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }
}

/// The rows read from a run of lines: `count` rows of features, one after another, and their targets (none for
/// unlabelled data).
public struct CSVRows: Sendable, Equatable {
    public var features: [Double]
    public var targets: [Double]
    public let count: Int
}
