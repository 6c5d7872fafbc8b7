import NeuralCore
import TerminalUI
import Testing
import Training
@testable import Dashboard

/// The map's palettes and the themes, rendered: on eight colours no class is drawn in the colour of a wrong
/// point and the uncertain band has no stripes; the colour-blind palette and the themes change what they say.
@Suite struct PaletteTests {
    /// p = σ(x1 + x2 − 4): a diagonal boundary, so the bands change along rows and columns alike.
    static let diagonal = Network(weights: [1, 1], bias: -4)

    /// The tutorial's points and a test point (5, 3) of label 0, on the 120×40 map: those on the other side of
    /// the diagonal are wrong.
    static func state(
        colours: DashboardState.ColourDepth, theme: Theme.Name = .dark, palette: Theme.Palette = .standard
    ) -> DashboardState {
        var s = DashboardState(
            training: .tutorial, test: Dataset(rows: [[5, 3]], targets: [0]), size: Size(width: 120, height: 40),
            glyphs: .unicode, colours: colours)
        s.themeName = theme
        s.palette = palette
        s.snapshot = Fixtures.snapshot(network: Self.diagonal)
        return s
    }

    static func mapArea(_ s: DashboardState) throws -> Rect {
        let map = try #require(s.layout.map)
        return try #require(MapPane.area(inner: map.inset(by: 1)))
    }

    static let everyTheme = Theme.Name.allCases.flatMap { name in Theme.Palette.allCases.map { (name, $0) } }

