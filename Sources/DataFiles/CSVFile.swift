#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import NeuralCore

/// A large CSV file read through small buffers rather than whole: the layout from its first lines, then runs of
/// its lines, each read on its own (`pread` on one shared descriptor), so that runs can be read at once on
/// different threads and joined in file order (`CSVReader.dataset`). Gives the rows, and the errors, that
/// `CSVReader.parse` gives for the whole file's bytes.
public final class CSVFile: Sendable {
    public let path: String
    public let layout: CSVLayout
    /// The file's size when it was opened. The last run reads on to the end, wherever that is by then.
    public let size: Int
    private let descriptor: Int32
    /// How many bytes each buffer holds.
    let chunkSize: Int

    /// A file opened to read: in runs when it is large, otherwise its bytes.
    public enum Opened {
        case inRuns(CSVFile)
        case whole([UInt8])
    }

    /// The file at `path`, to be read in runs when it is a regular file of at least `minimumSize` bytes; anything
    /// else (a small file, a pipe, a device) is read whole at once, through the same descriptor.
    public static func open(
        path: String, target: TargetColumn = .last, binaryTargets: Bool = false, minimumSize: Int = 1 << 20,
        chunkSize: Int = 1 << 20
    ) throws(DataError) -> Opened {
        let descriptor = try FileBytes.open(path)
        do throws(DataError) {
            let info = try FileBytes.status(descriptor, path: path)
            guard (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) >= minimumSize else {
                defer { close(descriptor) }
                return .whole(try FileBytes.read(descriptor, path: path, info: info))
            }
            let size = Int(info.st_size)
            var layout = try headLayout(descriptor: descriptor, path: path, target: target, size: size)
            layout.binaryTargets = binaryTargets
            return .inRuns(
                CSVFile(path: path, layout: layout, size: size, descriptor: descriptor, chunkSize: chunkSize))
        } catch {
            close(descriptor)
            throw error
        }
    }

    private init(path: String, layout: CSVLayout, size: Int, descriptor: Int32, chunkSize: Int) {
        self.path = path
        self.layout = layout
        self.size = size
        self.descriptor = descriptor
        self.chunkSize = chunkSize
    }

    deinit { close(descriptor) }

    /// The layout from the file's first bytes: a prefix twice as long each time until the whole lines in it hold a
    /// non-blank line. (An error without a line number is the only one that says no such line was seen.)
    private static func headLayout(descriptor: Int32, path: String, target: TargetColumn, size: Int) throws(DataError)
        -> CSVLayout
    {
        var length = min(size, 1 << 16)
        while true {
            var head = [UInt8](repeating: 0, count: length)
            let read = try FileBytes.read(descriptor, path: path, into: &head, at: 0)
            head.removeLast(length - read)
            // A zero byte (no CSV holds one) stops the search: the layout's parser says where it is.
            let whole = read < length || length == size || head.contains(0)
            if !whole {
                guard length < LineChunks.maximumLine else {
                    throw DataError(
                        file: path,
                        "has a first line longer than \(LineChunks.maximumLine >> 20) MiB; nntop reads lines up to that long"
                    )
                }
                // Only whole lines; none yet means the first line is longer than this.
                guard let newline = head.lastIndex(of: 10) else {
                    length = min(size, length * 2)
                    continue
                }
                head.removeLast(head.count - newline - 1)
            }
            do throws(DataError) {
                return try CSVReader.layout(of: head, file: path, target: target)
            } catch  where error.line != nil || whole {
                throw error
            } catch {
                length = min(size, length * 2)
            }
        }
    }

    /// The data, from `layout.dataStart`, cut into at most `parts` runs of whole lines of about equal size: no more
    /// runs than there are `minimumBytes` in the data (a long line may still leave a run shorter). The last run's
    /// end is the size when opened, but it reads on to the end.
    public func runs(parts: Int, minimumBytes: Int = 1 << 20) throws(DataError) -> [Range<Int>] {
        let start = layout.dataStart
        let parts = max(1, min(parts, (size - start) / max(minimumBytes, 1)))
        var cuts = [start]
        var window = [UInt8](repeating: 0, count: 1 << 12)
        for k in 1..<parts {
            // The start of the first line at or after this part's share of the bytes: just after the first
            // newline from the byte before the share.
            var at = max(start + (size - start) * k / parts, cuts.last! + 1) - 1
            let searchEnd = at + LineChunks.maximumLine
            var cut: Int?
            // No cut past a zero byte or a line too long: the run before reports it where it is.
            search: while cut == nil, at < searchEnd {
                let read = try FileBytes.read(descriptor, path: path, into: &window, at: at)
                if read == 0 { break }
                for (i, byte) in window[0..<read].enumerated() {
                    if byte == 0 { break search }
                    if byte == 10 { cut = at + i + 1; break }
                }
                at += read
            }
            guard let cut, cut < size else { break }
            cuts.append(cut)
        }
        cuts.append(size)
        return (0..<(cuts.count - 1)).map { cuts[$0]..<cuts[$0 + 1] }
    }

    /// The rows of one run from `runs`: the file's last run reads on to the end of the file. The arrays have room
    /// for `extraBytes` bytes' worth of rows more, when the rows of later runs are to be added to these
    /// (`CSVReader.dataset`).
    public func rows(in run: Range<Int>, roomForMoreBytes extraBytes: Int = 0) throws(DataError) -> CSVRows {
        var chunks = LineChunks(
            descriptor: descriptor, path: path, from: run.lowerBound,
            to: run.upperBound >= size ? nil : run.upperBound, chunkSize: chunkSize)
        var reader = CSVRunReader(layout: layout, file: path, runBytes: run.count, extraBytes: extraBytes)
        do throws(DataError) {
            return try reader.read { () throws(DataError) in try chunks.next() }
        } catch {
            guard error.line != nil else { throw error }
            throw error.movedDown(by: try linesBefore(run.lowerBound))
        }
    }

    /// The number of newlines before byte `offset`: counted only to place an error.
    func linesBefore(_ offset: Int) throws(DataError) -> Int {
        var chunks = LineChunks(descriptor: descriptor, path: path, from: 0, to: offset, chunkSize: chunkSize)
        var lines = 0
        while let (base, range) = try chunks.next() {
            lines += NewlineCount.count(base + range.lowerBound, range.count)
        }
        return lines
    }
}
