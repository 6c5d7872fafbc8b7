import Testing
import NeuralCore
import TerminalUI
import Training
@testable import Dashboard

/// Keys outside any text field that become trainer commands.
@Suite struct UpdateCommandTests {
    /// The trainer commands `key` makes `update` return, when it returns nothing else.
    static func commands(_ key: Key, _ state: DashboardState = Fixtures.state()) -> [TrainingCommand]? {
        var s = state
        return Fixtures.commands(update(&s, .key(key)))
    }

    @Test func spacePausesARunningSession() {
        #expect(Self.commands(.character(" ")) == [.pause])
    }

    @Test(arguments: [TrainingState.paused, .done, .diverged])
    func spaceResumesOtherwise(state: TrainingState) {
        #expect(Self.commands(.character(" "), Fixtures.state(snapshot: Fixtures.snapshot(state: state))) == [.resume])
    }

    @Test func spaceBeforeAnySnapshotResumes() {
        #expect(Self.commands(.character(" "), Fixtures.state(snapshot: nil)) == [.resume])
    }

    @Test func nStepsOnce() {
        #expect(Self.commands(.character("n")) == [.step(1)])
    }

    @Test func plusAndMinusMoveTheLearningRate() {
        #expect(Self.commands(.character("+")) == [.learningRateUp])
        #expect(Self.commands(.character("=")) == [.learningRateUp])
        #expect(Self.commands(.character("-")) == [.learningRateDown])
        #expect(Self.commands(.character("_")) == [.learningRateDown])
    }

    @Test func angleBracketsChangeTheSpeedFromTheCurrentOne() {
        let slow = Fixtures.state(snapshot: Fixtures.snapshot(speed: .perSecond(100)))
        #expect(Self.commands(.character(">"), slow) == [.setSpeed(.perSecond(1000))])
        #expect(Self.commands(.character("."), slow) == [.setSpeed(.perSecond(1000))])
        #expect(Self.commands(.character("<"), slow) == [.setSpeed(.perSecond(10))])
        #expect(Self.commands(.character(","), slow) == [.setSpeed(.perSecond(10))])
        #expect(Self.commands(.character(">")) == [.setSpeed(.unlimited)])
        #expect(Self.commands(.character("<")) == [.setSpeed(.perSecond(1_000_000))])
    }

    @Test func rResetsWithANewSeedAndShiftRWithTheSame() {
        #expect(Self.commands(.character("r")) == [.reset(newSeed: true)])
        #expect(Self.commands(.character("R")) == [.reset(newSeed: false)])
    }

    @Test(arguments: [
        Key.character("x"), .character("l"), .character("w"), .tab, .up, .down, .home, .end,
        .mouse(x: 3, y: 4), .function(5), .control("a"), .enter, .escape
    ])
    func otherKeysSendNothing(key: Key) {
        #expect(Self.commands(key) == [])
    }

    @Test func commandKeysLeaveTheStateAlone() {
        var state = Fixtures.state()
        for key in [" ", "n", "+", "-", ">", "<", "r", "R"].map({ Key.character(Character($0)) }) {
            #expect(Fixtures.commands(update(&state, .key(key)))?.count == 1)
        }
        #expect(state.focus == .none)
        #expect(!state.showHelp && !state.logScale && state.wholeRun)
        #expect(state.datasetScroll == 0)
    }
}

/// Quitting, resizing and new snapshots.
@Suite struct UpdateEventTests {
    @Test func qQuits() {
        var state = Fixtures.state()
        #expect(update(&state, .key(.character("q"))) == [.quit])
    }

    @Test(arguments: [DashboardState.Focus.none, .probe(1), .learningRate])
    func ctrlCQuitsFromAnywhere(focus: DashboardState.Focus) {
        var state = Fixtures.state()
        state.focus = focus
        state.showHelp = true
        #expect(update(&state, .key(.control("c"))) == [.quit])
    }

    @Test func qInATextFieldIsJustALetter() {
        var state = Fixtures.state()
        #expect(Fixtures.effects([.tab, .character("q")], on: &state).isEmpty)
        // The field was selected on entry: the letter replaced it.
        #expect(state.probeTexts[0] == "q")
        #expect(Fixtures.effects([.escape, .character("q")], on: &state) == [.quit])
    }

