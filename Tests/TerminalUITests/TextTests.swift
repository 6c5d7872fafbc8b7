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
