import NeuralCore
/// Counts the newline bytes in a buffer, sixteen at a time, so a reader can size its arrays before the real pass.
enum NewlineCount {
    static func count(_ start: UnsafePointer<UInt8>, _ length: Int) -> Int {
        let raw = UnsafeRawPointer(start)
        let newlines = SIMD16<UInt8>(repeating: 10)
        var total = 0
        var i = 0
        while i + 16 <= length {
            // Each lane counts up to 255 blocks (a match is 0xFF, so subtracting it adds one) before the lanes are
            // added to the total.
            var lanes = SIMD16<UInt8>()
            let stop = min(length - 15, i + 255 * 16)
            while i < stop {
                lanes &-= DecimalParser.zeroLanes(
                    raw.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self) ^ newlines)
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
