/// A header's names made distinct as pandas' `read_csv` makes them (`mangle_dupe_names`): a name met again, byte
/// for byte, is read as "a.1", the next as "a.2", and so on, skipping any name the header has or has been given
/// ("a", "a", "a.1" read as "a", "a.2", "a.1"). So `--columns a.1` picks the second, and a model trained on such
/// a file finds its columns in it again. Names that are not the same bytes stay as they are: a case apart they are
/// two names, each found by its own text; names that decode to the same text (bytes that are not UTF-8) or that
/// Swift holds equal (é composed and decomposed) cannot be told apart, and `TableEncoder.apply` refuses two of a
/// model's columns found as one. An empty name has no name to repeat and is left empty (pandas calls it
/// "Unnamed: k", which no other name is).
enum HeaderNames {
    /// A name read under another than the header's.
    struct Renaming: Sendable, Equatable {
        /// The column's 0-based index.
        let column: Int
        /// The name in the header.
        let name: String
        /// The name it is read as.
        let readAs: String
    }

    /// `names` made distinct, with `bytes[k]` the bytes name k was decoded from; and the names changed.
    static func distinct(_ names: [String], bytes: [[UInt8]]) -> (names: [String], renamed: [Renaming]) {
        var out = names
        var renamed: [Renaming] = []
        // How many columns go by each name now (the header's, as renamed so far): a new name skips those.
        var present: [[UInt8]: Int] = [:]
        for key in bytes { present[key, default: 0] += 1 }
        // As pandas counts: the next suffix to try for each name given out so far.
        var counts: [[UInt8]: Int] = [:]
        for k in names.indices where !bytes[k].isEmpty {
            let old = bytes[k]
            var key = old, suffix = 0
            var seen = counts[old, default: 0]
            while seen > 0 {
                counts[old] = seen + 1
                suffix = seen
                key = old + Array(".\(seen)".utf8)
                seen = present[key, default: 0] > 0 ? seen + 1 : counts[key, default: 0]
            }
            counts[key] = 1
            guard key != old else { continue }
            present[old, default: 0] -= 1
            present[key, default: 0] += 1
            out[k] = names[k] + ".\(suffix)"
            renamed.append(Renaming(column: k, name: names[k], readAs: out[k]))
        }
        return (out, renamed)
    }

    /// The note for `renamed` (nil when empty), one line: which columns are read under which names.
    static func note(_ renamed: [Renaming]) -> String? {
        guard let first = renamed.first else { return nil }
        // A long name is cut in the middle, never its suffix: the part to type.
        func readAs(_ r: Renaming) -> String {
            let suffix = String(
                String.UnicodeScalarView(r.readAs.unicodeScalars.dropFirst(r.name.unicodeScalars.count)))
            return "\"" + MessageText.excerpt(r.name, limit: 20) + suffix + "\""
        }
        if renamed.count == 1 {
            return
                "column \(first.column + 1) repeats the name \(MessageText.quoted(first.name, limit: 20)): read as \(readAs(first)), as pandas names it"
        }
        let shown = renamed.prefix(6).map { "\($0.column + 1) as \(readAs($0))" }.joined(separator: ", ")
        return "columns repeat names, read as pandas names them: \(shown)\(renamed.count > 6 ? ", …" : "")"
    }
}
