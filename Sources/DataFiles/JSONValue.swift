import NeuralCore
/// JSON text as values, read in one pass over its bytes, for model files. An array of numbers alone (a row of
/// weights) is kept as one `[Double]`, eight bytes a number, so reading a model costs about what the model holds
/// (a general JSON tree, or JSONDecoder's map of every token, costs several times the file). Nesting is limited
/// to `depthLimit`, so no input exhausts the stack; a number no `Double` holds (1e400) is an error at its place.
enum JSONValue: Equatable {
    case object([(key: String, value: JSONValue)])
    case array([JSONValue])
    case numbers([Double])
    case number(Double)
    case string(String)
    case bool(Bool)
    case null

    static let depthLimit = 64

    /// Why the text is not JSON, and where (1-based line and column, in bytes). `outOfRange` marks JSON that is
    /// well formed but holds a number no `Double` can.
    struct SyntaxError: Error, Equatable {
        var line: Int
        var column: Int
        var reason: String
        var outOfRange = false
    }

    static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.object(let x), .object(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        case (.array(let x), .array(let y)): return x == y
        case (.numbers(let x), .numbers(let y)): return x == y
        case (.number(let x), .number(let y)): return x == y
        case (.string(let x), .string(let y)): return x == y
        case (.bool(let x), .bool(let y)): return x == y
        case (.null, .null): return true
        default: return false
        }
    }

    /// The value the whole of `bytes` holds (white space around it allowed, nothing else).
    static func parse(_ bytes: [UInt8]) throws(SyntaxError) -> JSONValue {
        try bytes.withUnsafeBufferPointer { buffer throws(SyntaxError) in
            var reader = JSONReader(buffer)
            let value = try reader.value(depth: 0)
            reader.skipSpace()
            guard reader.atEnd else { throw reader.error("more after the end of the JSON value") }
            return value
        }
    }

    /// The member `key` of an object (the last one, if repeated); nil for anything else.
    subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.last { $0.key == key }?.value
    }
}
