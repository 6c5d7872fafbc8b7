#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import NeuralCore

/// Reads a whole file into memory with POSIX calls, turning every failure into a one-line `DataError`.
///
/// Only what can end is read: a regular file, a pipe or a terminal. A device such as /dev/zero or /dev/urandom
/// never ends and is refused at once; a file larger than `limit` is refused before anything is allocated, and a
/// pipe that gives more is stopped there. A zero byte ends the reading too: no text nntop reads holds one, so
/// the parser can say where the bytes went wrong without the rest of an endless stream of them.
public enum FileBytes {
    /// The most a file may hold: a quarter of the machine's memory (the parsed data take about as much again).
    public static let defaultLimit = MachineMemory.bytes / 4

    public static func read(_ path: String, limit: Int = defaultLimit) throws(DataError) -> [UInt8] {
        let fd = try open(path)
        defer { close(fd) }
        return try read(fd, path: path, info: status(fd, path: path), limit: limit)
    }

    /// "1.5 GiB", "512 MiB": a size for a message.
    public static func size(_ bytes: Int) -> String {
        let gib = Double(bytes) / Double(1 << 30)
        if gib >= 1 { return "\((gib * 10).rounded() / 10) GiB".replacingOccurrences(of: ".0 ", with: " ") }
        return "\(bytes >> 20) MiB"
    }

    /// Refuses what never ends (a character or block device other than a terminal, a socket). A device that
    /// ends at once, as /dev/null does, is read as the empty file it is.
    static func checkReadable(_ fd: Int32, path: String, info: stat) throws(DataError) {
        switch info.st_mode & S_IFMT {
        case S_IFCHR where isatty(fd) != 1:
            var byte: UInt8 = 0
            if readSome(fd, &byte, 1) == 0 { return }
            throw DataError(
                file: path, "is a device, not a file of data; nntop reads regular files, pipes and terminals")
        case S_IFBLK:
            throw DataError(
                file: path, "is a block device, not a file of data; nntop reads regular files, pipes and terminals")
        case S_IFSOCK:
            throw DataError(
                file: path, "is a socket, not a file of data; nntop reads regular files, pipes and terminals")
        default:
            break
        }
    }

    /// `path` opened to read (and closed in any program this one starts).
    static func open(_ path: String) throws(DataError) -> Int32 {
        let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw DataError(file: path, reason(errno)) }
        return fd
    }

    /// What `fstat` says of an open file.
    static func status(_ fd: Int32, path: String) throws(DataError) -> stat {
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw DataError(file: path, reason(errno)) }
        return info
    }

    /// Everything an open file holds, from where it stands: `info` is its `status`. (Given the descriptor, so that
    /// a file looked at first is read through the same one: a named pipe opened a second time would wait forever
    /// for a writer that left when the first was closed.)
    static func read(_ fd: Int32, path: String, info: stat, limit: Int = defaultLimit) throws(DataError) -> [UInt8] {
        if (info.st_mode & S_IFMT) == S_IFDIR { throw DataError(file: path, "is a directory, expected a file") }
        try checkReadable(fd, path: path, info: info)
        let tooLarge = DataError(file: path, "holds more than \(size(limit)), more than nntop reads from such a file")
        if Int(info.st_size) > limit { throw tooLarge }

        // A regular file is read straight into an array of its size; anything it has beyond that (it grew, or it
        // is a pipe or a /proc file that reports size 0) is read after it in chunks.
        var failure: Int32 = 0
        let expected = max(0, Int(info.st_size))
        var bytes = [UInt8](unsafeUninitializedCapacity: expected) { buffer, initialized in
            initialized = 0
            while initialized < expected {
                let n = readSome(fd, buffer.baseAddress! + initialized, expected - initialized)
                if n < 0 { failure = errno; return }
                if n == 0 { return }
                initialized += n
            }
        }
        guard failure == 0 else { throw DataError(file: path, reason(failure)) }
        if bytes.count < expected { return bytes }  // ended early: the file shrank while it was read

        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBufferPointer { readSome(fd, $0.baseAddress!, $0.count) }
            if n < 0 { throw DataError(file: path, reason(errno)) }
            if n == 0 { return bytes }
            if bytes.count > limit - n { throw tooLarge }
            bytes.append(contentsOf: chunk[0..<n])
            if chunk[0..<n].contains(0) { return bytes }  // not text: the parser says where
        }
    }

    /// Reads `count` bytes at `offset` into `into` with `pread`, as many calls as it takes (a call may read less, or
    /// be interrupted by a signal): the count read, less than `count` only at the end of the file.
    static func read(_ fd: Int32, path: String, into: UnsafeMutableRawPointer, count: Int, at offset: Int)
        throws(DataError) -> Int
    {
        var done = 0
        while done < count {
            let n = pread(fd, into + done, count - done, off_t(offset + done))
            if n < 0 {
                if errno == EINTR { continue }
                throw DataError(file: path, reason(errno))
            }
            if n == 0 { break }
            done += n
        }
        return done
    }

    /// `read(_:path:into:count:at:)` filling `buffer` from its start: the count read.
    static func read(_ fd: Int32, path: String, into buffer: inout [UInt8], at offset: Int) throws(DataError) -> Int {
        if buffer.isEmpty { return 0 }
        return try buffer.withUnsafeMutableBytes { bytes in
            Result { () throws(DataError) in
                try read(fd, path: path, into: bytes.baseAddress!, count: bytes.count, at: offset)
            }
        }.get()
    }

    /// One `read(2)`, retried when a signal interrupts it: the count read (0 at the end), or -1 with `errno` set.
    private static func readSome(_ fd: Int32, _ into: UnsafeMutablePointer<UInt8>, _ count: Int) -> Int {
        while true {
            let n = Glibc.read(fd, into, count)
            if n < 0 && errno == EINTR { continue }
            return n
        }
    }

    static func reason(_ code: Int32) -> String {
        switch code {
        case ENOENT: return "no such file"
        case EACCES: return "permission denied"
        case EISDIR: return "is a directory, expected a file"
        case ENAMETOOLONG: return "the name is too long for the file system"
        case EROFS: return "the file system is read-only"
        case ENOSPC: return "no space left on the device"
        case EDQUOT: return "the disk quota is used up"
        case ELOOP: return "too many symbolic links, or a link where none may be"
        default: return String(cString: strerror(code)).lowercased()
        }
    }
}
