import ArgumentParser
import DataFiles
import Foundation

/// How the CSV files' columns and cells are read: which feature columns (`--columns`, `--drop`), what a missing
/// cell gets (`--missing`), and what a category the training data did not have means (`--unknown`).
struct ColumnOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Missing cells (empty, NA, NaN, ?, null) in the CSV files: drop leaves their rows out; mean fills a number column with its mean and a category column with its most frequent value; mode fills every column with its most frequent value (kept in the model file). Default: refuse them.",
            valueName: "drop|mean|mode"))
    var missing: MissingPolicy?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Use only these feature columns of the CSV files, by header name (the target is added; kept in the model file).",
            valueName: "name,…"))
    var columns: String?

    @Option(
        name: .long,
        help: ArgumentHelp("Leave these columns of the CSV files out, by header name.", valueName: "name,…"))
    var drop: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "A category in --test-data the training data did not have: error, or zero (all its column's inputs 0). Default: error.",
            valueName: "error|zero"))
    var unknown: UnknownPolicy = .error

    /// The choices that need a CSV file, and those that contradict each other; called by `DataOptions.validate`
    /// with its `--data`.
    func validate(data: String?) throws {
        for (name, given) in [("--missing", missing != nil), ("--columns", columns != nil), ("--drop", drop != nil)]
        where given && data == nil {
            throw ValidationError("\(name) applies to a CSV file, and there is none: give --data")
        }
        if columns != nil, drop != nil {
            throw ValidationError("--columns and --drop both choose the columns; give one of them")
        }
    }

    /// How the CSV files are read, for a target `column`.
    func tableOptions(_ column: TargetColumn, binary: Bool) -> TableOptions {
        func names(_ list: String?) -> [String]? {
            list.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
        }
        return TableOptions(
            target: column, binaryTargets: binary, columns: names(columns), drop: names(drop) ?? [], missing: missing,
            unknown: unknown)
    }
}

extension MissingPolicy: ExpressibleByArgument {}
extension UnknownPolicy: ExpressibleByArgument {}
