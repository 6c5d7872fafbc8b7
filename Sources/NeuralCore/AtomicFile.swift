import Foundation

/// Replaces a file whole or not at all: the bytes go to a temporary file in the same directory, are flushed
/// to disk, and the temporary file is renamed over the destination.
public enum AtomicFile {
    public static func write(_ data: Data, to path: String) throws(DataError) {
        try checkWritable(path)
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
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

    /// Checks, writing nothing, that `write` can put a file at `path`: the path is not empty, not a directory
    /// and not a device or other special file (a rename would replace it), and its directory exists and may be
    /// written (the temporary file goes there). Run before long work, so a bad path fails at once.
    public static func checkWritable(_ path: String) throws(DataError) {
        guard !path.isEmpty else { throw DataError(file: path, "is an empty path, expected a file to write") }
        var info = stat()
        if stat(path, &info) == 0 {
            switch info.st_mode & S_IFMT {
            case S_IFDIR: throw DataError(file: path, "is a directory, expected a file to write")
            case S_IFREG: break
            default: throw DataError(file: path, "is not a regular file; nntop only replaces regular files")
            }
        } else if errno != ENOENT {
            throw DataError(file: path, "cannot write: \(FileBytes.reason(errno))")
        }
        let directory = directory(of: path)
        let shown = MessageText.escaped(directory)
        guard stat(directory, &info) == 0 else {
            let reason = errno == ENOENT ? "the directory \(shown) does not exist" : FileBytes.reason(errno)
            throw DataError(file: path, "cannot write: \(reason)")
        }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            throw DataError(file: path, "cannot write: \(shown) is not a directory")
        }
        guard access(directory, W_OK | X_OK) == 0 else {
            throw DataError(file: path, "cannot write: \(FileBytes.reason(errno))")
        }
    }

    /// The directory part of `path`: everything before its last slash, "/" for a file at the root, or "." for a
    /// bare name.
    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let directory = path[..<slash]
        return directory.isEmpty ? "/" : String(directory)
    }

    /// Writes text the same way.
    public static func write(_ text: String, to path: String) throws(DataError) {
        try write(Data(text.utf8), to: path)
    }
}
