import Foundation

/// The two fields that say what a model file is, read before the rest: "format" and "version". Each wrong
/// one is named as what it is (a version written as a string is not "not a JSON object").
enum Envelope {
    private struct Fields: Decodable {
        var format: Field?
        var version: Field?
    }

    /// A field's value as found, whatever its JSON type.
    private enum Field: Decodable {
        case number(Double)
        case text(String)
        case other

        init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let x = try? c.decode(Double.self) { self = .number(x) } else if let s = try? c.decode(String.self) { self = .text(s) } else { self = .other }
        }

        var shown: String {
            switch self {
            case .number(let x): return x.rounded() == x && abs(x) < 1e15 ? String(Int(x)) : String(x)
            case .text(let s): return MessageText.quoted(s)
            case .other: return "an array, an object, true, false or null"
            }
        }
    }

    static func check(_ data: Data, path: String) throws(DataError) {
        let fields: Fields
        do {
            fields = try JSONDecoder().decode(Fields.self, from: data)
        } catch DecodingError.typeMismatch(_, let context) where context.codingPath.isEmpty {
            throw DataError(file: path, "is not an nntop model: the file is JSON, but not a JSON object")
        } catch {
            throw DataError(file: path, "is not an nntop model: not a JSON object")
        }
        guard case .text(ModelFile.formatName) = fields.format else {
            let found = fields.format.map { ", found \($0.shown)" } ?? " (it is missing)"
            throw DataError(file: path, "is not an nntop model: \"format\" should be \"\(ModelFile.formatName)\"\(found)")
        }
        switch fields.version {
        case .number(let v) where v == Double(ModelFile.currentVersion):
            return
        case .number(let v):
            throw DataError(file: path, "is a version \(Field.number(v).shown) model; this nntop reads version \(ModelFile.currentVersion)")
        case .text(let s) where Int(s) != nil:
            throw DataError(file: path, "is a corrupt nntop model: \"version\" should be the number \(ModelFile.currentVersion), found the string \(MessageText.quoted(s))")
        case .some(let other):
            throw DataError(file: path, "is a corrupt nntop model: \"version\" should be the number \(ModelFile.currentVersion), found \(other.shown)")
        case nil:
            throw DataError(file: path, "is a corrupt nntop model: \"version\" is missing (this nntop reads version \(ModelFile.currentVersion))")
        }
    }
}
