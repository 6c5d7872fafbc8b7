/// Counts the newline bytes in a buffer, sixteen at a time, so a reader can size its arrays before the real pass.
enum NewlineCount {
    static func count(_ start: UnsafePointer<UInt8>, _ length: Int) -> Int {
        let raw = UnsafeRawPointer(start)
        let newline = SIMD16<UInt8>(repeating: 10)
        let one = SIMD16<UInt8>(repeating: 1)
        let zero = SIMD16<UInt8>()
        var total = 0
        var i = 0
        while i + 16 <= length {
            // Each lane counts up to 255 blocks before it is added to the total.
            var lanes = SIMD16<UInt8>()
            let stop = min(length - 15, i + 255 * 16)
            while i < stop {
                lanes &+= zero.replacing(with: one, where: raw.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self) .== newline)
                i += 16
            }
            total += Int(SIMD16<UInt16>(truncatingIfNeeded: lanes).wrappedSum())
        }
        while i < length {
            if start[i] == 10 { total += 1 }
            i += 1
        }
        return total
    }
}
