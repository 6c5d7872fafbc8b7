import TerminalUI

/// Where the Network pane draws each layer: a column of units per layer, inputs first, the links in the gaps
/// between them, and the selected unit's parameters on the right. A layer whose units fit the column is drawn as
/// unit maps, `unitHeight` rows of `mapWidth` cells each; one too large for it as a heat strip of one row per
/// unit, scrolled to keep the selected unit in view. Made from the pane's inner area, the network's sizes and the
/// selection alone, so that drawing, the readings and the mouse agree on it.
struct NetworkGeometry: Equatable {
    struct Column: Equatable {
        /// 0 for the inputs, l + 1 for the network's layer l.
        var layer: Int
        /// The marker cell, then the unit maps or the strip.
        var x: Int
        var width: Int
        /// The row of the first unit shown.
        var y: Int
        var units: Int
        var strip: Bool
        /// Rows per unit: `unitHeight`, or 1 in a strip.
        var unitHeight: Int
        /// The first unit shown, and how many are.
        var first: Int
        var shown: Int

        /// The rectangle of unit `k`'s map (or strip row), nil when it is not shown.
        func cell(_ k: Int, mapWidth: Int) -> Rect? {
            guard k >= first, k < first + shown else { return nil }
            return Rect(x: x + 1, y: y + (k - first) * unitHeight, width: mapWidth, height: unitHeight)
        }

        /// The row the unit's links meet: the middle of its map.
        func linkRow(_ k: Int) -> Int { y + (k - first) * unitHeight + (unitHeight - 1) / 2 }
    }

    /// The columns shown, left to right (all of them, or a run around the selected layer on a narrow pane).
    var columns: [Column]
    /// The row of the layers' names.
    var header: Int
    var unitHeight: Int
    var mapWidth: Int
    /// Whether unit maps are drawn at all (false: every layer is a strip, the maps cost more than their share).
    var maps: Bool
    /// The selected unit's parameters, when the pane is wide enough for them beside the columns.
    var detail: Rect?

    /// Samples down each unit's map: two a row, but for the bottom half of a map's last row, left blank to part
    /// it from the next unit (maps one row tall keep both).
    var sampleRows: Int { Self.sampleRows(unitHeight) }

    static func sampleRows(_ unitHeight: Int) -> Int { unitHeight >= 2 ? 2 * unitHeight - 1 : 2 }

    /// Map widths for unit heights 1, 2 and 3: about square in half-block samples.
    static let mapWidths = [1: 3, 2: 4, 3: 6]
    /// The fewest columns between two layers, for their links.
    static let minimumGap = 3

    /// The geometry for `sizes` in `inner`; nil when the area is too small for any of it. `mapsAffordable` says
    /// whether maps `mapWidth` × `2·unitHeight` samples each fit the frame's share of passes.
    init?(inner: Rect, sizes: [Int], selected: NetworkUnit?, mapsAffordable: (_ columns: Int, _ rows: Int) -> Bool) {
        let rows = inner.height - 1
        guard rows >= 2, inner.width >= 12, sizes.count >= 2 else { return nil }
        let detailWidth = inner.width >= 48 ? min(34, inner.width * 2 / 5) : 0
        let area = inner.width - (detailWidth > 0 ? detailWidth + 1 : 0)
        let strips = sizes.map { $0 > rows }
        // The tallest maps that every layer drawn as maps fits, and that the share pays for.
        var height = 1
        for h in [3, 2] {
            let width = Self.mapWidths[h]!
            let fits = zip(sizes, strips).allSatisfy { $1 || $0 * h <= rows }
            let across = sizes.count * (width + 1) + (sizes.count - 1) * Self.minimumGap <= area
            if fits, across, mapsAffordable(width, Self.sampleRows(h)) {
                height = h
                break
            }
        }
        let mapWidth = Self.mapWidths[height]!
        let maps = mapsAffordable(mapWidth, Self.sampleRows(height))
        let columnWidth = mapWidth + 1
        // As many columns as fit, around the selected layer when not all do.
        let fitting = max(min((area + Self.minimumGap) / (columnWidth + Self.minimumGap), sizes.count), 1)
        let chosen = selected.map { $0.layer + 1 } ?? 0
        let start = max(min(chosen - (fitting - 1) / 2, sizes.count - fitting), 0)
        let gap = fitting > 1 ? min((area - fitting * columnWidth) / (fitting - 1), 10) : 0
        let used = fitting * columnWidth + (fitting - 1) * gap
        let left = inner.x + max((area - used) / 2, 0)
        columns = (0..<fitting).map { k in
            let layer = start + k, units = sizes[layer]
            let strip = strips[layer] || !maps
            let unitHeight = strip ? 1 : height
            let shown = min(units, rows / unitHeight)
            var first = 0
            if strip, let selected, selected.layer + 1 == layer {
                first = min(max(selected.index - shown / 2, 0), units - shown)
            }
            let top = inner.y + 1 + (rows - shown * unitHeight) / 2
            return Column(
                layer: layer, x: left + k * (columnWidth + gap), width: columnWidth, y: top, units: units,
                strip: strip, unitHeight: unitHeight, first: first, shown: shown)
        }
        header = inner.y
        unitHeight = height
        self.mapWidth = mapWidth
        self.maps = maps
        detail =
            detailWidth > 0
            ? Rect(x: inner.maxX - detailWidth, y: inner.y, width: detailWidth, height: inner.height) : nil
    }

    /// The rows a pane for `sizes` would like, its frame and header too: the largest layer in maps two rows tall,
    /// up to 16 of them.
    static func wantedRows(_ sizes: [Int]) -> Int { 3 + 2 * min(sizes.max() ?? 1, 16) }

    /// The unit whose map (or strip row) holds the cell (x, y), if any: inputs are not units.
    func unit(atX x: Int, y: Int) -> NetworkUnit? {
        for column in columns where column.layer > 0 {
            let body = Rect(x: column.x, y: column.y, width: column.width, height: column.shown * column.unitHeight)
            guard body.contains(x: x, y: y) else { continue }
            return NetworkUnit(layer: column.layer - 1, index: column.first + (y - column.y) / column.unitHeight)
        }
        return nil
    }
}
