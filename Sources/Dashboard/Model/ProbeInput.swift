extension DashboardState {
    /// The probe's inputs, or the first field that is not a number.
    static func parse(_ texts: [String]) -> Result<[Double], ProbeInputError> {
        var values: [Double] = []
        values.reserveCapacity(texts.count)
        for (k, text) in texts.enumerated() {
            var trimmed = Substring(text)
            while trimmed.first == " " { trimmed = trimmed.dropFirst() }
            while trimmed.last == " " { trimmed = trimmed.dropLast() }
            guard let x = Double(trimmed), x.isFinite else { return .failure(ProbeInputError(field: k, text: text)) }
            values.append(x)
        }
        return .success(values)
    }
}

/// A probe field that does not read as a finite number: which one, and what it holds.
public struct ProbeInputError: Error, Equatable, Sendable {
    public let field: Int
    public let text: String
}
