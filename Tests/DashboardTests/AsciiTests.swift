import Testing
import NeuralCore
import TerminalUI
import Training
@testable import Dashboard

/// With the ASCII glyph set nothing outside ASCII reaches the screen, whatever is showing.
@Suite struct AsciiTests {
    static func screens() -> [(String, DashboardState)] {
        let events = [
            TrainingEvent(iteration: 500, kind: .learningRate(from: 0.1, to: 0.3)),
            TrainingEvent(iteration: 900, kind: .reset(seed: 2))
        ]
        let tests: [Double?] = [5, 4, nil, 3, 2.5, 2.4, 2.3, 2.2, 2.1, 2, 2, 2]
        let history = Fixtures.history([4, 3.5, 3, 2.5, 2, 1.8, 1.6, 1.5, 1.4, 1.3, 1.27, 1.25], tests: tests)
        let busy = Fixtures.snapshot(
            network: Fixtures.deepNetwork(), batchSize: 8, history: history, events: events,
            testError: 2, reportInterval: 1_000)
        var result: [(String, DashboardState)] = []
        for size in Fixtures.sizes + [Size(width: 200, height: 60)] {
            let tutorial = Fixtures.state(size: size, glyphs: .ascii)
            result.append(("tutorial \(size)", tutorial))
            var changed = tutorial
            changed.previousParameters = [1.4, -0.6, 0.1]
            result.append(("changes \(size)", changed))
            result.append(("no snapshot \(size)", Fixtures.state(size: size, snapshot: nil, glyphs: .ascii)))
            var deep = Fixtures.state(size: size, snapshot: busy, glyphs: .ascii)
            deep.previousParameters = busy.network.parameters.map { $0 + ($0 > 0 ? 0.1 : -0.1) }
            result.append(("deep \(size)", deep))
            deep.logScale = true
            deep.wholeRun = false
            result.append(("log recent \(size)", deep))
            result.append(("help \(size)", Fixtures.pressing([.character("?")], on: tutorial)))
            result.append(("probe editing \(size)", Fixtures.pressing([.tab, .character("x")], on: tutorial)))
            result.append(("rate prompt \(size)", Fixtures.pressing([.character("L"), .character("2")], on: tutorial)))
            result.append(("rate notice \(size)", Fixtures.pressing([.character("L"), .enter], on: tutorial)))
            let cut = Dataset(
                featureNames: ["a long name", "b", "c", "d", "e", "f", "g", "h", "i"],
                features: (0..<90).map { Double($0) * 1234.5 }, targets: (0..<10).map { Double($0 % 2) })
            result.append(
                (
                    "many features \(size)",
                    Fixtures.state(
                        size: size,
                        snapshot: Fixtures.snapshot(
                            network: Network(
                                weights: Array(repeating: 0.001, count: 9), bias: 0)), glyphs: .ascii, training: cut)
                ))
        }
        result.append(("too small", Fixtures.state(size: Size(width: 50, height: 12), glyphs: .ascii)))
        return result
    }

    @Test func everyScreenIsPlainAscii() {
        for (name, state) in Self.screens() {
            let screen = render(state)
            let bad = screen.cells.map(\.scalar).filter { !$0.isASCII }
            #expect(bad.isEmpty, "\(name): \(String(String.UnicodeScalarView(bad)))\n\(screen.text)")
        }
    }

    @Test func theUnicodeScreensAreNot() {
        // The same screens with Unicode glyphs do use box drawing, so the check above can fail.
        let screen = render(Fixtures.state(size: Size(width: 80, height: 24)))
        #expect(screen.cells.contains { !$0.scalar.isASCII })
    }
}
