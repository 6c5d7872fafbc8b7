/// Small text helpers for fixed-width columns.
public enum Text {
    /// `text` cut to `width` characters, with `ellipsis` as its last one when cut.
    public static func truncate(_ text: String, to width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        guard text.count > width else { return text }
        return String(text.prefix(max(width - ellipsis.count, 0))) + ellipsis
    }

    /// `text` right-aligned in `width` characters (cut on the left if longer).
    public static func right(_ text: String, _ width: Int) -> String {
        text.count >= width ? String(text.suffix(width)) : String(repeating: " ", count: width - text.count) + text
    }

    /// As many of `items` as fit in `width` characters, whole and in order, joined by `separator`: the first that
    /// does not fit ends the list.
    public static func wholeItems(_ items: [String], separator: String, width: Int) -> String {
        var text = ""
        for item in items {
            let next = text.isEmpty ? item : text + separator + item
            guard next.count <= width else { break }
            text = next
        }
        return text
    }

    /// `text` left-aligned in `width` characters (cut if longer).
    public static func left(_ text: String, _ width: Int) -> String {
        text.count >= width ? String(text.prefix(width)) : text + String(repeating: " ", count: width - text.count)
    }
}
