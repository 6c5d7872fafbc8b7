import NeuralCore
import TerminalUI

/// The decision map: the network's probability over two features as colour (two samples per cell, in half
/// blocks) or as shades without colour, the 0.5 contour, and the data on top — train and test, right and
/// wrong told apart. The cursor, when the map has focus, is the point the probe shows.
enum MapPane {
    static func draw(_ state: DashboardState, in rect: Rect, on buffer: inout Buffer) {
        let g = state.glyphs
        let plane = state.mapPlane
        let inner = Panel(title: title(state, plane, width: rect.width), focused: state.focus == .map).draw(
            in: rect, on: &buffer, glyphs: g, theme: state.theme)
        guard let area = area(inner: inner) else { return }
        let task = state.snapshot?.network.task ?? .binary
        if task == .binary {
            buffer.write(legend(state, width: inner.width), in: inner, row: inner.height - 1, style: state.theme.label)
        }
        guard let network = state.snapshot?.network, network.inputCount == state.networkInputCount else {
            buffer.write("waiting for the first weights\(g.ellipsis)", in: area, row: 0, style: state.theme.label)
            return
        }
        let unit = shownUnit(state, network)
        let grid = ProbabilityGrid(
            network: network, plane: plane, standardization: state.standardization, featureMap: state.featureMap,
            columns: area.width, rows: area.height * 2,
            passes: FrameBudget.passes(FrameBudget.map, of: network),
            strongestClass: unit == nil && task == .multiclass,
            unit: unit.map { ($0.passIndex(in: network), UnitScale.of(network, column: $0.layer + 1)) })
        guard !grid.isEmpty else {
            buffer.write(
                "\(Format.count(network.parameters.count)) parameters: too many to map live", in: area, row: 0,
                style: state.theme.label)
            return
        }
        let classes = network.sizes[network.sizes.count - 1]
        // A unit's map (the Network pane's selection) is one value over 0…1, drawn as a binary network's is.
        switch unit == nil ? task : .binary {
        case .binary:
            drawField(grid, state: state, in: area, on: &buffer)
            if task != .binary {
                let ramp = task == .regression ? ValueRamp(over: state.training.targets) : nil
                drawTaskLegend(state, classes: classes, ramp: ramp, in: inner, on: &buffer)
                drawPoints(state, plane: plane, in: area, on: &buffer, ramp: ramp)
            } else {
                drawPoints(state, plane: plane, in: area, on: &buffer)
            }
        case .multiclass:
            drawClassField(grid, classes: classes, state: state, in: area, on: &buffer)
            drawTaskLegend(state, classes: classes, ramp: nil, in: inner, on: &buffer)
            drawPoints(state, plane: plane, in: area, on: &buffer)
        case .regression:
            let ramp = valueRamp(grid, state)
            drawValueField(grid, ramp: ramp, state: state, in: area, on: &buffer)
            drawTaskLegend(state, classes: classes, ramp: ramp, in: inner, on: &buffer)
            drawPoints(state, plane: plane, in: area, on: &buffer, ramp: ramp)
        }
        if state.focus == .map {
            let (c, r) = state.mapCursorCell(in: area)
            buffer.put(g.mapMarks.cursor, x: area.x + c, y: area.y + r, style: state.theme.map.cursor)
        }
    }

    /// The Network pane's selected unit when the map shows it rather than the network's output: any unit but a
    /// binary network's one output (whose map this is already).
    static func shownUnit(_ state: DashboardState, _ network: Network) -> NetworkUnit? {
        guard let unit = state.selectedUnit, unit.exists(in: network) else { return nil }
        return network.task == .binary && unit.layer == network.layerCount - 1 ? nil : unit
    }

    /// Where the probabilities go inside the frame: all but the legend row; nil when too small to draw.
    static func area(inner: Rect) -> Rect? {
        guard inner.width >= 4, inner.height >= 3 else { return nil }
        return Rect(x: inner.x, y: inner.y, width: inner.width, height: inner.height - 1)
    }

