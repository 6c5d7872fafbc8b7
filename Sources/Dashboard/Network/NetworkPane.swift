import NeuralCore
import TerminalUI

/// The Network pane: the layers as columns of units, inputs first, each unit a small map of its value over the
/// decision map's plane (half blocks in the map's palette), or a heat strip of its value at the probe's point
/// for a layer too large to draw; the strongest links between them coloured by sign; the selected unit marked,
/// with its bias and incoming weights beside (`NetworkDetail`). `NetworkReading`, made in `refresh`, holds the
/// values drawn.
enum NetworkPane {
    static func draw(_ state: DashboardState, in rect: Rect, on buffer: inout Buffer) {
        let g = state.glyphs
        let focused = state.focus == .network || state.focus == .parameter
        guard let network = state.snapshot?.network else {
            Panel(title: "Network", focused: focused).draw(in: rect, on: &buffer, glyphs: g, theme: state.theme)
            return
        }
        let shape = network.sizes.map(String.init).joined(separator: "-")
        let inner = Panel(
            title: "Network \(g.middleDot) \(shape) \(g.middleDot) \(network.hiddenActivation.rawValue)",
            focused: focused
        ).draw(
            in: rect, on: &buffer, glyphs: g, theme: state.theme)
        guard let geometry = geometry(state, inner: inner), let reading = state.networkReading else {
            if !inner.isEmpty {
                buffer.write("waiting for the first weights\(g.ellipsis)", in: inner, row: 0, style: state.theme.label)
            }
            return
        }
        let selected = state.selectedUnit.flatMap { $0.exists(in: network) ? $0 : nil }
        NetworkLinks.draw(network, geometry: geometry, selected: selected, state: state, on: &buffer)
        for column in geometry.columns {
            drawHeader(column, network: network, geometry: geometry, state: state, on: &buffer)
            drawUnits(
                column, network: network, reading: reading, geometry: geometry, selected: selected, state: state,
                on: &buffer)
        }
        if let detail = geometry.detail {
            for y in detail.y..<detail.maxY { buffer.put(g.vertical, x: detail.x - 1, y: y, style: state.theme.label) }
            NetworkDetail.draw(
                state, network: network, unit: selected,
                gradient: selected.flatMap { NetworkDetail.layerGradient(state.snapshot, layer: $0.layer) },
                in: detail, on: &buffer)
        }
    }

    /// The pane's geometry for the state's network, or nil without a network or room for one.
    static func geometry(_ state: DashboardState, inner: Rect) -> NetworkGeometry? {
        guard let network = state.snapshot?.network else { return nil }
        return NetworkGeometry(
            inner: inner, sizes: network.sizes, selected: state.selectedUnit,
            mapsAffordable: { FrameBudget.passes(FrameBudget.network, of: network) > $0 * $1 })
    }

    /// The geometry of the pane on screen, if it is.
    static func geometry(_ state: DashboardState) -> NetworkGeometry? {
        state.layout.network.flatMap { geometry(state, inner: Panel.inner(of: $0)) }
    }

    /// The unit drawn at screen cell (column, row), if any: what a click there selects.
    static func unit(_ state: DashboardState, column: Int, row: Int) -> NetworkUnit? {
        geometry(state)?.unit(atX: column, y: row)
    }

    /// A column's name and size above it ("h1 16"), as much as fits before the next column.
    private static func drawHeader(
        _ column: NetworkGeometry.Column, network: Network, geometry: NetworkGeometry, state: DashboardState,
        on buffer: inout Buffer
    ) {
        let name = NetworkUnit.layerName(column.layer, of: network)
        let next = geometry.columns.first { $0.x > column.x }?.x ?? (geometry.detail?.x ?? buffer.size.width)
        buffer.write(
            "\(name) \(column.units)", x: column.x, y: geometry.header, style: state.theme.heading,
            maxWidth: max(next - column.x - 1, 1))
    }

