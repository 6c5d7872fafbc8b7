import TerminalUI

/// Keys while the Network pane has focus: arrows choose a unit (← → the layer, ↑ ↓ the unit), Tab and Shift-Tab
/// one of its parameters, Enter types a value for it, Esc or u leave (the map shows the output again). Other keys
/// are commands as usual (nil).
func chooseUnit(_ state: inout DashboardState, key: Key) -> [Effect]? {
    guard let network = state.snapshot?.network else {
        if key == .escape || key == .character("u") { state.focus = .none }
        return key == .escape || key == .character("u") ? [] : nil
    }
    let unit = state.selectedUnit.flatMap { $0.exists(in: network) ? $0 : nil } ?? firstUnit(state)
    let fanIn = network.sizes[unit.layer]
    switch key {
    case .escape, .character("u"):
        state.focus = .none
        state.selectedUnit = nil
    case .left, .right:
        let layer = min(max(unit.layer + (key == .left ? -1 : 1), 0), network.layerCount - 1)
        select(&state, NetworkUnit(layer: layer, index: min(unit.index, network.sizes[layer + 1] - 1)))
    case .up, .down:
        let index = min(max(unit.index + (key == .up ? -1 : 1), 0), network.sizes[unit.layer + 1] - 1)
        select(&state, NetworkUnit(layer: unit.layer, index: index))
    case .tab, .backTab:
        select(&state, unit)
        let count = fanIn + 1
        state.selectedParameter = (min(state.selectedParameter, fanIn) + (key == .tab ? 1 : count - 1)) % count
    case .enter:
        select(&state, unit)
        let index = unit.parameterIndex(min(state.selectedParameter, fanIn), in: network)
        state.parameterText = Format.short(network.parameters[index], digits: 6)
        state.fieldSelected = true
        state.focus = .parameter
    default:
        return nil
    }
    return []
}

/// Selects `unit` in the Network pane and gives the pane focus: what the arrows and a click on a unit both do.
/// Another unit starts at its bias.
func select(_ state: inout DashboardState, _ unit: NetworkUnit) {
    if state.selectedUnit != unit { state.selectedParameter = 0 }
    state.selectedUnit = unit
    if state.focus != .parameter { state.focus = .network }
}

/// The unit u starts at: the one selected before, else the first of the first hidden layer (the output's on a
/// network without one).
func firstUnit(_ state: DashboardState) -> NetworkUnit {
    if let network = state.snapshot?.network, let unit = state.selectedUnit, unit.exists(in: network) { return unit }
    return NetworkUnit(layer: 0, index: 0)
}

/// u: into the Network pane, showing it when it is hidden and fits.
func enterNetwork(_ state: inout DashboardState) {
    guard state.snapshot != nil else {
        state.notice = .problem("no network to show before the first snapshot")
        return
    }
    if state.layout.network == nil {
        guard Layout.networkFits(state.size) else {
            state.notice = .problem(networkNeedsRoom(state))
            return
        }
        state.networkShown = true
    }
    select(&state, firstUnit(state))
}

/// U: the Network pane shown or hidden; shown only where it fits beside the other panes.
func toggleNetworkPane(_ state: inout DashboardState) {
    if state.layout.network != nil {
        state.networkShown = false
        if state.focus == .network || state.focus == .parameter { state.focus = .none }
        state.selectedUnit = nil
    } else if state.snapshot == nil {
        state.notice = .problem("no network to show before the first snapshot")
    } else if Layout.networkFits(state.size) {
        state.networkShown = true
    } else {
        state.notice = .problem(networkNeedsRoom(state))
    }
}

private func networkNeedsRoom(_ state: DashboardState) -> String {
    let need = Layout.networkDefault
    return "the network pane needs more room: a terminal of \(need.width)\(state.glyphs.times)\(need.height) shows it"
}

/// Keys while typing a parameter's value: Enter sets it, Esc cancels; both go back to choosing.
func editParameter(_ state: inout DashboardState, key: Key) -> [Effect] {
    switch key {
    case .escape:
        state.focus = .network
    case .enter:
        state.focus = .network
        guard let network = state.snapshot?.network, let unit = state.selectedUnit, unit.exists(in: network) else {
            return []
        }
        let text = state.parameterText.trimmingCharacters(in: " ")
        guard let value = Double(text), value.isFinite, abs(value) <= 1e6 else {
            state.notice = .problem("a weight must be a number from -1e6 to 1e6, got \"\(state.parameterText)\"")
            return []
        }
        let k = min(state.selectedParameter, network.sizes[unit.layer])
        return [.command(.setParameter(index: unit.parameterIndex(k, in: network), value: value))]
    default:
        TextEntry.edit(&state, \.parameterText, key: key, limit: 16) { !$0.isWhitespace }
    }
    return []
}
