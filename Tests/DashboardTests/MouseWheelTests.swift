import NeuralCore
import TerminalUI
import Testing

@testable import Dashboard

@Suite struct MouseWheelTests {
    /// A state whose dataset pane holds more rows than it shows.
    private func state(rows: Int = 40) -> DashboardState {
        let data = Dataset(
            rows: (0..<rows).map { [Double($0), Double(-$0)] }, targets: (0..<rows).map { Double($0 % 2) })
        return Fixtures.state(training: data)
    }

    @Test func wheelOverTheDatasetScrollsItThreeRowsANotch() {
        var s = state()
        let pane = s.layout.dataset
        _ = update(&s, .key(.wheel(x: pane.x + 2, y: pane.y + 2, up: false)))
        #expect(s.datasetScroll == 3)
        _ = update(&s, .key(.wheel(x: pane.x + 2, y: pane.y + 2, up: false)))
        #expect(s.datasetScroll == 6)
        _ = update(&s, .key(.wheel(x: pane.x + 2, y: pane.y + 2, up: true)))
        #expect(s.datasetScroll == 3)
    }

    @Test func wheelStopsAtBothEndsOfTheData() {
        var s = state(rows: 5)
        let pane = s.layout.dataset
        _ = update(&s, .key(.wheel(x: pane.x + 1, y: pane.y + 1, up: true)))
        #expect(s.datasetScroll == 0)
        for _ in 0..<10 { _ = update(&s, .key(.wheel(x: pane.x + 1, y: pane.y + 1, up: false))) }
        #expect(s.datasetScroll == 4)
    }

    @Test func wheelElsewhereLeavesTheDatasetAndTheNotice() {
        var s = state()
        s.notice = .news("kept")
        let weights = s.layout.weights
        _ = update(&s, .key(.wheel(x: weights.x + 1, y: weights.y + 1, up: false)))
        #expect(s.datasetScroll == 0)
        #expect(s.notice == .news("kept"))
    }

    @Test func wheelTurnsTheHelpOverlaysPages() throws {
        var s = state()
        s.size = Size(width: 60, height: 18)
        s.showHelp = true
        let pages = HelpOverlay.pages(for: s.size).count
        try #require(pages > 1)
        _ = update(&s, .key(.wheel(x: 10, y: 5, up: false)))
        #expect(s.helpPage == 1)
        #expect(s.showHelp)
        _ = update(&s, .key(.wheel(x: 10, y: 5, up: true)))
        #expect(s.helpPage == 0)
    }
}

/// A click on a dataset row puts that row into the probe, as Enter does for the marked row.
@Suite struct DatasetClickTests {
    @Test func aClickOnARowLoadsItIntoTheProbe() throws {
        let data = Dataset(rows: (0..<20).map { [Double($0), Double(-$0)] }, targets: (0..<20).map { Double($0 % 2) })
        var s = Fixtures.state(training: data)
        s.datasetScroll = 4
        let inner = Panel.inner(of: s.layout.dataset)
        let shown = DatasetPane.shownRows(s)
        try #require(shown.count > 3)
        // The header is the pane's first line; the third data line is the third row shown.
        _ = update(&s, .key(.mouse(x: inner.x + 2, y: inner.y + 3)))
        #expect(s.probeTexts == [Format.short(Double(shown[2]), digits: 7), Format.short(Double(-shown[2]), digits: 7)])
        #expect(s.notice == .news("probe: training row \(shown[2] + 1)"))
        // The header row loads nothing.
        var t = Fixtures.state(training: data)
        let before = t.probeTexts
        _ = update(&t, .key(.mouse(x: inner.x + 2, y: inner.y)))
        #expect(t.probeTexts == before)
    }
}
