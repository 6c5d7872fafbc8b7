/// The step explainer while open: the first of its lines on screen.
public struct ExplainerView: Sendable, Equatable {
    public var scroll = 0
    public init(scroll: Int = 0) { self.scroll = scroll }
}
