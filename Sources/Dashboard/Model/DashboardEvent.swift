import NeuralCore
import TerminalUI
import Training

/// What the dashboard reacts to.
public enum DashboardEvent: Sendable {
    case key(Key)
    case resize(Size)
    case snapshot(Snapshot)
    /// A line for the user from the host (where a file was saved, or why it was not).
    case notice(Notice)
    /// The notice has been up for its `lifetime`: the figures come back.
    case noticeExpired
    /// The host drew new data (raw rows, and the standardization the network's inputs get).
    case data(
        training: Dataset, test: Dataset?, standardization: Standardization?, noise: Double,
        featureMap: FeatureMap? = nil)
}
