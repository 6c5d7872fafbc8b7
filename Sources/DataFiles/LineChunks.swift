#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import NeuralCore

/// A stretch of a file read through one reused buffer, whole lines at a time: each `next()` holds as many whole
/// lines as fit in the buffer (a line longer than the buffer grows it, by half, in place where it can), and the
/// part line at the end waits for the next read. Reads with `pread`, so several readers may share one
/// descriptor. A line is at most `maximumLine` bytes, so an endless one (a file of zeros) ends in an error, not
/// in the memory running out. (A line is never cut short before that: its error is the one a whole pass gives.)
struct LineChunks: ~Copyable {
    /// Bytes kept before the lines: the number parser reads the byte before each number it reads.
    static let padding = 16
    /// The longest line read: 256 MiB, some ten million numbers.
    static let maximumLine = 256 << 20

    let descriptor: Int32
    let path: String
    /// The file offset of the next byte to read, and where to stop (nil: at the end of the file).
    private var offset: Int
    let end: Int?
    private var buffer: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// Bytes held after the padding: the lines handed out by the last `next()`, then the start of the next.
    private var held = 0
    private var handedOut = 0
    private var atEnd = false

    init(descriptor: Int32, path: String, from start: Int, to end: Int?, chunkSize: Int) {
        self.descriptor = descriptor
        self.path = path
        offset = start
        self.end = end
        capacity = max(chunkSize, 64)
        buffer = malloc(Self.padding + capacity)!.assumingMemoryBound(to: UInt8.self)
        buffer.initialize(repeating: 0, count: Self.padding)
    }

    deinit { free(buffer) }

    /// The next whole lines (the last may lack its newline at the end of the stretch), as a parser sees them: the
    /// buffer's address and the lines' range in it. Nil when the stretch has been read.
    mutating func next() throws(DataError) -> (base: UnsafePointer<UInt8>, lines: Range<Int>)? {
        // Drop the lines handed out last time, keeping the part line after them.
        let lines = buffer + Self.padding
        if handedOut > 0 {
            lines.update(from: lines + handedOut, count: held - handedOut)
            held -= handedOut
            handedOut = 0
        }
        while true {
            let scanned = held
            try fill()
            if held == 0 { return nil }
            if atEnd {
                handedOut = held
            } else if let newline = lastNewline(from: scanned) {
                handedOut = newline + 1
            } else {
                // One line longer than the buffer: make room for more of it.
                guard capacity < Self.maximumLine else {
                    throw DataError(
                        file: path,
                        "has a line longer than \(Self.maximumLine >> 20) MiB; nntop reads lines up to that long")
                }
                try grow()
                continue
            }
            return (UnsafePointer(buffer), Self.padding..<(Self.padding + handedOut))
        }
    }

    /// Reads until the buffer is full or the stretch ends.
    private mutating func fill() throws(DataError) {
        while held < capacity && !atEnd {
            var want = capacity - held
            if let end { want = min(want, end - offset) }
            if want == 0 { atEnd = true; break }
            let n = try FileBytes.read(
                descriptor, path: path, into: buffer + Self.padding + held, count: want, at: offset)
            if n < want { atEnd = true }
            held += n
            offset += n
        }
    }

    /// The index of the last newline held, searching back no further than `from` (bytes before it were searched).
    private func lastNewline(from: Int) -> Int? {
        let lines = buffer + Self.padding
        var i = held - 1
        while i >= from {
            if lines[i] == 10 { return i }
            i -= 1
        }
        return nil
    }

    /// Half as much room again (realloc: a large block grows in place, without a second copy alongside).
    private mutating func grow() throws(DataError) {
        let larger = min(capacity + capacity / 2, Self.maximumLine)
        guard let moved = realloc(buffer, Self.padding + larger) else {
            throw DataError(file: path, "has a line too long for the memory left (\(larger >> 20) MiB)")
        }
        buffer = moved.assumingMemoryBound(to: UInt8.self)
        capacity = larger
    }
}
