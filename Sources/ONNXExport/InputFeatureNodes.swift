import NeuralCore

extension GraphBuilder {
    /// The derived inputs of `map` from the two raw columns of `input` ([N, 2]), side by side in the map's order:
    /// each column taken out by `Gather` (kept two-dimensional, [N, 1]), squares and the product by `Mul`, sines
    /// by `Sin`, then one `Concat`. The identity map (x1, x2 as they are) adds nothing.
    mutating func inputFeatures(_ map: FeatureMap, from input: String) -> String {
        if map.isIdentity { return input }
        var columns: [String: String] = [:]
        func column(_ k: Int) -> String {
            let key = "x\(k + 1)"
            if let made = columns[key] { return made }
            let made = node(
                "Gather", [input, indices("column\(k + 1)", [k])], name: key,
                attributes: [
                    Attribute.int("axis", 1)
                ])
            columns[key] = made
            return made
        }
        var parts: [String] = []
        for feature in map.features {
            switch feature {
            case .x1: parts.append(column(0))
            case .x2: parts.append(column(1))
            case .x1Squared: parts.append(node("Mul", [column(0), column(0)], name: "x1_squared"))
            case .x2Squared: parts.append(node("Mul", [column(1), column(1)], name: "x2_squared"))
            case .x1TimesX2: parts.append(node("Mul", [column(0), column(1)], name: "x1_times_x2"))
            case .sinX1: parts.append(node("Sin", [column(0)], name: "sin_x1"))
            case .sinX2: parts.append(node("Sin", [column(1)], name: "sin_x2"))
            }
        }
        return node("Concat", parts, name: "features", attributes: [Attribute.int("axis", 1)])
    }
}