    @Test(arguments: PaletteTests.everyTheme)
    func onEightColoursNoClassIsTheColourOfAWrongPoint(theme: Theme.Name, palette: Theme.Palette) throws {
        let s = Self.state(colours: .eight, theme: theme, palette: palette)
        let wrong = s.theme.map.wrongPoint
        #expect(!(s.theme.map.classOne + s.theme.map.classZero).contains(wrong.background))
        let buffer = render(s)
        let area = try Self.mapArea(s)
        var wrongPoints = 0
        for y in area.y..<area.maxY {
            for x in area.x..<area.maxX {
                let style = buffer[x, y].style
                if style == wrong {
                    wrongPoints += 1
                    continue
                }
                #expect(style.background != wrong.background, "(\(x), \(y)) \(buffer.line(y))")
                if buffer[x, y].scalar == "▀" { #expect(style.foreground != wrong.background, "(\(x), \(y))") }
            }
        }
        // Every point on the wrong side of x1 + x2 = 4 is there to be seen (none shares a cell).
        let data = Dataset.tutorial
        let points = (0..<data.count).map { (Array(data.row($0)), data.targets[$0]) } + [([5, 3], 0)]
        #expect(wrongPoints == points.filter { ($0.0[0] + $0.0[1] >= 4) != ($0.1 >= 0.5) }.count)
        #expect(wrongPoints > 0)
    }

    @Test(arguments: Theme.Palette.allCases)
    func onEightColoursEachClassIsOneFlatColourWithoutStripes(palette: Theme.Palette) throws {
        let s = Self.state(colours: .eight, palette: palette)
        let buffer = render(s)
        let area = try Self.mapArea(s)
        var halfBlocks = 0
        for y in area.y..<area.maxY {
            for x in area.x..<area.maxX where buffer[x, y].scalar == "▀" {
                halfBlocks += 1
                let style = buffer[x, y].style
                // Both halves of a cell in one colour, blue or yellow, whatever the confidence: no stripes of
                // the default colour near p = 0.5.
                #expect(style.foreground == style.background, "(\(x), \(y)) \(buffer.line(y))")
                #expect([Colour.blue, .yellow].contains(style.background), "(\(x), \(y))")
            }
        }
        #expect(halfBlocks > area.width * area.height / 2)
    }

    @Test func theColourBlindPaletteMarksWrongPointsOnBlackAndRightAndWrongInBlueAndVermillion() throws {
        var s = Self.state(colours: .palette)
        let area = try Self.mapArea(s)
        let wrong = MapPaneTests.cell(of: (2, 1), s, area)
        #expect(render(s)[wrong.x, wrong.y].style == Style(.white, background: .red, bold: true))
        // P, as the config file or --palette would set it.
        s = Fixtures.pressing([.character("P")], on: s)
        #expect(s.palette == .colourBlind)
        #expect(s.notice == .news("palette colour-blind (Okabe-Ito)"))
        let buffer = render(s)
        #expect(buffer[wrong.x, wrong.y].style == Style(.white, background: .black, bold: true))
        #expect(buffer.text.contains("wrong: on black"))
        // Okabe–Ito's sky blue and vermillion, not green and red, for right and wrong and for signs.
        #expect(s.theme.right == Style(.cube(red: 1, green: 3, blue: 4), bold: true))
        #expect(s.theme.wrong == Style(.cube(red: 4, green: 1, blue: 0), bold: true))
        #expect(s.theme.signed(-1).foreground == .cube(red: 4, green: 1, blue: 0))
        // The strongest class-1 band is Okabe–Ito's blue; the map's class colours are no wrong marker's.
        #expect(buffer[area.maxX - 1, area.maxY - 1].style.background == .cube(red: 0, green: 1, blue: 3))
        #expect(!(s.theme.map.classOne + s.theme.map.classZero).contains(.black))
        // And P again goes back.
        s = Fixtures.pressing([.character("P")], on: s)
        #expect(s.palette == .standard)
        #expect(render(s)[wrong.x, wrong.y].style == Style(.white, background: .red, bold: true))
    }

    @Test func theLightThemeDrawsNothingYellowOrCyan() {
        var s = Fixtures.state(size: Size(width: 120, height: 40))
        let dark = render(s)
        #expect(Self.foregrounds(dark).contains(.cyan))
        s = Fixtures.pressing([.character("T")], on: s)
        #expect(s.themeName == .light)
        let light = render(s)
        let colours = Self.foregrounds(light).union(Self.backgrounds(light))
        #expect(!colours.contains(.cyan) && !colours.contains(.yellow), "\(colours)")
        // The training curve in a darker blue that reads on white.
        #expect(Self.foregrounds(light).contains(.cube(red: 0, green: 2, blue: 4)))
        // Paused: black on yellow, not white (the background) on yellow.
        s.snapshot = Fixtures.snapshot(state: .paused)
        #expect(render(s)[1, 39].style == Style(.black, background: .yellow, bold: true))
    }

    @Test func theFocusedBorderIsDrawnInTheThemesStyle() {
        var s = Fixtures.state(size: Size(width: 120, height: 40))
        s.focus = .weights
        let frame = s.layout.weights
        let dark = render(s)
        #expect(dark[frame.x, frame.y].style == s.theme.focusedBorder)
        #expect(dark[frame.x, frame.y].style == Style(.cyan, bold: true))
        s.themeName = .light
        let light = render(s)
        // Every edge of the frame, corners and sides alike.
        for (x, y) in [
            (frame.x, frame.y), (frame.maxX - 1, frame.maxY - 1), (frame.x, frame.y + 1), (frame.x + 1, frame.maxY - 1)
        ] {
            #expect(light[x, y].style == s.theme.focusedBorder, "(\(x), \(y))")
            #expect(light[x, y].style != dark[x, y].style, "(\(x), \(y))")
        }
        #expect(s.theme.focusedBorder == Style(.cube(red: 0, green: 2, blue: 4), bold: true))
        #expect(!Self.foregrounds(light).contains(.cyan))
    }

    @Test func theHighContrastThemeDimsNothing() {
        var s = Fixtures.state(size: Size(width: 120, height: 40))
        #expect(Self.cells(render(s)).contains { $0.style.dim })
        s = Fixtures.pressing([.character("T"), .character("T")], on: s)
        #expect(s.themeName == .highContrast)
        #expect(s.notice == .news("theme high-contrast"))
        let buffer = render(s)
        #expect(!Self.cells(buffer).contains { $0.style.dim })
        #expect(Self.foregrounds(buffer).contains(.cube(red: 0, green: 5, blue: 5)))
        // Back to dark after the third.
        s = Fixtures.pressing([.character("T")], on: s)
        #expect(s.theme == Theme.dark)
    }

    @Test func eightColourThemesUseStandardColoursOnly() {
        for (name, palette) in Self.everyTheme {
            var s = Fixtures.state(size: Size(width: 120, height: 40))
            s.colours = .eight
            s.themeName = name
            s.palette = palette
            let colours = Self.foregrounds(render(s)).union(Self.backgrounds(render(s)))
            #expect(colours.allSatisfy { $0.index < 8 }, "\(name) \(palette): \(colours)")
        }
    }

    static func cells(_ buffer: Buffer) -> [Cell] {
        (0..<buffer.size.height).flatMap { y in (0..<buffer.size.width).map { buffer[$0, y] } }
    }

    static func foregrounds(_ buffer: Buffer) -> Set<Colour> { Set(cells(buffer).map(\.style.foreground)) }
    static func backgrounds(_ buffer: Buffer) -> Set<Colour> { Set(cells(buffer).map(\.style.background)) }
}
