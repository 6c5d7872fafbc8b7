import NeuralCore

/// What to do with a missing cell (`--missing`): drop its row, or fill it — with the column's mean (a number
/// column) or its most frequent value (a category column), or with every column's most frequent value.
public enum MissingPolicy: String, Sendable, Equatable, CaseIterable, Codable {
    case drop, mean, mode
}

/// What to do with a category the training data did not have (`--unknown`).
public enum UnknownPolicy: String, Sendable, Equatable, CaseIterable {
    /// An error naming it.
    case error
    /// All zeros in that column's one-hot features.
    case zero
}

/// How the columns of a CSV file become a network's inputs, kept in the model file so that new data is encoded
/// the same way: the columns by name (others in the file are left alone), each a number or a set of categories
/// (one input per category, 1 for the row's and 0 for the rest), the value a missing cell is filled with, and the
/// target's labels when they are texts.
public struct ColumnSchema: Sendable, Equatable {
    public struct Column: Sendable, Equatable {
        public var name: String
        /// The categories, in input order; nil for a number column.
        public var categories: [String]?
        /// The value a missing cell takes (a number column's).
        public var fillNumber: Double?
        /// The category a missing cell takes (a category column's).
        public var fillCategory: String?

        public init(name: String, categories: [String]? = nil, fillNumber: Double? = nil, fillCategory: String? = nil) {
            self.name = name
            self.categories = categories
            self.fillNumber = fillNumber
            self.fillCategory = fillCategory
        }

        public var isCategory: Bool { categories != nil }
        /// The inputs it makes: one per category, or one.
        public var width: Int { categories?.count ?? 1 }
        /// The inputs' names: "sex=male", or the column's name.
        public var featureNames: [String] { categories.map { $0.map { "\(name)=\($0)" } } ?? [name] }
        public var hasFill: Bool { fillNumber != nil || fillCategory != nil }
    }

    public var columns: [Column]
    /// The target column's name, when it had one.
    public var target: String?
    /// The target's labels when they were texts: class k is labels[k].
    public var targetLabels: [String]?
    public var missing: MissingPolicy?

    public init(columns: [Column], target: String?, targetLabels: [String]?, missing: MissingPolicy?) {
        self.columns = columns
        self.target = target
        self.targetLabels = targetLabels
        self.missing = missing
    }

    public var featureNames: [String] { columns.flatMap(\.featureNames) }
    public var width: Int { columns.reduce(0) { $0 + $1.width } }
    public var hasCategories: Bool { columns.contains(where: \.isCategory) }
    public var categoryColumns: [String] { columns.filter(\.isCategory).map(\.name) }
}

extension ColumnSchema: Codable {
    enum CodingKeys: String, CodingKey {
        case columns, target
        case targetLabels = "target_labels"
        case missing
    }
}

extension ColumnSchema.Column: Codable {
    enum CodingKeys: String, CodingKey {
        case name, categories, fill
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        categories = try c.decodeIfPresent([String].self, forKey: .categories)
        if categories != nil {
            fillCategory = try c.decodeIfPresent(String.self, forKey: .fill)
        } else {
            fillNumber = try c.decodeIfPresent(Double.self, forKey: .fill)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encodeIfPresent(categories, forKey: .categories)
        if let fillCategory { try c.encode(fillCategory, forKey: .fill) }
        if let fillNumber { try c.encode(fillNumber, forKey: .fill) }
    }
}
