import NeuralCore

/// A CSV file read whole into columns, every cell a number, a text or missing: the careful path for files the
/// numeric reader (`CSVReader`) does not take — quoted cells, text columns, missing cells. `TableEncoder` makes
/// a dataset from it.
struct CSVTable {
    let file: String
    let names: [String]
    let hasHeader: Bool
    let columns: [TableColumn]
    /// The line each data row starts on.
    let rowLines: [Int]
    /// The header's names read under others, so that each is distinct (`HeaderNames`).
    var renamed: [HeaderNames.Renaming] = []

    var rowCount: Int { rowLines.count }
    var width: Int { names.count }

    /// The cells that stand for a missing value, besides an empty one (compared without case).
    static let missingWords: [[UInt8]] = ["na", "n/a", "nan", "null", "?"].map { Array($0.utf8) }
    /// How the missing cells are named in messages.
    static let missingListing = "empty, NA, NaN, ?, null"

    @inline(__always)
    static func lowercased(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }

    @inline(__always)
    static func isMissing(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        let length = end - start
        if length == 0 { return true }
        guard length <= 4 else { return false }
        for word in missingWords where word.count == length {
            var same = true
            // Letters compared without case, other bytes as they are (0x0F is not "/", nor 0x1F "?").
            for i in 0..<length where lowercased(p[start + i]) != word[i] {
                same = false
                break
            }
            if same { return true }
        }
        return false
    }

    /// Reads `bytes`. Columns named in `textNames` (lowercased) keep every cell's text from the start, numbers
    /// too; any other column keeps texts once it has met one, and, when most of its cells are texts, the texts of
    /// the numbers before that as well.
    /// Columns left unread (their cells are only counted): those named in `skip`, and with `only` those not
    /// named there — never the `target`. Names are as given and find their columns as `TableOptions.find` does
    /// (the same text, else one a case apart), so that the columns left unread are the ones `TableEncoder`
    /// leaves out, and a column a case apart from a dropped one is still read.
    struct Unread {
        var skip: Set<String> = []
        var only: Set<String>?
        var target: TargetColumn = .none

        /// The columns left unread.
        func columns(of names: [String]) -> Set<Int> {
            guard !skip.isEmpty || only != nil else { return [] }
            let kept: Int?
            switch target {
            case .last: kept = names.count - 1
            case .position(let n): kept = n - 1
            case .name(let name): kept = TableOptions.find(name, in: names)
            case .none: kept = nil
            }
            var unread = Set(skip.compactMap { TableOptions.find($0, in: names) })
            if let only {
                let read = Set(only.compactMap { TableOptions.find($0, in: names) })
                unread.formUnion(names.indices.filter { !read.contains($0) })
            }
            if let kept { unread.remove(kept) }
            return unread
        }
    }

