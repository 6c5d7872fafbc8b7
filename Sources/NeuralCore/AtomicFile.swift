import Foundation

/// Replaces a file whole or not at all: the bytes go to a temporary file in the same directory, are flushed
/// to disk, and the temporary file is renamed over the destination.
public enum AtomicFile {
    public static func write(_ data: Data, to path: String) throws(DataError) {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw DataError(file: path, "is a directory, expected a file to write")
        }
        let temporary = "\(directory)/.\(url.lastPathComponent).\(getpid()).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw DataError(file: path, "cannot write: \(FileBytes.reason(errno))") }
        var ok = data.withUnsafeBytes { raw -> Bool in
            var offset = 0
            while offset < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 { if errno == EINTR { continue }; return false }
                offset += n
            }
            return true
        }
        ok = ok && fsync(fd) == 0
        let writeError = errno
        close(fd)
        guard ok, rename(temporary, path) == 0 else {
            let code = ok ? errno : writeError
            unlink(temporary)
            throw DataError(file: path, "cannot write: \(FileBytes.reason(code))")
        }
    }

    /// Writes text the same way.
    public static func write(_ text: String, to path: String) throws(DataError) {
        try write(Data(text.utf8), to: path)
    }
}
