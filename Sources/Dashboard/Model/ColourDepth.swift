extension DashboardState {
    /// What the terminal can show: no colour, the eight standard colours, or the 256-colour palette.
    public enum ColourDepth: Sendable, Equatable {
        case monochrome, eight, palette
    }
}
