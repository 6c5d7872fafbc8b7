#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a whole file into memory with POSIX calls, turning every failure into a one-line `DataError`.
public enum FileBytes {
    public static func read(_ path: String) throws(DataError) -> [UInt8] {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw DataError(file: path, reason(errno)) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw DataError(file: path, reason(errno)) }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw DataError(file: path, "is a directory, expected a file") }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(info.st_size) + 1)
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw DataError(file: path, reason(errno))
            }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
        }
        return bytes
    }

    static func reason(_ code: Int32) -> String {
        switch code {
        case ENOENT: return "no such file"
        case EACCES: return "permission denied"
        case EISDIR: return "is a directory, expected a file"
        default: return String(cString: strerror(code)).lowercased()
        }
    }
}
