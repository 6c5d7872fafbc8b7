import Testing
import NeuralCore
import TerminalUI
import Training
@testable import Dashboard

/// The weights pane that scales: W and the arrows reach every weight of a 30-16-16-1 network, the output layer
/// at once with End; each layer's heading has the last step's gradient norm, update-to-weight ratio and
/// saturated units.
@Suite struct WeightsScrollTests {
    /// A file of 30 features, 40 rows.
    static let thirtyFeatures: Dataset = {
        var generator = SeededGenerator(seed: 4)
        var rows: [[Double]] = []
        for _ in 0..<40 { rows.append((0..<30).map { _ in generator.standardNormal() }) }
        let targets: [Double] = rows.map { $0[0] > 0 ? 1 : 0 }
        return Dataset(rows: rows, targets: targets)
    }()

    static func network(_ sizes: [Int] = [30, 16, 16, 1]) -> Network {
        Network(
            sizes: sizes, hiddenActivation: .tanh,
            parameters: (0..<Network.parameterCount(sizes: sizes)).map { k -> Double in
                Double(k % 23 - 11) / 8 + Double(k) * 1e-6
            })
    }

    static func state(
        _ network: Network = network(), step: ParameterStep? = nil, size: Size = Size(width: 120, height: 40)
    )
        -> DashboardState
    {
        var snapshot = Fixtures.snapshot(network: network, state: .paused)
        snapshot.lastStep = step
        return Fixtures.pressing(
            [.character("W")], on: Fixtures.state(size: size, snapshot: snapshot, training: thirtyFeatures))
    }

    /// The name the pane's last line gives parameter `k` of `network`, and the value it reads.
    static func expectedSelection(_ network: Network, _ k: Int) -> String {
        for l in 0..<network.layerCount {
            let fanIn = network.sizes[l], units = network.sizes[l + 1], start = network.offsets[l]
            guard k < start + units * (fanIn + 1) else { continue }
            let layer = l == network.layerCount - 1 ? "output" : "hidden \(l + 1)"
            let name =
                k >= start + units * fanIn
                ? "\(layer) u\(k - start - units * fanIn + 1) b"
                : "\(layer) u\((k - start) / fanIn + 1) w\((k - start) % fanIn + 1)"
            return "\(name) \(Format.short(network.parameters[k], digits: 7))"
        }
        return "?"
    }

    /// Every weight and bias, walked by keys: input by input (→), back (←), unit by unit (↓), layer after layer.
    /// At each the last line reads it and its cell is on screen in the selected style.
    @Test func everyParameterOfA30_16_16_1NetworkIsReachable() {
        let network = Self.network()
        var state = Self.state(network)
        #expect(state.focus == .weights)
        var seen = Set<Int>()
        func check() {
            // The pane alone (the map, at this size, would run the network for every frame).
            let rect = layout(of: state).weights
            var screen = Buffer(size: state.size)
            WeightsPane.draw(state, in: rect, on: &screen)
            let inner = rect.inset(by: 1)
            let k = state.weightsCursor.clamped(to: network.sizes).parameterIndex(
                sizes: network.sizes, offsets: network.offsets)
            let footer = screen.lines(in: inner).last!
            #expect(footer.hasPrefix(Self.expectedSelection(network, k) + " · no step yet"), "\(k)\n\(screen.text)")
            var selected = 0
            for y in inner.y..<inner.maxY {
                for x in inner.x..<inner.maxX where screen[x, y].style == Theme.dark.focusedField { selected += 1 }
            }
            #expect(selected == 5, "parameter \(k) not on screen\n\(screen.text)")  // "+1.20" or "-0.75"
            seen.insert(k)
        }
        for l in 0..<network.layerCount {
            for _ in 0..<network.sizes[l + 1] {
                for c in 0...network.sizes[l] {
                    check()
                    if c < network.sizes[l] { state = Fixtures.pressing([.right], on: state) }
                }
                state = Fixtures.pressing(Array(repeating: .left, count: network.sizes[l]), on: state)
                state = Fixtures.pressing([.down], on: state)
            }
        }
        #expect(seen.count == network.parameters.count)
        #expect(seen == Set(network.parameters.indices))
    }

