import NeuralCore
/// Bytes eight at a time in a `UInt64` (SWAR: SIMD within a register), the first byte in the lowest eight bits.
enum ByteWords {
    /// The eight bytes at `base + offset`, which must all lie in the buffer.
    @inline(__always)
    static func load(_ base: UnsafePointer<UInt8>, _ offset: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self))
    }

    /// `byte` in each of the eight bytes.
    static func repeating(_ byte: UInt8) -> UInt64 { UInt64(byte) &* 0x0101_0101_0101_0101 }
}
