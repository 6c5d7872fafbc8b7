#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import NeuralCore

/// The machine's memory, the bound for what input may make nntop keep (file bytes, parsed rows, a network).
public enum MachineMemory {
    /// In bytes; 16 GiB when the system does not say.
    public static let bytes: Int = {
        let pages = sysconf(Int32(_SC_PHYS_PAGES)), size = sysconf(Int32(_SC_PAGESIZE))
        guard pages > 0, size > 0 else { return 1 << 34 }
        return Int(pages).saturatingMultiplied(by: Int(size))
    }()
}
