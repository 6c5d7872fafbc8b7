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
        #expect(bar.hasPrefix(" RUNNING  it 1,200/10,000 ep 0 │ 52.0k it/s │ lr 0.1 sgd │ s"), "\(bar)")
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
            // A diverged run says why across the rest of the line, in red.
            #expect(
                screen[79, 23].style
                    == (state == .diverged ? Style(.red, bold: true, reverse: true) : Theme.dark.statusBar))
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
}
