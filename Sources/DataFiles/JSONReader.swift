import NeuralCore
/// The byte-level reader behind `JSONValue.parse`: RFC 8259 JSON, strings checked as UTF-8.
struct JSONReader {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var i = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    var atEnd: Bool { i >= bytes.count }

    /// An error at the reader's place.
    func error(_ reason: String) -> JSONValue.SyntaxError {
        var line = 1, lineStart = 0
        for k in 0..<min(i, bytes.count) where bytes[k] == 10 {
            line += 1
            lineStart = k + 1
        }
        return JSONValue.SyntaxError(line: line, column: i - lineStart + 1, reason: reason)
    }

    mutating func skipSpace() {
        while i < bytes.count, bytes[i] == 32 || bytes[i] == 10 || bytes[i] == 13 || bytes[i] == 9 { i += 1 }
    }

    mutating func value(depth: Int) throws(JSONValue.SyntaxError) -> JSONValue {
        skipSpace()
        guard i < bytes.count else { throw error("the JSON ends where a value should be") }
        switch bytes[i] {
        case UInt8(ascii: "{"): return try object(depth: depth + 1)
        case UInt8(ascii: "["): return try array(depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
        default: throw error("expected a JSON value")
        }
    }

    private mutating func object(depth: Int) throws(JSONValue.SyntaxError) -> JSONValue {
        guard depth <= JSONValue.depthLimit else { throw error("nested deeper than \(JSONValue.depthLimit) levels") }
        i += 1
        var members: [(key: String, value: JSONValue)] = []
        skipSpace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "}") { i += 1; return .object(members) }
        while true {
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else {
                throw error("expected a member name in quotes")
            }
            let key = try string()
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw error("expected : after a member name") }
            i += 1
            members.append((key, try value(depth: depth)))
            skipSpace()
            guard i < bytes.count else { throw error("the JSON ends inside an object") }
            if bytes[i] == UInt8(ascii: "}") { i += 1; return .object(members) }
            guard bytes[i] == UInt8(ascii: ",") else { throw error("expected , or } in an object") }
            i += 1
        }
    }

    /// An array; one of numbers alone comes back as `.numbers`.
    private mutating func array(depth: Int) throws(JSONValue.SyntaxError) -> JSONValue {
        guard depth <= JSONValue.depthLimit else { throw error("nested deeper than \(JSONValue.depthLimit) levels") }
        i += 1
        var numbers: [Double] = []
        var values: [JSONValue]?
        skipSpace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "]") { i += 1; return .array([]) }
        while true {
            let element = try value(depth: depth)
            if values == nil, case .number(let x) = element {
                numbers.append(x)
            } else {
                if values == nil { values = numbers.map(JSONValue.number) }
                values!.append(element)
            }
            skipSpace()
            guard i < bytes.count else { throw error("the JSON ends inside an array") }
            if bytes[i] == UInt8(ascii: "]") {
                i += 1
                return values.map(JSONValue.array) ?? .numbers(numbers)
            }
            guard bytes[i] == UInt8(ascii: ",") else { throw error("expected , or ] in an array") }
            i += 1
        }
    }

    private mutating func literal(_ word: StaticString) throws(JSONValue.SyntaxError) {
        let count = word.utf8CodeUnitCount
        guard i + count <= bytes.count, (0..<count).allSatisfy({ bytes[i + $0] == word.utf8Start[$0] }) else {
            throw error("expected a JSON value")
        }
        i += count
    }

    /// A number as JSON writes it; its value as `Double(String)` reads it, which must be finite.
    private mutating func number() throws(JSONValue.SyntaxError) -> Double {
        let start = i
        func digits() -> Int {
            let from = i
            while i < bytes.count, bytes[i] &- 48 < 10 { i += 1 }
            return i - from
        }
        if bytes[i] == UInt8(ascii: "-") { i += 1 }
        let whole = digits()
        guard whole > 0 else { throw error("expected digits in a number") }
        if whole > 1, bytes[i - whole] == UInt8(ascii: "0") {
            i = start
            throw error("a number may not start with 0")
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            guard digits() > 0 else { throw error("expected digits after the decimal point") }
        }
        if i < bytes.count, bytes[i] | 0x20 == UInt8(ascii: "e") {
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            guard digits() > 0 else { throw error("expected digits in the exponent") }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
        guard let x = Double(text), x.isFinite else {
            i = start
            var outOfRange = error("the number \(MessageText.excerpt(text)) is out of range (at most ±1.8e308)")
            outOfRange.outOfRange = true
            throw outOfRange
        }
        return x
    }

    /// A string, its escapes decoded; its bytes must be UTF-8.
    private mutating func string() throws(JSONValue.SyntaxError) -> String {
        i += 1
        var out: [UInt8] = []
        while true {
            guard i < bytes.count else { throw error("the JSON ends inside a string") }
            let b = bytes[i]
            if b == UInt8(ascii: "\"") { break }
            if b < 0x20 { throw error("a control character inside a string") }
            if b != UInt8(ascii: "\\") {
                out.append(b)
                i += 1
                continue
            }
            i += 1
            guard i < bytes.count else { throw error("the JSON ends inside a string") }
            let e = bytes[i]
            i += 1
            switch e {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
            case UInt8(ascii: "b"): out.append(8)
            case UInt8(ascii: "f"): out.append(12)
            case UInt8(ascii: "n"): out.append(10)
            case UInt8(ascii: "r"): out.append(13)
            case UInt8(ascii: "t"): out.append(9)
            case UInt8(ascii: "u"):
                var scalar = try hex4()
                if (0xD800..<0xDC00).contains(scalar) {
                    guard i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") else {
                        throw error("a lone surrogate in a \\u escape")
                    }
                    i += 2
                    let low = try hex4()
                    guard (0xDC00..<0xE000).contains(low) else { throw error("a lone surrogate in a \\u escape") }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                }
                guard let u = Unicode.Scalar(scalar) else { throw error("a lone surrogate in a \\u escape") }
                out.append(contentsOf: Array(String(Character(u)).utf8))
            default:
                throw error("an unknown escape in a string")
            }
        }
        guard let text = String(validating: out, as: UTF8.self) else { throw error("a string that is not UTF-8") }
        i += 1
        return text
    }

    private mutating func hex4() throws(JSONValue.SyntaxError) -> UInt32 {
        guard i + 4 <= bytes.count else { throw error("the JSON ends inside a \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[i] | 0x20
            let digit: UInt8
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = b - 48
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = b - 87
            default: throw error("expected four hex digits after \\u")
            }
            value = value << 4 | UInt32(digit)
            i += 1
        }
        return value
    }
}
