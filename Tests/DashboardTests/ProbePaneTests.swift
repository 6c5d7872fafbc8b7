import Testing
import NeuralCore
import TerminalUI
import Training
@testable import Dashboard

/// The probe: z, σ(z), the class and each input's share of z for the typed inputs, recomputed every frame.
@Suite struct ProbePaneTests {
    @Test(arguments: Fixtures.sizes)
    func startsAtTheFirstTrainingRow(size: Size) {
        let state = Fixtures.state(size: size)
        #expect(state.probeTexts == ["3", "1.5"])
        // z = 1.45·3 − 0.66·1.5 = 3.36, σ(3.36) = 0.9664308.
        let lines = inside(\.probe, of: state)
        #expect(
            Array(lines.prefix(4)) == [
                "x1 3           w·x +4.350",
                "x2 1.5         w·x -0.990",
                "z 3.3600  σ(z) 0.9664308",
                "class 1  (bias +0.000)"
            ], "\(render(state).text)")
        // What each w·x is, and how they make z, whole on the narrowest screen too.
        #expect(lines[4] == "z = bias + Σ weight × input", "\(lines[4])")
    }

    @Test(arguments: Fixtures.sizes)
    func theTutorialsWorkedExample(size: Size) {
        var state = Fixtures.state(size: size)
        state.probeTexts = ["2", "1.5"]
        let lines = inside(\.probe, of: state)
        #expect(lines[0] == "x1 2           w·x +2.900")
        #expect(lines[2] == "z 1.9100  σ(z) 0.8710191")
        #expect(lines[3] == "class 1  (bias +0.000)")
    }

    @Test func negativeZIsClassZero() {
        var state = Fixtures.state(size: Size(width: 80, height: 24))
        state.probeTexts = ["0", " 5 "]
        let lines = inside(\.probe, of: state)
        #expect(lines[1] == "x2  5          w·x -3.300")
        #expect(lines[2] == "z -3.3000  σ(z) 0.0355712")
        #expect(lines[3] == "class 0  (bias +0.000)")
        let inner = layout(of: state).probe.inset(by: 1)
        #expect(render(state)[inner.x, inner.y + 3].style == Theme.dark.negative.bolded)
    }

    @Test(arguments: Fixtures.sizes)
    func textThatIsNotANumberSaysSoInline(size: Size) {
        var state = Fixtures.state(size: size)
        state.probeTexts = ["3", "abc"]
        let lines = inside(\.probe, of: state)
        #expect(lines[0] == "x1 3")
        #expect(lines[1] == "x2 abc")
        #expect(lines[2] == "x2: \"abc\" is not a number")
        #expect(!lines.contains { $0.hasPrefix("z ") || $0.hasPrefix("class") })
        let inner = layout(of: state).probe.inset(by: 1)
        #expect(render(state)[inner.x + 3, inner.y + 1].style == Theme.dark.problem)
    }

    @Test(arguments: ["", "-", "1e999", "nan", "1.2.3"])
    func otherBadTextIsCaughtToo(text: String) {
        var state = Fixtures.state(size: Size(width: 80, height: 24))
        state.probeTexts = [text, "1"]
        #expect(inside(\.probe, of: state)[2] == "x1: \"\(text)\" is not a number")
    }

    @Test func editingShowsACursorAndRetitlesThePane() {
        let state = Fixtures.pressing(
            [.tab, .tab, .character("7")], on: Fixtures.state(size: Size(width: 80, height: 24)))
        #expect(titleLine(\.probe, of: state).hasPrefix("┌ Probe · editing ─"))
        let lines = inside(\.probe, of: state)
        // The field was selected on entry: the 7 replaced 1.5.
        #expect(lines[1] == "x2 7_          w·x -4.620")
        #expect(lines[4].hasPrefix("type a number · Tab next"))
        let rect = layout(of: state).probe
        let screen = render(state)
        #expect(screen[rect.x + 4, rect.y + 2].style == Theme.dark.focusedField)
        #expect(screen[rect.x, rect.y].style == Style(.cyan, bold: true))
    }

    @Test func aLongFieldShowsItsEnd() {
        var state = Fixtures.pressing([.tab], on: Fixtures.state(size: Size(width: 80, height: 24)))
        state.probeTexts[0] = "1234567890123"
        state.fieldSelected = false
        #expect(inside(\.probe, of: state)[0].hasPrefix("x1 567890123_ "))
        state = Fixtures.pressing([.escape], on: state)
        #expect(inside(\.probe, of: state)[0].hasPrefix("x1 123456789… "))
    }

    @Test func deepNetworkHasNoSingleBias() {
        let state = Fixtures.state(
            size: Size(width: 80, height: 24),
            snapshot: Fixtures.snapshot(network: Fixtures.deepNetwork()))
        let lines = inside(\.probe, of: state)
        #expect(lines[2].hasPrefix("z "))
        #expect(lines[3] == "class 1")
    }

    @Test func beforeAnySnapshotOnlyTheFields() {
        let state = Fixtures.state(size: Size(width: 80, height: 24), snapshot: nil)
        #expect(inside(\.probe, of: state) == ["x1 3", "x2 1.5", "", "", "Tab: edit inputs"])
    }

    @Test func readingMatchesTheNetwork() {
        let reading = ProbeReading(network: Fixtures.tutorialNetwork, input: [2, 1.5])
        #expect(abs(reading.z - 1.91) < 1e-12)
        #expect(abs(reading.probability - 0.871_019_1) < 1e-7)
        #expect(reading.predictedClass == 1)
        #expect(zip(reading.contributions, [2.9, -0.99]).allSatisfy { abs($0 - $1) < 1e-12 })
        #expect(reading.bias == 0)
    }
}
