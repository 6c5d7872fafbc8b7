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
