import ArgumentParser

/// `nntop --help`: most people run the default command, so the root's help is the dashboard's options as well as
/// the list of subcommands, composed from the two help texts swift-argument-parser writes.
enum HelpText {
    /// `nntop --help`, `nntop -h` and `nntop help`, with nothing else.
    static func isRootRequest(_ arguments: [String]) -> Bool {
        arguments.count == 1 && ["--help", "-h", "help"].contains(arguments[0])
    }

    static func root() -> String {
        let rootHelp = sections(NNTop.helpMessage())
        let dashboard = sections(NNTop.helpMessage(for: DashboardCommand.self))
        var out = rootHelp.first { $0.title == nil }?.body ?? ""
        out += "\n\nUSAGE: nntop [<options>]              the dashboard (nntop dashboard)"
        out += "\n       nntop <subcommand> [<options>]\n"
        if let options = dashboard.first(where: { $0.title == "OPTIONS:" }) {
            out += "\nOPTIONS (the dashboard's):\n" + options.body + "\n"
        }
        for section in rootHelp where section.title == "SUBCOMMANDS:" {
            out += "\nSUBCOMMANDS:\n" + section.body + "\n"
        }
        return out
    }

    /// A help text cut at its section titles ("USAGE: …" starts one too); the overview, untitled, first.
    static func sections(_ text: String) -> [(title: String?, body: String)] {
        var out: [(title: String?, body: String)] = []
        var title: String?
        var lines: [Substring] = []
        func close() {
            while lines.last?.allSatisfy(\.isWhitespace) == true { lines.removeLast() }
            out.append((title, lines.joined(separator: "\n")))
            lines = []
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if let first = line.first, first.isUppercase, line.hasSuffix(":") || line.hasPrefix("USAGE:"),
                line.prefix(while: { $0 != ":" }).allSatisfy({ $0.isUppercase || $0 == " " })
            {
                close()
                title = line.hasPrefix("USAGE:") ? "USAGE:" : String(line)
                if line.hasPrefix("USAGE:") { lines.append(line) }
                continue
            }
            lines.append(line)
        }
        close()
        return out
    }
}
