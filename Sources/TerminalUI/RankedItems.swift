/// A line made of items that may not all fit: each has a rank (0 the most important), the least important are
/// left out first, each whole, and those kept stay in their order. Pane titles and the status bar are made so.
public struct RankedItem: Sendable, Equatable {
    public var text: String
    public var rank: Int

    public init(_ text: String, rank: Int) {
        self.text = text
        self.rank = rank
    }
}

extension Text {
    /// The items to keep so that `measure` of them is at most `width`: the highest `rank` goes first (the later
    /// of equal ranks first), until what is left fits or nothing is.
    public static func kept<Item>(
        _ items: [Item], rank: (Item) -> Int, width: Int, measure: ([Item]) -> Int
    ) -> [Item] {
        var kept = items
        while !kept.isEmpty, measure(kept) > width {
            let worst = kept.indices.max { (rank(kept[$0]), $0) < (rank(kept[$1]), $1) }!
            kept.remove(at: worst)
        }
        return kept
    }

    /// `items` joined by `separator` in at most `width` characters, the least important left out first; when even
    /// the most important alone is too long, it is cut at a word (`cutAtWord`).
    public static func ranked(
        _ items: [RankedItem], separator: String, width: Int, ellipsis: String = "…"
    ) -> String {
        let join = { (items: [RankedItem]) in items.map(\.text).joined(separator: separator) }
        let kept = Text.kept(items, rank: \.rank, width: width) { join($0).count }
        if !kept.isEmpty { return join(kept) }
        guard let first = items.min(by: { $0.rank < $1.rank }) else { return "" }
        return cutAtWord(first.text, to: width, ellipsis: ellipsis)
    }

    /// `text` in at most `width` characters: whole, or cut after its last whole word that leaves room for the
    /// ellipsis (mid-word only when its first word alone is too long).
    public static func cutAtWord(_ text: String, to width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        guard text.count > width else { return text }
        let room = max(width - ellipsis.count, 0)
        let head = text.prefix(room + 1)
        // A space at or before `room` ends the last word that fits.
        if let space = head.lastIndex(of: " ") {
            let words = text[..<space].trimmingSuffix(while: { $0 == " " || $0 == "," || $0 == ";" || $0 == ":" })
            if !words.isEmpty { return words + ellipsis }
        }
        return String(text.prefix(room)) + ellipsis
    }
}

extension Substring {
    fileprivate func trimmingSuffix(while drop: (Character) -> Bool) -> String {
        var end = endIndex
        while end > startIndex, drop(self[index(before: end)]) { end = index(before: end) }
        return String(self[startIndex..<end])
    }
}