    /// The pane's name and the features with their ranges, the one up going first.
    private static func title(_ state: DashboardState, _ plane: MapPlane, width: Int) -> String {
        let g = state.glyphs, names = state.training.featureNames
        let unit = state.snapshot.flatMap { s in
            shownUnit(state, s.network).map { $0.name(in: s.network, encoding: state.encoding) }
        }
        func range(_ feature: Int, _ r: ClosedRange<Double>) -> RankedItem {
            RankedItem(
                "\(names[feature]) \(Format.short(r.lowerBound, digits: 3))\(g.ellipsis)\(Format.short(r.upperBound, digits: 3))",
                rank: 0)
        }
        var parts = [
            RankedItem(unit.map { "Map of \($0)" } ?? "Decision map", rank: 0), range(plane.across, plane.acrossRange)
        ]
        if let up = plane.up { parts.append(range(up, plane.upRange)) }
        return Panel.title(parts, width: width, glyphs: g)
    }

    /// The most characters of a class label the legend shows.
    static let labelLimit = 12

    /// The legend: as many whole items as fit the map's width.
    private static func legend(_ state: DashboardState, width: Int) -> String {
        let m = state.glyphs.mapMarks, dot = state.glyphs.middleDot
        var items = [
            "\(m.trainOne)\(m.trainZero) train", "\(m.testOne)\(m.testZero) test",
            state.colours == .monochrome
                ? "wrong: reversed" : state.palette == .colourBlind ? "wrong: on black" : "wrong: red",
            "\(m.contour) \(state.snapshot.flatMap { shownUnit(state, $0.network) } == nil ? "p=0.5" : "middle")"
        ]
        let share = shownShare(state)
        if share > 1 { items.insert("1 point in \(Format.count(share))", at: 2) }
        if state.focus != .map { items.append("m: probe") }
        if state.discrete { items.insert("discrete", at: 0) }
        // Text labels: which mark is which class (the filled one is class 1).
        if state.encoding.task == .binary, state.encoding.labels != nil {
            let one = Text.truncate(state.encoding.label(ofClass: 1), to: labelLimit, ellipsis: state.glyphs.ellipsis)
            let zero = Text.truncate(state.encoding.label(ofClass: 0), to: labelLimit, ellipsis: state.glyphs.ellipsis)
            items.insert("\(m.trainOne) \(one) \(m.trainZero) \(zero)", at: 0)
        }
        return Text.wholeItems(items, separator: " \(dot) ", width: width)
    }

    /// The probability field: half blocks in two colours, or one shade per cell without colour; the 0.5 contour
    /// where the class changes between a cell's samples or its neighbours'.
    private static func drawField(
        _ grid: ProbabilityGrid, state: DashboardState, in area: Rect,
        on buffer: inout Buffer
    ) {
        let map = state.theme.map, coloured = state.colours != .monochrome
        for row in 0..<area.height {
            for c in 0..<area.width {
                let top = grid[column: c, row: 2 * row], bottom = grid[column: c, row: 2 * row + 1]
                let x = area.x + c, y = area.y + row
                if crossesContour(grid, column: c, row: row) {
                    let mean = (top + bottom) / 2
                    let background =
                        coloured
                        ? map.colour(mean, discrete: state.discrete)
                        : .standard
                    var style = map.contour
                    style.background = background
                    buffer.put(state.glyphs.mapMarks.contour, x: x, y: y, style: style)
                } else if coloured, let half = state.glyphs.mapMarks.halfBlock {
                    let style = Style(
                        map.colour(top, discrete: state.discrete),
                        background: map.colour(bottom, discrete: state.discrete))
                    buffer.put(half, x: x, y: y, style: style)
                } else if coloured {
                    let colour = map.colour((top + bottom) / 2, discrete: state.discrete)
                    buffer.put(" ", x: x, y: y, style: Style(background: colour))
                } else {
                    buffer.put(
                        MapPalette.shade(
                            (top + bottom) / 2, unicode: state.glyphs.mapMarks.halfBlock != nil,
                            discrete: state.discrete),
                        x: x, y: y, style: state.theme.label)
                }
            }
        }
    }

    /// True when the class (`side` of a sample's value; by default, p ≥ 0.5) at this cell's samples differs from
    /// that of a sample beside or below it.
    static func crossesContour(
        _ grid: ProbabilityGrid, column c: Int, row: Int, side: (Double) -> Int = { $0 >= 0.5 ? 1 : 0 }
    ) -> Bool {
        let top = side(grid[column: c, row: 2 * row]), bottom = side(grid[column: c, row: 2 * row + 1])
        if top != bottom { return true }
        if c + 1 < grid.columns, side(grid[column: c + 1, row: 2 * row]) != top { return true }
        if 2 * row + 2 < grid.rows, side(grid[column: c, row: 2 * row + 2]) != bottom { return true }
        return false
    }
}
