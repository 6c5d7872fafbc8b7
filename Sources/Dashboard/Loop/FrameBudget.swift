import NeuralCore

/// The forward passes one frame may run, so that a frame costs what is on screen, not what the network holds:
/// each part of the screen that runs the network has a share of work, in multiply-adds (`Network.forwardWork`),
/// and does as many passes as its share allows (about 10 ms of a core in all, in a release build). A network
/// small enough, as every network of the tutorial and the lab is, never meets the limit; a very large one gets
/// a coarser map, fewer judged points and predictions, and the probe's figures alone. The map's field is
/// sampled while drawing; the other shares pay for readings `DashboardState` makes when the snapshot, the data
/// or what is on screen changes, which `render` then only reads.
enum FrameBudget {
    /// The decision map's probability field.
    static let map = 8e6
    /// Judging the map's points right or wrong (once per snapshot or data).
    static let points = 2e6
    /// The dataset pane's live predictions.
    static let dataset = 4e6
    /// Judging the dataset's rows right or wrong, to show only the wrong ones (once per snapshot, while shown).
    static let wrongRows = 4e6
    /// The probe's per-feature contributions.
    static let probe = 2e6
    /// The Network pane's unit maps (one pass a sample gives every unit's value) and its heat strips' point.
    static let network = 2e6
    /// The saturation hint's rows.
    static let saturation = 2e6

    /// Forward passes of `network` that `share` pays for.
    static func passes(_ share: Double, of network: Network) -> Int {
        Int(saturating: share / max(network.forwardWork, 1))
    }
}
