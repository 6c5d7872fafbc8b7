import NeuralCore
import TerminalUI
import Testing
import Training
@testable import Dashboard

/// The decision map, rendered into a buffer: a known network gives known cells.
@Suite struct MapPaneTests {
    /// p = σ(x1 − 3.25): class 1 right of x1 = 3.25 whatever x2 is.
    static let vertical = Network(weights: [1, 0], bias: -3.25)

    static func state(
        network: Network = vertical, colours: DashboardState.ColourDepth = .palette,
        glyphs: GlyphSet = .unicode, size: Size = Size(width: 120, height: 40)
    ) -> DashboardState {
        var s = DashboardState(training: .tutorial, size: size, glyphs: glyphs, colours: colours)
        s.snapshot = Fixtures.snapshot(network: network)
        return s
    }

    static func area(_ s: DashboardState) throws -> Rect {
        let map = try #require(s.layout.map)
        return try #require(MapPane.area(inner: map.inset(by: 1)))
    }

    /// The screen cell that holds a data point.
    static func cell(of point: (Double, Double), _ s: DashboardState, _ area: Rect) -> (x: Int, y: Int) {
        (
            area.x + s.mapPlane.column(of: point.0, columns: area.width),
            area.y + s.mapPlane.row(of: point.1, rows: area.height * 2) / 2
        )
    }

    @Test func framedWithBothFeaturesAndTheirRanges() throws {
        let s = Self.state()
        let text = render(s).text
        #expect(text.contains("┌ Decision map · x1 0.55…5.95 · x2 0.15…4.35 "), "\(text)")
        #expect(text.contains("│●○ train · ■□ test · wrong: red · • p=0.5 "), "\(text)")
    }

    @Test func classOneRightOfTheBoundaryClassZeroLeftAndTheContourBetween() throws {
        let s = Self.state()
        let buffer = render(s)
        let area = try Self.area(s)
        let boundary = (0..<area.width).first { s.mapPlane.acrossValue(column: $0 + 1, of: area.width) >= 3.25 }!
        let row = area.y + 1
        for c in 0..<area.width {
            let cell = buffer[area.x + c, row]
            if c == boundary {
                #expect(cell.scalar == "•", "column \(c)")
            } else if cell.scalar == "▀" {
                let p = logistic(s.mapPlane.acrossValue(column: c, of: area.width) - 3.25)
                #expect(cell.style.foreground == Theme.dark.map.colour(p, discrete: false), "column \(c)")
                #expect((c < boundary) == (p < 0.5))
            }
        }
        // Far from the boundary the colours are the strongest bands; next to it, the palest.
        let left = buffer[area.x, row].style.foreground, right = buffer[area.maxX - 1, row].style.foreground
        #expect(left == .cube(red: 5, green: 2, blue: 0))
        #expect(right == .cube(red: 1, green: 2, blue: 4))
        #expect(buffer[area.x + boundary - 1, row].style.foreground == .cube(red: 5, green: 5, blue: 4))
    }

    @Test func pointsShowLabelSplitAndWhetherThePredictionIsRight() throws {
        let test = Dataset(rows: [[5, 3]], targets: [0])
        var s = Self.state()
        s = DashboardState(training: .tutorial, test: test, size: s.size, glyphs: .unicode, colours: .palette)
        s.snapshot = Fixtures.snapshot(network: Self.vertical)
        let buffer = render(s)
        let area = try Self.area(s)
        // (5.5, 1) label 1, predicted 1: a filled dot, not reversed. (1, 1) label 0, predicted 0: a ring.
        let rightOne = Self.cell(of: (5.5, 1), s, area), rightZero = Self.cell(of: (1, 1), s, area)
        #expect(buffer[rightOne.x, rightOne.y].scalar == "●")
        #expect(!buffer[rightOne.x, rightOne.y].style.reverse)
        #expect(buffer[rightZero.x, rightZero.y].scalar == "○")
        #expect(!buffer[rightZero.x, rightZero.y].style.reverse)
        // (2, 1) label 1, predicted 0: reversed.
        let wrong = Self.cell(of: (2, 1), s, area)
        #expect(buffer[wrong.x, wrong.y].scalar == "●")
        #expect(buffer[wrong.x, wrong.y].style == Theme.dark.map.wrongPoint)
        // The test point (5, 3) label 0, predicted 1: a reversed square.
        let testPoint = Self.cell(of: (5, 3), s, area)
        #expect(buffer[testPoint.x, testPoint.y].scalar == "□")
        #expect(buffer[testPoint.x, testPoint.y].style == Theme.dark.map.wrongPoint)
        // Without colour, a wrong point is reversed.
        var mono = s
        mono.colours = .monochrome
        #expect(render(mono)[wrong.x, wrong.y].style.reverse)
        #expect(!render(mono)[rightOne.x, rightOne.y].style.reverse)
    }

    @Test func withoutColourTheProbabilityIsAShade() throws {
        let s = Self.state(colours: .monochrome)
        let buffer = render(s)
        let area = try Self.area(s)
        #expect(buffer[area.x, area.y].scalar == " ")
        #expect(buffer[area.maxX - 1, area.y].scalar == "█")
        #expect(buffer.line(area.y).contains("•"))
    }

    @Test func eightColoursUseBlueAndYellow() throws {
        let s = Self.state(colours: .eight)
        let buffer = render(s)
        let area = try Self.area(s)
        #expect(buffer[area.x, area.y + 1].style.foreground == .yellow)
        #expect(buffer[area.maxX - 1, area.y + 1].style.foreground == .blue)
    }

