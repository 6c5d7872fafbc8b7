import TerminalUI

/// Where each pane goes for a screen size: dataset and probe on the left, weights and the error chart on the
/// right, the status bar along the bottom. On a large screen the decision map sits in the left column between
/// the dataset and the probe.
struct Layout: Equatable {
    /// Below this the dashboard shows "terminal too small" instead of panes.
    static let minimum = Size(width: 60, height: 18)
    /// The decision map needs at least this much screen.
    static let mapMinimum = Size(width: 100, height: 30)
    /// The Network pane is shown without asking from this size up, for a network with a hidden layer.
    static let networkDefault = Size(width: 120, height: 40)
    /// The Network pane's least height, and what the weights and the loss chart below it keep.
    static let networkRows = 10
    private static let rightKeeps = 12

    var dataset: Rect
    var probe: Rect
    var weights: Rect
    var error: Rect
    var status: Rect
    var map: Rect?
    /// The Network pane, at the top of the right column when shown.
    var network: Rect?

    /// Whether the Network pane fits a screen of `size` beside the other panes.
    static func networkFits(_ size: Size) -> Bool {
        guard size.covers(minimum) else { return false }
        return size.height - 1 >= networkRows + rightKeeps && size.width - leftWidth(size) >= 40
    }

    private static func leftWidth(_ size: Size) -> Int { min(max(size.width * 2 / 5, 30), 56) }

    /// `networkRows`: the rows the Network pane would like (its frame too), or nil when it is not shown. `map`:
    /// draw the decision map when the screen covers `mapMinimum`.
    init(
        size: Size, rows: Int, features: Int, parameterRows: Int, networkRows: Int? = nil, map showsMap: Bool = true
    ) {
        let screen = Rect(size)
        let (body, status) = screen.splitTop(size.height - 1)
        self.status = status
        let leftWidth = Layout.leftWidth(size)
        let (left, rightColumn) = body.splitLeft(leftWidth)
        var right = rightColumn
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
        if let wanted = networkRows, Layout.networkFits(size) {
            // What it would like within half the column, from its least height up, and the rest at least what the
            // panes below keep.
            let height = min(
                max(min(wanted, right.height / 2), Layout.networkRows), right.height - Layout.rightKeeps)
            let (top, rest) = right.splitTop(height)
            network = top
            right = rest
        }
        // Weights: what the parameters need, but never more than ~45% of the column; the error chart gets the rest.
        let weightsHeight = min(parameterRows + 2, max(right.height * 9 / 20, 5))
        let (weightsArea, errorArea) = right.splitTop(weightsHeight)
        weights = weightsArea
        error = errorArea
    }
}

extension DashboardState {
    /// Where the panes go on the current screen.
    var layout: Layout {
        let sizes = snapshot?.network.sizes ?? [training.featureCount, 1]
        return Layout(
            size: size, rows: training.count, features: training.featureCount,
            parameterRows: WeightsPane.rows(for: sizes),
            networkRows: showsNetwork ? NetworkGeometry.wantedRows(sizes) : nil, map: showsMap)
    }

    /// Whether the Network pane is wanted: as the user chose, or by default for a network with a hidden layer on
    /// a screen of `Layout.networkDefault` and up. (`Layout` also asks whether it fits.)
    var showsNetwork: Bool {
        guard let network = snapshot?.network else { return false }
        return networkShown ?? (network.layerCount > 1 && size.covers(Layout.networkDefault))
    }
}
