import NeuralCore
import TerminalUI
import Testing
import Training
@testable import Dashboard

/// The Network pane against rendered buffers: known networks give known cells (maps, links, strips, the selected
/// unit's parameters), and the pane comes and goes with the screen's size.
@Suite struct NetworkPaneTests {
    /// Four points around the origin: the plane spans −1.2…1.2 both ways, its middle at 0.
    static let square = Dataset(rows: [[-1, -1], [1, 1], [-1, 1], [1, -1]], targets: [0, 1, 1, 0])

    /// 2-2-1 tanh: hidden unit 1 is tanh(100·x1) (−1 left of the middle, +1 right), unit 2 tanh(100·x2); the
    /// output weighs them +2 and −2.
    static let sharp = Network(
        sizes: [2, 2, 1], hiddenActivation: .tanh, parameters: [100, 0, 0, 100, 0, 0, 2, -2, 0])

    static func state(
        _ network: Network, training: Dataset = square, size: Size = Size(width: 120, height: 40)
    ) -> DashboardState {
        var s = DashboardState(training: training, size: size)
        s.snapshot = Fixtures.snapshot(network: network)
        return s
    }

    static func pane(_ state: DashboardState) throws -> (geometry: NetworkGeometry, buffer: Buffer) {
        let geometry = try #require(NetworkPane.geometry(state))
        return (geometry, render(state))
    }

    // MARK: - Where it shows

    @Test func shownFrom120By40ForAHiddenLayer() throws {
        let deep = Self.state(Fixtures.deepNetwork())
        let rect = try #require(deep.layout.network)
        #expect(render(deep).lines(in: Rect(x: rect.x, y: rect.y, width: rect.width, height: 1))[0].contains("Network"))
        // The tutorial's single unit has no hidden layer: no pane unless asked for.
        #expect(Self.state(Fixtures.tutorialNetwork).layout.network == nil)
        // Smaller than 120×40: hidden until asked for.
        #expect(Self.state(Fixtures.deepNetwork(), size: Size(width: 100, height: 30)).layout.network == nil)
    }

    @Test func keepsTheOtherPanesKeyFigures() throws {
        var state = Self.state(Fixtures.deepNetwork(), training: .tutorial)
        let buffer = render(state)
        let layout = state.layout
        // The loss legend and the weights' heading are whole beside the pane.
        #expect(buffer.lines(in: layout.error.inset(by: 1))[0].contains("train 1.25"))
        #expect(buffer.lines(in: layout.weights.inset(by: 1))[0].contains("hidden 1: 2×8 tanh"))
        #expect(buffer.lines(in: layout.status).joined().contains("RUNNING"))
        state.networkShown = false
        #expect(state.layout.network == nil)
    }

    @Test func uShowsItWhereItFitsAndSaysWhenItDoesNot() throws {
        var fits = Self.state(Fixtures.deepNetwork(), size: Size(width: 100, height: 30))
        _ = update(&fits, .key(.character("U")))
        #expect(fits.layout.network != nil)
        _ = update(&fits, .key(.character("U")))
        #expect(fits.layout.network == nil)
        var small = Self.state(Fixtures.deepNetwork(), size: Size(width: 70, height: 20))
        _ = update(&small, .key(.character("U")))
        #expect(small.layout.network == nil)
        #expect(small.notice?.text.contains("needs more room") == true)
        _ = update(&small, .key(.character("u")))
        #expect(small.focus == .none)
        #expect(render(small).contains("needs more room"))
    }

    // MARK: - Unit maps, strips and links

