import TerminalUI

/// The whole screen as a pure function of the dashboard's state.
public func render(_ state: DashboardState) -> Buffer {
    var buffer = Buffer(size: state.size)
    guard state.size.covers(Layout.minimum) else {
        drawTooSmall(state, on: &buffer)
        return buffer
    }
    let layout = state.layout
    DatasetPane.draw(state, in: layout.dataset, on: &buffer)
    ProbePane.draw(state, in: layout.probe, on: &buffer)
    WeightsPane.draw(state, in: layout.weights, on: &buffer)
    ErrorPane.draw(state, in: layout.error, on: &buffer)
    if let map = layout.map { MapPane.draw(state, in: map, on: &buffer) }
    if let network = layout.network { NetworkPane.draw(state, in: network, on: &buffer) }
    if state.explainer != nil { ExplainerPane.draw(state, in: ExplainerPane.area(layout), on: &buffer) }
    StatusBar.draw(state, in: layout.status, on: &buffer)
    if state.showHelp { HelpOverlay.draw(state, on: &buffer) }
    if let table = state.confusion { ConfusionOverlay.draw(table, state: state, on: &buffer) }
    return buffer
}

/// Below the minimum size: one centred message, keys still live.
private func drawTooSmall(_ state: DashboardState, on buffer: inout Buffer) {
    let need = Layout.minimum
    let have =
        "(have \(state.size.width)\(state.glyphs.times)\(state.size.height), need \(need.width)\(state.glyphs.times)\(need.height))"
    let whole = "terminal too small " + have
    // One line when it fits, two when the terminal is narrower still.
    let lines = whole.count <= state.size.width ? [whole, "q quits"] : ["terminal too small", have, "q quits"]
    let top = max((state.size.height - lines.count) / 2, 0)
    for (i, line) in lines.enumerated() where top + i < state.size.height {
        let x = max((state.size.width - line.count) / 2, 0)
        buffer.write(line, x: x, y: top + i, style: i == 0 ? state.theme.warning : .plain)
    }
}