    @Test func resizeSetsTheSize() {
        var state = Fixtures.state(size: Size(width: 80, height: 24))
        #expect(update(&state, .resize(Size(width: 133, height: 41))).isEmpty)
        #expect(state.size == Size(width: 133, height: 41))
        #expect(render(state).size == Size(width: 133, height: 41))
    }

    @Test func aSnapshotKeepsThePreviousParameters() {
        var state = Fixtures.state(snapshot: nil)
        _ = update(&state, .snapshot(Fixtures.snapshot()))
        #expect(state.previousParameters == nil)
        #expect(state.snapshot?.network.parameters == [1.45, -0.66, 0])
        let next = Fixtures.snapshot(network: Network(weights: [1.5, -0.7], bias: 0.1), iteration: 1_300)
        #expect(update(&state, .snapshot(next)).isEmpty)
        #expect(state.previousParameters == [1.45, -0.66, 0])
        #expect(state.snapshot?.iteration == 1_300)
        #expect(inside(\.weights, of: state)[0] == "w1     1.5000 ▲  input x1")
    }

    @Test(arguments: [TrainingState.paused, .done, .diverged])
    func aStoppedRunShowsNoChangeMarks(stopped: TrainingState) {
        var state = Fixtures.state(snapshot: Fixtures.snapshot())
        let last = Fixtures.snapshot(
            network: Network(weights: [1.5, -0.7], bias: 0.1), state: stopped, iteration: 1_300)
        _ = update(&state, .snapshot(last))
        #expect(state.previousParameters == [1.5, -0.7, 0.1])
        #expect(inside(\.weights, of: state)[0] == "w1     1.5000    input x1")
    }

    @Test func aNoticeLastsUntilTheNextKey() {
        var state = Fixtures.pressing([.character("L"), .backspace, .enter], on: Fixtures.state())
        #expect(state.notice != nil)
        _ = update(&state, .snapshot(Fixtures.snapshot()))
        _ = update(&state, .resize(Size(width: 90, height: 30)))
        #expect(state.notice != nil)
        _ = update(&state, .key(.character("l")))
        #expect(state.notice == nil)
    }
}

/// b and B: the batch size doubles and halves from the snapshot's, within 1…4096.
@Suite struct BatchKeyTests {
    @Test func bDoublesAndBHalves() {
        var state = Fixtures.state(snapshot: Fixtures.snapshot(batchSize: 8))
        #expect(update(&state, .key(.character("b"))) == [.command(.setBatchSize(16))])
        #expect(update(&state, .key(.character("B"))) == [.command(.setBatchSize(4))])
    }

    @Test func withinOneAndTheMaximum() {
        var one = Fixtures.state(snapshot: Fixtures.snapshot(batchSize: 1))
        #expect(update(&one, .key(.character("B"))) == [.command(.setBatchSize(1))])
        var top = Fixtures.state(snapshot: Fixtures.snapshot(batchSize: 4096))
        #expect(update(&top, .key(.character("b"))) == [])
        #expect(top.notice == .news("batch 4,096: b doubles up to 4,096, B halves"))
    }

    /// Guards against lowering a batch given on the command line, and against the overflow of doubling one near
    /// Int.max (it stopped the program).
    @Test(arguments: [3000, 5000, 1 << 40, Int.max / 2 + 1, Int.max])
    func doublingNeverLowersNorOverflows(size: Int) {
        var state = Fixtures.state(snapshot: Fixtures.snapshot(batchSize: size))
        let effects = update(&state, .key(.character("b")))
        #expect(effects == (size < 4096 ? [.command(.setBatchSize(4096))] : []))
        #expect((state.notice != nil) == (size >= 4096))
    }
}

