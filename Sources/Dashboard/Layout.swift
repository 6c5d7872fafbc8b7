import TerminalUI

/// Where each pane goes for a screen size: dataset and probe on the left, weights and the error chart on the
/// right, the status bar along the bottom.
struct Layout: Equatable {
    /// Below this the dashboard shows "terminal too small" instead of panes.
    static let minimum = Size(width: 60, height: 18)

    var dataset: Rect
    var probe: Rect
    var weights: Rect
    var error: Rect
    var status: Rect

    init(size: Size, rows: Int, features: Int, parameterRows: Int) {
        let screen = Rect(size)
        let (body, status) = screen.splitTop(size.height - 1)
        self.status = status
        let leftWidth = min(max(size.width * 2 / 5, 30), 56)
        let (left, right) = body.splitLeft(leftWidth)
        // Probe: one row per field plus z, σ(z) and class lines, within half the column.
        let probeHeight = min(features + 5, max(left.height / 2, 7))
        let (datasetArea, probeArea) = left.splitTop(left.height - probeHeight)
        dataset = datasetArea
        probe = probeArea
        // Weights: what the parameters need, but never more than ~45% of the column; the error chart gets the rest.
        let weightsHeight = min(parameterRows + 2, max(right.height * 9 / 20, 5))
        let (weightsArea, errorArea) = right.splitTop(weightsHeight)
        weights = weightsArea
        error = errorArea
        _ = rows
    }
}
