import NeuralCore

/// Reads a CSV file for the commands: through the numeric reader (`CSVLoader`, fast, in parallel) when nothing
/// asks for more and every cell is a number, else through the careful reader of text columns (`CSVTable`), with
/// a schema fitted to it (training) or given (a model's, for test and new data).
public enum TableLoader {
    public static func load(path: String, options: TableOptions, schema given: ColumnSchema? = nil)
        throws(DataError) -> LoadedTable
    {
        if given == nil, options.isPlain {
            do throws(DataError) {
                let (dataset, layout) = try CSVLoader.loadKeepingLayout(
                    path: path, target: options.target, binaryTargets: options.binaryTargets)
                let notes = HeaderNames.note(layout.renamed).map { [$0] } ?? []
                if let unindexed = droppingIndex(dataset, target: options.target) {
                    return LoadedTable(dataset: unindexed, schema: nil, notes: notes + [TableEncoder.indexNote])
                }
                return LoadedTable(dataset: dataset, schema: nil, notes: notes)
            } catch  where error.line != nil {
                // A cell the numeric reader does not take: read again, carefully.
                let numeric = error
                do throws(DataError) {
                    return try careful(path: path, options: options, schema: nil)
                } catch  where error.line == nil && error.reason.hasPrefix("holds more than") {
                    // Too large to read whole: the numeric reader's error stands.
                    throw numeric
                }
            }
        }
        return try careful(path: path, options: options, schema: given)
    }

    private static func careful(path: String, options: TableOptions, schema given: ColumnSchema?)
        throws(DataError) -> LoadedTable
    {
        try parse(try FileBytes.read(path), file: path, options: options, schema: given)
    }

    /// Reads CSV bytes with the careful reader (a fuzz harness's way in, and `careful`'s).
    public static func parse(_ bytes: [UInt8], file path: String, options: TableOptions, schema given: ColumnSchema?)
        throws(DataError) -> LoadedTable
    {
        var keep = Set((given?.columns ?? []).filter(\.isCategory).map { $0.name.lowercased() })
        if let target = given?.target, given?.targetLabels != nil { keep.insert(target.lowercased()) }
        // Columns no one reads are only counted: those dropped, or those the schema does not name.
        var unread = CSVTable.Unread(target: options.target)
        if let given {
            unread.only = Set(given.columns.map(\.name))
        } else {
            unread.skip = Set(options.drop)
            if let columns = options.columns { unread.only = Set(columns) }
        }
        let table = try CSVTable.read(bytes, file: path, textNames: keep, unread: unread)
        var column = options.target
        if options.targetIfPresent, case .name(let name) = column,
            !table.hasHeader || TableOptions.find(name, in: table.names) == nil
        {
            column = .none
        }
        let target = try TableEncoder.targetIndex(table, column)
        var notes = HeaderNames.note(table.renamed).map { [$0] } ?? []
        let schema: ColumnSchema
        if let given {
            schema = given
        } else {
            var fitting = options
            fitting.target = column
            let fitted = try TableEncoder.fit(table, options: fitting)
            schema = fitted.0
            notes += fitted.1
        }
        let policy = given == nil ? options.missing : nil
        let (dataset, report) = try TableEncoder.apply(
            table, schema: schema, target: target, dropMissing: policy == .drop, unknown: options.unknown,
            binaryTargets: options.binaryTargets)
        if report.droppedRows > 0 {
            notes.append("left out \(report.droppedRows) of \(table.rowCount) rows, for missing cells")
        }
        if report.filledCells > 0, let missing = schema.missing, missing != .drop {
            notes.append(
                "filled \(report.filledCells) missing \(report.filledCells == 1 ? "cell" : "cells") (--missing \(missing.rawValue))"
            )
        }
        return LoadedTable(dataset: dataset, schema: schema, notes: notes)
    }

    /// `dataset` without its first feature when that is a pandas row index (no name; 0, 1, 2, …), else nil.
    /// The note when a pandas row index is left out.
    public static var indexNote: String { TableEncoder.indexNote }

    public static func droppingIndex(_ dataset: Dataset, target: TargetColumn) -> Dataset? {
        let width = dataset.featureCount
        guard width > 1, dataset.count > 0, ["", "unnamed: 0"].contains(dataset.featureNames[0].lowercased()),
            target != .position(1)
        else { return nil }
        for i in 0..<dataset.count where dataset.features[i * width] != Double(i) { return nil }
        var features: [Double] = []
        features.reserveCapacity(dataset.count * (width - 1))
        for i in 0..<dataset.count { features += dataset.features[(i * width + 1)..<((i + 1) * width)] }
        let names = Array(dataset.featureNames.dropFirst())
        guard dataset.isLabelled else { return Dataset(featureNames: names, unlabelledFeatures: features) }
        return Dataset(featureNames: names, features: features, targets: dataset.targets)
    }
}
