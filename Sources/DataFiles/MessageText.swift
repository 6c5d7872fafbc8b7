import NeuralCore
/// Text that came from outside — a CSV cell, a header name, a command-line value, a path — made fit to show in
/// a one-line message on a terminal. Control characters (C0, DEL, C1) and the Unicode line separators and
/// direction overrides are shown as visible escapes (`\r`, `\0`, `\u{1B}`), so a data file cannot move the
/// cursor, clear the screen, set the window title or split the message over lines. An excerpt is also cut to a
/// few dozen characters, so a huge cell cannot flood the terminal.
public enum MessageText {
    /// The longest excerpt, in Unicode scalars of the original text, before it is cut with an ellipsis.
    public static let excerptLimit = 40

    /// `text` with every character a terminal would act on shown as an escape; nothing is cut.
    public static func escaped(_ text: some StringProtocol) -> String {
        var out = ""
        for scalar in text.unicodeScalars { append(scalar, to: &out) }
        return out
    }

    /// At most `limit` scalars of `text`, escaped as by `escaped`, with "…" when something was cut.
    public static func excerpt(_ text: some StringProtocol, limit: Int = excerptLimit) -> String {
        var out = ""
        var taken = 0
        for scalar in text.unicodeScalars {
            if taken == limit { return out + "…" }
            append(scalar, to: &out)
            taken += 1
        }
        return out
    }

    /// `excerpt(text)` in double quotes: `found "1.5kg"`. Text already in double quotes (a CSV cell written
    /// `"71.2833"`) keeps its own, so it shows once quoted, not `""71.2833""`.
    public static func quoted(_ text: some StringProtocol, limit: Int = excerptLimit) -> String {
        let inQuotes = text.count >= 2 && text.first == "\"" && text.last == "\""
        let inner = inQuotes ? String(text.dropFirst().dropLast()) : String(text)
        return "\"" + excerpt(inner, limit: limit) + "\""
    }

    /// Whether a terminal would act on `scalar` rather than show it.
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: return true  // C0, DEL, C1
        case 0x2028, 0x2029: return true  // line and paragraph separators
        case 0x202A...0x202E, 0x2066...0x2069: return true  // direction embeddings, overrides, isolates
        default: return false
        }
    }

    private static func append(_ scalar: Unicode.Scalar, to out: inout String) {
        guard isControl(scalar) else {
            out.unicodeScalars.append(scalar)
            return
        }
        switch scalar {
        case "\0": out += "\\0"
        case "\t": out += "\\t"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        default: out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
        }
    }
}