    @Test func endReachesTheOutputLayerAndPagesGoByLayer() {
        var state = Self.state()
        state = Fixtures.pressing([.end], on: state)
        #expect(state.weightsCursor == WeightsCursor(layer: 2, unit: 0, column: 0))
        #expect(inside(\.weights, of: state).contains { $0.hasPrefix("output: 16×1 sigmoid") })
        state = Fixtures.pressing([.pageUp], on: state)
        #expect(state.weightsCursor.layer == 1)
        state = Fixtures.pressing([.pageUp, .pageUp], on: state)
        #expect(state.weightsCursor.layer == 0)
        state = Fixtures.pressing([.pageDown], on: state)
        #expect(state.weightsCursor.layer == 1)
        state = Fixtures.pressing([.home], on: state)
        #expect(state.weightsCursor == WeightsCursor())
        // Up from the first unit stays; down from the last unit of a layer goes on into the next.
        state = Fixtures.pressing([.up, .left], on: state)
        #expect(state.weightsCursor == WeightsCursor())
        state = Fixtures.pressing(Array(repeating: .down, count: 16), on: state)
        #expect(state.weightsCursor == WeightsCursor(layer: 1, unit: 0, column: 0))
    }

    @Test func scrolledColumnsSayWhereTheyStart() {
        var state = Self.state()
        state = Fixtures.pressing(Array(repeating: .right, count: 20), on: state)
        let lines = inside(\.weights, of: state)
        #expect(lines.contains { $0.hasPrefix("hidden 1: 30×16 tanh") && $0.contains(" · from x") })
        #expect(lines.last!.hasPrefix("hidden 1 u1 w20 "))
    }

    @Test func escGivesTheArrowsBack() {
        var state = Self.state()
        state = Fixtures.pressing([.escape], on: state)
        #expect(state.focus == .none)
        state = Fixtures.pressing([.down], on: state)
        #expect(state.datasetScroll == 1)
        #expect(state.weightsCursor == WeightsCursor())
    }

    /// The last step's gradient norm and update-to-weight ratio per layer, worked out here from the same step.
    @Test func layerHeadingsCarryTheLastStep() {
        let network = Self.network([30, 16, 16, 1])
        var sgd = StochasticGradientDescent(network: network, learningRate: 0.1)
        var next = network
        var generator = SeededGenerator(seed: 2)
        let step = sgd.recordedStep(&next, on: Self.thirtyFeatures, generator: &generator, iteration: 1)!
        let state = Self.state(next, step: step)
        let lines = inside(\.weights, of: state)
        let layer = step.layers[0]
        var sum = 0.0
        for k in 0..<(16 * 31) { sum += next.parameters[k] * next.parameters[k] }
        let ratio = layer.updateNorm / sum.squareRoot()
        let saturated = state.saturation!.perLayer[0]
        #expect(
            lines[0]
                == "hidden 1: 30×16 tanh · ‖g‖ \(Format.short(layer.gradientNorm, digits: 2)) · Δ/w \(Format.short(ratio, digits: 2)) · sat \(saturated)/16"
        )
        #expect(layer.gradientNorm > 0)
        // Unit 1's bias is selected first: parameter 16 × 30.
        let g = layer.biasGradient[0], u = layer.biasUpdate[0]
        #expect(
            lines.last
                == "hidden 1 u1 b \(Format.short(next.parameters[480], digits: 7)) · g \(Format.short(g, digits: 3)) · Δ \(Format.short(u, digits: 3))"
        )
    }

    @Test func theTutorialsListShowsTheLastGradient() {
        let network = Fixtures.tutorialNetwork
        var sgd = StochasticGradientDescent(network: network, learningRate: 0.1)
        var next = network
        var generator = SeededGenerator(seed: 2)
        let step = sgd.recordedStep(&next, on: .tutorial, generator: &generator, iteration: 1)!
        var snapshot = Fixtures.snapshot(network: next, state: .paused)
        snapshot.lastStep = step
        var state = Fixtures.state(snapshot: snapshot)
        let g = step.layers[0].weightGradient[0]
        #expect(inside(\.weights, of: state)[0].hasSuffix("input x1  g \(Format.short(g, digits: 3))"))
        state = Fixtures.pressing([.character("W"), .down, .down], on: state)
        #expect(state.weightsCursor.column == 0)  // b
        #expect(inside(\.weights, of: state).last!.hasPrefix("b \(Format.short(next.parameters[2], digits: 7)) · g "))
        state = Fixtures.pressing([.up], on: state)
        #expect(inside(\.weights, of: state).last!.hasPrefix("w2 "))
    }

    @Test(arguments: Fixtures.sizes)
    func aFocusedPaneStaysWithinItsRect(size: Size) {
        var state = Self.state(size: size)
        state = Fixtures.pressing([.end, .right, .right, .right], on: state)
        let rect = layout(of: state).weights
        var buffer = Buffer(size: size)
        WeightsPane.draw(state, in: rect, on: &buffer)
        for y in 0..<size.height {
            for x in 0..<size.width where !rect.contains(x: x, y: y) { #expect(buffer[x, y] == .blank) }
        }
    }
}
