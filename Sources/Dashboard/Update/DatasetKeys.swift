import TerminalUI

/// The dataset pane's keys, outside any text field: the marked row up and down (arrows, j and k, PgUp and PgDn,
/// Ctrl-U and Ctrl-D as in less, Home and End, g and G), the columns across (Left, Right), the marked row into
/// the probe (Enter), the test rows (t), only the wrong rows (f). Nil for any other key.
func datasetKey(_ state: inout DashboardState, key: Key) -> [Effect]? {
    let last = max(DatasetPane.listCount(state) - 1, 0)
    let halfPage = max((DatasetPane.visibleRows(state) ?? 2) / 2, 1)
    func scroll(by rows: Int) { state.datasetScroll = min(max(state.datasetScroll + rows, 0), last) }
    switch key {
    case .up, .character("k"): scroll(by: -1)
    case .down, .character("j"): scroll(by: 1)
    case .pageUp: scroll(by: -10)
    case .pageDown: scroll(by: 10)
    case .control("u"): scroll(by: -halfPage)
    case .control("d"): scroll(by: halfPage)
    case .home, .character("g"): state.datasetScroll = 0
    case .end, .character("G"): state.datasetScroll = last
    case .left:
        if state.datasetView.firstColumn > 0 {
            state.datasetView.firstColumn = DatasetPane.columns(state).first - 1
        } else {
            state.notice = .news("the first column is shown: Right scrolls the columns")
        }
    case .right:
        if DatasetPane.columns(state).right {
            state.datasetView.firstColumn = DatasetPane.columns(state).first + 1
        } else {
            state.notice = .news(
                state.datasetView.firstColumn > 0
                    ? "the last column is shown: Left scrolls back" : "every column is shown")
        }
    case .enter:
        guard let row = DatasetPane.markedRow(state) else {
            state.notice = .news("no row to probe")
            break
        }
        loadRowIntoProbe(&state, row: row)
    case .character("t"):
        guard let test = state.test, test.count > 0 else {
            state.notice = .problem("no test rows: hold some out with --test-fraction 0.2 or --test-data FILE")
            break
        }
        state.datasetView.showsTest.toggle()
        state.datasetScroll = 0
        let rows = state.datasetView.showsTest ? "test" : "training"
        state.notice = .news("dataset: the \(Format.counted(state.datasetRows.count, rows + " row")) (t switches)")
    case .character("f"):
        guard state.encoding.task != .regression else {
            state.notice = .problem("a regression's rows are not right or wrong: f is for classifiers")
            break
        }
        guard state.datasetRows.isLabelled else {
            state.notice = .problem("these rows have no targets to be wrong about")
            break
        }
        state.datasetView.wrongOnly.toggle()
        state.datasetScroll = 0
        state.notice = .news(
            state.datasetView.wrongOnly
                ? "dataset: only the rows the network gets wrong (f shows all)" : "dataset: every row")
    default:
        return nil
    }
    return []
}

/// Puts row `row` of the dataset pane's set (`datasetRows`) into the probe's fields, as Enter does for the marked
/// row (and a click on a row can).
func loadRowIntoProbe(_ state: inout DashboardState, row: Int) {
    let data = state.datasetRows
    guard data.count > row, row >= 0 else { return }
    if case .probe = state.focus { state.focus = .none }
    state.probeTexts = data.row(row).map { Format.short($0, digits: 7) }
    state.notice = .news(
        "probe: \(state.datasetView.showsTest ? "test" : "training") row \(Format.count(row + 1))")
}
