import Foundation
import Testing
import NeuralCore
import TerminalUI
import Training
@testable import Dashboard

/// The step explainer: the tutorial's network on one row, its numbers against a hand computation; deeper
/// networks, the optimizers' memory, scrolling and staying within the pane.
@Suite struct ExplainerPaneTests {
    /// A paused state whose snapshot carries the explained step of `network` on `rows` of `data`.
    static func explained(
        _ network: Network = Fixtures.tutorialNetwork, data: Dataset = .tutorial, rows: [Int] = [0],
        optimizer: OptimizerSettings = OptimizerSettings(), loss: Loss = .squaredError, steps: Int = 1,
        size: Size = Size(width: 120, height: 40), glyphs: GlyphSet = .unicode
    ) -> DashboardState {
        // The steps before the last on the same rows, as a sequential sampler over just them draws them.
        var sgd = StochasticGradientDescent(
            network: network, learningRate: 0.1, batchSize: rows.count, loss: loss, optimizer: optimizer,
            order: .sequential)
        var net = network
        var generator = SeededGenerator(seed: 1)
        for _ in 1..<steps { sgd.step(&net, on: data.subset(rows), generator: &generator) }
        var trace = sgd.trace(net, on: data, rows: rows)
        trace.iteration = steps
        net.parameters = trace.after
        var snapshot = Fixtures.snapshot(network: net, state: .paused, iteration: steps)
        snapshot.explanation = trace
        snapshot.lastStep = trace.parameterStep(iteration: steps)
        var state = Fixtures.state(size: size, snapshot: snapshot, glyphs: glyphs, training: data)
        state.explainer = ExplainerView()
        return state
    }

    static func lines(_ state: DashboardState) -> [String] {
        render(state).lines(in: ExplainerPane.area(layout(of: state)).inset(by: 1))
    }