    /// The done case: a 30-16-16-1 network on 30 features shows all 32 hidden units at 120×40, as maps.
    @Test func thirtySixteenSixteenOneShowsEveryHiddenUnit() throws {
        var generator = SeededGenerator(seed: 3)
        let rows = (0..<50).map { _ in (0..<30).map { _ in generator.standardNormal() } }
        let data = Dataset(rows: rows, targets: rows.map { $0[0] > 0 ? 1 : 0 })
        let network = Network(inputCount: 30, hidden: [16, 16], hiddenActivation: .tanh, generator: &generator)
        let (geometry, buffer) = try Self.pane(Self.state(network, training: data))
        let hidden = geometry.columns.filter { $0.layer == 1 || $0.layer == 2 }
        #expect(hidden.count == 2)
        for column in hidden {
            #expect(column.shown == 16 && !column.strip)
            for k in 0..<16 {
                let cell = try #require(column.cell(k, mapWidth: geometry.mapWidth))
                for x in cell.x..<cell.maxX { #expect(buffer[x, cell.y].scalar == "▀") }
            }
        }
        // The 30 inputs are more than the column holds: a strip of 16 of them, the count in its header.
        let inputs = try #require(geometry.columns.first)
        #expect(inputs.strip && inputs.shown == 16 && inputs.units == 30)
        #expect(buffer.lines(in: Rect(x: inputs.x, y: geometry.header, width: 6, height: 1))[0] == "in 30")
    }

    /// tanh(100·x1) is −1 left of the plane's middle and +1 right of it: the map's deepest orange, then its
    /// deepest blue; tanh(100·x2) is blue above the middle and orange below.
    @Test func aUnitMapShowsTheUnitOverThePlane() throws {
        let (geometry, buffer) = try Self.pane(Self.state(Self.sharp))
        let column = try #require(geometry.columns.first { $0.layer == 1 })
        let orange = Theme.dark.map.colour(0, discrete: false)
        let blue = Theme.dark.map.colour(1, discrete: false)
        let across = try #require(column.cell(0, mapWidth: geometry.mapWidth))
        let half = across.width / 2
        for row in across.y..<across.maxY {
            for x in across.x..<(across.x + half) { #expect(buffer[x, row].style.foreground == orange) }
            for x in (across.x + half)..<across.maxX { #expect(buffer[x, row].style.foreground == blue) }
        }
        let up = try #require(column.cell(1, mapWidth: geometry.mapWidth))
        #expect(buffer[up.x, up.y].style.foreground == blue)
        #expect(buffer[up.x, up.maxY - 1].style.foreground == orange)
        // The bottom half of a map's last row is left blank, parting it from the next unit's.
        #expect(buffer[up.x, up.maxY - 1].style.background == .standard)
        #expect(buffer[up.x, up.y].style.background == blue)
    }

    /// The output's links: +2 from unit 1 in blue, −2 from unit 2 in orange, across the gap.
    @Test func linksAreColouredBySign() throws {
        let state = Self.state(Self.sharp)
        let (geometry, buffer) = try Self.pane(state)
        let inner = Panel.inner(of: try #require(state.layout.network))
        let hidden = try #require(geometry.columns.first { $0.layer == 1 })
        let output = try #require(geometry.columns.first { $0.layer == 2 })
        let gap = Rect(
            x: hidden.x + hidden.width, y: geometry.header + 1, width: output.x - hidden.x - hidden.width,
            height: inner.maxY - geometry.header - 1)
        var colours: Set<String> = []
        for y in gap.y..<gap.maxY {
            for x in gap.x..<gap.maxX where buffer[x, y].scalar != " " {
                colours.insert("\(buffer[x, y].style.foreground)")
            }
        }
        let blue = Theme.dark.map.colour(1, discrete: false)
        let orange = Theme.dark.map.colour(0, discrete: false)
        #expect(colours == ["\(blue)", "\(orange)"])
        // Where a link leaves unit 1 its dots are blue; where one leaves unit 2, orange.
        #expect(buffer[gap.x, hidden.linkRow(0)].style.foreground == blue)
        #expect(buffer[gap.x, hidden.linkRow(1)].style.foreground == orange)
        #expect(Set(NetworkLinks.links(Self.sharp, from: hidden, to: output, selected: nil).map(\.weight)) == [2, -2])
    }

    /// A layer of 40 units in 16 rows is a heat strip, scrolled to keep the selected unit in view.
    @Test func aLayerTooLargeIsAScrolledStrip() throws {
        var generator = SeededGenerator(seed: 5)
        let network = Network(inputCount: 2, hidden: [40], hiddenActivation: .tanh, generator: &generator)
        var state = Self.state(network)
        var (geometry, buffer) = try Self.pane(state)
        var strip = try #require(geometry.columns.first { $0.layer == 1 })
        #expect(strip.strip && strip.units == 40 && strip.shown == 16 && strip.first == 0)
        #expect(buffer.lines(in: Rect(x: strip.x, y: geometry.header, width: 5, height: 1))[0] == "h1 40")
        #expect(buffer[strip.x, strip.linkRow(15)].scalar == "▼")
        state.selectedUnit = NetworkUnit(layer: 0, index: 30)
        (geometry, buffer) = try Self.pane(state)
        strip = try #require(geometry.columns.first { $0.layer == 1 })
        #expect(strip.first == 22)
        #expect(buffer[strip.x, strip.linkRow(30)].scalar == "▶")
        #expect(buffer[strip.x, strip.y].scalar == "▲")
        // Every strip row is one colour: its unit's value at the probe's point.
        let cell = try #require(strip.cell(30, mapWidth: geometry.mapWidth))
        #expect(buffer[cell.x, cell.y].style == buffer[cell.maxX - 1, cell.y].style)
    }

    // MARK: - Selecting and editing

    @Test func aClickAndTheKeysSelectTheSameUnit() throws {
        let state = Self.state(Fixtures.deepNetwork())
        let geometry = try #require(NetworkPane.geometry(state))
        let second = try #require(geometry.columns.first { $0.layer == 2 })
        let cell = try #require(second.cell(3, mapWidth: geometry.mapWidth))
        #expect(NetworkPane.unit(state, column: cell.x, row: cell.y) == NetworkUnit(layer: 1, index: 3))
        #expect(NetworkPane.unit(state, column: cell.maxX - 1, row: cell.maxY - 1) == NetworkUnit(layer: 1, index: 3))
        // Inputs are not units; nor is the gap, nor anywhere off the pane.
        let inputs = try #require(geometry.columns.first)
        #expect(NetworkPane.unit(state, column: inputs.x + 1, row: inputs.y) == nil)
        #expect(NetworkPane.unit(state, column: cell.maxX + 1, row: cell.y) == nil)
        #expect(NetworkPane.unit(state, column: 0, row: 0) == nil)
        let clicked = Fixtures.pressing([.mouse(x: cell.x, y: cell.y)], on: state)
        let keyed = Fixtures.pressing([.character("u"), .right, .down, .down, .down], on: state)
        #expect(clicked.selectedUnit == NetworkUnit(layer: 1, index: 3) && clicked.focus == .network)
        #expect(keyed.selectedUnit == clicked.selectedUnit && keyed.focus == clicked.focus)
        // The marker is drawn beside the selected unit.
        #expect(render(clicked)[second.x, second.linkRow(3)].scalar == "▶")
    }

    @Test func theArrowsStayInsideTheNetwork() {
        let state = Self.state(Fixtures.deepNetwork())
        let up = Fixtures.pressing([.character("u"), .up, .left], on: state)
        #expect(up.selectedUnit == NetworkUnit(layer: 0, index: 0))
        let far = Fixtures.pressing([.character("u")] + Array(repeating: .right, count: 5) + [.down], on: state)
        #expect(far.selectedUnit == NetworkUnit(layer: 2, index: 0))
        let out = Fixtures.pressing([.character("u"), .escape], on: state)
        #expect(out.selectedUnit == nil && out.focus == .none)
    }

    /// u, a unit, Tab to its second weight, Enter, a value, Enter: one command setting that weight.
    @Test func editingAWeightSendsOneCommand() throws {
        var state = Self.state(Fixtures.deepNetwork())
        let network = Fixtures.deepNetwork()
        let effects = Fixtures.effects(
            [
                .character("u"), .right, .down, .tab, .tab, .enter, .character("0"), .character("."), .character("5"),
                .enter
            ], on: &state)
        // Hidden layer 2, unit 2, its weight from unit 2 of hidden layer 1.
        let index = network.offsets[1] + 1 * 8 + 1
        #expect(Fixtures.commands(effects) == [.setParameter(index: index, value: 0.5)])
        #expect(state.focus == .network)
        // Enter pre-fills the value now; Esc leaves it untouched.
        var cancelled = Self.state(network)
        let none = Fixtures.effects([.character("u"), .enter, .character("9"), .escape], on: &cancelled)
        #expect(none.isEmpty && cancelled.focus == .network)
        let typing = Fixtures.pressing([.character("u"), .enter], on: Self.state(network))
        #expect(typing.parameterText == Format.short(network.parameters[network.offsets[0] + 16], digits: 6))
        // Not a number: said, and nothing sent.
        var wrong = Self.state(network)
        let rejected = Fixtures.effects([.character("u"), .enter, .character("x"), .enter], on: &wrong)
        #expect(rejected.isEmpty)
        #expect(wrong.notice?.text.contains("a weight must be a number") == true)
    }

    /// The selected unit's bias and weights, by value, and the one Tab reached marked; while typing, the text.
    @Test func theDetailShowsTheIncomingParameters() throws {
        var state = Fixtures.pressing([.character("u"), .tab], on: Self.state(Self.sharp))
        let geometry = try #require(NetworkPane.geometry(state))
        let detail = try #require(geometry.detail)
        var lines = render(state).lines(in: detail)
        #expect(lines[0] == "h1 1 · tanh")
        #expect(lines[2].hasPrefix("b      0.0000 bias"))
        #expect(lines[3].hasPrefix("w1   100.0000 x1"))
        #expect(lines[4].hasPrefix("w2     0.0000 x2"))
        #expect(lines.last == "Tab weight · Enter edit")
        #expect(render(state)[detail.x, detail.y + 3].style == Theme.dark.focusedField)
        state = Fixtures.pressing([.enter, .character("7")], on: state)
        lines = render(state).lines(in: detail)
        #expect(lines[3].hasPrefix("w1  7_"))
        #expect(lines.last == "Enter sets · Esc cancels")
    }

    /// The gradient column, drawn from a gradient supplied as the snapshot will carry it (the layer's block).
    @Test func theGradientColumnIsDrawnWhenThereIsOne() throws {
        let state = Fixtures.pressing([.character("u"), .down], on: Self.state(Self.sharp))
        let unit = NetworkUnit(layer: 0, index: 1)
        // Layer 0's block: weights of unit 1, of unit 2, then the two biases.
        let gradient = [0.5, -0.25, 0.125, -0.0625, 1e-5, 3]
        #expect(
            NetworkDetail.gradientColumn(gradient, network: Self.sharp, unit: unit) == ["3", "0.125", "-0.0625"])
        #expect(NetworkDetail.gradientColumn(nil, network: Self.sharp, unit: unit) == nil)
        #expect(NetworkDetail.gradientColumn([1, 2], network: Self.sharp, unit: unit) == nil)
        let rect = Rect(x: 0, y: 0, width: 34, height: 8)
        var buffer = Buffer(size: Size(width: 34, height: 8))
        NetworkDetail.draw(state, network: Self.sharp, unit: unit, gradient: gradient, in: rect, on: &buffer)
        let lines = buffer.lines(in: rect)
        #expect(lines[1] == "        value         ∇")
        #expect(lines[2] == "b      0.0000         3 bias")
        #expect(lines[3] == "w1     0.0000     0.125 x1")
        #expect(lines[4] == "w2   100.0000   -0.0625 x2")
        var without = Buffer(size: Size(width: 34, height: 8))
        NetworkDetail.draw(state, network: Self.sharp, unit: unit, gradient: nil, in: rect, on: &without)
        #expect(without.lines(in: rect)[2] == "b      0.0000 bias")
    }

    /// With a hidden unit selected the decision map shows that unit: tanh(100·x1) is orange on the left, blue on
    /// the right, whatever the output does.
    @Test func theDecisionMapShowsTheSelectedUnit() throws {
        let state = Fixtures.pressing([.character("u")], on: Self.state(Self.sharp))
        let map = try #require(state.layout.map)
        let buffer = render(state)
        #expect(buffer.lines(in: Rect(x: map.x, y: map.y, width: map.width, height: 1))[0].contains("Map of h1 1"))
        let area = try #require(MapPane.area(inner: map.inset(by: 1)))
        let orange = Theme.dark.map.colour(0, discrete: false)
        let blue = Theme.dark.map.colour(1, discrete: false)
        #expect(buffer[area.x + 1, area.y + 5].style.foreground == orange)
        #expect(buffer[area.maxX - 2, area.y + 5].style.foreground == blue)
        // The output again once the unit is let go.
        let back = Fixtures.pressing([.escape], on: state)
        #expect(
            render(back).lines(in: Rect(x: map.x, y: map.y, width: map.width, height: 1))[0].contains("Decision map"))
    }

    /// Without colour the maps are shades and the links bold (positive) or dim (negative); in ASCII, no braille.
    @Test func readsWithoutColourAndInASCII() throws {
        var state = Self.state(Self.sharp)
        state.colours = .monochrome
        state.glyphs = .ascii
        let (geometry, buffer) = try Self.pane(state)
        let column = try #require(geometry.columns.first { $0.layer == 1 })
        let cell = try #require(column.cell(0, mapWidth: geometry.mapWidth))
        #expect(buffer[cell.x, cell.y].scalar == " ")  // −1: the palest shade
        #expect(buffer[cell.maxX - 1, cell.y].scalar == "#")  // +1: the darkest
        for y in 0..<buffer.size.height {
            for x in 0..<buffer.size.width { #expect(buffer[x, y].scalar.value < 0x80) }
        }
    }

    /// No size or network breaks it: every size from the smallest up, networks wide and deep, before any snapshot.
    @Test func drawsAtEverySize() {
        var generator = SeededGenerator(seed: 9)
        let networks = [
            Fixtures.deepNetwork(), Fixtures.tutorialNetwork,
            Network(inputCount: 2, hidden: [3, 3, 3, 3, 3, 3, 3, 3], hiddenActivation: .relu, generator: &generator),
            Network(inputCount: 2, hidden: [300], hiddenActivation: .linear, generator: &generator)
        ]
        for network in networks {
            for width in stride(from: 60, through: 160, by: 17) {
                for height in stride(from: 18, through: 60, by: 9) {
                    var state = Self.state(network, size: Size(width: width, height: height))
                    state.networkShown = true
                    state.selectedUnit = NetworkUnit(layer: network.layerCount - 1, index: 0)
                    _ = render(state)
                    #expect(
                        NetworkPane.unit(state, column: width / 2, row: height / 2).map { $0.exists(in: network) }
                            != false)
                }
            }
        }
    }
}

/// A network too large to run within the pane's share: strips of dots, drawn at once, no forward pass.
@Suite struct NetworkPaneBudgetTests {
    @Test func aHugeNetworkIsDrawnWithoutRunningIt() throws {
        let sizes = [2, 2048, 2048, 1]
        let network = Network(
            sizes: sizes, hiddenActivation: .tanh,
            parameters: [Double](repeating: 0.01, count: Network.parameterCount(sizes: sizes)))
        #expect(FrameBudget.passes(FrameBudget.network, of: network) == 0)
        let state = NetworkPaneTests.state(network)
        let reading = try #require(state.networkReading)
        #expect(reading.point.isEmpty && reading.grid.isEmpty)
        let geometry = try #require(NetworkPane.geometry(state))
        let strip = try #require(geometry.columns.first { $0.layer == 1 })
        #expect(strip.strip && strip.shown == 16)
        let cell = try #require(strip.cell(0, mapWidth: geometry.mapWidth))
        #expect(render(state)[cell.x, cell.y].scalar == "·")
    }
}
