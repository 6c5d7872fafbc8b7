import NeuralCore

/// Makes a `ColumnSchema` from a `CSVTable` read for training (`fit`), and a dataset from a table under a schema
/// (`apply`): the same code for training, test and new data, so each is encoded alike.
enum TableEncoder {
    /// The most categories a text column may have: more is an identifier or free text, not a category.
    static let maximumCategories = 100

    /// The target's index among the table's columns (-1 for none), or the error for a `--target` that names none.
    static func targetIndex(_ table: CSVTable, _ target: TargetColumn) throws(DataError) -> Int {
        let names = table.names
        switch target {
        case .last: return table.width - 1
        case .none: return -1
        case .position(let n):
            guard n >= 1 && n <= names.count else {
                throw DataError(
                    file: table.file, line: 1, "--target \(n) not found: columns are numbered 1 to \(names.count)")
            }
            return n - 1
        case .name(let name):
            guard table.hasHeader else {
                throw DataError(
                    file: table.file, line: 1,
                    "--target \(MessageText.quoted(name)) not found: the file has no header row (give a column number)")
            }
            guard let k = TableOptions.find(name, in: names) else {
                throw DataError(
                    file: table.file, line: 1,
                    "--target \(MessageText.quoted(name)) not found in header (\(CSVReader.listing(names)))")
            }
            return k
        }
    }

    /// Whether column 0 is a row index as pandas writes one: no name, and 0, 1, 2, … down the rows.
    static func isIndex(_ table: CSVTable, target: Int) -> Bool {
        guard table.hasHeader, target != 0, table.width > 1, table.rowCount > 0,
            ["", "unnamed: 0"].contains(table.names[0].lowercased())
        else { return false }
        let column = table.columns[0]
        guard column.numbers.count == table.rowCount, column.textCount == 0, column.missingCount == 0 else {
            return false
        }
        return column.numbers.enumerated().allSatisfy { Double($0.offset) == $0.element }
    }

    static let indexNote = "column 1 has no name and holds 0, 1, 2, …: a row index, as pandas writes it; left out"

    /// The schema for training on `table`, and notes on what was read.
    static func fit(_ table: CSVTable, options: TableOptions) throws(DataError) -> (ColumnSchema, [String]) {
        let file = table.file
        let target = try targetIndex(table, options.target)
        guard table.width >= 2 || options.target == .none else {
            throw DataError(file: file, line: 1, "expected at least 2 columns (features, then a target), found 1")
        }
        var notes: [String] = []
        var chosen: [Int]
        if let named = options.columns {
            chosen = []
            for name in named {
                guard let k = TableOptions.find(name, in: table.names) else {
                    throw DataError(
                        file: file,
                        "--columns \(MessageText.quoted(name)) not found in header (\(CSVReader.listing(table.names)))")
                }
                if k != target, !chosen.contains(k) { chosen.append(k) }
            }
        } else {
            chosen = (0..<table.width).filter { $0 != target }
            if isIndex(table, target: target) {
                chosen.removeAll { $0 == 0 }
                notes.append(indexNote)
            }
        }
        for name in options.drop {
            guard let k = TableOptions.find(name, in: table.names) else {
                throw DataError(
                    file: file,
                    "--drop \(MessageText.quoted(name)) not found in header (\(CSVReader.listing(table.names)))")
            }
            guard k != target else {
                throw DataError(
                    file: file, "--drop \(MessageText.quoted(name)) is the target column; give another --target")
            }
            chosen.removeAll { $0 == k }
        }
        guard !chosen.isEmpty else { throw DataError(file: file, "has no feature column left to train on") }
        if table.rowCount == 0 {
            throw DataError(
                file: file,
                table.hasHeader ? "has a header but no data rows" : "is empty, expected comma-separated rows")
        }
        try checkKinds(table, chosen)
        try checkMissing(table, chosen, target: target, policy: options.missing, canFill: options.canFill)
        var columns: [ColumnSchema.Column] = []
        for k in chosen {
            let column = table.columns[k]
            var out = ColumnSchema.Column(name: table.names[k])
            if column.textCount > 0 {
                out.categories = categories(column)
                if let policy = options.missing, policy != .drop { out.fillCategory = mostFrequentText(column) }
            } else if let policy = options.missing, policy != .drop {
                out.fillNumber = policy == .mean ? mean(column) : mostFrequentNumber(column)
            }
            columns.append(out)
        }
        var labels: [String]?
        if target >= 0 {
            let column = table.columns[target]
            if column.textCount > column.numberCount {
                labels = categories(column)
                if options.binaryTargets, labels?.count != 2 {
                    throw DataError(
                        file: file,
                        "--task binary needs 2 classes; the target \(MessageText.quoted(table.names[target])) has \(labels!.count) labels (\(CSVReader.listing(labels!)))"
                    )
                }
            }
        }
        let schema = ColumnSchema(
            columns: columns, target: target >= 0 && table.hasHeader ? table.names[target] : nil,
            targetLabels: labels, missing: options.missing)
        let categorical = columns.filter(\.isCategory).map { "\($0.name) (\($0.width))" }
        if !categorical.isEmpty {
            notes.append("read as categories, one input each: \(categorical.joined(separator: ", "))")
        }
        return (schema, notes)
    }

