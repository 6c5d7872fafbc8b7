extension DashboardState {
    /// Where typed keys go.
    public enum Focus: Sendable, Equatable {
        case none
        /// Editing the probe's field for feature `index`.
        case probe(Int)
        /// Typing an exact learning rate.
        case learningRate
        /// Moving the decision map's cursor, which the probe follows.
        case map
        /// Choosing a unit of the Network pane, and one of its parameters.
        case network
        /// Typing a value for the selected unit's chosen parameter.
        case parameter
        /// Moving the weights pane's selected parameter (`weightsCursor`).
        case weights
    }
}
