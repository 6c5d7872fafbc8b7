import NeuralCore
import TerminalUI

/// The links between two columns of the Network pane, in braille dots (or their ASCII stand-ins) across the gap:
/// the strongest weights between the units shown, and every incoming weight of the selected unit, coloured by
/// sign (the map's blue for positive, orange for negative) and stronger with |w| against the layer's largest. A
/// cell crossed by several links takes the colour of the strongest.
enum NetworkLinks {
    /// Links drawn between two columns, besides the selected unit's: as many as the larger column shows units.
    static func limit(sources: Int, targets: Int) -> Int { max(sources, targets) }

    struct Link {
        var source: Int
        var target: Int
        var weight: Double
        var selected: Bool

        /// |w|, and 0 for what is not a finite number.
        var strength: Double { weight.isFinite ? abs(weight) : 0 }
    }

    static func draw(
        _ network: Network, geometry: NetworkGeometry, selected: NetworkUnit?, state: DashboardState,
        on buffer: inout Buffer
    ) {
        for (from, to) in zip(geometry.columns, geometry.columns.dropFirst()) where to.layer == from.layer + 1 {
            let x0 = from.x + from.width, width = to.x - x0
            guard width > 0 else { continue }
            let top = min(from.y, to.y)
            let bottom = max(from.y + from.shown * from.unitHeight, to.y + to.shown * to.unitHeight)
            let area = Rect(x: x0, y: top, width: width, height: bottom - top)
            drawGap(
                links(network, from: from, to: to, selected: selected), from: from, to: to, in: area, state: state,
                on: &buffer)
        }
    }

    /// The links drawn between two columns, weakest first (a later one takes a shared cell's colour).
    static func links(
        _ network: Network, from: NetworkGeometry.Column, to: NetworkGeometry.Column, selected: NetworkUnit?
    ) -> [Link] {
        let layer = to.layer - 1, fanIn = network.sizes[layer], offset = network.offsets[layer]
        var all: [Link] = []
        all.reserveCapacity(from.shown * to.shown)
        for j in to.first..<(to.first + to.shown) {
            let isSelected = selected == NetworkUnit(layer: layer, index: j)
            for i in from.first..<(from.first + from.shown) {
                all.append(
                    Link(source: i, target: j, weight: network.parameters[offset + j * fanIn + i], selected: isSelected)
                )
            }
        }
        let strongest = all.filter { !$0.selected }.sorted { $0.strength > $1.strength }
            .prefix(limit(sources: from.shown, targets: to.shown))
        let chosen = Array(strongest) + all.filter(\.selected)
        return chosen.sorted { ($0.selected ? 1 : 0, $0.strength) < ($1.selected ? 1 : 0, $1.strength) }
    }

    private static func drawGap(
        _ links: [Link], from: NetworkGeometry.Column, to: NetworkGeometry.Column, in area: Rect,
        state: DashboardState, on buffer: inout Buffer
    ) {
        guard !links.isEmpty, area.width > 0, area.height > 0 else { return }
        var canvas = DotCanvas(columns: area.width, rows: area.height, braille: state.glyphs.braille)
        var styles = [Style?](repeating: nil, count: area.width * area.height)
        let largest = links.reduce(0) { $1.weight.isFinite ? max($0, abs($1.weight)) : $0 }
        for link in links {
            let style = self.style(link, largest: largest, colours: state.colours, map: state.theme.map)
            let y0 = (from.linkRow(link.source) - area.y) * canvas.down + canvas.down / 2
            let y1 = (to.linkRow(link.target) - area.y) * canvas.down + canvas.down / 2
            let x1 = canvas.width - 1
            let steps = max(x1, abs(y1 - y0), 1)
            for s in 0...steps {
                let x = x1 * s / steps, y = y0 + (y1 - y0) * s / steps
                canvas.set(x: x, y: y)
                let cell = (y / canvas.down) * area.width + x / canvas.across
                if cell >= 0, cell < styles.count { styles[cell] = style }
            }
        }
        for row in 0..<area.height {
            for column in 0..<area.width where !canvas.isEmpty(column: column, row: row) {
                buffer.put(
                    DotCanvas.scalar(canvas.mask(column: column, row: row), braille: canvas.braille),
                    x: area.x + column, y: area.y + row, style: styles[row * area.width + column] ?? state.theme.label)
            }
        }
    }

    /// A link's look: the map's colour for its sign at the band of |w| against the largest drawn, dim when weak;
    /// without colour, bold for positive and dim for negative. The selected unit's are bold.
    static func style(_ link: Link, largest: Double, colours: DashboardState.ColourDepth, map: MapPalette) -> Style {
        let strength = largest > 0 && link.weight.isFinite ? min(abs(link.weight) / largest, 1) : 0
        guard colours != .monochrome else {
            return link.weight >= 0 ? Style(.standard, bold: true) : Style(.standard, dim: true)
        }
        let p = 0.5 + (link.weight >= 0 ? 0.5 : -0.5) * max(strength, 0.3)
        var style = Style(map.colour(p, discrete: false))
        if link.selected { style.bold = true } else if strength < 0.5 { style.dim = true }
        return style
    }
}
