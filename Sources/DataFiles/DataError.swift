import NeuralCore
/// Why input data or a model file could not be used, with where: `file:line:column: reason`.
/// Printed as one line; the command exits with status 2.
public struct DataError: Error, Equatable, Sendable, CustomStringConvertible {
    public let file: String
    public let line: Int?
    public let column: Int?
    public let reason: String

    public init(file: String, line: Int? = nil, column: Int? = nil, _ reason: String) {
        self.file = file
        self.line = line
        self.column = column
        self.reason = reason
    }

    /// One line: the path with any control characters escaped (a file name may hold them too), then the reason.
    public var description: String {
        var place = file.isEmpty ? "(empty path)" : MessageText.escaped(file)
        if let line { place += ":\(line)" }
        if let column { place += ":\(column)" }
        return "\(place): \(reason)"
    }

    /// The same error, its line number `lines` further on: for an error found in a run of lines read apart from
    /// the lines before it.
    func movedDown(by lines: Int) -> DataError {
        DataError(file: file, line: line.map { $0 + lines }, column: column, reason)
    }
}
