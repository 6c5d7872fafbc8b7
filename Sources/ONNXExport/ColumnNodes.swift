extension GraphBuilder {
    /// A [N, F] float64 tensor whose NaN cells take `fills` column by column (a column without one keeps NaN):
    /// `Where(IsNaN(x), fill, x)`, the fills a constant of shape [F] broadcast over the rows.
    mutating func fillMissing(_ fills: [Double?], _ x: String, name: String) -> String {
        guard fills.contains(where: { $0 != nil }) else { return x }
        let values = constant("\(name)_fill", fills.map { $0 ?? .nan }, dims: [fills.count])
        let missing = node("IsNaN", [x], name: "\(name)_missing")
        return node("Where", [missing, values, x], name: "\(name)_filled")
    }

    /// The network's inputs from one graph input a column (`inputs`, in the columns' order), side by side: a
    /// number column as it is (its missing cells filled), a category column one-hot.
    mutating func encode(_ columns: ColumnInputs, inputs: [String]) -> String {
        var parts: [String] = []
        for (column, input) in zip(columns.columns, inputs) {
            switch column.kind {
            case .number(let fill): parts.append(fillMissing([fill], input, name: input))
            case .category(let categories, let fill):
                parts.append(
                    oneHot(categories, fill: fill, unknownAsZeros: columns.unknownAsZeros, input, name: input))
            }
        }
        return node("Concat", parts, name: "columns", attributes: [Attribute.int("axis", 1)])
    }

    /// A text column [N, 1] as [N, C] float64, 1 under the cell's category and 0 under the others, with
    /// ai.onnx.ml's `OneHotEncoder` (whose output, [N, 1, C] float, is flattened and cast). When the cells need
    /// it (`CategorySpellings`: a fill, or a category that can be spelt in other bytes), a `LabelEncoder` first
    /// turns every spelling of a missing cell into the fill and every spelling of a category into the encoder's
    /// text for it, and any other text into one that is no category, so that the encoder still gives zeros or
    /// fails for it.
    mutating func oneHot(
        _ categories: [String], fill: String?, unknownAsZeros: Bool, _ x: String, name: String
    ) -> String {
        let spellings = CategorySpellings(categories, fill: fill)
        var text = x
        if !spellings.keys.isEmpty {
            text = node(
                "LabelEncoder", [x], name: "\(name)_\(fill == nil ? "spelt" : "filled")", domain: Self.mlDomain,
                attributes: [
                    Attribute.strings("keys_strings", spellings.keys),
                    Attribute.strings("values_strings", spellings.values),
                    Attribute.string("default_string", spellings.other)
                ])
        }
        let encoded = node(
            "OneHotEncoder", [text], name: "\(name)_one_hot", domain: Self.mlDomain,
            attributes: [
                Attribute.strings("cats_strings", spellings.encoded), Attribute.int("zeros", unknownAsZeros ? 1 : 0)
            ])
        let flat = node("Flatten", [encoded], name: "\(name)_one_hot_flat", attributes: [Attribute.int("axis", 1)])
        let oneHot = node(
            "Cast", [flat], name: "\(name)_one_hot_double", attributes: [Attribute.int("to", Self.double)])
        guard unknownAsZeros, fill == nil else { return oneHot }
        // A missing cell with no fill would read as all zeros, as an unknown category does; predict refuses its
        // row, as it does a missing number's, which the graph carries through as NaN: so does this one.
        let missing = ColumnInputs.missingSpellings.filter { !categories.contains($0) }
        let mark = node(
            "LabelEncoder", [x], name: "\(name)_missing", domain: Self.mlDomain,
            attributes: [
                Attribute.strings("keys_strings", missing),
                Attribute.floats("values_floats", missing.map { _ in .nan }), Attribute.float("default_float", 0)
            ])
        let markDouble = node(
            "Cast", [mark], name: "\(name)_missing_double", attributes: [Attribute.int("to", Self.double)])
        return node("Add", [oneHot, markDouble], name: "\(name)_one_hot_or_nan")
    }
}
