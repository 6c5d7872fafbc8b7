import NeuralCore

/// Splits CSV bytes into rows of cells as RFC 4180 and pandas write them: a cell in double quotes may hold
/// commas, line ends and doubled quotes (`""` for one `"`); spaces and tabs around a cell are not part of it;
/// lines end in LF or CRLF; blank lines are skipped. The careful reader of text columns (`CSVTable`), apart from
/// the numeric fast path (`CSVParser`).
struct CSVTokenizer {
    let base: UnsafePointer<UInt8>
    let count: Int
    let file: String
    /// Where the next row starts, and the 1-based number of the line it starts on.
    var position: Int
    var line: Int

    /// The cells of the row last read: `[start, end)` in `base`, or in `unquoted` when `inScratch` (a quoted cell
    /// with doubled quotes, written out without them).
    private(set) var starts: [Int] = []
    private(set) var ends: [Int] = []
    private(set) var inScratch: [Bool] = []
    private(set) var scratch: [UInt8] = []
    /// The line the row last read starts on.
    private(set) var rowLine = 0

    init(base: UnsafePointer<UInt8>, count: Int, file: String, position: Int = 0, line: Int = 1) {
        self.base = base
        self.count = count
        self.file = file
        self.position = position
        self.line = line
    }

    var cellCount: Int { starts.count }

    /// Reads the next non-blank row; false at the end of the bytes.
    mutating func nextRow() throws(DataError) -> Bool {
        starts.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        inScratch.removeAll(keepingCapacity: true)
        scratch.removeAll(keepingCapacity: true)
        while position < count {
            // A blank line: nothing but spaces and tabs before its end.
            var i = position
            while i < count, base[i] == 32 || base[i] == 9 { i &+= 1 }
            if i < count, base[i] == 13, i &+ 1 < count, base[i &+ 1] == 10 { i &+= 1 }
            if i == count || base[i] == 10 {
                position = i &+ 1
                line &+= 1
                continue
            }
            rowLine = line
            try readCells()
            return true
        }
        return false
    }

    /// Reads the cells of the row at `position`, leaving `position` after its line end.
    private mutating func readCells() throws(DataError) {
        var i = position
        while true {
            while i < count, base[i] == 32 || base[i] == 9 { i &+= 1 }
            if i < count, base[i] == 34 {
                i = try quotedCell(from: i)
            } else {
                let start = i
                while i < count, base[i] != 44, base[i] != 10 { i &+= 1 }
                var end = i
                if end > start, i == count || base[i] == 10, base[end &- 1] == 13 { end &-= 1 }
                while end > start, base[end &- 1] == 32 || base[end &- 1] == 9 { end &-= 1 }
                starts.append(start)
                ends.append(end)
                inScratch.append(false)
            }
            if i >= count {
                position = count
                return
            }
            if base[i] == 10 {
                position = i &+ 1
                line &+= 1
                return
            }
            i &+= 1  // the comma
        }
    }

    /// Reads the quoted cell whose opening quote is at `open`; returns the index of the comma, LF or end after it.
    private mutating func quotedCell(from open: Int) throws(DataError) -> Int {
        var i = open &+ 1
        let startLine = line
        var segment = i
        var escaped = false
        let scratchStart = scratch.count
        while true {
            while i < count, base[i] != 34 {
                if base[i] == 10 { line &+= 1 }
                i &+= 1
            }
            guard i < count else {
                throw DataError(
                    file: file, line: startLine, column: starts.count + 1,
                    "a quoted cell opens here and never closes (a missing \"); a quote inside a quoted cell is written \"\""
                )
            }
            if i &+ 1 < count, base[i &+ 1] == 34 {
                // A doubled quote: one quote in the cell's text.
                escaped = true
                scratch.append(contentsOf: UnsafeBufferPointer(start: base + segment, count: i &- segment &+ 1))
                i &+= 2
                segment = i
                continue
            }
            break
        }
        if escaped {
            scratch.append(contentsOf: UnsafeBufferPointer(start: base + segment, count: i &- segment))
            starts.append(scratchStart)
            ends.append(scratch.count)
            inScratch.append(true)
        } else {
            starts.append(open &+ 1)
            ends.append(i)
            inScratch.append(false)
        }
        i &+= 1
        while i < count, base[i] == 32 || base[i] == 9 { i &+= 1 }
        if i < count, base[i] == 13, i &+ 1 < count, base[i &+ 1] == 10 { i &+= 1 }
        guard i >= count || base[i] == 44 || base[i] == 10 else {
            var end = i
            while end < count, end - i < 20, base[end] != 44, base[end] != 10 { end &+= 1 }
            let text = String(decoding: UnsafeBufferPointer(start: base + i, count: end - i), as: UTF8.self)
            throw DataError(
                file: file, line: line, column: starts.count,
                "expected a comma or the line's end after a quoted cell, found \(MessageText.quoted(text)) (a quote inside a quoted cell is written \"\")"
            )
        }
        return i
    }

    /// Runs `body` on the bytes of cell `k` of the row last read.
    @inline(__always)
    func withCell<T>(_ k: Int, _ body: (UnsafePointer<UInt8>, Int, Int) -> T) -> T {
        if inScratch[k] {
            return scratch.withUnsafeBufferPointer { body($0.baseAddress!, starts[k], ends[k]) }
        }
        return body(base, starts[k], ends[k])
    }

    /// The text of cell `k` of the row last read.
    func text(_ k: Int) -> String {
        withCell(k) { p, s, e in String(decoding: UnsafeBufferPointer(start: p + s, count: e - s), as: UTF8.self) }
    }
}
