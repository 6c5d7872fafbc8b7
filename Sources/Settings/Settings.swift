import Dashboard
import Training

/// What the config file sets: the dashboard's theme, palette, colours, characters, layout and starting speed.
/// Command-line options override it; each has the default `nntop --print-config` prints.
public struct Settings: Sendable, Equatable {
    /// How many colours to draw with: as many as the terminal has, or at most 256, 8 or none.
    public enum Colours: String, Sendable, CaseIterable {
        case auto
        case palette = "256"
        case eight = "8"
        case none

        /// The depth to draw with on a terminal that has `terminal`.
        public func depth(on terminal: DashboardState.ColourDepth) -> DashboardState.ColourDepth {
            let order: [DashboardState.ColourDepth] = [.monochrome, .eight, .palette]
            let cap: DashboardState.ColourDepth
            switch self {
            case .auto, .palette: cap = .palette
            case .eight: cap = .eight
            case .none: cap = .monochrome
            }
            return order[min(order.firstIndex(of: terminal)!, order.firstIndex(of: cap)!)]
        }
    }

    /// Whether the decision map is drawn: when the screen is large enough (100×30), or never.
    public enum Map: String, Sendable, CaseIterable {
        case auto, off
    }

    public var theme = Theme.Name.dark
    public var palette = Theme.Palette.standard
    public var colours = Colours.auto
    public var ascii = false
    public var map = Map.auto
    /// Iterations per second when the dashboard opens.
    public var speed = Speed.perSecond(300)

    public init() {}
}
