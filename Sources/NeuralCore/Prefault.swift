#if canImport(Glibc)
import Glibc
#endif

/// Asks the kernel to back a fresh buffer with memory in one call, before it is written. Writing a large new
/// array page by page takes a fault per 4 KiB page, which costs a microsecond or more each (more in some virtual
/// machines); `MADV_POPULATE_WRITE` (Linux 5.14) does the same work in bulk, and `MADV_HUGEPAGE` lets it use
/// 2 MiB pages where transparent huge pages are enabled on request. Only hints: where they are not supported
/// nothing happens, and the pages fault in as usual.
enum Prefault {
    static func populate<T>(_ buffer: UnsafeMutableBufferPointer<T>) {
        #if os(Linux)
        guard let base = buffer.baseAddress else { return }
        let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))
        let bytes = buffer.count * MemoryLayout<T>.stride
        guard pageSize > 0, bytes >= 16 * pageSize else { return }   // small buffers are not worth a system call
        // Only the whole pages inside the buffer.
        let start = (Int(bitPattern: base) + pageSize - 1) / pageSize * pageSize
        let end = (Int(bitPattern: base) + bytes) / pageSize * pageSize
        guard end > start, let pages = UnsafeMutableRawPointer(bitPattern: start) else { return }
        _ = madvise(pages, end - start, MADV_HUGEPAGE)
        _ = madvise(pages, end - start, MADV_POPULATE_WRITE)
        #endif
    }
}
