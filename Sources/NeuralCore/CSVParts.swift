import Dispatch

/// A large file is read in two parts at once, each a run of whole lines on its own thread, into its own stretch
/// of the output arrays; the stretches are then closed up. The first error in the file's order is the one thrown.
extension CSVParser {
    /// Files with less than this many bytes of rows are read in one part.
    static let defaultPartThreshold = 4 << 20

    /// A run of whole lines, `[start, end)`, and where its rows go: from row `firstRow` of the output, at most
    /// `rowLimit` of them; `linesBefore` lines of the file come before it.
    struct Part {
        let start: Int
        let end: Int
        let linesBefore: Int
        let firstRow: Int
        let rowLimit: Int
    }

    /// The parts for the lines from `position`: two when there are enough bytes and a newline past the middle,
    /// otherwise one. Each has room for the most rows its bytes can hold, plus a spare row for the cells a bad
    /// line writes before it is rejected.
    func planParts() -> [Part] {
        var bounds = [position]
        if count - position >= partThreshold {
            // The first line that starts past the middle.
            var split = position + max(1, (count - position) / 2)
            while split < count && base[split - 1] != 10 { split += 1 }
            if split < count { bounds.append(split) }
        }
        bounds.append(count)
        var parts: [Part] = []
        var linesBefore = lineNumber
        var firstRow = 0
        for k in 0..<(bounds.count - 1) {
            let (start, end) = (bounds[k], bounds[k + 1])
            let newlines = NewlineCount.count(base + start, end - start)
            // No more rows than lines, and no more than one per 2 × width bytes: a row is `width` non-empty cells,
            // the commas between them and a newline. (The second keeps the arrays near the file's size when it
            // is mostly blank lines.)
            let rowLimit = min(newlines + 1, (end - start + 1) / (2 * width)) + 1
            parts.append(Part(start: start, end: end, linesBefore: linesBefore, firstRow: firstRow, rowLimit: rowLimit))
            linesBefore += newlines
            firstRow += rowLimit
        }
        return parts
    }

    /// Reads the parts, at the same time when there are two, and closes up their rows; returns the number of rows.
    func readParts(_ parts: [Part], features: UnsafeMutablePointer<Double>,
                   targets: UnsafeMutablePointer<Double>) throws(DataError) -> Int {
        let readers = parts.map { part in
            var parser = self
            parser.position = part.start
            parser.lineNumber = part.linesBefore
            return PartReader(parser: parser, part: part, features: features + part.firstRow * featureCount,
                              targets: targets + part.firstRow)
        }
        if readers.count == 1 {
            readers[0].read()
        } else {
            DispatchQueue.concurrentPerform(iterations: readers.count) { readers[$0].read() }
        }
        var rows = 0
        for reader in readers {
            if let failure = reader.failure { throw failure }
            if rows != reader.part.firstRow {
                // Down over the gap; the stretches may overlap, which `copyMemory` (memmove) allows.
                let stride = MemoryLayout<Double>.stride
                UnsafeMutableRawPointer(features + rows * featureCount)
                    .copyMemory(from: reader.features, byteCount: reader.rows * featureCount * stride)
                if targetIndex >= 0 {
                    UnsafeMutableRawPointer(targets + rows).copyMemory(from: reader.targets, byteCount: reader.rows * stride)
                }
            }
            rows += reader.rows
        }
        return rows
    }
}

/// One part being read: its own parser, and its result. Only the thread reading the part touches it until the
/// reading is done (hence `@unchecked Sendable`); the parts write to separate stretches of the output.
private final class PartReader: @unchecked Sendable {
    var parser: CSVParser
    let part: CSVParser.Part
    let features: UnsafeMutablePointer<Double>
    let targets: UnsafeMutablePointer<Double>
    var rows = 0
    var failure: DataError?

    init(parser: CSVParser, part: CSVParser.Part, features: UnsafeMutablePointer<Double>,
         targets: UnsafeMutablePointer<Double>) {
        self.parser = parser
        self.part = part
        self.features = features
        self.targets = targets
    }

    func read() {
        // Each part has the kernel back its own stretch of the arrays, so the two do that at once too.
        Prefault.populate(UnsafeMutableBufferPointer(start: features, count: part.rowLimit * parser.featureCount))
        if parser.targetIndex >= 0 { Prefault.populate(UnsafeMutableBufferPointer(start: targets, count: part.rowLimit)) }
        do throws(DataError) {
            rows = try parser.readRows(upTo: part.end, features: features, targets: targets, rowLimit: part.rowLimit)
        } catch {
            failure = error
        }
    }
}
