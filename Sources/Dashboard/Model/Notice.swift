/// A line for the user in the status bar: news (a file saved, new data) or a problem (in red).
public struct Notice: Sendable, Equatable {
    public var text: String
    public var isProblem: Bool

    public static func news(_ text: String) -> Notice { Notice(text: text, isProblem: false) }
    public static func problem(_ text: String) -> Notice { Notice(text: text, isProblem: true) }

    /// How long the host leaves it up when no key clears it: news 5 s, a problem 10 s.
    public var lifetime: Duration { isProblem ? .seconds(10) : .seconds(5) }
}