    /// The tutorial's network, w1 1.45, w2 -0.66, b 0, on its first row (3, 1.5) → 0 at η 0.1, worked by hand:
    /// z = 4.35 − 0.99 = 3.36, p = 1/(1 + e^−3.36) = 0.966431, E = p² = 0.933988, ∂E/∂p = 2p = 1.93286,
    /// ∂p/∂z = p(1 − p) = 0.0324423, δ = 0.0627065; g = δ·(3, 1.5, 1) = (0.18812, 0.09406, 0.062707); after,
    /// w − 0.1·g = (1.4312, −0.66941, −0.0062707).
    @Test func theTutorialsStepByHand() {
        let lines = Self.lines(Self.explained())
        #expect(
            Array(lines.prefix(16)) == [
                "row 1 (a batch of one)",
                "x = (3, 1.5) · target 0",
                "output: z = 1.45×3 + -0.66×1.5 + 0 = 3.36",
                "p = σ(z) = 0.966431",
                "error: E = (p − y)² = 0.933988 (y = 0)",
                "∂E/∂p = 2(p − y) = 1.93286",
                "∂p/∂z = p(1 − p) = 0.0324423",
                "δ = ∂E/∂z = ∂E/∂p · ∂p/∂z = 0.0627065",
                "update (sgd): η 0.1",
                "  w ← w − η·g",
                "g = ∂E/∂w = δ·(the weight's input), ∂E/∂b = δ",
                "          before           g       after",
                "w1          1.45     0.18812      1.4312",
                "w2         -0.66     0.09406    -0.66941",
                "b              0    0.062707  -0.0062707",
                ""
            ], "\(lines.joined(separator: "\n"))")
        #expect(titleOf(Self.explained()).hasPrefix("┌ Step explainer · iteration 1 · X steps · Esc closes ─"))
    }

    @Test func crossEntropysSlopes() {
        let lines = Self.lines(Self.explained(loss: .crossEntropy))
        let p = 0.966_430_776_718_517_5
        #expect(
            lines.contains("error: E = −[y·ln p + (1 − y)·ln(1 − p)] = \(Format.short(-log(1 - p), digits: 6)) (y = 0)")
        )
        #expect(lines.contains("∂E/∂p = (p − y) / (p(1 − p)) = \(Format.short(p / (p * (1 - p)), digits: 6))"))
        #expect(lines.contains("δ = ∂E/∂z = p − y = 0.966431"))
    }

    /// A 2-8-8-1 network on a batch of two under Adam, its third step: every hidden layer's z, a, δ, and the
    /// rule's m and v after the update beside each parameter.
    @Test func hiddenLayersAndAdamsMemory() {
        let state = Self.explained(
            Fixtures.deepNetwork(), rows: [2, 5], optimizer: OptimizerSettings(.adam), steps: 3,
            size: Size(width: 120, height: 60))
        let trace = state.snapshot!.explanation!
        let lines = Self.lines(state)
        #expect(lines[0] == "batch of 2: rows 3, 6 · the first shown")
        #expect(lines[2] == "hidden 1 (8 tanh): a = tanh(z), δ = (Σ w·δ above)·tanh′(z)")
        let i = trace.instance
        let u3 = lines[5].split(separator: " ")
        #expect(
            u3 == [
                "u3", "z", "\(Format.short(i.z[0][2], digits: 6))", "a", "\(Format.short(i.a[0][2], digits: 6))", "δ",
                "\(Format.short(i.delta[0][2], digits: 6))"
            ])
        #expect(lines.contains("update (adam): η 0.1, β₁ 0.9, β₂ 0.999, ε 1e-08, t 3"))
        #expect(lines.contains("  the mean over the batch's 2 rows"))
        let header = lines.firstIndex { $0.hasSuffix("before           g         m         v       after") }
        #expect(header != nil, "\(lines.joined(separator: "\n"))")
        guard let header else { return }
        #expect(lines[header + 1] == "hidden 1: 2×8")
        // Hidden 1, unit 1's bias: parameter 16.
        let k = 16, m = trace.memoryAfter
        let expected = [
            "u1", "b", Format.short(trace.before[k], digits: 5), Format.short(trace.gradient[k], digits: 5),
            Format.short(m.first[k], digits: 3), Format.short(m.second[k], digits: 3),
            Format.short(trace.after[k], digits: 5)
        ]
        #expect(lines[header + 2].split(separator: " ").map(String.init) == expected)
        #expect(trace.after == state.snapshot!.network.parameters)
    }

    @Test func momentumsVelocityAfterTheFirstStepIsTheGradient() {
        let state = Self.explained(optimizer: OptimizerSettings(.momentum))
        let lines = Self.lines(state)
        #expect(lines.contains("  b ← μ·b + g"))
        #expect(lines.contains("          before           g         b       after"))
        let w1 = lines.first { $0.hasPrefix("w1 ") }!.split(separator: " ")
        #expect(w1[2] == "0.18812" && w1[3] == "0.188")
    }

    @Test func multiclassShowsEveryClass() {
        var generator = SeededGenerator(seed: 3)
        let network = Network(
            inputCount: 2, hidden: [3], hiddenActivation: .relu, task: .multiclass, outputs: 3, generator: &generator)
        let data = Dataset(rows: [[1, 2], [0, -1], [2, 2]], targets: [2, 0, 1])
        let lines = Self.lines(Self.explained(network, data: data, loss: .crossEntropy))
        #expect(lines[1] == "x = (1, 2) · target class 3")
        #expect(lines.contains("output (3 classes): p = softmax(z)"))
        #expect(lines.contains { $0.hasPrefix("class 3  z") })
        #expect(lines.contains("δ = ∂E/∂z = p − t (t: the target's one-hot)"))
    }

    /// The lines take the state's theme: they were made with the dark one's styles whatever the theme.
    @Test func theLinesTakeTheTheme() {
        var state = Self.explained()
        state.themeName = .highContrast
        let screen = render(state)
        let inner = ExplainerPane.area(layout(of: state)).inset(by: 1)
        #expect(screen.lines(in: inner)[0] == "row 1 (a batch of one)")
        // " (a batch of one)" is a label: plain in high contrast, dim in the dark theme.
        let cell = screen[inner.x + "row 1 (".count, inner.y]
        #expect(cell.scalar == "a" && cell.style == state.theme.label && cell.style != Theme.dark.label, "\(cell)")
        #expect(screen[inner.x, inner.y].style == state.theme.heading)
    }

    @Test func scrollingAndTheEnd() {
        var state = Self.explained(
            Fixtures.deepNetwork(), rows: [2, 5], optimizer: OptimizerSettings(.adam),
            size: Size(width: 100, height: 30))
        let first = Self.lines(state)
        #expect(first.last!.hasPrefix("… ") && first.last!.contains("more lines"))
        state = Fixtures.pressing([.down, .down], on: state)
        #expect(state.explainer?.scroll == 2)
        #expect(Self.lines(state)[0] == first[2])
        #expect(state.datasetScroll == 0)
        state = Fixtures.pressing([.end], on: state)
        let last = Self.lines(state)
        #expect(last.last == "… the end (arrows, PgUp PgDn, Home End)")
        // Output layer, unit 1's last weight is the last parameter.
        #expect(last[last.count - 2].hasPrefix("u1 w8"))
        state = Fixtures.pressing([.home], on: state)
        #expect(Self.lines(state)[0] == first[0])
        state = Fixtures.pressing([.escape], on: state)
        #expect(state.explainer == nil)
        #expect(!render(state).contains("Step explainer"))
    }

    @Test func anOlderStepSaysSo() {
        var state = Self.explained()
        var snapshot = state.snapshot!
        snapshot.iteration = 5
        state.snapshot = snapshot
        #expect(titleOf(state).hasPrefix("┌ Step explainer · iteration 1 (now 5) · "))
    }

    @Test func beforeTheFirstExplainedStep() {
        var state = Fixtures.state(snapshot: Fixtures.snapshot(state: .paused))
        state.explainer = ExplainerView()
        #expect(Self.lines(state)[0] == "taking one step… (Esc closes)")
    }

    @Test(arguments: Fixtures.sizes)
    func staysWithinItsRectAndSpellsASCII(size: Size) {
        for glyphs in [GlyphSet.unicode, .ascii] {
            let state = Self.explained(
                Fixtures.deepNetwork(), rows: [1, 2, 3], optimizer: OptimizerSettings(.rmsprop), size: size,
                glyphs: glyphs)
            let rect = ExplainerPane.area(layout(of: state))
            var buffer = Buffer(size: size)
            ExplainerPane.draw(state, in: rect, on: &buffer)
            for y in 0..<size.height {
                for x in 0..<size.width where !rect.contains(x: x, y: y) {
                    #expect(buffer[x, y] == .blank)
                }
            }
            for y in rect.y..<rect.maxY {
                for x in rect.x..<rect.maxX {
                    #expect(glyphs == .unicode || buffer[x, y].scalar.isASCII, "\(buffer.text)")
                    #expect(buffer[x, y].scalar != "?", "\(buffer.text)")
                }
            }
        }
    }

    func titleOf(_ state: DashboardState) -> String {
        let rect = ExplainerPane.area(layout(of: state))
        return render(state).lines(in: Rect(x: rect.x, y: rect.y, width: rect.width, height: 1))[0]
    }
}