    static func read(_ bytes: [UInt8], file: String, textNames: Set<String> = [], unread: Unread = Unread())
        throws(DataError) -> CSVTable
    {
        let result: Result<CSVTable, DataError> = bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, !buffer.isEmpty else {
                return .failure(DataError(file: file, "is empty, expected comma-separated rows"))
            }
            do throws(DataError) {
                return .success(
                    try read(base: base, count: buffer.count, file: file, textNames: textNames, unread: unread))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    private static func read(
        base: UnsafePointer<UInt8>, count: Int, file: String, textNames: Set<String>, unread: Unread
    ) throws(DataError) -> CSVTable {
        let bom = CSVReader.byteOrderMarkLength(UnsafeBufferPointer(start: base, count: count))
        var tokens = CSVTokenizer(base: base, count: count, file: file, position: bom)
        guard try tokens.nextRow() else { throw DataError(file: file, "is empty, expected comma-separated rows") }
        let width = tokens.cellCount
        let hasHeader = !(0..<width).contains { k in
            tokens.withCell(k) { p, s, e in DecimalParser.parse(p, s, e) != nil }
        }
        var names = (1...width).map { "x\($0)" }
        var renamed: [HeaderNames.Renaming] = []
        if hasHeader {
            let bytes = (0..<width).map { k in
                tokens.withCell(k) { p, s, e in Array(UnsafeBufferPointer(start: p + s, count: e - s)) }
            }
            (names, renamed) = HeaderNames.distinct((0..<width).map { tokens.text($0) }, bytes: bytes)
        }
        let columns = names.map { TableColumn(keepsText: textNames.contains($0.lowercased())) }
        let skipped = unread.columns(of: names)
        let read = (0..<width).filter { !skipped.contains($0) }
        let dataStart = (position: hasHeader ? tokens.position : bom, line: hasHeader ? tokens.line : 1)
        if !hasHeader { tokens = CSVTokenizer(base: base, count: count, file: file, position: bom) }
        var rowLines: [Int] = []
        while try tokens.nextRow() {
            guard tokens.cellCount == width else {
                throw DataError(
                    file: file, line: tokens.rowLine, "expected \(width) columns, found \(tokens.cellCount)")
            }
            let row = rowLines.count
            for k in read {
                let column = columns[k]
                tokens.withCell(k) { p, s, e in column.add(p, s, e, row: row) }
            }
            rowLines.append(tokens.rowLine)
        }
        // Columns mostly of texts become categories: the numbers before their first text are texts too.
        let late = columns.filter { $0.textCount > $0.numberCount && $0.firstTextRow > 0 }
        if let last = late.map(\.firstTextRow).max() {
            var again = CSVTokenizer(
                base: base, count: count, file: file, position: dataStart.position, line: dataStart.line)
            for row in 0..<last {
                _ = try again.nextRow()
                for k in 0..<width where columns[k].firstTextRow > row && columns[k].textCount > columns[k].numberCount
                {
                    let column = columns[k]
                    again.withCell(k) { p, s, e in column.keepText(p, s, e, row: row) }
                }
            }
        }
        return CSVTable(
            file: file, names: names, hasHeader: hasHeader, columns: columns, rowLines: rowLines, renamed: renamed)
    }
}

/// One column of a `CSVTable`.
final class TableColumn {
    /// Each row's number; NaN for a text or a missing cell.
    private(set) var numbers: [Double] = []
    /// Each row's text code (-1 for a missing cell, and for a number before the column kept texts); empty until
    /// the column keeps texts.
    private(set) var codes: [Int32] = []
    private(set) var texts = TextInterner()
    private(set) var keepsText: Bool
    private(set) var missingCount = 0
    private(set) var firstMissingRow = -1
    private(set) var numberCount = 0
    private(set) var textCount = 0
    private(set) var firstTextRow = -1
    private(set) var firstTextValue = ""
    private(set) var firstNonFiniteRow = -1
    private(set) var firstNonFiniteText = ""

    init(keepsText: Bool) {
        self.keepsText = keepsText
    }

    @inline(__always)
    func add(_ p: UnsafePointer<UInt8>, _ s: Int, _ e: Int, row: Int) {
        if CSVTable.isMissing(p, s, e) {
            numbers.append(.nan)
            if keepsText { codes.append(-1) }
            if firstMissingRow < 0 { firstMissingRow = row }
            missingCount &+= 1
        } else if let x = DecimalParser.parse(p, s, e) {
            numbers.append(x)
            if keepsText { codes.append(texts.code(p, s, e)) }
            if !x.isFinite, firstNonFiniteRow < 0 {
                firstNonFiniteRow = row
                firstNonFiniteText = String(decoding: UnsafeBufferPointer(start: p + s, count: e - s), as: UTF8.self)
            }
            numberCount &+= 1
        } else {
            if !keepsText {
                keepsText = true
                codes = [Int32](repeating: -1, count: row)
            }
            if firstTextRow < 0 {
                firstTextRow = row
                firstTextValue = String(decoding: UnsafeBufferPointer(start: p + s, count: e - s), as: UTF8.self)
            }
            numbers.append(.nan)
            codes.append(texts.code(p, s, e))
            textCount &+= 1
        }
    }

    /// The text of a number cell before the column kept texts.
    func keepText(_ p: UnsafePointer<UInt8>, _ s: Int, _ e: Int, row: Int) {
        if !numbers[row].isNaN { codes[row] = texts.code(p, s, e) }
    }

    func isMissing(_ row: Int) -> Bool { numbers[row].isNaN && (codes.isEmpty || codes[row] < 0) }
}
