import TerminalUI
import Training

/// What the dashboard reacts to.
public enum DashboardEvent: Sendable {
    case key(Key)
    case resize(Size)
    case snapshot(Snapshot)
}
