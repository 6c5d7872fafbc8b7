import DataFiles

/// Which command a command line runs, read from its first word before parsing: the subcommand whose help an
/// error points at, or a word that names no command (`nntop trian`), refused with the nearest command's name.
enum CommandName: Equatable {
    /// The default command: no subcommand was named.
    case dashboard
    /// `train`, `predict`, `export`, `dashboard` or `help`.
    case named(String)
    /// A first word that is no option and no command.
    case unknown(String)

    static let subcommands = ["dashboard", "train", "predict", "export"]

    init(_ arguments: [String]) {
        guard let first = arguments.first, !first.hasPrefix("-") else {
            self = .dashboard
            return
        }
        if first == "help", arguments.count > 1, !arguments[1].hasPrefix("-"),
            !Self.subcommands.contains(arguments[1])
        {
            self = .unknown(arguments[1])
        } else if Self.subcommands.contains(first) || first == "help" {
            self = .named(first)
        } else {
            self = .unknown(first)
        }
    }

    /// The help an error in this command points at.
    var help: String {
        switch self {
        case .named(let name) where name != "help": return "nntop help \(name)"
        default: return "nntop --help"
        }
    }

    /// The one-line refusal of `word` as a command.
    static func unknownMessage(_ word: String) -> String {
        let quoted = "'\(MessageText.excerpt(word))'"
        if let near = nearest(to: word) { return "unknown command \(quoted); did you mean '\(near)'?" }
        if Double(word) != nil {
            return "unknown command \(quoted); to predict for input values give them to nntop predict"
        }
        if word.contains(".") || word.contains("/") {
            return "unknown command \(quoted); to train on a CSV file give --data \(MessageText.excerpt(word))"
        }
        return "unknown command \(quoted); the commands are dashboard (the default), train, predict and export"
    }

    /// The command `word` is most likely a misspelling of: within two edits, or a prefix of it.
    static func nearest(to word: String) -> String? {
        let lowered = word.lowercased()
        if let prefixed = (subcommands + ["help"]).first(where: { lowered.count >= 2 && $0.hasPrefix(lowered) }) {
            return prefixed
        }
        let scored = (subcommands + ["help"]).map { ($0, editDistance(lowered, $0)) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= min(2, best.0.count / 2) else { return nil }
        return best.0
    }

    /// Levenshtein distance, with a swap of two neighbours counted as one edit (`trian` is one from `train`).
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.prefix(64)), b = Array(b)
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[a.count][b.count]
    }
}
