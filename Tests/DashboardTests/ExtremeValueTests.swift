import NeuralCore
import TerminalUI
import Testing
import Training
@testable import Dashboard

/// Finite but extreme numbers from data files and keys: nothing the map, the palette, the chart or the weights
/// compute from them may stop the program (an `Int` made of NaN or infinity traps).
@Suite struct ExtremeValueTests {
    static let largest = Double.greatestFiniteMagnitude

    /// Data spanning ±1e308: the map's range overflowed to infinity, and a cell's column became Int(NaN).
    @Test func aMapOverDataAtTheEdgesOfDoubleIsDrawn() throws {
        let data = Dataset(
            rows: [[-Self.largest, 1e308], [Self.largest, -1e308], [0, 0], [1e-308, -Double.leastNonzeroMagnitude]],
            targets: [0, 1, 0, 1])
        var state = DashboardState(
            training: data, size: Size(width: 120, height: 40), glyphs: .unicode,
            colours: .palette)
        state.snapshot = Fixtures.snapshot(network: Network(weights: [1e300, -1e300], bias: 0))
        let plane = state.mapPlane
        #expect(plane.acrossRange.lowerBound.isFinite && plane.acrossRange.upperBound.isFinite)
        #expect(plane.upRange.lowerBound.isFinite && plane.upRange.upperBound.isFinite)
        for x in [-Self.largest, -1e308, 0, 1e308, Self.largest, .infinity, -.infinity, .nan] {
            let c = plane.column(of: x, columns: 50), r = plane.row(of: x, rows: 30)
            #expect((0..<50).contains(c) && (0..<30).contains(r), "\(x)")
        }
        #expect(plane.column(of: -Self.largest, columns: 50) == 0)
        #expect(plane.column(of: Self.largest, columns: 50) == 49)
        #expect(plane.acrossValue(column: 0, of: 50) < 0 && plane.acrossValue(column: 49, of: 50) > 0)
        let text = render(state).text
        #expect(text.contains("Decision map"))
        state.focus = .map
        for key: Key in [.right, .right, .up, .left, .down, .end, .home] { _ = update(&state, .key(key)) }
        _ = render(state)
    }

    @Test func aProbabilityThatIsNotANumberGetsTheFaintestBand() {
        #expect(MapPalette.band(.nan) == 0)
        #expect(MapPalette.shade(.nan, unicode: true, discrete: false) == " ")
        #expect(MapPalette.shade(.infinity, unicode: false, discrete: false) == "#")
    }

    @Test func saturatingConversions() {
        #expect(Int(saturating: .nan) == 0)
        #expect(Int(saturating: 1e19) == .max && Int(saturating: .infinity) == .max)
        #expect(Int(saturating: -1e19) == .min && Int(saturating: -.infinity) == .min)
        #expect(Int(saturating: 0x1p63) == .max && Int(saturating: -0x1p63) == .min)
        #expect(Int(saturating: -2.9) == -2 && Int(saturating: 12.5) == 12)
        #expect(Int.max.saturatingMultiplied(by: 2) == .max && Int.min.saturatingMultiplied(by: 2) == .min)
        #expect((-3).saturatingMultiplied(by: Int.max) == .min && 21.saturatingMultiplied(by: 2) == 42)
    }

    /// A pace of 1e9 (the most --speed takes) is drawn as a count, and a faster one is not taken from a key.
    @Test func theFastestPaceIsShownWhole() {
        #expect(Speed.perSecond(Speed.maximumRate).description == "1000000000/s")
        #expect(Speed.perSecond(1e19).description == "\(Int.max)/s")
    }

    /// A 2-4096-4096-1 network: the pane formats only the lines and weights on screen (it formatted all 16.8
    /// million weights every frame, and a key waited seconds for it), and still counts every line it leaves out.
    @Test func aHugeNetworkShowsWhatFitsAndCountsTheRest() {
        var generator = SeededGenerator(seed: 1)
        let network = Network(inputCount: 2, hidden: [4096, 4096], hiddenActivation: .tanh, generator: &generator)
        var state = Fixtures.state(snapshot: Fixtures.snapshot(network: network))
        state.previousParameters = network.parameters
        let clock = ContinuousClock()
        let start = clock.now
        let buffer = render(state)
        let took = clock.now - start
        let pane = state.layout.weights.inset(by: 1)
        let lines = buffer.lines(in: pane)
        let total = WeightsPane.rows(for: network.sizes)
        #expect(lines[0].hasPrefix("hidden 1: 2×4096 tanh"))
        #expect(lines[1].hasPrefix("u1    b"))
        #expect(lines[pane.height - 1].contains("\(total - (pane.height - 1)) more lines"))
        // Not a timing assertion: a record, for the note, of what a frame of this network costs now.
        print("frame with a 2-4096-4096-1 network: \(took)")
    }
}

/// A 300-digit number on screen: written with an exponent, whole, never its first 63 digits.
@Suite struct LargeNumberFormatTests {
    @Test func hugeNumbersTakeAnExponent() {
        #expect(Format.fixed(1e300, decimals: 4) == "1e+300")
        #expect(Format.fixed(-2.5e12, decimals: 4) == "-2.5e+12")
        #expect(Format.signed(3e300, decimals: 3) == "+3e+300")
        #expect(Format.fixed(123_456_789.5, decimals: 1) == "123456789.5")
    }

    /// Guards the single unit's weights, which were cut from the left: 123456789012 showed as "89012.0000".
    @Test func largeWeightsKeepTheirSignAndLeadingDigits() {
        #expect(WeightsPane.tenWide(123_456_789_012) == "1.235e+11")
        #expect(WeightsPane.tenWide(-98_765_432_109_876) == "-9.877e+13")
        #expect(WeightsPane.tenWide(-1_234.5678) == "-1234.5678")
        #expect(WeightsPane.tenWide(-123_456.5) == "-1.235e+05")
        #expect(WeightsPane.tenWide(1.45) == "1.4500")
    }

    /// Guards a single unit's contributions beside a huge one: x2's share of z is w2·x2 exactly, not the difference
    /// of two sums of 1e300 (which rounding made +0.000).
    @Test func aSingleUnitsContributionsAreExact() {
        let reading = ProbeReading(network: Network(weights: [1, -1.52], bias: 0), input: [1e300, 1])
        #expect(reading.contributions == [1e300, -1.52])
    }

    @Test func theProbeShowsAHugeZWhole() {
        var state = Fixtures.state(snapshot: Fixtures.snapshot(network: Network(weights: [1e300, 0], bias: 0)))
        state.probeTexts = ["1.5", "0"]
        let text = render(state).text
        #expect(text.contains("z 1.5e+300"), "\(text)")
    }
}
