import Testing
import TerminalUI

@Suite struct TextTests {
    @Test func truncateEndsWithTheEllipsisWhenCut() {
        #expect(Text.truncate("abcdef", to: 4) == "abc…")
        #expect(Text.truncate("abcdef", to: 4, ellipsis: "~") == "abc~")
        #expect(Text.truncate("abcdef", to: 1) == "…")
    }

    @Test func truncateLeavesShortTextAlone() {
        #expect(Text.truncate("abcd", to: 4) == "abcd")
        #expect(Text.truncate("ab", to: 10) == "ab")
        #expect(Text.truncate("", to: 3) == "")
    }

    @Test func truncateToNothing() {
        #expect(Text.truncate("abc", to: 0) == "")
        #expect(Text.truncate("abc", to: -2) == "")
    }

    @Test func rightPadsOnTheLeftAndCutsOnTheLeft() {
        #expect(Text.right("ab", 4) == "  ab")
        #expect(Text.right("abcd", 4) == "abcd")
        #expect(Text.right("abcdef", 3) == "def")
    }

    @Test func leftPadsOnTheRightAndCutsOnTheRight() {
        #expect(Text.left("ab", 4) == "ab  ")
        #expect(Text.left("abcd", 4) == "abcd")
        #expect(Text.left("abcdef", 3) == "abc")
    }

    @Test func wholeItemsStopAtTheFirstThatDoesNotFit() {
        let items = ["a", "bb", "ccc", "d"]
        #expect(Text.wholeItems(items, separator: " · ", width: 100) == "a · bb · ccc · d")
        #expect(Text.wholeItems(items, separator: " · ", width: 12) == "a · bb · ccc")
        // "ccc" does not fit in 11, and "d" after it is not shown either.
        #expect(Text.wholeItems(items, separator: " · ", width: 11) == "a · bb")
        #expect(Text.wholeItems(items, separator: " · ", width: 0) == "")
    }
}

/// Lines of ranked items: the least important go first, whole; what stays keeps its order.
@Suite struct RankedItemTests {
    static let items = [
        RankedItem("Dataset", rank: 1), RankedItem("8 rows", rank: 2), RankedItem("train acc 50%", rank: 0),
        RankedItem("test acc 75%", rank: 0)
    ]

    @Test func theLeastImportantGoFirstAndTheRestKeepTheirOrder() {
        let all = "Dataset · 8 rows · train acc 50% · test acc 75%"
        #expect(Text.ranked(Self.items, separator: " · ", width: all.count) == all)
        #expect(
            Text.ranked(Self.items, separator: " · ", width: all.count - 1) == "Dataset · train acc 50% · test acc 75%")
        #expect(Text.ranked(Self.items, separator: " · ", width: 28) == "train acc 50% · test acc 75%")
        // Of equal ranks the later goes first.
        #expect(Text.ranked(Self.items, separator: " · ", width: 27) == "train acc 50%")
    }

    @Test func theMostImportantAloneIsCutAtAWord() {
        #expect(Text.ranked(Self.items, separator: " · ", width: 12) == "train acc…")
        #expect(Text.cutAtWord("hint: the error swings up and down", to: 20) == "hint: the error…")
        // A comma or colon before the cut is not left hanging.
        #expect(Text.cutAtWord("hint: the error", to: 9) == "hint…")
        #expect(Text.cutAtWord("hint: the error", to: 15) == "hint: the error")
        // One long word is cut where it must be.
        #expect(Text.cutAtWord("supercalifragilistic", to: 6) == "super…")
        #expect(Text.cutAtWord("anything", to: 0) == "")
        #expect(Text.ranked([], separator: " ", width: 10) == "")
    }
}
