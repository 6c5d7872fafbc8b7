import NeuralCore
import TerminalUI

/// The map of a multiclass network (each sample's most probable class in that class's colour, paler where it
/// barely leads) and of a regression (its value along `ValueRamp`), with their legends.
extension MapPane {
    /// The multiclass field: half blocks of two samples' colours, the contour where the class changes.
    static func drawClassField(
        _ grid: ProbabilityGrid, classes: Int, state: DashboardState, in area: Rect, on buffer: inout Buffer
    ) {
        let palette = state.colours == .palette, coloured = state.colours != .monochrome
        func colour(_ value: Double) -> Colour {
            let (k, p) = StrongestClass.decode(value)
            return ClassColours.field(k, p: p, classes: classes, palette: palette, discrete: state.discrete)
        }
        let side = { (value: Double) in StrongestClass.decode(value).class }
        for row in 0..<area.height {
            for c in 0..<area.width {
                let top = grid[column: c, row: 2 * row], bottom = grid[column: c, row: 2 * row + 1]
                let x = area.x + c, y = area.y + row
                if crossesContour(grid, column: c, row: row, side: side) {
                    var style = state.theme.map.contour
                    style.background = coloured ? colour(top) : .standard
                    buffer.put(state.glyphs.mapMarks.contour, x: x, y: y, style: style)
                } else if coloured, let half = state.glyphs.mapMarks.halfBlock {
                    buffer.put(half, x: x, y: y, style: Style(colour(top), background: colour(bottom)))
                } else if coloured {
                    buffer.put(" ", x: x, y: y, style: Style(background: colour(top)))
                }
            }
        }
    }

    /// The regression field: each sample's value along the ramp, in the target's units.
    static func drawValueField(
        _ grid: ProbabilityGrid, ramp: ValueRamp, state: DashboardState, in area: Rect, on buffer: inout Buffer
    ) {
        let palette = state.colours == .palette
        let shades: [Unicode.Scalar] =
            state.glyphs.mapMarks.halfBlock != nil ? [" ", "░", "▒", "▓", "█"] : [" ", ".", "+", "#", "@"]
        for row in 0..<area.height {
            for c in 0..<area.width {
                let top = state.encoding.value(fromOutput: grid[column: c, row: 2 * row])
                let bottom = state.encoding.value(fromOutput: grid[column: c, row: 2 * row + 1])
                let x = area.x + c, y = area.y + row
                if state.colours == .monochrome {
                    let k = min(Int(ramp.position((top + bottom) / 2) * Double(shades.count)), shades.count - 1)
                    buffer.put(shades[k], x: x, y: y, style: state.theme.label)
                } else if let half = state.glyphs.mapMarks.halfBlock {
                    let style = Style(
                        ramp.colour(top, palette: palette), background: ramp.colour(bottom, palette: palette))
                    buffer.put(half, x: x, y: y, style: style)
                } else {
                    buffer.put(" ", x: x, y: y, style: Style(background: ramp.colour(top, palette: palette)))
                }
            }
        }
    }

    /// The ramp of a regression's field: over the values the grid holds, in the target's units.
    static func valueRamp(_ grid: ProbabilityGrid, _ state: DashboardState) -> ValueRamp {
        ValueRamp(over: grid.values.map(state.encoding.value(fromOutput:)))
    }

    /// The legend of a multiclass or regression map along its last row: a swatch and label per class (as many
    /// as fit), or the ramp's ends with the ramp between; then the points' marks.
    static func drawTaskLegend(
        _ state: DashboardState, classes: Int, ramp: ValueRamp?, in inner: Rect, on buffer: inout Buffer
    ) {
        let palette = state.colours == .palette, coloured = state.colours != .monochrome
        let y = inner.maxY - 1, m = state.glyphs.mapMarks, dot = state.glyphs.middleDot
        var x = inner.x
        func text(_ s: String, _ style: Style? = nil) {
            x = buffer.write(s, x: x, y: y, style: style ?? state.theme.label, maxWidth: inner.maxX - x)
        }
        if let ramp {
            text(Format.short(ramp.low, digits: 3) + " ")
            let steps = palette ? ValueRamp.steps : ValueRamp.eightSteps
            for colour in steps where coloured { text(" ", Style(background: colour)) }
            text(" " + Format.short(ramp.high, digits: 3) + " ")
        } else {
            for k in 0..<classes {
                let label = Text.truncate(
                    state.encoding.label(ofClass: k), to: MapPane.labelLimit, ellipsis: state.glyphs.ellipsis)
                guard x + label.count + 3 <= inner.maxX else {
                    text(state.glyphs.ellipsis)
                    break
                }
                if coloured {
                    let swatch = ClassColours.field(k, p: 1, classes: classes, palette: palette, discrete: false)
                    text(" ", Style(background: swatch))
                }
                text(label + " ")
            }
        }
        let rest = [
            "\(m.trainOne) train", "\(m.testOne) test",
            ramp == nil ? (coloured ? "wrong: red" : "wrong: reversed") : nil
        ].compactMap { $0 }
        let tail = Text.wholeItems(rest, separator: " \(dot) ", width: max(inner.maxX - x - 2, 0))
        if !tail.isEmpty { text("\(dot) " + tail) }
    }
}