    private static func drawUnits(
        _ column: NetworkGeometry.Column, network: Network, reading: NetworkReading, geometry: NetworkGeometry,
        selected: NetworkUnit?, state: DashboardState, on buffer: inout Buffer
    ) {
        let g = state.glyphs
        let scale = UnitScale.of(network, column: column.layer)
        let firstNode = NetworkReading.firstNode(column: column.layer, sizes: network.sizes)
        let shownNodes = (column.first..<(column.first + column.shown)).map { firstNode + $0 }
        let point = reading.point.isEmpty ? nil : reading.point
        let largestAtPoint = point.map { p in shownNodes.reduce(0) { p[$1].isFinite ? max($0, abs(p[$1])) : $0 } } ?? 0
        for k in column.first..<(column.first + column.shown) {
            guard let cell = column.cell(k, mapWidth: geometry.mapWidth) else { continue }
            let node = firstNode + k
            if column.strip || reading.sampleColumns == 0 {
                for x in cell.x..<cell.maxX {
                    if let point {
                        let p = scale.shade(point[node], largest: largestAtPoint)
                        putShade(p, p, x: x, y: cell.y, state: state, on: &buffer)
                    } else {
                        // Too large a network to run even once a frame: dots where the values would be.
                        buffer.put(g.middleDot.unicodeScalars.first!, x: x, y: cell.y, style: state.theme.label)
                    }
                }
            } else {
                drawMap(node, scale: scale, reading: reading, in: cell, state: state, on: &buffer)
            }
            let isSelected = selected.map { $0.layer + 1 == column.layer && $0.index == k } ?? false
            if isSelected {
                let marker: Unicode.Scalar = g == .ascii ? ">" : "▶"
                buffer.put(marker, x: column.x, y: column.linkRow(k), style: Style(.cyan, bold: true))
            }
        }
        // A strip scrolled past units says so at its ends.
        if column.first > 0, !(selected.map { $0.layer + 1 == column.layer && $0.index == column.first } ?? false) {
            buffer.put(g == .ascii ? "^" : "▲", x: column.x, y: column.y, style: state.theme.label)
        }
        let last = column.first + column.shown - 1
        if last < column.units - 1, !(selected.map { $0.layer + 1 == column.layer && $0.index == last } ?? false) {
            buffer.put(g == .ascii ? "v" : "▼", x: column.x, y: column.linkRow(last), style: state.theme.label)
        }
    }

    /// One unit's map: its samples in half blocks, two a cell (or one shade a cell without them); the bottom half
    /// of a taller map's last row is left blank, parting it from the next.
    private static func drawMap(
        _ node: Int, scale: UnitScale, reading: NetworkReading, in cell: Rect, state: DashboardState,
        on buffer: inout Buffer
    ) {
        let columns = min(reading.sampleColumns, cell.width), rows = min((reading.sampleRows + 1) / 2, cell.height)
        var largest = 0.0
        for r in 0..<reading.sampleRows {
            for c in 0..<reading.sampleColumns {
                let v = reading.value(column: c, row: r, node: node)
                if v.isFinite { largest = max(largest, abs(v)) }
            }
        }
        for row in 0..<rows {
            for c in 0..<columns {
                let top = scale.shade(reading.value(column: c, row: 2 * row, node: node), largest: largest)
                let bottom =
                    2 * row + 1 < reading.sampleRows
                    ? scale.shade(reading.value(column: c, row: 2 * row + 1, node: node), largest: largest) : nil
                putShade(top, bottom, x: cell.x + c, y: cell.y + row, state: state, on: &buffer)
            }
        }
    }

    /// One cell of two samples on the 0…1 scale (the lower one nil: blank), as the decision map draws them: a half
    /// block in two of the map's colours, one colour without half blocks, a shade without colour.
    static func putShade(
        _ top: Double, _ bottom: Double?, x: Int, y: Int, state: DashboardState, on buffer: inout Buffer
    ) {
        let mean = bottom.map { (top + $0) / 2 } ?? top
        if state.colours != .monochrome, let half = state.glyphs.mapMarks.halfBlock {
            let style = Style(
                state.theme.map.colour(top, discrete: false),
                background: bottom.map { state.theme.map.colour($0, discrete: false) } ?? .standard)
            buffer.put(half, x: x, y: y, style: style)
        } else if state.colours != .monochrome {
            let colour = state.theme.map.colour(mean, discrete: false)
            buffer.put(" ", x: x, y: y, style: Style(background: colour))
        } else {
            let shade = MapPalette.shade(mean, unicode: state.glyphs.mapMarks.halfBlock != nil, discrete: false)
            buffer.put(shade, x: x, y: y, style: state.theme.label)
        }
    }
}