/// a, c, N, [ and ]: the network's activation and loss, and the data drawn again, from the keys.
@Suite struct LabKeyTests {
    @Test func aCyclesTheHiddenActivation() {
        var state = Fixtures.state(snapshot: Fixtures.snapshot(network: Fixtures.deepNetwork(activation: .tanh)))
        #expect(update(&state, .key(.character("a"))) == [.command(.setActivation(.sigmoid))])
        state.snapshot = Fixtures.snapshot(network: Fixtures.deepNetwork(activation: .linear))
        #expect(update(&state, .key(.character("a"))) == [.command(.setActivation(.relu))])
    }

    @Test func aWithoutHiddenLayersExplainsInstead() {
        var state = Fixtures.state()
        #expect(update(&state, .key(.character("a"))).isEmpty)
        #expect(state.notice?.text.contains("--hidden") == true)
    }

    @Test func cTogglesTheLoss() {
        var state = Fixtures.state()
        #expect(update(&state, .key(.character("c"))) == [.command(.setLoss(.crossEntropy))])
        var cross = Fixtures.snapshot()
        cross.loss = .crossEntropy
        state.snapshot = cross
        #expect(update(&state, .key(.character("c"))) == [.command(.setLoss(.squaredError))])
    }

    /// N draws other points; [ and ] the same points with less or more noise (the host keeps the data seed).
    @Test func nAndTheBracketsAskForNewDataWithinTheNoiseLimits() {
        let drawn = Dataset(rows: [[-4, 4], [4, -4], [1, 1]], targets: [1, 0, 1])
        var state = Fixtures.state(training: drawn)
        state.drawsData = true
        #expect(
            Fixtures.effects([.character("N"), .character("]")], on: &state)
                == [.request(.newData(noise: 0)), .request(.noise(0.05))])
        state.noise = 0.05
        #expect(update(&state, .key(.character("["))) == [.request(.noise(0))])
        state.noise = 0
        #expect(update(&state, .key(.character("["))).isEmpty)
        #expect(state.notice?.text == "no noise already: ] adds some")
        state.noise = 0.5
        #expect(update(&state, .key(.character("]"))).isEmpty)
        #expect(state.notice?.text == "noise 0.5 is the most: [ takes some away")
        state.noise = 0.45
        #expect(update(&state, .key(.character("]"))) == [.request(.noise(0.5))])
    }

    /// The tutorial's 8 points are fixed: N, [ and ] say so, and ask the host for nothing.
    @Test func theTutorialsPointsAreFixed() {
        for key in ["N", "[", "]"] {
            var state = Fixtures.state()
            #expect(update(&state, .key(.character(Character(key)))).isEmpty)
            #expect(state.notice?.text.hasPrefix("the tutorial's 8 points are fixed") == true, "\(key)")
            #expect(render(state).lines.last!.contains("the tutorial's 8 points are fixed"))
        }
    }

    /// A built-in set's title keeps its noise in view; the tutorial's and a file's have none to show.
    @Test func theDatasetTitleShowsTheNoise() {
        let drawn = Dataset(rows: [[-4, 4], [4, -4], [1, 1]], targets: [1, 0, 1])
        var state = Fixtures.state(training: drawn)
        #expect(!titleLine(\.dataset, of: state).contains("noise"))
        state.drawsData = true
        _ = update(&state, .data(training: drawn, test: nil, standardization: nil, noise: 0.15))
        #expect(titleLine(\.dataset, of: state).hasPrefix("┌ Dataset · noise 0.15 · train acc"))
        _ = update(&state, .data(training: drawn, test: nil, standardization: nil, noise: 0))
        #expect(titleLine(\.dataset, of: state).contains("· noise 0 ·"))
    }

    @Test func newDataReplacesTheRowsTheMapAndTheProbe() {
        var state = Fixtures.state()
        state.datasetScroll = 3
        let data = Dataset(rows: [[-4, 4], [4, -4], [1, 1]], targets: [1, 0, 1])
        _ = update(&state, .data(training: data, test: nil, standardization: nil, noise: 0.2))
        #expect(state.training == data && state.noise == 0.2 && state.datasetScroll == 0)
        #expect(state.probeTexts == ["-4", "4"])
        #expect(state.mapPlane.acrossRange == -4.8...4.8)
        #expect(render(state).text.contains("Dataset · 3 rows"))
    }
}
