import NeuralCore

/// The distinct texts of a column, each given a code (0, 1, 2, … in the order first seen), found from a cell's
/// bytes without making a string: an open-addressed table of FNV-1a hashes over one array of bytes.
struct TextInterner: Sendable {
    private var bytes: [UInt8] = []
    /// Text k is `bytes[offsets[k] ..< offsets[k + 1]]`.
    private var offsets: [Int] = [0]
    private var hashes: [UInt64] = []
    /// Codes by hash slot; -1 for an empty slot.
    private var slots = [Int32](repeating: -1, count: 64)

    var count: Int { offsets.count - 1 }

    /// The code of the text `base[start ..< end]`, new or found.
    mutating func code(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Int32 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for i in start..<end { hash = (hash ^ UInt64(base[i])) &* 0x100_0000_01b3 }
        let mask = slots.count &- 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        let length = end &- start
        while true {
            let k = Int(slots[slot])
            if k < 0 { break }
            if hashes[k] == hash, offsets[k &+ 1] &- offsets[k] == length, matches(k, base + start, length) {
                return Int32(k)
            }
            slot = (slot &+ 1) & mask
        }
        let k = count
        bytes.append(contentsOf: UnsafeBufferPointer(start: base + start, count: length))
        offsets.append(bytes.count)
        hashes.append(hash)
        slots[slot] = Int32(k)
        if count * 2 > slots.count { rehash() }
        return Int32(k)
    }

    private func matches(_ k: Int, _ p: UnsafePointer<UInt8>, _ length: Int) -> Bool {
        bytes.withUnsafeBufferPointer { b in
            let from = offsets[k]
            for i in 0..<length where b[from &+ i] != p[i] { return false }
            return true
        }
    }

    private mutating func rehash() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for k in 0..<count {
            var slot = Int(truncatingIfNeeded: hashes[k]) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(k)
        }
    }

    /// Text k.
    func text(_ k: Int) -> String {
        String(decoding: bytes[offsets[k]..<offsets[k + 1]], as: UTF8.self)
    }
}
