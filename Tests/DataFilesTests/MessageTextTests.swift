import Testing
import NeuralCore
@testable import DataFiles

/// Untrusted text in messages: everything a terminal would act on becomes a visible escape, and excerpts are cut.
@Suite struct MessageTextTests {
    @Test func ordinaryTextIsUnchanged() {
        for text in ["", "1.5kg", "größe", "日本語", "a \"quoted\" \\ backslash", "emoji 🧠"] {
            #expect(MessageText.escaped(text) == text)
            #expect(MessageText.excerpt(text) == text)
        }
    }

    @Test func controlCharactersBecomeVisibleEscapes() {
        #expect(MessageText.escaped("2\u{1B}[2J\u{1B}]0;owned\u{7}") == "2\\u{1B}[2J\\u{1B}]0;owned\\u{7}")
        #expect(MessageText.escaped("a\rb\nc\td\0e") == "a\\rb\\nc\\td\\0e")
        #expect(MessageText.escaped("\u{7F}\u{85}\u{9B}") == "\\u{7F}\\u{85}\\u{9B}")
        #expect(MessageText.escaped("x\u{2028}y\u{202E}z") == "x\\u{2028}y\\u{202E}z")
    }

    @Test func nothingLeftForATerminalToActOn() {
        let every = String(String.UnicodeScalarView((0...0x2070).compactMap(Unicode.Scalar.init)))
        let out = MessageText.escaped(every)
        #expect(!out.unicodeScalars.contains(where: MessageText.isControl))
        // Escaping twice changes nothing more: a message may pass through more than one layer.
        #expect(MessageText.escaped(out) == out)
    }

    @Test func excerptsAreCutWithAnEllipsis() {
        let forty = String(repeating: "9", count: 40)
        #expect(MessageText.excerpt(forty) == forty)
        #expect(MessageText.excerpt(forty + "x") == forty + "…")
        #expect(MessageText.excerpt("abcdef", limit: 3) == "abc…")
        // The limit counts characters of the original, so escapes do not make it cut earlier.
        #expect(MessageText.excerpt("\0\0\0", limit: 3) == "\\0\\0\\0")
        // One character built of a million combining marks is still cut.
        let heap = "e" + String(repeating: "\u{301}", count: 1_000_000)
        #expect(MessageText.excerpt(heap).unicodeScalars.count == 41)
    }

    @Test func quotedWrapsTheExcerpt() {
        #expect(MessageText.quoted("nan") == "\"nan\"")
        #expect(MessageText.quoted("a\u{1B}b") == "\"a\\u{1B}b\"")
        // A cell already in quotes is shown once quoted, cut inside its quotes.
        #expect(MessageText.quoted("\"71.2833\"") == "\"71.2833\"")
        #expect(MessageText.quoted("\"") == "\"\"\"")
        #expect(MessageText.quoted("\"" + String(repeating: "9", count: 50) + "\"", limit: 4) == "\"9999…\"")
    }

    @Test func dataErrorsEscapeTheirPath() {
        #expect(DataError(file: "evil\u{1B}[2J.csv", line: 2, "x").description == "evil\\u{1B}[2J.csv:2: x")
        #expect(DataError(file: "", "no such file").description == "(empty path): no such file")
    }
}