    @Test func asciiDrawsWholeCellsAndPlainCharacters() throws {
        let s = Self.state(colours: .monochrome, glyphs: .ascii)
        let buffer = render(s)
        let map = try #require(s.layout.map)
        for y in map.y..<map.maxY {
            let part = buffer.line(y).unicodeScalars.filter { _ in true }
            #expect(part.allSatisfy { $0.isASCII }, "row \(y): \(buffer.line(y))")
        }
        let area = try Self.area(s)
        #expect(buffer[area.maxX - 1, area.y].scalar == "#")
        let point = Self.cell(of: (5.5, 1), s, area)
        #expect(buffer[point.x, point.y].scalar == "X")
    }

    @Test func discreteShowsTwoFlatColours() throws {
        var s = Self.state()
        _ = update(&s, .key(.character("d")))
        let buffer = render(s)
        let area = try Self.area(s)
        #expect(buffer.line(area.maxY).hasPrefix("│discrete · ●○ train · ■□ test"), "\(buffer.line(area.maxY))")
        #expect(buffer[area.x, area.y + 1].style.foreground == buffer[area.x + 3, area.y + 1].style.foreground)
        #expect(buffer[area.x, area.y + 1].style.foreground == .cube(red: 5, green: 3, blue: 2))
        #expect(buffer[area.maxX - 1, area.y + 1].style.foreground == .cube(red: 2, green: 3, blue: 5))
    }

    @Test func theMapRepaintsWhenTheWeightsChange() throws {
        var s = Self.state()
        let before = render(s)
        _ = update(&s, .snapshot(Fixtures.snapshot(network: Network(weights: [-1, 0], bias: 3.25))))
        let after = render(s)
        let area = try Self.area(s)
        #expect(before[area.x, area.y + 1].style.foreground != after[area.x, area.y + 1].style.foreground)
        #expect(after[area.x, area.y + 1].style.foreground == .cube(red: 1, green: 2, blue: 4))
    }

    @Test(arguments: [Size(width: 80, height: 24), Layout.minimum, Size(width: 99, height: 40)])
    func noMapOnASmallScreen(size: Size) {
        var s = Self.state(size: size)
        #expect(s.layout.map == nil)
        #expect(!render(s).text.contains("Decision map"))
        _ = update(&s, .key(.character("m")))
        #expect(s.focus == .none)
        #expect(s.notice?.text.contains("at least 100×30") == true)
    }

    @Test func aThreeFeatureMapHoldsTheThirdAtItsMeanAndXChoosesAnother() throws {
        let data = Dataset(rows: [[0, 0, 10], [1, 2, 20], [2, 4, 30], [3, 6, 40]], targets: [0, 0, 1, 1])
        let network = Network(weights: [0, 0, 1], bias: -25)
        var s = DashboardState(training: data, size: Size(width: 120, height: 40))
        s.snapshot = Fixtures.snapshot(network: network)
        #expect(s.mapPlane.base == [1.5, 3, 25])
        #expect(render(s).text.contains("Decision map · x1 -0.3…3.3 · x2 -0.6…6.6"))
        _ = update(&s, .key(.character("x")))
        #expect(render(s).text.contains("Decision map · x3 7…43 · x2 -0.6…6.6"))
        _ = update(&s, .key(.character("y")))
        #expect(s.mapPlane.across == 2 && s.mapPlane.up == 0)
    }

    @Test func aLargeSetIsDrawnAsAScatteredSampleAndTheLegendSaysSo() throws {
        #expect(MapPane.shownRows(MapPane.pointLimit) == Array(0..<MapPane.pointLimit))
        for count in [MapPane.pointLimit + 1, 4_000, 10_000, 1_000_000] {
            let rows = MapPane.shownRows(count)
            #expect(rows.count == MapPane.pointLimit && Set(rows).count == rows.count, "\(count): not distinct")
            #expect(rows.allSatisfy { (0..<count).contains($0) })
            // Spread over the whole set, and through any short period of the labels.
            #expect(rows.max()! >= count * 9 / 10 && rows.min()! == 0, "\(count)")
            for period in 2...5 {
                let seen = Set(rows.map { $0 % period })
                #expect(seen.count == period, "\(count) rows, period \(period): only \(seen.sorted())")
            }
        }
        // 10 000 points alternating class, on a line at x2 = 2: both classes drawn, and the legend says 1 in 5.
        let points = (0..<10_000).map { [Double($0) / 1_000, 2] }
        let data = Dataset(rows: points, targets: (0..<10_000).map { Double($0 % 2) })
        var s = DashboardState(training: data, size: Size(width: 120, height: 40))
        s.snapshot = Fixtures.snapshot(network: Self.vertical)
        let text = render(s).text
        #expect(text.contains("●○ train · ■□ test · 1 point in 5 · wrong: red"), "\(text)")
        let area = try Self.area(s), buffer = render(s)
        var drawn = Set<Unicode.Scalar>()
        for y in area.y..<area.maxY { for x in area.x..<area.maxX { drawn.insert(buffer[x, y].scalar) } }
        #expect(drawn.contains("●") && drawn.contains("○"), "one class is missing from the map")
        // The tutorial's eight points are all drawn, and the legend says nothing of sampling.
        #expect(!render(Self.state()).text.contains("1 point in"))
    }
}
