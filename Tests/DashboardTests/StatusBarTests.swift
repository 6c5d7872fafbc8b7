import Testing
import NeuralCore
import TerminalUI
import Training
@testable import Dashboard

/// The bottom line: state word, iteration/limit, speed, learning rate, and hints, a prompt or a notice.
@Suite struct StatusBarTests {
    static func bar(_ state: DashboardState) -> String { render(state).line(state.size.height - 1) }

    @Test(arguments: Fixtures.sizes)
    func stateIterationRateAndLearningRate(size: Size) {
        let bar = Self.bar(Fixtures.state(size: size))
        // At the minimum width the epochs and the speed setting make room for the rest, each shown whole.
        #expect(
            bar.hasPrefix(
                size.width < 80
                    ? " RUNNING  it 1,200/10,000 │ 52.0k it/s │ lr 0.1 sgd │ ? help"
                    : " RUNNING  it 1,200/10,000 ep 0 │ 52.0k it/s │ lr 0.1 sgd │ speed max │ ? help"), "\(bar)")
    }

    @Test func anExpiredNoticeGivesTheFiguresBack() {
        var state = Fixtures.state(size: Size(width: 80, height: 24))
        _ = update(&state, .notice(.problem("/nope/m.json: cannot write")))
        #expect(Self.bar(state).contains("cannot write") && !Self.bar(state).contains("it 1,200"))
        #expect(state.notice?.lifetime == .seconds(10))
        _ = update(&state, .noticeExpired)
        #expect(state.notice == nil)
        #expect(Self.bar(state).hasPrefix(" RUNNING  it 1,200/10,000"), "\(Self.bar(state))")
        _ = update(&state, .notice(.news("saved the model to /tmp/m.json")))
        #expect(state.notice?.lifetime == .seconds(5))
    }

    @Test func fullLineAtTheWidestSize() {
        let bar = Self.bar(Fixtures.state(size: Size(width: 140, height: 40)))
        #expect(
            bar == " RUNNING  it 1,200/10,000 ep 0 │ 52.0k it/s │ lr 0.1 sgd │ speed max │ "
                + "? help  q quit  space pause  +/- lr  </> speed  r reset  Tab probe")
    }

    @Test func onlyWholeKeyHintsAreShown() {
        let bar = Self.bar(Fixtures.state(size: Size(width: 120, height: 40)))
        #expect(bar.hasSuffix("│ ? help  q quit  space pause  +/- lr  </> speed"), "\(bar)")
    }

    @Test func pausedWithoutALimitAtAFixedSpeed() {
        let snapshot = Fixtures.snapshot(
            state: .paused, iteration: 123_456, limit: nil, learningRate: 0.003,
            speed: .perSecond(1000), stepsPerSecond: 0)
        let bar = Self.bar(Fixtures.state(size: Size(width: 140, height: 40), snapshot: snapshot))
        #expect(
            bar == " PAUSED  it 123,456 ep 0 │ 0 it/s │ lr 0.003 sgd │ speed 1000/s │ "
                + "? help  q quit  space run  +/- lr  </> speed  r reset  Tab probe  m map")
    }

    @Test func batchSizeAndAdaptedReportInterval() {
        let snapshot = Fixtures.snapshot(state: .done, batchSize: 32, stepsPerSecond: 2_500_000, reportInterval: 1_000)
        let bar = Self.bar(Fixtures.state(size: Size(width: 140, height: 40), snapshot: snapshot))
        #expect(
            bar.hasPrefix(
                " DONE  it 1,200/10,000 ep 0 │ 2.5M it/s │ lr 0.1 sgd │ speed max │ batch 32 │ loss every 1,000 it │ "))
    }

    @Test func stateWordIsStyled() {
        for (state, style) in [
            (TrainingState.running, Style(.green, bold: true, reverse: true)),
            (.paused, Style(.yellow, bold: true, reverse: true)),
            (.diverged, Style(.red, bold: true, reverse: true))
        ] {
            let dashboard = Fixtures.state(size: Size(width: 80, height: 24), snapshot: Fixtures.snapshot(state: state))
            let screen = render(dashboard)
            #expect(screen.line(23).hasPrefix(" \(state.rawValue) "))
            #expect(screen[1, 23].style == style)
            // A diverged run says why where the key hints go, in red.
            let line = screen.line(23)
            let message = line.range(of: state == .diverged ? "diverged:" : "? help").map {
                line.distance(from: line.startIndex, to: $0.lowerBound)
            }
            #expect(
                message.map { screen[$0, 23].style }
                    == (state == .diverged ? Style(.red, bold: true, reverse: true) : Theme.dark.statusBar), "\(line)")
        }
    }

    @Test func typingALearningRateShowsThePrompt() {
        let state = Fixtures.pressing(
            [
                .character("L"), .character("0"), .character("."), .character("0"),
                .character("5")
            ], on: Fixtures.state(size: Size(width: 120, height: 40)))
        #expect(Self.bar(state).hasSuffix("  learning rate: 0.05_  (Enter sets, Esc cancels)"))
        // The prompt takes the figures' place, so it stays readable at the minimum width.
        let narrow = Fixtures.pressing([.character("L"), .character("3")], on: Fixtures.state(size: Layout.minimum))
        #expect(Self.bar(narrow).contains("learning rate: 3_"))
    }

    @Test func aRejectedLearningRateLeavesANotice() {
        var state = Fixtures.pressing(
            [.character("L"), .character("x"), .enter],
            on: Fixtures.state(size: Size(width: 120, height: 40)))
        #expect(Self.bar(state).hasSuffix("  learning rate must be a number in (0, 1000], got \"x\""))
        // The next key clears it.
        state = Fixtures.pressing([.character("l")], on: state)
        #expect(Self.bar(state).hasSuffix("│ ? help  q quit  space pause  +/- lr  </> speed"))
    }

    @Test func beforeTheFirstSnapshot() {
        #expect(Self.bar(Fixtures.state(size: Size(width: 80, height: 24), snapshot: nil)) == " starting…")
        #expect(
            Self.bar(Fixtures.state(size: Size(width: 80, height: 24), snapshot: nil, glyphs: .ascii)) == " starting~")
    }

    @Test func asciiSeparators() {
        let bar = Self.bar(Fixtures.state(size: Size(width: 80, height: 24), glyphs: .ascii))
        #expect(bar.hasPrefix(" RUNNING  it 1,200/10,000 ep 0 | 52.0k it/s | lr 0.1 sgd | speed max | "))
    }

    /// A run with every figure: batch, the loss's adapted interval, a limit.
    static let busy = Fixtures.snapshot(batchSize: 32, stepsPerSecond: 2_500_000, reportInterval: 1_000)

    @Test func atEightyColumnsTheLeastImportantFiguresGoFirstAndNoneIsCut() {
        let bar = Self.bar(Fixtures.state(size: Size(width: 80, height: 24), snapshot: Self.busy))
        // The loss's interval, the epochs, then the speed setting go; the iteration, rate, speed and batch stay.
        #expect(bar == " RUNNING  it 1,200/10,000 │ 2.5M it/s │ lr 0.1 sgd │ batch 32 │ ? help")
        let at120 = Self.bar(Fixtures.state(size: Size(width: 120, height: 40), snapshot: Self.busy))
        #expect(
            at120 == " RUNNING  it 1,200/10,000 ep 0 │ 2.5M it/s │ lr 0.1 sgd │ speed max │ batch 32 │ "
                + "loss every 1,000 it │ ? help  q quit")
    }

    @Test(arguments: [Size(width: 80, height: 24), Size(width: 120, height: 40), Layout.minimum])
    func everyItemIsWholeAtEverySize(size: Size) {
        let bar = Self.bar(Fixtures.state(size: size, snapshot: Self.busy))
        let items = bar.split(separator: "│").map { $0.trimmingCharacters(in: .whitespaces) }
        let whole = [
            "RUNNING  it 1,200/10,000 ep 0", "RUNNING  it 1,200/10,000", "2.5M it/s", "lr 0.1 sgd", "speed max",
            "batch 32", "loss every 1,000 it"
        ]
        let hints = Set(KeyTable.hints(running: true))
        for item in items {
            let words = item.components(separatedBy: "  ").filter { !$0.isEmpty }
            #expect(
                whole.contains(item) || words.allSatisfy { hints.contains($0.trimmingCharacters(in: .whitespaces)) },
                "\(item) in \(bar)")
        }
        #expect(bar.contains("it 1,200/10,000") && bar.contains("lr 0.1 sgd"))
    }

    @Test func aHintIsShownWholeAndTheFiguresMakeRoomForIt() {
        var state = Fixtures.state(size: Size(width: 120, height: 40))
        state.snapshot = DiagnosisTests.snapshot(errors: DiagnosisTests.swinging)
        let hint = "hint: the error swings up and down: learning rate too high? (- lowers it)"
        // At 120 columns it fits beside the iteration and the rate.
        #expect(Self.bar(state) == " RUNNING  it 1,200/10,000 │ lr 0.1 sgd │ \(hint)", "\(Self.bar(state))")
        // Narrower than the hint itself, the figures go and it is cut after a whole word.
        state.size = Size(width: 80, height: 24)
        #expect(Self.bar(state) == " RUNNING  hint: the error swings up and down: learning rate too high? (- lowers…")
        state.size = Layout.minimum
        #expect(Self.bar(state) == " RUNNING  hint: the error swings up and down: learning rate…", "\(Self.bar(state))")
    }

    @Test func newsAndProblemsAreCutAtAWord() {
        var state = Fixtures.state(size: Size(width: 80, height: 24))
        _ = update(&state, .notice(.news("saved the model to /tmp/m.json")))
        #expect(Self.bar(state) == " RUNNING  it 1,200/10,000 │ lr 0.1 sgd │ saved the model to /tmp/m.json")
        let long = "cannot write /a/very/long/path/that/goes/on: the directory is not writable by you"
        _ = update(&state, .notice(.problem(long)))
        #expect(Self.bar(state) == " RUNNING  cannot write /a/very/long/path/that/goes/on: the directory is not…")
    }
}
