#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Whether two paths lead to one file, however they are spelt: `a.csv`, `./a.csv`, `dir/../a.csv`, a symbolic
/// link to it or a hard link all name the same file.
enum FileIdentity {
    private enum Key: Equatable {
        /// An existing file: its device and inode.
        case file(dev: UInt64, inode: UInt64)
        /// A file yet to be written: its directory resolved by `realpath`, and its name.
        case planned(directory: String, name: String)
        /// Neither: the path as given.
        case unresolved(String)
    }

    static func same(_ a: String, _ b: String) -> Bool { key(a) == key(b) }

    /// Whether `path` names the regular file open as descriptor `fd` (stdout redirected to it, say).
    static func same(_ path: String, fd: Int32) -> Bool {
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return false }
        return key(path) == .file(dev: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }

    private static func key(_ path: String) -> Key {
        var info = stat()
        if stat(path, &info) == 0 { return .file(dev: UInt64(info.st_dev), inode: UInt64(info.st_ino)) }
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { path[..<$0].isEmpty ? "/" : String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        guard let resolved = realpath(directory, nil) else { return .unresolved(path) }
        defer { free(resolved) }
        return .planned(directory: String(cString: resolved), name: name)
    }
}
