import Foundation

/// A JSON value to write: every number finite (or null), keys written sorted.
indirect enum JSONField: Encodable {
    case number(Double)
    case integer(Int)
    /// A seed: every UInt64 written exactly.
    case unsigned(UInt64)
    case string(String)
    case bool(Bool)
    case array([JSONField])
    case object([String: JSONField])
    case null

    func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .number(let x): try c.encode(x)
        case .integer(let n): try c.encode(n)
        case .unsigned(let n): try c.encode(n)
        case .string(let s): try c.encode(s)
        case .bool(let b): try c.encode(b)
        case .array(let a): try c.encode(a)
        case .object(let o): try c.encode(o)
        case .null: try c.encodeNil()
        }
    }

    /// The value as one line of JSON.
    var text: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Every number is finite or null by construction, which JSONEncoder always writes.
        let data = (try? encoder.encode(self)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
