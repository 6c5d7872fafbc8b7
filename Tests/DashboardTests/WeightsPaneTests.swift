import Testing
import NeuralCore
import TerminalUI
import Training
@testable import Dashboard

/// The weights pane: the tutorial's w1, w2, b with change marks; deeper networks layer by layer.
@Suite struct WeightsPaneTests {
    @Test(arguments: Fixtures.sizes)
    func tutorialParametersWithoutMarksOnTheFirstFrame(size: Size) {
        let state = Fixtures.state(size: size)
        // The parameter count makes room for the loss first, then the name.
        let title =
            size.width >= 120
            ? "┌ Weights & bias · 2-1 · 3 "
            : size.width >= 80 ? "┌ Weights & bias · 2-1 · squared-error " : "┌ 2-1 · squared-error "
        #expect(titleLine(\.weights, of: state).hasPrefix(title))
        #expect(
            inside(\.weights, of: state) == [
                "w1     1.4500    input x1",
                "w2    -0.6600    input x2",
                "b      0.0000    bias"
            ])
    }

    @Test(arguments: Fixtures.sizes)
    func risesAndFallsSinceThePreviousFrame(size: Size) {
        var state = Fixtures.state(size: size)
        state.previousParameters = [1.4, -0.6, 0.1]
        #expect(
            inside(\.weights, of: state) == [
                "w1     1.4500 ▲  input x1",
                "w2    -0.6600 ▼  input x2",
                "b      0.0000 ▼  bias"
            ])
    }

    @Test func unchangedParametersHaveNoMark() {
        var state = Fixtures.state(size: Size(width: 80, height: 24))
        state.previousParameters = [1.45, -0.66, 0]
        #expect(inside(\.weights, of: state)[0] == "w1     1.4500    input x1")
        // A previous frame from a different network is ignored.
        state.previousParameters = [1, 2]
        #expect(inside(\.weights, of: state)[1] == "w2    -0.6600    input x2")
    }

    @Test func asciiMarksAndSignColours() {
        var state = Fixtures.state(size: Size(width: 80, height: 24), glyphs: .ascii)
        state.previousParameters = [1.4, -0.6, 0.1]
        #expect(
            Array(inside(\.weights, of: state).prefix(2)) == ["w1     1.4500 ^  input x1", "w2    -0.6600 v  input x2"])
        let inner = layout(of: state).weights.inset(by: 1)
        let screen = render(state)
        #expect(screen[inner.x + 8, inner.y].style == Theme.dark.positive)  // "1.4500"
        #expect(screen[inner.x + 8, inner.y + 1].style == Theme.dark.negative)  // "0.6600" of "-0.6600"
    }

    @Test func featureNamesFromTheData() {
        let data = Dataset(featureNames: ["height", "weight"], features: [2, 1], targets: [1])
        let state = Fixtures.state(size: Size(width: 80, height: 24), training: data)
        #expect(inside(\.weights, of: state)[0] == "w1     1.4500    input height")
    }

    @Test func deepNetworkShowsEveryLayerWhenThereIsRoom() {
        var state = Fixtures.state(
            size: Size(width: 120, height: 60),
            snapshot: Fixtures.snapshot(network: Fixtures.deepNetwork()))
        state.networkShown = false  // the Network pane, shown at this size, takes the column's top
        let lines = inside(\.weights, of: state)
        #expect(
            titleLine(\.weights, of: state).hasPrefix("┌ Weights & bias · 2-8-8-1 · 105 parameters · squared-error ─"))
        #expect(lines.count == 20)
        #expect(lines[0] == "hidden 1: 2×8 tanh · sat 0/8")
        // Parameter k is (k mod 7 − 3)/4: unit 1's weights are parameters 0 and 1, its bias parameter 16.
        #expect(lines[1] == "u1 b-0.25  │ -0.75  -0.50")
        #expect(lines[9] == "hidden 2: 8×8 tanh · sat 0/8")
        #expect(lines[10] == "u1 b+0.25  │ +0.00  +0.25  +0.50  +0.75  -0.75  -0.50  -0.25  +0.00")
        #expect(lines[18] == "output: 8×1 sigmoid")
        #expect(lines[19].hasPrefix("u1 b"))
    }

    @Test func deepNetworkChangeMarksFollowTheirParameter() {
        let network = Fixtures.deepNetwork()
        var state = Fixtures.state(size: Size(width: 120, height: 60), snapshot: Fixtures.snapshot(network: network))
        var previous = network.parameters
        previous[0] -= 1  // hidden 1, unit 1, first weight rose
        previous[17] += 1  // hidden 1, unit 2's bias fell
        state.previousParameters = previous
        let lines = inside(\.weights, of: state)
        #expect(lines[1] == "u1 b-0.25  │ -0.75▲ -0.50")
        #expect(lines[2] == "u2 b+0.00▼ │ -0.25  +0.00")
    }

    @Test func deepNetworkOnAShortScreenSaysHowManyLinesAreHidden() {
        var state = Fixtures.state(
            size: Size(width: 120, height: 40),
            snapshot: Fixtures.snapshot(network: Fixtures.deepNetwork()))
        // Beside the Network pane, shown at this size, the weights have the room below it.
        #expect(inside(\.weights, of: state).last == "… 14 more lines (W, then the arrows, scroll)")
        state.networkShown = false
        let lines = inside(\.weights, of: state)
        #expect(lines.contains("hidden 1: 2×8 tanh · sat 0/8"))
        #expect(lines.contains("hidden 2: 8×8 tanh · sat 0/8"))
        #expect(lines.last == "… 6 more lines (W, then the arrows, scroll)")
    }

    @Test(arguments: Fixtures.sizes + [Size(width: 120, height: 60)])
    func deepNetworkStaysWithinItsRect(size: Size) {
        var state = Fixtures.state(size: size, snapshot: Fixtures.snapshot(network: Fixtures.deepNetwork()))
        state.previousParameters = state.snapshot!.network.parameters.map { $0 - 0.01 }
        let rect = layout(of: state).weights
        var buffer = Buffer(size: size)
        WeightsPane.draw(state, in: rect, on: &buffer)
        for y in 0..<size.height {
            for x in 0..<size.width where !rect.contains(x: x, y: y) {
                #expect(buffer[x, y] == .blank, "(\(x), \(y)) outside \(rect) at \(size)\n\(buffer.text)")
            }
        }
        // The frame is whole: long unit lines are cut inside it, ending in an ellipsis.
        for y in (rect.y + 1)..<(rect.maxY - 1) {
            #expect(buffer[rect.x, y].scalar == "│")
            #expect(buffer[rect.maxX - 1, y].scalar == "│", "\(buffer.text)")
        }
    }

    @Test func longUnitLinesAreCutWithAnEllipsis() {
        let state = Fixtures.state(
            size: Size(width: 90, height: 60),
            snapshot: Fixtures.snapshot(network: Fixtures.deepNetwork()))
        let lines = inside(\.weights, of: state)
        let width = layout(of: state).weights.width - 2
        #expect(lines[10].hasPrefix("u1 b+0.25  │ +0.00  +0.25"))
        #expect(lines[10].hasSuffix("…"))
        #expect(lines[10].count == width)
        #expect(lines[1] == "u1 b-0.25  │ -0.75  -0.50")
    }

    @Test func rowsNeededPerShape() {
        #expect(WeightsPane.rows(for: [2, 1]) == 3)
        #expect(WeightsPane.rows(for: [5, 1]) == 6)
        #expect(WeightsPane.rows(for: [2, 8, 8, 1]) == 20)
        #expect(WeightsPane.rows(for: [3, 4, 1]) == 7)
    }

    @Test func compactValuesFitSixCharacters() {
        #expect(WeightsPane.compact(1.2) == "+1.20")
        #expect(WeightsPane.compact(-0.304) == "-0.30")
        #expect(WeightsPane.compact(-12.34) == "-12.3")
        #expect(WeightsPane.compact(123.4) == " +123")
        #expect(WeightsPane.compact(-9_999) == "-9999")
        // Five digits would not fit with their sign (-12345 once showed as "12345"): an exponent instead.
        #expect(WeightsPane.compact(12_345) == "+1e+04")
        #expect(WeightsPane.compact(-12_345) == "-1e+04")
        #expect(WeightsPane.compact(1e6) == "+1e+06")
        #expect(WeightsPane.compact(.nan) == "  NaN")
    }
}
