/// A file is read in parts, each a run of whole lines, into its own stretch of the output arrays; the stretches
/// are then closed up (when blank lines left gaps). The first error in the file's order is the one thrown. The
/// maths library starts no threads, so the parts are read one after another, on the caller's thread: one part
/// by default (reading a million rows takes about a tenth of a second on one core, less than pandas'
/// `read_csv`), more only when a test asks for them.
extension CSVParser {
    /// About how many bytes of rows make a part; a file with less than twice this is read in one.
    static let defaultPartSize = Int.max / 4
    /// At most this many parts.
    static let maximumParts = 16

    /// A run of whole lines, `[start, end)`, and where its rows go: from row `firstRow` of the output, at most
    /// `rowLimit` of them; `linesBefore` lines of the file come before it.
    struct Part {
        let start: Int
        let end: Int
        let linesBefore: Int
        let firstRow: Int
        let rowLimit: Int
    }

    /// The parts for the lines from `position`, each but the last ending just after a newline.
    func planParts() -> [Part] {
        let remaining = count - position
        let partCount = max(1, min(Self.maximumParts, remaining / max(1, partSize)))
        var bounds = [position]
        for k in 1..<partCount {
            // The first line that starts at or past the k-th share of the bytes.
            var split = max(bounds[bounds.count - 1] + 1, position + remaining / partCount * k)
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
            // Room for a row per line (the last part's last line may lack its newline), and never more than one
            // per 2 × width bytes, since a row is `width` non-empty cells, the commas between them and a newline
            // (which keeps the arrays near the file's size when it is mostly blank lines) — plus one for the
            // cells a bad line writes before it is rejected. A line's cells go to the slot of the rows before it,
            // so they stay inside the part either way.
            let lines = newlines + (k == bounds.count - 2 ? 1 : 0)
            let rowLimit = min(lines, (end - start + 1) / (2 * width) + 1)
            parts.append(Part(start: start, end: end, linesBefore: linesBefore, firstRow: firstRow, rowLimit: rowLimit))
            linesBefore += newlines
            firstRow += rowLimit
        }
        return parts
    }

    /// Reads the parts, at the same time when there are several, and closes up their rows; returns the number of
    /// rows.
    func readParts(_ parts: [Part], features: UnsafeMutablePointer<Double>,
                   targets: UnsafeMutablePointer<Double>) throws(DataError) -> Int {
        let readers = parts.map { part in
            var parser = self
            parser.position = part.start
            parser.lineNumber = part.linesBefore
            return PartReader(parser: parser, part: part, features: features + part.firstRow * featureCount,
                              targets: targets + part.firstRow)
        }
        for reader in readers { reader.read() }
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

/// One part being read: its own parser, and its result; the parts write to separate stretches of the output.
private final class PartReader {
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
