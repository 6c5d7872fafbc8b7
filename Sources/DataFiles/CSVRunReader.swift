import NeuralCore
/// Reads a run of a file's lines, chunk by chunk (from `LineChunks`, or one chunk of bytes in memory), straight
/// into the arrays that hold its rows.
///
/// The arrays are sized once: for a run in one chunk, from its newline count; otherwise from the rows per byte
/// of the first chunk, with a little to spare. A chunk that would not fit (the later lines were shorter) starts
/// new arrays, joined at the end. Each chunk's newline count bounds its rows, so no chunk overruns its arrays.
struct CSVRunReader {
    let layout: CSVLayout
    let file: String
    /// The run's bytes, and how many more bytes' worth of rows (of later runs) its arrays should have room for.
    let runBytes: Int
    let extraBytes: Int

    /// Newlines in the chunks read before the current one: where its lines stand in the run.
    private var linesBefore = 0

    init(layout: CSVLayout, file: String, runBytes: Int, extraBytes: Int) {
        self.layout = layout
        self.file = file
        self.runBytes = runBytes
        self.extraBytes = extraBytes
    }

    /// Whole lines: the address the parser reads from, and the lines' range there.
    typealias Lines = (base: UnsafePointer<UInt8>, lines: Range<Int>)
    /// The next whole lines of the run, or nil at its end.
    typealias Source = () throws(DataError) -> Lines?

    /// Whole lines, with their newline count and the most rows they can hold.
    private struct Chunk {
        let base: UnsafePointer<UInt8>
        let lines: Range<Int>
        let newlines: Int
        /// One row per line (the last perhaps without its newline), and no more than one per 2 × width bytes,
        /// since a row is `width` non-empty cells, the commas between them and a newline (so a run of mostly
        /// blank lines cannot inflate the arrays) — plus one for the cells a bad line writes before it is rejected.
        let rowBound: Int
    }

    private func next(_ source: Source) throws(DataError) -> Chunk? {
        guard let (base, lines) = try source() else { return nil }
        let newlines = NewlineCount.count(base + lines.lowerBound, lines.count)
        return Chunk(
            base: base, lines: lines, newlines: newlines,
            rowBound: min(newlines + 1, (lines.count + 1) / (2 * layout.width) + 1))
    }

    /// Every row of the run. An error's line is numbered from the run's start.
    mutating func read(_ source: Source) throws(DataError) -> CSVRows {
        var pending = try next(source)
        var segments: [CSVRows] = []
        var bytesLeft = runBytes
        while let first = pending {
            // Rows for so many bytes, at the first chunk's rows per byte and 2 % more.
            let perByte = Double(first.rowBound) / Double(max(first.lines.count, 1))
            func rows(_ bytes: Int) -> Int { Int(Double(max(bytes, 0)) * perByte * 1.02) + 16 }
            let own = first.lines.count >= bytesLeft ? first.rowBound : max(rows(bytesLeft), first.rowBound)
            // Room for later runs only in the first arrays: any others are copied into new ones at the end.
            let extra = segments.isEmpty && extraBytes > 0 ? rows(extraBytes) : 0
            // Only the first chunk's rows are backed at once: an estimate from a first chunk of short lines may be
            // far too high, and memory never written is never taken. (Huge pages keep the later faults few.)
            segments.append(
                try readSegment(
                    capacity: own + extra, backed: first.rowBound,
                    pending: &pending, bytesLeft: &bytesLeft, source: source))
        }
        guard segments.count > 1 else { return segments.first ?? CSVRows(features: [], targets: [], count: 0) }
        return CSVRows(
            features: Self.joined(segments.map(\.features)),
            targets: Self.joined(segments.map(\.targets)),
            count: segments.reduce(0) { $0 + $1.count })
    }

    /// Reads chunks, from `pending` on, into new arrays of `capacity` rows (the first `backed` of them backed with
    /// memory at once) until one would not fit or none is left; `pending` is then the chunk not read, or nil.
    private mutating func readSegment(
        capacity: Int, backed: Int, pending: inout Chunk?, bytesLeft: inout Int,
        source: Source
    ) throws(DataError) -> CSVRows {
        let featureCount = layout.featureCount
        let labelled = layout.isLabelled
        // Refused before allocating: rows the machine's memory cannot keep (a terabyte of CSV, say).
        let bytes = capacity.saturatingMultiplied(by: featureCount + 1).saturatingMultiplied(by: 8)
        if bytes > MachineMemory.bytes / 2 {
            throw DataError(
                file: file,
                "holds about \(capacity) rows of \(featureCount + 1) numbers, \(FileBytes.size(bytes)) as doubles, more than this machine's memory can keep (\(FileBytes.size(MachineMemory.bytes)))"
            )
        }
        var rows = 0
        var failure: DataError?
        var targets: [Double] = []
        let features = [Double](unsafeUninitializedCapacity: capacity * featureCount) {
            featureBuffer, featuresWritten in
            targets = [Double](unsafeUninitializedCapacity: labelled ? capacity : 1) { targetBuffer, targetsWritten in
                let features = featureBuffer.baseAddress!, targets = targetBuffer.baseAddress!
                // All in huge pages where the system allows; the first `backed` rows backed in one call.
                Prefault.populate(
                    UnsafeMutableBufferPointer(start: features, count: capacity * featureCount),
                    first: backed * featureCount)
                if labelled {
                    Prefault.populate(UnsafeMutableBufferPointer(start: targets, count: capacity), first: backed)
                }
                do throws(DataError) {
                    while let chunk = pending, rows + chunk.rowBound <= capacity {
                        var parser = CSVParser(base: chunk.base, lines: chunk.lines, layout: layout, file: file)
                        rows += try parser.readRows(
                            features: features + rows * featureCount, targets: targets + rows,
                            rowLimit: capacity - rows)
                        linesBefore += chunk.newlines
                        bytesLeft -= chunk.lines.count
                        pending = try next(source)
                    }
                } catch {
                    failure = error.movedDown(by: linesBefore)
                }
                targetsWritten = labelled ? rows : 0
            }
            featuresWritten = rows * featureCount
        }
        if let failure { throw failure }
        return CSVRows(features: features, targets: targets, count: rows)
    }

    /// The arrays one after another, copied into one new array.
    private static func joined(_ parts: [[Double]]) -> [Double] {
        let total = parts.reduce(0) { $0 + $1.count }
        return [Double](unsafeUninitializedCapacity: total) { buffer, written in
            Prefault.populate(buffer)
            written = 0
            for part in parts {
                part.withUnsafeBufferPointer { source in
                    guard let from = source.baseAddress else { return }
                    (buffer.baseAddress! + written).initialize(from: from, count: source.count)
                    written += source.count
                }
            }
        }
    }
}
