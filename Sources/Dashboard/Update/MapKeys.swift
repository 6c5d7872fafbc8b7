import TerminalUI

/// Keys while the map has focus: arrows move the cursor (the probe follows), Esc, Enter or m leave. Other
/// keys are commands as usual (nil).
func moveMapCursor(_ state: inout DashboardState, key: Key) -> [Effect]? {
    switch key {
    case .escape, .enter, .character("m"):
        state.focus = .none
    case .tab:
        state.focus = .probe(0)
        state.fieldSelected = true
    case .left: state.mapCursor.column -= 1
    case .right: state.mapCursor.column += 1
    case .up: state.mapCursor.row -= 1
    case .down: state.mapCursor.row += 1
    default:
        return nil
    }
    if state.focus == .map { probeFollowsMapCursor(&state) }
    return []
}

/// Clamps the map cursor to the map on screen and puts the point under it in the probe's fields.
func probeFollowsMapCursor(_ state: inout DashboardState) {
    guard let map = state.layout.map, let area = MapPane.area(inner: map.inset(by: 1)) else { return }
    let (c, r) = state.mapCursorCell(in: area)
    state.mapCursor = (c, r)
    let plane = state.mapPlane
    let input = plane.input(
        across: plane.acrossValue(column: c, of: area.width),
        up: plane.upValue(row: r, of: area.height))
    state.probeTexts = input.map { Format.short($0) }
}

/// x and y: the next feature across or up the map, skipping the one on the other axis.
func chooseMapFeature(_ state: inout DashboardState, across: Bool) {
    let count = state.training.featureCount
    let plane = state.mapPlane
    guard count > 2 else {
        state.notice = .news(
            count == 2 ? "the map shows both features already" : "one feature: the map has no other to show")
        return
    }
    let other = across ? plane.up : plane.across
    var next = ((across ? plane.across : plane.up ?? 0) + 1) % count
    if next == other { next = (next + 1) % count }
    guard count > 2 || next != (across ? plane.across : plane.up) else { return }
    state.mapPlane = MapPlane(
        training: state.training, test: state.test,
        across: across ? next : plane.across, up: across ? plane.up : next)
}

extension DashboardState {
    /// The map's cursor clamped to a map drawn in `area`.
    func mapCursorCell(in area: Rect) -> (column: Int, row: Int) {
        (min(max(mapCursor.column, 0), area.width - 1), min(max(mapCursor.row, 0), area.height - 1))
    }
}
