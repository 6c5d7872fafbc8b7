#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import NeuralCore

/// A new file with a name nobody can predict, created in a given directory as `mkstemp` does: exclusively
/// (`O_EXCL`), never through a symbolic link (`O_NOFOLLOW`), closed in any program this one starts, readable and
/// writable by its owner alone. Whatever another user planted in a shared directory (a link, a pipe, a file) is
/// never opened: a name already taken is passed over for a new one.
struct TemporaryFile {
    let path: String
    let descriptor: Int32

    /// The name's random part: 16 letters and digits, about 95 bits.
    static let randomLength = 16
    private static let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".utf8)

    /// Creates the file in `directory`; errors name `path`, the file the caller is writing. The name has a fixed
    /// length whatever `path` is, so the temporary name is never the one too long for the file system.
    static func create(in directory: String, for path: String) throws(DataError) -> TemporaryFile {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<64 {
            let random = (0..<randomLength).map { _ in alphabet.randomElement(using: &generator)! }
            let name = ".nntop-\(String(decoding: random, as: UTF8.self)).tmp"
            let candidate = directory == "/" ? "/\(name)" : "\(directory)/\(name)"
            let fd = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            if fd >= 0 { return TemporaryFile(path: candidate, descriptor: fd) }
            if errno == EEXIST || errno == EINTR { continue }
            if errno == EACCES {
                // The file itself may be writable: it is the directory, where the new file goes first, that is not.
                throw DataError(
                    file: path,
                    "cannot write: permission denied in the directory \(MessageText.escaped(directory)), where the new file is written before it replaces the old"
                )
            }
            throw DataError(file: path, "cannot write: \(FileBytes.reason(errno))")
        }
        throw DataError(file: path, "cannot write: no free temporary name in \(MessageText.escaped(directory))")
    }

    /// The process's file-creation mask, read without changing it for long.
    static func umaskNow() -> mode_t {
        let mask = umask(0o022)
        umask(mask)
        return mask
    }

    /// Flushes a directory's entries (a rename into it) to disk; a file system that cannot is left as it is.
    static func syncDirectory(_ directory: String) {
        let fd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }
}
