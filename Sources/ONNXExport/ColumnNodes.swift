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
    /// ai.onnx.ml's `OneHotEncoder` (whose output, [N, 1, C] float, is flattened and cast). With a fill, a
    /// `LabelEncoder` first turns every spelling of a missing cell into it, and any text that is not a category
    /// into one that cannot be, so that the encoder still gives zeros or fails for it.
    mutating func oneHot(
        _ categories: [String], fill: String?, unknownAsZeros: Bool, _ x: String, name: String
    ) -> String {
        var text = x
        if let fill {
            let missing = ColumnInputs.missingSpellings.filter { !categories.contains($0) }
            text = node(
                "LabelEncoder", [x], name: "\(name)_filled", domain: Self.mlDomain,
                attributes: [
                    Attribute.strings("keys_strings", categories + missing),
                    Attribute.strings("values_strings", categories + missing.map { _ in fill }),
                    Attribute.string("default_string", Self.notACategory(categories))
                ])
        }
        let encoded = node(
            "OneHotEncoder", [text], name: "\(name)_one_hot", domain: Self.mlDomain,
            attributes: [
                Attribute.strings("cats_strings", categories), Attribute.int("zeros", unknownAsZeros ? 1 : 0)
            ])
        let flat = node("Flatten", [encoded], name: "\(name)_one_hot_flat", attributes: [Attribute.int("axis", 1)])
        return node("Cast", [flat], name: "\(name)_one_hot_double", attributes: [Attribute.int("to", Self.double)])
    }

    /// A text none of `categories` is, for the texts that are not categories.
    static func notACategory(_ categories: [String]) -> String {
        var text = "\u{0}unknown"
        while categories.contains(text) { text += "\u{0}" }
        return text
    }
}
