import TerminalUI

/// Where each pane goes for a screen size: dataset and probe on the left, weights and the error chart on the
/// right, the status bar along the bottom. On a large screen the decision map sits in the left column between
/// the dataset and the probe.
struct Layout: Equatable {
    /// Below this the dashboard shows "terminal too small" instead of panes.
    static let minimum = Size(width: 60, height: 18)
    /// The decision map needs at least this much screen.
    static let mapMinimum = Size(width: 100, height: 30)

    var dataset: Rect
    var probe: Rect
    var weights: Rect
    var error: Rect
    var status: Rect
    var map: Rect?

    /// `map`: draw the decision map when the screen covers `mapMinimum`.
    init(size: Size, rows: Int, features: Int, parameterRows: Int, map showsMap: Bool = true) {
        let screen = Rect(size)
        let (body, status) = screen.splitTop(size.height - 1)
        self.status = status
        let leftWidth = min(max(size.width * 2 / 5, 30), 56)
        let (left, right) = body.splitLeft(leftWidth)
        // Probe: one row per field plus z, σ(z) and class lines, within half the column.
        let probeHeight = min(features + 5, max(left.height / 2, 7))
        let (upper, probeArea) = left.splitTop(left.height - probeHeight)
        probe = probeArea
        if showsMap, size.covers(Layout.mapMinimum) {
            // A map about as tall (two samples per row) as it is wide; the dataset keeps room for its header,
            // up to eight rows and its frame.
            let datasetHeight = min(rows + 3, 11)
            let mapHeight = min(upper.height - datasetHeight, leftWidth / 2 + 3)
            let (datasetArea, rest) = upper.splitTop(upper.height - mapHeight)
            dataset = datasetArea
            map = rest
        } else {
            dataset = upper
            map = nil
        }
        // Weights: what the parameters need, but never more than ~45% of the column; the error chart gets the rest.
        let weightsHeight = min(parameterRows + 2, max(right.height * 9 / 20, 5))
        let (weightsArea, errorArea) = right.splitTop(weightsHeight)
        weights = weightsArea
        error = errorArea
    }
}
