import Foundation

/// Replaces a file whole or not at all: the bytes go to a temporary file in the same directory, are flushed
/// to disk, and the temporary file is renamed over the destination. A symbolic link is written through: the
/// file it leads to is replaced and the link stays, so a rename never replaces a link such as /dev/stdout.
public enum AtomicFile {
    public static func write(_ data: Data, to path: String) throws(DataError) {
        let target = try checkWritable(path)
        let temporary = "\(directory(of: target))/.\(name(of: target)).\(getpid()).tmp"
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
        guard ok, rename(temporary, target) == 0 else {
            let code = ok ? errno : writeError
            unlink(temporary)
            throw DataError(file: path, "cannot write: \(FileBytes.reason(code))")
        }
    }

    /// Checks, writing nothing, that `write` can put a file at `path`, and returns the path it will replace:
    /// `path`, or the file a symbolic link leads to. The path must not be empty, a directory, a device, a pipe or
    /// a link that leads nowhere, and the directory must exist and may be written (the temporary file goes
    /// there). Run before long work, so a bad path fails at once.
    @discardableResult
    public static func checkWritable(_ path: String) throws(DataError) -> String {
        guard !path.isEmpty else { throw DataError(file: path, "is an empty path, expected a file to write") }
        let target = try destination(of: path)
        var info = stat()
        if stat(target, &info) == 0 {
            switch info.st_mode & S_IFMT {
            case S_IFDIR: throw DataError(file: path, "is a directory, expected a file to write")
            case S_IFREG: break
            default: throw DataError(file: path, "is not a regular file; nntop only replaces regular files")
            }
        } else if errno != ENOENT {
            throw DataError(file: path, "cannot write: \(FileBytes.reason(errno))")
        }
        let directory = directory(of: target)
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
        return target
    }

    /// `path`, or when it is a symbolic link, the existing file it finally leads to.
    static func destination(of path: String) throws(DataError) -> String {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return path }
        guard let resolved = realpath(path, nil) else {
            // A link to nothing, or to something with no name in the file system (a pipe, a socket).
            throw DataError(file: path, "is a symbolic link that leads to no file nntop can replace")
        }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The last component of `path`.
    static func name(of path: String) -> String {
        path.lastIndex(of: "/").map { String(path[path.index(after: $0)...]) } ?? path
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
