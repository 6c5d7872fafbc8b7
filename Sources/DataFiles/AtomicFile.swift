#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import Foundation
import NeuralCore

/// Replaces a file whole or not at all: the bytes go to a new temporary file in the same directory (a name
/// nobody can guess, created exclusively, never through a link), are flushed to disk, and the temporary file is
/// renamed over the destination. A symbolic link given as the destination is written through: the file it leads
/// to is replaced and the link stays, so a rename never replaces a link such as /dev/stdout. A replaced file
/// keeps its permission bits; a new one gets the usual 0666 less the umask.
public enum AtomicFile {
    public static func write(_ data: Data, to path: String) throws(DataError) {
        // The temporary file and the rename below ask the file system themselves: no probe files here.
        let target = try checkWritable(path, probing: false)
        let directory = directory(of: target)
        var info = stat()
        let replaced = lstat(target, &info) == 0 ? info : nil
        let temporary = try TemporaryFile.create(in: directory, for: path)
        var failure: Int32 = 0
        if !writeAll(data, to: temporary.descriptor) { failure = errno }
        if failure == 0 {
            // Until here the file was 0600, readable by nobody else while half written.
            let mode = replaced.map { $0.st_mode & 0o777 } ?? (0o666 & ~TemporaryFile.umaskNow())
            if let old = replaced, geteuid() == 0, old.st_uid != 0 || old.st_gid != 0 {
                _ = fchown(temporary.descriptor, old.st_uid, old.st_gid)  // root keeps a user's file theirs
            }
            if fchmod(temporary.descriptor, mode) != 0 || fsync(temporary.descriptor) != 0 { failure = errno }
        }
        if close(temporary.descriptor) != 0, failure == 0 { failure = errno }
        if failure == 0, rename(temporary.path, target) != 0 { failure = errno }
        guard failure == 0 else {
            unlink(temporary.path)
            throw DataError(file: path, "cannot write: \(FileBytes.reason(failure))")
        }
        TemporaryFile.syncDirectory(directory)
    }

    /// Every byte of `data` written to `fd`, retried when short or interrupted; false with `errno` set on failure.
    private static func writeAll(_ data: Data, to fd: Int32) -> Bool {
        data.withUnsafeBytes { raw -> Bool in
            var offset = 0
            while offset < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 { if errno == EINTR { continue }; return false }
                offset += n
            }
            return true
        }
    }

    /// Checks that `write` can put a file at `path`, and returns the path it will replace: `path`, or the file a
    /// symbolic link leads to. The path must not be empty, a directory, a device, a pipe, a link that leads
    /// nowhere or a file made read-only, and the directory must exist. Then it asks the file system what the
    /// save will ask: a temporary file is created in the directory and removed, and a file yet to exist is
    /// created under its own name and removed, so a name too long, a read-only file system or a full quota fail
    /// here. Run before long work, so a bad path fails at once. With `probing` false nothing is created: the
    /// directory is only asked whether this user may write in it (for a look that must leave no trace).
    @discardableResult
    public static func checkWritable(_ path: String, probing: Bool = true) throws(DataError) -> String {
        guard !path.isEmpty else { throw DataError(file: path, "is an empty path, expected a file to write") }
        let target = try destination(of: path)
        var info = stat()
        let exists: Bool
        if stat(target, &info) == 0 {
            switch info.st_mode & S_IFMT {
            case S_IFDIR: throw DataError(file: path, "is a directory, expected a file to write")
            case S_IFREG: break
            default: throw DataError(file: path, "is not a regular file; nntop only replaces regular files")
            }
            if info.st_mode & 0o222 == 0 {
                throw DataError(
                    file: path, "is read-only; nntop does not replace it (make it writable, or choose another path)")
            }
            if access(target, W_OK) != 0 {
                throw DataError(
                    file: path, "cannot write: \(FileBytes.reason(errno)) (the file is not writable for this user)")
            }
            exists = true
        } else if errno == ENOENT {
            exists = false
        } else {
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
        guard probing else {
            guard access(directory, W_OK | X_OK) == 0 else {
                throw DataError(file: path, "cannot write: permission denied in the directory \(shown)")
            }
            return target
        }
        let probe = try TemporaryFile.create(in: directory, for: path)
        close(probe.descriptor)
        unlink(probe.path)
        if !exists {
            let fd = open(target, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            if fd >= 0 {
                close(fd)
                unlink(target)
            } else if errno != EEXIST {
                throw DataError(file: path, "cannot write: \(FileBytes.reason(errno))")
            }
        }
        return target
    }

    /// `path`, or when it is a symbolic link, the existing file it finally leads to. A link that another user
    /// put in a directory others may write to (a sticky /tmp, say) is never followed: it may lead anywhere the
    /// running user can write. The kernel's own guard for this (fs.protected_symlinks) is not always on.
    static func destination(of path: String) throws(DataError) -> String {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return path }
        var folder = stat()
        if info.st_uid != geteuid(), stat(directory(of: path), &folder) == 0, folder.st_mode & 0o022 != 0,
            info.st_uid != folder.st_uid
        {
            throw DataError(
                file: path,
                "is a symbolic link another user made in a shared directory; nntop does not follow it (give the file it leads to, or another path)"
            )
        }
        guard let resolved = realpath(path, nil) else {
            // A link to nothing, or to something with no name in the file system (a pipe, a socket).
            throw DataError(file: path, "is a symbolic link that leads to no file nntop can replace")
        }
        defer { free(resolved) }
        return String(cString: resolved)
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
