import Foundation
import NeuralCore
import TerminalUI
import Testing
@testable import Dashboard

/// One key table: README's key table names the same keys, and every key listed does something in `update`.
@Suite struct KeyTableTests {
    /// The keys in the first column of README's key table: the `quoted` names, and "arrows".
    static func readmeKeys() throws -> Set<String> {
        var root = URL(fileURLWithPath: #filePath)
        while !FileManager.default.fileExists(atPath: root.appendingPathComponent("README.md").path) {
            root.deleteLastPathComponent()
        }
        let text = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let lines = text.components(separatedBy: "\n")
        let start = try #require(lines.firstIndex(of: "| key | what it does |"))
        var names = Set<String>()
        for line in lines[(start + 2)...] {
            guard line.hasPrefix("|") else { break }
            let first = line.split(separator: "|", omittingEmptySubsequences: true)[0]
            let parts = first.components(separatedBy: "`")
            for (k, part) in parts.enumerated() where k % 2 == 1 { names.insert(part) }
            if first.contains("arrows") { names.insert("arrows") }
        }
        return names
    }

    @Test func readmeListsTheSameKeys() throws {
        let table = Set(KeyTable.bindings.flatMap(\.names))
        let readme = try Self.readmeKeys()
        #expect(
            readme == table,
            "only in README: \(readme.subtracting(table)); only in the table: \(table.subtracting(readme))")
    }

    static func key(_ name: String) -> Key? {
        switch name {
        case "space": return .character(" ")
        case "Tab": return .tab
        case "Shift-Tab": return .backTab
        case "Esc": return .escape
        case "arrows": return .down
        case "PgUp": return .pageUp
        case "PgDn": return .pageDown
        case "Home": return .home
        case "End": return .end
        case "F1": return .function(1)
        case "Ctrl-C": return .control("c")
        case "Ctrl-D": return .control("d")
        case "Ctrl-U": return .control("u")
        case "Left": return .left
        case "Right": return .right
        case "Enter": return .enter
        case "Ctrl-Z": return nil  // the program loop's, not update's: it suspends the process
        default: return name.count == 1 ? .character(name.first!) : nil
        }
    }

    /// What a key can change, as text.
    static func look(_ s: DashboardState) -> String {
        "\(s.focus) \(s.showHelp) \(String(describing: s.notice)) \(s.logScale) \(s.wholeRun) \(s.smoothing) "
            + "\(s.discrete) \(s.datasetScroll) \(s.mapPlane.across) \(String(describing: s.mapPlane.up)) \(s.probeTexts) "
            + "\(s.mapCursor.column),\(s.mapCursor.row) \(s.datasetView) \(String(describing: s.networkShown)) "
            + "\(String(describing: s.selectedUnit))"
    }

    @Test func everyKeyListedDoesSomething() throws {
        let rows = (0..<300).map { [Double($0), Double($0 % 7), Double($0 % 5)] }
        let wide = Dataset(rows: rows, targets: rows.map { $0[0] > 150 ? 1 : 0 })
        var scrolled = Fixtures.state(training: wide)
        scrolled.datasetScroll = 100
        var probing = Fixtures.state()
        probing.focus = .probe(0)
        let states = [Fixtures.state(), Fixtures.state(training: wide), scrolled, probing]
        for name in KeyTable.bindings.flatMap(\.names) {
            guard let key = Self.key(name) else { continue }
            let acted = states.contains { before in
                var after = before
                let effects = update(&after, .key(key))
                return !effects.isEmpty || Self.look(after) != Self.look(before)
            }
            #expect(acted, "\(name) does nothing in update")
        }
    }
}
