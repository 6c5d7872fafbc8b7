/// Finds, in JSON text, the first number no Swift number holds: beyond ±1.8e308 as a Double, or a whole number
/// beyond the range of Int. JSONDecoder reports such a number as "not valid JSON" without saying where; this
/// says where. Strings are skipped; only the text's own numbers are looked at.
enum JSONNumberScan {
    struct Place: Equatable {
        var line: Int
        var column: Int
        var text: String
    }

    static func firstOutOfRange(_ bytes: [UInt8]) -> Place? {
        var line = 1, lineStart = 0, i = 0
        var inString = false
        while i < bytes.count {
            let b = bytes[i]
            if inString {
                if b == UInt8(ascii: "\\") { i += 2; continue }
                if b == UInt8(ascii: "\"") { inString = false }
                if b == 10 { line += 1; lineStart = i + 1 }
                i += 1
                continue
            }
            switch b {
            case UInt8(ascii: "\""):
                inString = true
                i += 1
            case 10:
                line += 1
                lineStart = i + 1
                i += 1
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                let start = i
                var whole = true
                while i < bytes.count, isNumberByte(bytes[i]) {
                    if bytes[i] == UInt8(ascii: ".") || bytes[i] | 0x20 == UInt8(ascii: "e") { whole = false }
                    i += 1
                }
                let text = String(decoding: bytes[start..<i], as: UTF8.self)
                let tooLarge = Double(text).map { !$0.isFinite } ?? false
                if tooLarge || (whole && Int(text) == nil) {
                    return Place(line: line, column: start - lineStart + 1, text: MessageText.excerpt(text))
                }
            default:
                i += 1
            }
        }
        return nil
    }

    private static func isNumberByte(_ b: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b) || b == UInt8(ascii: "-") || b == UInt8(ascii: "+")
            || b == UInt8(ascii: ".") || b == UInt8(ascii: "e") || b == UInt8(ascii: "E")
    }
}
