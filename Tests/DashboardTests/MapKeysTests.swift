import NeuralCore
import TerminalUI
import Testing
import Training
@testable import Dashboard

/// Probing the decision map: m and the arrows, or a click, put the point under the cursor in the probe.
@Suite struct MapKeysTests {
    static func area(_ s: DashboardState) throws -> Rect {
        let map = try #require(s.layout.map)
        return try #require(MapPane.area(inner: map.inset(by: 1)))
    }

    @Test func mFocusesTheMapAndTheProbeShowsTheCursorsPoint() throws {
        var s = MapPaneTests.state()
        #expect(update(&s, .key(.character("m"))).isEmpty)
        #expect(s.focus == .map)
        // The cursor starts at the top-left cell: the smallest x1 and the largest x2 shown.
        let area = try Self.area(s)
        #expect(
            s.probeTexts == [
                Format.short(s.mapPlane.acrossValue(column: 0, of: area.width)),
                Format.short(s.mapPlane.upValue(row: 0, of: area.height))
            ])
        #expect(render(s).text.contains("Decision map"))
        #expect(render(s)[area.x, area.y].scalar == "╋")
    }

    @Test func arrowsMoveTheCursorAndTheProbeFollowsWithinTheMap() throws {
        var s = MapPaneTests.state()
        _ = update(&s, .key(.character("m")))
        let area = try Self.area(s)
        for _ in 0..<3 { _ = update(&s, .key(.right)) }
        for _ in 0..<2 { _ = update(&s, .key(.down)) }
        #expect(s.mapCursor == (3, 2))
        #expect(s.probeTexts[0] == Format.short(s.mapPlane.acrossValue(column: 3, of: area.width)))
        #expect(s.probeTexts[1] == Format.short(s.mapPlane.upValue(row: 2, of: area.height)))
        // Never off the map.
        for _ in 0..<500 { _ = update(&s, .key(.left)); _ = update(&s, .key(.up)) }
        #expect(s.mapCursor == (0, 0))
        for _ in 0..<500 { _ = update(&s, .key(.right)); _ = update(&s, .key(.down)) }
        #expect(s.mapCursor == (area.width - 1, area.height - 1))
        // Arrows do not scroll the dataset meanwhile.
        #expect(s.datasetScroll == 0)
    }

    @Test func theProbeReadsTheCursorsPointFromTheNetwork() throws {
        var s = MapPaneTests.state()
        _ = update(&s, .key(.character("m")))
        let area = try Self.area(s)
        // Far right: x1 near 5.9, σ(x1 − 3.25) near 0.93.
        for _ in 0..<area.width { _ = update(&s, .key(.right)) }
        let text = render(s).text
        let x1 = s.mapPlane.acrossValue(column: area.width - 1, of: area.width)
        let expected = logistic(Double(Format.short(x1))! - 3.25)
        #expect(text.contains("σ(z) \(Format.fixed(expected, decimals: 7))"), "\(text)")
    }

    @Test func aClickOnTheMapProbesThatPoint() throws {
        var s = MapPaneTests.state()
        let area = try Self.area(s)
        _ = update(&s, .key(.mouse(x: area.x + 10, y: area.y + 4)))
        #expect(s.focus == .map)
        #expect(s.mapCursor == (10, 4))
        #expect(s.probeTexts[0] == Format.short(s.mapPlane.acrossValue(column: 10, of: area.width)))
        // A click elsewhere leaves everything as it was.
        var t = MapPaneTests.state()
        _ = update(&t, .key(.mouse(x: 100, y: 2)))
        #expect(t.focus == .none && t.probeTexts == ["3", "1.5"])
    }

    @Test(arguments: [Key.escape, .enter, .character("m")])
    func leavingKeepsTheProbedPoint(key: Key) {
        var s = MapPaneTests.state()
        _ = update(&s, .key(.character("m")))
        _ = update(&s, .key(.right))
        let probed = s.probeTexts
        _ = update(&s, .key(key))
        #expect(s.focus == .none)
        #expect(s.probeTexts == probed)
    }

    @Test func commandKeysStillWorkWhileTheMapHasFocus() {
        var s = MapPaneTests.state()
        _ = update(&s, .key(.character("m")))
        #expect(update(&s, .key(.character(" "))) == [.command(.pause)])
        #expect(update(&s, .key(.character("+"))) == [.command(.learningRateUp)])
        _ = update(&s, .key(.character("d")))
        #expect(s.discrete && s.focus == .map)
        #expect(update(&s, .key(.tab)).isEmpty)
        #expect(s.focus == .probe(0))
    }
}
