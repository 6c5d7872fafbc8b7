import NeuralCore

/// How a CSV file's columns are chosen and prepared (`--target`, `--columns`, `--drop`, `--missing`,
/// `--unknown`).
public struct TableOptions: Sendable, Equatable {
    public var target: TargetColumn = .last
    /// Targets must be 0 or 1 (or two labels).
    public var binaryTargets = false
    /// The feature columns to use, by name; nil for every one.
    public var columns: [String]?
    /// Columns to leave out, by name.
    public var drop: [String] = []
    public var missing: MissingPolicy?
    public var unknown: UnknownPolicy = .error
    /// A target named by `target` that the file does not have means none (new data to predict on).
    public var targetIfPresent = false
    /// Whether `--missing` can be given (training); new data for a model without fill values must be filled.
    public var canFill = true

    public init(
        target: TargetColumn = .last, binaryTargets: Bool = false, columns: [String]? = nil, drop: [String] = [],
        missing: MissingPolicy? = nil, unknown: UnknownPolicy = .error
    ) {
        self.target = target
        self.binaryTargets = binaryTargets
        self.columns = columns
        self.drop = drop
        self.missing = missing
        self.unknown = unknown
    }

    /// Whether nothing asks for more than the numeric reader does.
    var isPlain: Bool { columns == nil && drop.isEmpty && missing == nil }

    /// The index of `name` among `names`: the same text, else the only one (or the first) that differs only in
    /// case.
    static func find(_ name: String, in names: [String]) -> Int? {
        if let k = names.firstIndex(of: name) { return k }
        let lower = name.lowercased()
        return names.firstIndex { $0.lowercased() == lower }
    }
}

/// A dataset read from a CSV file, with how its columns were encoded (nil when every column was a number and
/// nothing was chosen: the network takes the file's columns in order) and notes for the user.
public struct LoadedTable: Sendable {
    public var dataset: Dataset
    public var schema: ColumnSchema?
    public var notes: [String]
}
