import TerminalUI

/// Rows one notch of the mouse wheel moves the dataset pane, as terminals scroll text.
let wheelRows = 3

/// One notch of the wheel with the pointer at (x, y): the pane under the pointer scrolls; over the help overlay
/// it turns the page. Elsewhere, and over the confusion matrix, it does nothing. It never changes the focus or a
/// text field being typed, and leaves a notice on screen.
func scrollUnderPointer(_ state: inout DashboardState, x: Int, y: Int, up: Bool) {
    if state.confusion != nil { return }
    if state.showHelp {
        let pages = HelpOverlay.pages(for: state.size).count
        state.helpPage = min(max(state.helpPage + (up ? -1 : 1), 0), max(pages - 1, 0))
        return
    }
    let layout = state.layout
    if layout.dataset.contains(x: x, y: y) {
        let last = max(DatasetPane.listCount(state) - 1, 0)
        state.datasetScroll = min(max(state.datasetScroll + (up ? -wheelRows : wheelRows), 0), last)
    }
}
