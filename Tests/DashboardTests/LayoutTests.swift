import Testing
import TerminalUI
@testable import Dashboard

@Suite struct LayoutTests {
    @Test(arguments: [Size(width: 120, height: 40), Size(width: 80, height: 24), Layout.minimum, Layout.mapMinimum])
    func panesTileTheScreenWithoutOverlap(size: Size) {
        let layout = Layout(size: size, rows: 8, features: 2, parameterRows: 3)
        let panes = [layout.dataset, layout.probe, layout.weights, layout.error] + (layout.map.map { [$0] } ?? [])
        #expect((layout.map != nil) == size.covers(Layout.mapMinimum))
        #expect(layout.status == Rect(x: 0, y: size.height - 1, width: size.width, height: 1))
        #expect(panes.reduce(0) { $0 + $1.width * $1.height } == size.width * (size.height - 1))
        for pane in panes { #expect(pane.width >= 10 && pane.height >= 5, "\(pane) at \(size)") }
        for (k, a) in panes.enumerated() {
            for b in panes[(k + 1)...] {
                let overlaps = a.x < b.maxX && b.x < a.maxX && a.y < b.maxY && b.y < a.maxY
                #expect(!overlaps, "\(a) overlaps \(b) at \(size)")
            }
        }
    }

    /// The config file's `map = "off"`: no map on a screen that has room for one, and m says why.
    @Test func theMapCanBeTurnedOff() {
        var state = Fixtures.state(size: Size(width: 120, height: 40))
        #expect(state.layout.map != nil)
        state.showsMap = false
        #expect(state.layout.map == nil)
        #expect(!render(state).text.contains("Decision map"))
        state = Fixtures.pressing([.character("m")], on: state)
        #expect(state.notice == .problem("the decision map is off (map = \"off\" in the config file)"))
        #expect(state.focus == .none)
    }
}
