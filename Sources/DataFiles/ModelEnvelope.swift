import NeuralCore
/// The two fields that say what a model file is, looked at before the rest: "format" and "version". Each wrong
/// one is named as what it is (a version written as a string is not "not a JSON object").
enum Envelope {
    static func check(_ json: JSONValue, path: String) throws(DataError) {
        guard case .object = json else {
            throw DataError(file: path, "is not an nntop model: the file is JSON, but not a JSON object")
        }
        guard case .string(ModelFile.formatName) = json["format"] else {
            let found = json["format"].map { ", found \(shown($0))" } ?? " (it is missing)"
            throw DataError(
                file: path, "is not an nntop model: \"format\" should be \"\(ModelFile.formatName)\"\(found)")
        }
        switch json["version"] {
        case .number(let v) where ModelFile.readableVersions.contains(where: { Double($0) == v }):
            return
        case .number(let v):
            throw DataError(
                file: path,
                "is a version \(shown(.number(v))) model; this nntop reads versions \(ModelFile.readableVersions.lowerBound) to \(ModelFile.readableVersions.upperBound)"
            )
        case .string(let s) where Int(s) != nil:
            throw DataError(
                file: path,
                "is a corrupt nntop model: \"version\" should be a number from \(ModelFile.readableVersions.lowerBound) to \(ModelFile.readableVersions.upperBound), found the string \(MessageText.quoted(s))"
            )
        case .some(let other):
            throw DataError(
                file: path,
                "is a corrupt nntop model: \"version\" should be a number from \(ModelFile.readableVersions.lowerBound) to \(ModelFile.readableVersions.upperBound), found \(shown(other))"
            )
        case nil:
            throw DataError(
                file: path,
                "is a corrupt nntop model: \"version\" is missing (this nntop reads versions \(ModelFile.readableVersions.lowerBound) to \(ModelFile.readableVersions.upperBound))"
            )
        }
    }

    /// A value as a message shows it.
    private static func shown(_ value: JSONValue) -> String {
        switch value {
        case .number(let x): return x.rounded() == x && abs(x) < 1e15 ? String(Int(x)) : String(x)
        case .string(let s): return MessageText.quoted(s)
        case .bool(let b): return String(b)
        case .null: return "null"
        case .array, .numbers: return "an array"
        case .object: return "an object"
        }
    }
}
