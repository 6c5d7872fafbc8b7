import Foundation

/// The columns of a table a model reads by name, as the graph takes them when some are categories: one input a
/// column, [N, 1] each, float64 for a number column and text for a category column, in the model's column order.
/// A category column is one-hot encoded in the graph, so the graph takes the cells as the CSV holds them.
public struct ColumnInputs: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// A number; NaN is a missing cell, filled with `fill` when the model has one.
        case number(fill: Double?)
        /// One of `categories`, one input each in this order; a missing cell (empty, NA, NaN, ?, null in any
        /// case) takes `fill` when the model has one.
        case category([String], fill: String?)
    }

    public struct Column: Sendable, Equatable {
        public var name: String
        public var kind: Kind

        public init(name: String, kind: Kind) {
            self.name = name
            self.kind = kind
        }

        /// The network inputs it makes.
        public var width: Int {
            if case .category(let categories, _) = kind { return categories.count }
            return 1
        }

        /// A number column's fill value.
        public var numberFill: Double? {
            if case .number(let fill) = kind { return fill }
            return nil
        }

        /// Whether a missing cell has a value to take.
        public var hasFill: Bool {
            switch kind {
            case .number(let fill): return fill != nil
            case .category(_, let fill): return fill != nil
            }
        }

        public var isCategory: Bool {
            if case .category = kind { return true }
            return false
        }
    }

    public var columns: [Column]
    /// What a category the training data did not have gives: all zeros (true), or an error from the runtime.
    public var unknownAsZeros: Bool

    public init(columns: [Column], unknownAsZeros: Bool) {
        self.columns = columns
        self.unknownAsZeros = unknownAsZeros
    }

    /// The network inputs the columns make together.
    public var width: Int { columns.reduce(0) { $0 + $1.width } }

    /// The cells read as missing, as `nntop predict` reads them: empty, or one of these words in any mix of
    /// upper and lower case.
    public static let missingWords = ["na", "n/a", "nan", "null", "?"]

    /// Every spelling of the missing cells: the empty cell and each word in every mix of cases.
    public static var missingSpellings: [String] {
        var out = [""]
        for word in missingWords {
            var spellings = [""]
            for character in word {
                let cases = Set([character.lowercased(), character.uppercased()]).sorted()
                spellings = spellings.flatMap { prefix in cases.map { prefix + $0 } }
            }
            out += spellings
        }
        return out
    }
}

/// How the cells of a category column reach the one-hot encoder so that the graph reads them as `nntop predict`
/// does. Predict compares texts as Swift's strings compare, by canonical equivalence: "é" written as one scalar or
/// as e and a combining accent is one text, and of categories that are equal so (a training file with both
/// spellings, or bytes that are not UTF-8 read alike) a cell takes the last, a fill the first. The encoder and
/// ai.onnx.ml's `LabelEncoder` compare bytes, so the graph spells each category out.
public struct CategorySpellings: Sendable, Equatable {
    /// The one-hot encoder's texts, one a category in their order: the category, or, for one a later equal
    /// category shadows, a text no cell is (its input stays 0 but for a fill).
    public var encoded: [String]
    /// What a `LabelEncoder` before the encoder maps: every spelling of a category (itself, composed and
    /// decomposed, and those of the categories equal to it) to its encoded text, and with a fill every spelling of
    /// a missing cell to the fill's. Empty when the cells can go to the encoder as they are.
    public var keys: [String]
    public var values: [String]
    /// What any other text becomes: one that is none of the encoded texts, so that the encoder still gives zeros
    /// or fails for it.
    public var other: String

    public init(_ categories: [String], fill: String?) {
        var encoded = categories
        // Predict's index of a text: the last of the categories equal to it.
        var last: [String: Int] = [:]
        for (k, category) in categories.enumerated() { last[category] = k }
        var taken = Set(categories)
        for k in categories.indices where last[categories[k]] != k {
            var placeholder = "\u{0}shadowed \(k)"
            while taken.contains(placeholder) { placeholder += "\u{0}" }
            taken.insert(placeholder)
            encoded[k] = placeholder
        }
        var keys: [String] = [], values: [String] = []
        var seen: Set<[UInt8]> = []
        func map(_ key: String, to value: String) {
            guard seen.insert(Array(key.utf8)).inserted else { return }
            keys.append(key)
            values.append(value)
        }
        for category in categories {
            let target = encoded[last[category]!]
            for spelling in [
                category, category.precomposedStringWithCanonicalMapping,
                category.decomposedStringWithCanonicalMapping
            ] {
                map(spelling, to: target)
            }
        }
        let identity = zip(keys, values).allSatisfy { $0.utf8.elementsEqual($1.utf8) }
        var other = "\u{0}unknown"
        while taken.contains(other) { other += "\u{0}" }
        if let fill {
            let filled = categories.firstIndex(of: fill).map { encoded[$0] } ?? other
            for spelling in ColumnInputs.missingSpellings where last[spelling] == nil { map(spelling, to: filled) }
        } else if identity {
            keys = []
            values = []
        }
        self.encoded = encoded
        self.keys = keys
        self.values = values
        self.other = other
    }
}