    /// Refuses columns that cannot be features: numbers mixed with texts, and texts with too many values.
    private static func checkKinds(_ table: CSVTable, _ chosen: [Int]) throws(DataError) {
        var problems: [(Int, String)] = []
        for k in chosen {
            let column = table.columns[k]
            if column.textCount == 0 {
                if column.firstNonFiniteRow >= 0 {
                    let row = column.firstNonFiniteRow
                    throw DataError(
                        file: table.file, line: table.rowLines[row], column: k + 1,
                        "expected a finite number, found \(MessageText.quoted(column.firstNonFiniteText))")
                }
            } else if column.textCount <= column.numberCount {
                problems.append((k, "numbers and texts"))
            } else if column.texts.count > maximumCategories {
                problems.append((k, "\(column.texts.count) distinct texts"))
            }
        }
        guard !problems.isEmpty else { return }
        let names = problems.map { table.names[$0.0] }
        let fix = "leave \(problems.count == 1 ? "it" : "them") out with --drop \(names.joined(separator: ","))"
        if problems.count == 1, problems[0].1 == "numbers and texts" {
            let k = problems[0].0
            let column = table.columns[k]
            throw DataError(
                file: table.file, line: table.rowLines[column.firstTextRow], column: k + 1,
                "expected a number, found \(MessageText.quoted(column.firstTextValue)) (column \(MessageText.quoted(table.names[k])) holds \(column.numberCount) numbers and \(column.textCount) texts): fix the cell, or \(fix)"
            )
        }
        let listed = problems.map { "\(label(table, $0.0)) (\($0.1))" }
        throw DataError(
            file: table.file,
            "\(problems.count == 1 ? "column" : "columns") \(listed.joined(separator: ", ")) cannot be inputs (a text column is read as categories, at most \(maximumCategories)); \(fix)"
        )
    }

    /// Refuses missing cells when no `--missing` says what to do with them.
    private static func checkMissing(
        _ table: CSVTable, _ chosen: [Int], target: Int, policy: MissingPolicy?, canFill: Bool
    ) throws(DataError) {
        guard policy == nil else { return }
        let holed = (chosen + (target >= 0 ? [target] : [])).filter { table.columns[$0].missingCount > 0 }
        guard !holed.isEmpty else { return }
        let fix =
            canFill
            ? "give --missing drop (leave those rows out), mean or mode (fill them)"
            : "fill them in the file (the model has no value to fill them with; train with --missing mean to keep some)"
        if holed.count == 1 {
            let k = holed[0], column = table.columns[k]
            let what = k == target ? "the target column" : "column"
            throw DataError(
                file: table.file, line: table.rowLines[column.firstMissingRow], column: k + 1,
                "\(what) \(label(table, k)) has \(column.missingCount) missing \(column.missingCount == 1 ? "cell" : "cells") (\(CSVTable.missingListing)), the first here; \(fix)"
            )
        }
        let first = holed.min { table.columns[$0].firstMissingRow < table.columns[$1].firstMissingRow }!
        let listed = holed.prefix(8).map { "\(label(table, $0)) (\(table.columns[$0].missingCount))" }
        throw DataError(
            file: table.file, line: table.rowLines[table.columns[first].firstMissingRow], column: first + 1,
            "columns \(listed.joined(separator: ", "))\(holed.count > 8 ? " …" : "") have missing cells (\(CSVTable.missingListing)), the first here; \(fix)"
        )
    }

    /// A column as a message names it: its name in quotes, or its number when it has no name.
    static func label(_ table: CSVTable, _ k: Int) -> String {
        table.names[k].isEmpty ? "\(k + 1)" : MessageText.quoted(table.names[k], limit: 20)
    }

    /// The distinct texts of a column, sorted.
    private static func categories(_ column: TableColumn) -> [String] {
        var used = [Bool](repeating: false, count: column.texts.count)
        for c in column.codes where c >= 0 { used[Int(c)] = true }
        return (0..<column.texts.count).filter { used[$0] }.map { column.texts.text($0) }.sorted()
    }

    private static func mostFrequentText(_ column: TableColumn) -> String? {
        var counts = [Int](repeating: 0, count: column.texts.count)
        for c in column.codes where c >= 0 { counts[Int(c)] += 1 }
        let best = counts.indices.map { (counts[$0], column.texts.text($0)) }
            .max { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 > $1.1 }
        return best.map(\.1)
    }

    private static func mean(_ column: TableColumn) -> Double? {
        var sum = 0.0, n = 0
        for x in column.numbers where !x.isNaN {
            sum += x
            n += 1
        }
        return n == 0 ? nil : sum / Double(n)
    }

    private static func mostFrequentNumber(_ column: TableColumn) -> Double? {
        var counts: [Double: Int] = [:]
        for x in column.numbers where !x.isNaN { counts[x, default: 0] += 1 }
        return counts.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key
    }
}
