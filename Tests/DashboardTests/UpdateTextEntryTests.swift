import Testing
import TerminalUI
import Training
@testable import Dashboard

/// Typing an exact learning rate after L.
@Suite struct LearningRateEntryTests {
    static func typing(_ text: String) -> [Key] { text.map { Key.character($0) } }

    @Test func typedRateIsSentOnEnter() {
        var state = Fixtures.pressing([.character("L")] + Self.typing("0.05"), on: Fixtures.state())
        #expect(state.focus == .learningRate)
        #expect(state.learningRateText == "0.05")
        #expect(update(&state, .key(.enter)) == [.command(.setLearningRate(0.05))])
        #expect(state.focus == .none)
        #expect(state.notice == nil)
    }

    @Test func keysWhileTypingAreNotCommands() {
        var state = Fixtures.pressing([.character("L")], on: Fixtures.state())
        for key in Self.typing("r+n") {
            #expect(update(&state, .key(key)).isEmpty)
        }
        #expect(state.learningRateText == "r+n")
    }

    @Test func backspaceDeletes() {
        var state = Fixtures.pressing(
            [.character("L")] + Self.typing("0.55") + [.backspace, .backspace]
                + Self.typing("2"), on: Fixtures.state())
        #expect(state.learningRateText == "0.2")
        #expect(update(&state, .key(.enter)) == [.command(.setLearningRate(0.2))])
        state = Fixtures.pressing([.character("L"), .backspace, .delete], on: state)
        #expect(state.learningRateText == "")
    }

    @Test(arguments: ["abc", "", "0", "-1", "1001", "nan", "inf"])
    func aBadRateLeavesANoticeAndNoCommand(text: String) {
        // (Backspace first: the field opens with the rate now in it.)
        var state = Fixtures.pressing([.character("L"), .backspace] + Self.typing(text), on: Fixtures.state())
        #expect(update(&state, .key(.enter)).isEmpty)
        #expect(state.notice == .problem("learning rate must be a number in (0, 1000], got \"\(text)\""))
        #expect(state.focus == .none)
    }

    @Test func theLimitsAreInclusiveOfAThousand() {
        var state = Fixtures.pressing([.character("L")] + Self.typing("1000"), on: Fixtures.state())
        #expect(update(&state, .key(.enter)) == [.command(.setLearningRate(1000))])
    }

    @Test func escapeCancels() {
        var state = Fixtures.pressing([.character("L")] + Self.typing("0.3"), on: Fixtures.state())
        #expect(update(&state, .key(.escape)).isEmpty)
        #expect(state.focus == .none)
        #expect(state.notice == nil)
        // The next L starts from the rate now, selected: typing replaces it.
        state = Fixtures.pressing([.character("L")], on: state)
        #expect(state.learningRateText == "0.1")
        #expect(state.fieldSelected)
    }

    @Test func theFieldHoldsSixteenCharactersAndNoBlanks() {
        let state = Fixtures.pressing([.character("L")] + Self.typing("0.1 23456789012345678"), on: Fixtures.state())
        #expect(state.learningRateText == "0.12345678901234")
    }
}

/// Tab into the probe, between its fields, typing, and out again.
@Suite struct ProbeEditingTests {
    @Test func tabEntersTheFirstFieldAndMovesOn() {
        var state = Fixtures.state()
        _ = update(&state, .key(.tab))
        #expect(state.focus == .probe(0))
        _ = update(&state, .key(.tab))
        #expect(state.focus == .probe(1))
        _ = update(&state, .key(.tab))
        #expect(state.focus == .probe(0))
        _ = update(&state, .key(.backTab))
        #expect(state.focus == .probe(1))
        _ = update(&state, .key(.up))
        #expect(state.focus == .probe(0))
        _ = update(&state, .key(.down))
        #expect(state.focus == .probe(1))
    }

    @Test func shiftTabEntersTheLastField() {
        let state = Fixtures.pressing([.backTab], on: Fixtures.state())
        #expect(state.focus == .probe(1))
    }

    @Test func typingEditsTheFocusedFieldOnly() {
        var state = Fixtures.pressing([.tab, .backspace, .character("2")], on: Fixtures.state())
        #expect(state.probeTexts == ["2", "1.5"])
        state = Fixtures.pressing(
            [
                .tab, .backspace, .backspace, .backspace, .backspace, .character("-"),
                .character("1"), .character("e"), .character("2")
            ], on: state)
        #expect(state.probeTexts == ["2", "-1e2"])
        #expect(state.probeInput == .success([2, -100]))
    }

    @Test func typedTextChangesTheReading() {
        let state = Fixtures.pressing([.tab, .backspace, .character("2"), .escape], on: Fixtures.state())
        #expect(inside(\.probe, of: state)[2] == "z 1.9100  σ(z) 0.8710191")
    }

    @Test func lettersAreKeptSoTheProbeCanComplain() {
        let state = Fixtures.pressing([.tab, .character("a"), .character("?")], on: Fixtures.state())
        #expect(state.probeTexts[0] == "a?")
        #expect(state.probeInput == .failure(ProbeInputError(field: 0, text: "a?")))
        #expect(!state.showHelp)
    }

    @Test func spacesAndControlKeysAreIgnored() {
        let state = Fixtures.pressing(
            [.tab, .character(" "), .control("a"), .home, .mouse(x: 1, y: 1)],
            on: Fixtures.state())
        #expect(state.probeTexts == ["3", "1.5"])
        #expect(state.focus == .probe(0))
    }

    @Test func aFieldHoldsTwentyFourCharacters() {
        let state = Fixtures.pressing([.tab] + Array(repeating: .character("1"), count: 30), on: Fixtures.state())
        #expect(state.probeTexts[0].count == 24)
    }

    @Test func backspaceOnAnEmptyFieldIsHarmless() {
        let state = Fixtures.pressing([.tab, .backspace, .backspace, .delete], on: Fixtures.state())
        #expect(state.probeTexts[0] == "")
    }

    @Test(arguments: [Key.escape, .enter])
    func escapeOrEnterLeaves(key: Key) {
        var state = Fixtures.pressing([.tab, .tab], on: Fixtures.state())
        #expect(update(&state, .key(key)).isEmpty)
        #expect(state.focus == .none)
        // Keys are commands again.
        #expect(update(&state, .key(.character("n"))) == [.command(.step(1))])
    }
}
