import NeuralCore
import TerminalUI
import Testing
import Training

@testable import Dashboard

/// The decision map of a multiclass network (each class in its own colour, paler where it barely leads, the
/// contour between classes) and of a regression (its value along a ramp, with the ramp's ends in the legend).
@Suite struct TaskMapTests {
    /// Three classes, labelled 3, 5 and 9: class 0 wins left of x1 = 0 (z₀ = −6·x1), class 1 right of it
    /// (z₁ = 6·x1), class 2 never (z₂ = −3). The data span −1…1 on both features; the last row, class 2 at the
    /// far left, is predicted class 0: wrong.
    static func multiclass(colours: DashboardState.ColourDepth = .palette) -> DashboardState {
        let network = Network(
            inputCount: 2, hiddenActivation: .tanh, weights: [[[-6, 0], [6, 0], [0, 0]]], biases: [[0, 0, -3]],
            task: .multiclass)!
        let data = Dataset(rows: [[-1, -1], [1, 1], [-1, 1], [1, -1], [-0.9, 0]], targets: [0, 1, 0, 1, 2])
        var state = DashboardState(training: data, size: Size(width: 120, height: 40), colours: colours)
        state.encoding = TargetEncoding(task: .multiclass, classes: [3, 5, 9])
        _ = update(&state, .snapshot(Fixtures.snapshot(network: network)))
        return state
    }

    /// The map's field area on screen.
    static func area(_ state: DashboardState) throws -> Rect {
        let map = try #require(state.layout.map)
        return try #require(MapPane.area(inner: map.inset(by: 1)))
    }

    @Test func eachClassInItsOwnColourAndTheContourBetween() throws {
        let state = Self.multiclass()
        let screen = render(state)
        let area = try Self.area(state)
        let y = area.y + 2
        // Far left: class 0, certain (its full hue); far right: class 1, certain.
        #expect(screen[area.x + 1, y].style.foreground == .cube(red: 5, green: 3, blue: 0), "\(screen.text)")
        #expect(screen[area.maxX - 2, y].style.foreground == .cube(red: 1, green: 4, blue: 5))
        // Somewhere between, the contour.
        let row = (area.x..<area.maxX).map { screen[$0, y].scalar }
        #expect(row.contains(state.glyphs.mapMarks.contour), "\(screen.text)")
        #expect(!screen.text.contains("this map shades one probability"))
    }

    @Test func theLegendNamesEveryClassAndTheWrongPointIsMarked() throws {
        let state = Self.multiclass()
        let screen = render(state)
        let map = try #require(state.layout.map)
        let legend = screen.lines(in: map.inset(by: 1)).last ?? ""
        #expect(legend.hasPrefix(" 3  5  9 · ● train"), "\(legend)")
        // Class 2 (labelled 9) at x1 = −0.9 is predicted class 0: drawn white on red.
        let area = try Self.area(state)
        let wrong = (area.y..<area.maxY).flatMap { y in (area.x..<area.maxX).map { (x: $0, y: y) } }
            .filter { screen[$0.x, $0.y].style == Theme.dark.map.wrongPoint }
        #expect(wrong.count == 1, "\(screen.text)")
    }

    @Test func onEightColoursNoClassIsRed() throws {
        let state = Self.multiclass(colours: .eight)
        let screen = render(state)
        let area = try Self.area(state)
        var seen = Set<String>()
        for y in area.y..<area.maxY {
            for x in area.x..<area.maxX where screen[x, y].style != Theme.dark.map.wrongPoint {
                let style = screen[x, y].style
                #expect(style.background != .red && style.foreground != .red, "(\(x), \(y))")
                seen.insert("\(style.foreground)")
            }
        }
        #expect(seen.contains("\(Colour.yellow)") && seen.contains("\(Colour.cyan)"), "\(seen)")
    }

    @Test func aRegressionIsAValueMapWithItsRangeInTheTargetsUnits() throws {
        // y′ = x1, trained on (y − 100) / 10: the map runs from 90 (x1 = −1) to 110 (x1 = 1).
        let network = Network(
            inputCount: 2, hiddenActivation: .tanh, weights: [[[1, 0]]], biases: [[0]], task: .regression)!
        let data = Dataset(rows: [[-1, -1], [1, 1]], targets: [90, 110])
        var state = DashboardState(training: data, size: Size(width: 120, height: 40))
        state.encoding = TargetEncoding(task: .regression, scale: TargetScale(mean: 100, deviation: 10))
        _ = update(&state, .snapshot(Fixtures.snapshot(network: network)))
        let screen = render(state)
        let area = try Self.area(state)
        let y = area.y + 3
        #expect(screen[area.x, y].style.foreground == ValueRamp.steps.first, "\(screen.text)")
        #expect(screen[area.maxX - 1, y].style.foreground == ValueRamp.steps.last)
        let map = try #require(state.layout.map)
        let legend = screen.lines(in: map.inset(by: 1)).last ?? ""
        // The ends are the values at the outermost samples: the plane's ends, within a sample's width.
        let range = state.mapPlane.acrossRange, step = 10 * (range.upperBound - range.lowerBound) / Double(area.width)
        let ends = legend.split(separator: " ").prefix(2).compactMap { Double($0) }
        #expect(ends.count == 2, "\(legend)")
        #expect(ends.count == 2 && abs(ends[0] - (100 + 10 * range.lowerBound)) <= step, "\(legend)")
        #expect(ends.count == 2 && abs(ends[1] - (100 + 10 * range.upperBound)) <= step, "\(legend)")
        #expect(!legend.contains("wrong"), "\(legend)")
    }

    @Test func strongestClassKeepsTheClassAndItsProbability() {
        for (k, p) in [(0, 0.34), (2, 1.0), (6, 0.5), (1, 0)] {
            let (kk, pp) = StrongestClass.decode(StrongestClass.encode(k, p))
            #expect(kk == k && abs(pp - p) < 1e-12)
        }
        #expect(StrongestClass.decode(.nan) == (0, 0))
    }
}

/// The probe lists every class's probability for a multiclass network, as many as fit.
@Suite struct ProbeClassesTests {
    @Test func everyClassHasItsProbability() throws {
        let state = TaskMapTests.multiclass()
        let lines = inside(\.probe, of: state)
        let line = try #require(lines.first { $0.hasPrefix("p  ") }, "\(lines)")
        // The probe reads the first row (−1, −1): class 0 (labelled 3) is sure.
        #expect(line.hasPrefix("p  3 1.00  5 0.00  9 0.00"), "\(line)")
    }

    @Test func whatDoesNotFitEndsInAnEllipsis() {
        let reading = [Double](repeating: 0.1, count: 10)
        let encoding = TargetEncoding(task: .multiclass, classes: (0..<10).map(Double.init))
        let line = ProbePane.classLine(reading, encoding, width: 30, glyphs: .unicode)
        #expect(line.count <= 30 && line.hasSuffix("…") && line.hasPrefix("p  0 0.10  1 0.10"), "\(line)")
    }
}
