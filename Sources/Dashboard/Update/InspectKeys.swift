import TerminalUI

/// X: one step laid open, the step explainer opened (or kept open) over the right column.
func explainStep(_ state: inout DashboardState) -> [Effect] {
    guard let snapshot = state.snapshot else {
        state.notice = .problem("nothing to explain before the first snapshot")
        return []
    }
    if state.focus == .weights { state.focus = .none }
    if state.explainer == nil { state.explainer = ExplainerView() }
    if snapshot.state == .running {
        state.notice = .news("paused for one step laid open: X steps again, Esc closes, space runs on")
    }
    return [.command(.explainStep)]
}

/// Keys while the step explainer is open: arrows and pages scroll it, Esc closes it. Other keys are commands as
/// usual (nil).
func explainerKey(_ state: inout DashboardState, key: Key) -> [Effect]? {
    guard var view = state.explainer else { return nil }
    let page = max(ExplainerPane.area(state.layout).height - 4, 1)
    switch key {
    case .escape:
        state.explainer = nil
        return []
    case .up: view.scroll -= 1
    case .down: view.scroll += 1
    case .pageUp: view.scroll -= page
    case .pageDown: view.scroll += page
    case .home: view.scroll = 0
    case .end: view.scroll = Int.max / 2
    default: return nil
    }
    // Clamped when drawn as well; here so that ↑ after End moves at once.
    let most = state.snapshot?.explanation.map { ExplainerPane.lineCount($0) } ?? 0
    view.scroll = min(max(view.scroll, 0), max(most - 1, 0))
    state.explainer = view
    return []
}

/// W: the weights pane takes the arrows (closing the explainer that covers it).
func focusWeights(_ state: inout DashboardState) {
    guard state.snapshot != nil else {
        state.notice = .problem("no weights before the first snapshot")
        return
    }
    state.explainer = nil
    state.focus = .weights
}

/// Keys while the weights pane has focus: arrows, pages, Home and End move the selected parameter; Esc, Enter or
/// W leave. Other keys are commands as usual (nil).
func moveWeightsCursor(_ state: inout DashboardState, key: Key) -> [Effect]? {
    switch key {
    case .escape, .enter, .character("W"):
        state.focus = .none
        return []
    default:
        guard let sizes = state.snapshot?.network.sizes, state.weightsCursor.move(key, sizes: sizes) else {
            return nil
        }
        return []
    }
}
