#if canImport(Glibc)
    import Glibc
#endif
import NeuralCore

/// Asks the kernel to back a fresh buffer with memory in one call, before it is written. Writing a large new
/// array page by page takes a fault per 4 KiB page, which costs a microsecond or more each (more in some virtual
/// machines); `MADV_POPULATE_WRITE` (Linux 5.14) does the same work in bulk, and `MADV_HUGEPAGE` lets it use
/// 2 MiB pages where transparent huge pages are enabled on request. Only hints: where they are not supported
/// nothing happens, and the pages fault in as usual.
enum Prefault {
    /// Asks for the whole buffer in huge pages, and backs its first `first` elements (all, by default) at once.
    static func populate<T>(_ buffer: UnsafeMutableBufferPointer<T>, first: Int? = nil) {
        #if os(Linux)
            guard let whole = pages(buffer.baseAddress, bytes: buffer.count * MemoryLayout<T>.stride) else { return }
            _ = madvise(whole.start, whole.length, MADV_HUGEPAGE)
            let backed = min(first ?? buffer.count, buffer.count)
            guard let prefix = pages(buffer.baseAddress, bytes: backed * MemoryLayout<T>.stride) else { return }
            _ = madvise(prefix.start, prefix.length, MADV_POPULATE_WRITE)
        #endif
    }

    /// The whole pages inside `bytes` bytes at `base`; nil when too few to be worth a system call.
    private static func pages(_ base: UnsafeMutableRawPointer?, bytes: Int) -> (
        start: UnsafeMutableRawPointer, length: Int
    )? {
        let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))
        guard let base, pageSize > 0, bytes >= 16 * pageSize else { return nil }
        let start = (Int(bitPattern: base) + pageSize - 1) / pageSize * pageSize
        let end = (Int(bitPattern: base) + bytes) / pageSize * pageSize
        guard end > start, let pages = UnsafeMutableRawPointer(bitPattern: start) else { return nil }
        return (pages, end - start)
    }
}
