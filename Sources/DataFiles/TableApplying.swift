import NeuralCore

extension TableEncoder {
    /// What `apply` did besides encoding: rows left out and cells filled, for a note.
    struct Report {
        var droppedRows = 0
        var filledCells = 0
    }

    /// The dataset `schema` makes from `table`: its columns found by name, each category one-hot, missing cells
    /// filled (or their rows left out with `dropMissing`), the target at `target` (-1 for none) read as a number
    /// or, with the schema's labels, as a label's index. Errors name the file, line and column.
    static func apply(
        _ table: CSVTable, schema: ColumnSchema, target: Int, dropMissing: Bool, unknown: UnknownPolicy,
        binaryTargets: Bool
    ) throws(DataError) -> (Dataset, Report) {
        let file = table.file
        var sources: [Int] = []
        for column in schema.columns {
            guard let k = TableOptions.find(column.name, in: table.names) else {
                throw DataError(
                    file: file,
                    "has no column \(MessageText.quoted(column.name)), which the model takes (the file's columns: \(CSVReader.listing(table.names)))"
                )
            }
            // Two of the model's columns found as one: the file's names are the same once read (bytes that are not
            // UTF-8 read as U+FFFD alike, or a case apart); which is which cannot be told.
            if let other = sources.firstIndex(of: k) {
                throw DataError(
                    file: file,
                    "columns \(MessageText.quoted(schema.columns[other].name)) and \(MessageText.quoted(column.name)) are both read from column \(k + 1) (\(MessageText.quoted(table.names[k]))): give every column a name of its own"
                )
            }
            sources.append(k)
        }
        // Each category column's text codes in this table, as category indices (-1: not a category of the schema).
        var lookups: [[Int]] = []
        for (c, column) in schema.columns.enumerated() {
            guard let categories = column.categories else {
                let source = table.columns[sources[c]]
                if source.textCount > 0 {
                    throw DataError(
                        file: file, line: table.rowLines[source.firstTextRow], column: sources[c] + 1,
                        "expected a number, found \(MessageText.quoted(source.firstTextValue)) (column \(MessageText.quoted(column.name)) is a number column)"
                    )
                }
                if source.firstNonFiniteRow >= 0 {
                    throw DataError(
                        file: file, line: table.rowLines[source.firstNonFiniteRow], column: sources[c] + 1,
                        "expected a finite number, found \(MessageText.quoted(source.firstNonFiniteText))")
                }
                lookups.append([])
                continue
            }
            var index: [String: Int] = [:]
            for (i, name) in categories.enumerated() { index[name] = i }
            let texts = table.columns[sources[c]].texts
            lookups.append((0..<texts.count).map { index[texts.text($0)] ?? -1 })
        }
        var labelLookup: [Int] = []
        if target >= 0, let labels = schema.targetLabels {
            var index: [String: Int] = [:]
            for (i, name) in labels.enumerated() { index[name] = i }
            let texts = table.columns[target].texts
            labelLookup = (0..<texts.count).map { index[texts.text($0)] ?? -1 }
        }
        let width = schema.width
        var features: [Double] = []
        features.reserveCapacity(table.rowCount * width)
        var targets: [Double] = []
        var report = Report()
        var unfilled: [Int: (count: Int, row: Int)] = [:]
        rows: for row in 0..<table.rowCount {
            if target >= 0, table.columns[target].isMissing(row) {
                report.droppedRows += 1
                continue
            }
            if dropMissing, sources.contains(where: { table.columns[$0].isMissing(row) }) {
                report.droppedRows += 1
                continue
            }
            for (c, column) in schema.columns.enumerated() where table.columns[sources[c]].isMissing(row) {
                if !column.hasFill { unfilled[c, default: (0, row)].count += 1 }
            }
            if !unfilled.isEmpty { continue rows }
            for (c, column) in schema.columns.enumerated() {
                let source = table.columns[sources[c]]
                let missing = source.isMissing(row)
                if missing { report.filledCells += 1 }
                guard let categories = column.categories else {
                    features.append(missing ? column.fillNumber! : source.numbers[row])
                    continue
                }
                let start = features.count
                features.append(contentsOf: repeatElement(0, count: categories.count))
                let index: Int
                if missing {
                    index = categories.firstIndex(of: column.fillCategory!) ?? -1
                } else {
                    // A column read under another of the same name may hold no codes, or codes past the lookup: no
                    // known category.
                    let code = row < source.codes.count ? Int(source.codes[row]) : -1
                    index = code >= 0 && code < lookups[c].count ? lookups[c][code] : -1
                    if index < 0, unknown == .error {
                        throw DataError(
                            file: file, line: table.rowLines[row], column: sources[c] + 1,
                            "category \(MessageText.quoted(code >= 0 ? source.texts.text(code) : "?")) of column \(MessageText.quoted(column.name)) is not among the training data's (\(CSVReader.listing(categories))); give --unknown zero to read it as all zeros"
                        )
                    }
                }
                if index >= 0 { features[start + index] = 1 }
            }
            if target >= 0 {
                let y = try targetValue(
                    table, target: target, row: row, labels: schema.targetLabels, lookup: labelLookup)
                if binaryTargets, schema.targetLabels == nil, y != 0 && y != 1 {
                    throw DataError(
                        file: file, line: table.rowLines[row], column: target + 1,
                        "expected a target of 0 or 1, found \(MessageText.quoted(TargetEncoding.text(y)))")
                }
                targets.append(y)
            }
        }
        if let (c, first) = unfilled.min(by: { $0.value.row < $1.value.row }) {
            let total = unfilled.values.reduce(0) { $0 + $1.count }
            let how =
                schema.missing == .drop
                ? "the model was trained with --missing drop, so it has no value to fill them with: fill them in the file, or train with --missing mean or mode"
                : "the model has no value to fill them with: fill them in the file, or train with --missing mean or mode"
            throw DataError(
                file: file, line: table.rowLines[first.row], column: sources[c] + 1,
                "\(total) missing \(total == 1 ? "cell" : "cells") (\(CSVTable.missingListing)) in column\(unfilled.count == 1 ? "" : "s") \(unfilled.keys.sorted().map { MessageText.quoted(schema.columns[$0].name) }.joined(separator: ", ")), the first here; \(how)"
            )
        }
        let names = schema.featureNames
        let count = features.count / max(width, 1)
        guard count > 0 else {
            throw DataError(
                file: file,
                report.droppedRows > 0
                    ? "has no rows left once the \(report.droppedRows) with missing cells are left out"
                    : "has a header but no data rows")
        }
        if target < 0 { return (Dataset(featureNames: names, unlabelledFeatures: features), report) }
        return (Dataset(featureNames: names, features: features, targets: targets), report)
    }

    private static func targetValue(_ table: CSVTable, target: Int, row: Int, labels: [String]?, lookup: [Int])
        throws(DataError) -> Double
    {
        let column = table.columns[target]
        if let labels {
            let code = column.codes.isEmpty ? -1 : Int(column.codes[row])
            guard code >= 0, lookup[code] >= 0 else {
                let found =
                    code >= 0 ? MessageText.quoted(column.texts.text(code)) : TargetEncoding.text(column.numbers[row])
                throw DataError(
                    file: table.file, line: table.rowLines[row], column: target + 1,
                    "the label \(found) is not among the training data's (\(CSVReader.listing(labels)))")
            }
            return Double(lookup[code])
        }
        let y = column.numbers[row]
        guard !y.isNaN else {
            let code = Int(column.codes[row])
            throw DataError(
                file: table.file, line: table.rowLines[row], column: target + 1,
                "expected a number, found \(MessageText.quoted(column.texts.text(code))) (the target holds numbers)")
        }
        guard y.isFinite else {
            throw DataError(
                file: table.file, line: table.rowLines[row], column: target + 1,
                "expected a finite number, found \(y)")
        }
        return y
    }
}
