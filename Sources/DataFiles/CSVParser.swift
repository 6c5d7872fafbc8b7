import NeuralCore
/// One pass over the bytes of a CSV file (see `CSVReader` for the format), or over a run of its lines, writing
/// each number straight into the arrays that become the dataset.
///
/// The first non-blank line sets the layout (`readLayout`). Each later line is read first by `quickRow`, which
/// takes the common case (plain decimal numbers, commas, an LF or CRLF end) without splitting the line or making
/// a string. Any line it does not take — a blank line, a number it cannot compute exactly, a bad cell — is read
/// again by `carefulLine`, which accepts everything the format allows and gives the error for anything else. Both
/// give the same numbers bit for bit.
struct CSVParser {
    let base: UnsafePointer<UInt8>
    /// Where this parser stops: the end of the file, or of the run of lines it reads.
    let count: Int
    let file: String
    let target: TargetColumn
    let masks = LaneMasks.shared

    /// Where the next line starts, and the number of lines read before it (1-based line numbers in a file read
    /// from its start; counted from the run's start otherwise, until an error is placed in the file).
    var position = 0
    var lineNumber = 0
    /// The columns, and the target's index among them (-1 for none); set by the layout.
    var width = 0
    var targetIndex = -1
    /// Targets must be 0 or 1 (see `CSVLayout.binaryTargets`).
    var binaryTargets = false
    /// The trimmed cells of the line `carefulLine` or `readLayout` last split: `[start, end)` offsets.
    var fieldStarts: [Int] = []
    var fieldEnds: [Int] = []

    /// A parser for the layout, from the start of the file.
    init(base: UnsafePointer<UInt8>, count: Int, file: String, target: TargetColumn, binaryTargets: Bool = false) {
        self.base = base
        self.count = count
        self.file = file
        self.target = target
        self.binaryTargets = binaryTargets
    }

    /// A parser for the lines in `lines` (which starts at the start of a line) of a file with this layout.
    init(base: UnsafePointer<UInt8>, lines: Range<Int>, layout: CSVLayout, file: String) {
        self.init(base: base, count: lines.upperBound, file: file, target: .none)
        position = lines.lowerBound
        width = layout.width
        targetIndex = layout.targetIndex
        binaryTargets = layout.binaryTargets
    }

    var featureCount: Int { targetIndex < 0 ? width : width - 1 }

    /// Reads every line from `position` to `count`, each data row's features to `features` and its target to
    /// `targets`; returns the number of rows, at most `rowLimit`.
    mutating func readRows(
        features: UnsafeMutablePointer<Double>, targets: UnsafeMutablePointer<Double>,
        rowLimit: Int
    ) throws(DataError) -> Int {
        let featureCount = featureCount
        var rows = 0
        while position < count {
            precondition(rows < rowLimit, "more rows than the run has room for")
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
}
