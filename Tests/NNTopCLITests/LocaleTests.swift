import Foundation
#if canImport(FoundationXML)
    import FoundationXML
#endif
import Testing

/// Under a comma-decimal locale every output format keeps its point, and the probe reads what it shows.
/// (`.ci/run` generates de_DE.UTF-8; without it the test says what to install.)
@Suite(.serialized) struct LocaleTests {
    static let locale = "de_DE.UTF-8"

    static func localeExists() throws -> Bool {
        let listed = try runCaptured(
            URL(fileURLWithPath: "/usr/bin/env"), ["locale", "-a"], timeout: 10,
            naming: ["locale", "-a"])
        return listed.stdout.lowercased().contains("de_de.utf8")
    }

    @Test func theProbeAndTheExportKeepTheirPointUnderAGermanLocale() throws {
        try #require(
            try Self.localeExists(),
            "the locale \(Self.locale) is missing: apt-get install locales, then locale-gen de_DE.UTF-8")
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let history = scratch.path("h")
        let tmux = try startDashboard(
            width: 120, height: 40, arguments: "--speed 5000 --export \(shellQuoted(history))",
            environment: "LC_ALL=\(Self.locale)", scratch: scratch)
        let trained = try tmux.waitFor { ($0.iteration ?? 0) > 500 }
        #expect(trained.ok, "\(trained.screen.joinedScreen)")
        #expect(trained.screen.statusLine.contains("lr 0.1"), "\(trained.screen.statusLine)")
        #expect(!trained.screen.joinedScreen.contains("0,1"), "\(trained.screen.joinedScreen)")
        try tmux.send("space")
        #expect(try tmux.waitFor { $0.statusLine.contains("PAUSED") }.ok)
        // The probe shows the first row as 3 and 1.5 and reads a typed 2.5 back.
        try tmux.send("Tab")
        try tmux.send("Tab")
        try tmux.send("BSpace", "BSpace", "BSpace", "BSpace", "BSpace")
        try tmux.type("2.5")
        let probed = try tmux.waitFor {
            $0.contains { $0.contains("x2 2.5") } && $0.contains { $0.contains("σ(z) 0.") }
        }
        #expect(probed.ok, "\(probed.screen.joinedScreen)")
        #expect(!probed.screen.joinedScreen.contains("is not a number"), "\(probed.screen.joinedScreen)")
        try tmux.send("Escape")
        try tmux.send("e")
        #expect(try tmux.waitFor { $0.statusLine.contains("wrote \(history).csv") }.ok)
        try tmux.send("q")
        #expect(try tmux.waitFor { _ in (try? tmux.paneDead()) == true }.ok)
        let svg = try String(contentsOfFile: history + ".svg", encoding: .utf8)
        #expect(svg.range(of: #"="[0-9]+,[0-9]"#, options: .regularExpression) == nil, "\(svg.prefix(600))")
        #expect(XMLParser(data: Data(svg.utf8)).parse())
        let csv = try String(contentsOfFile: history + ".csv", encoding: .utf8)
        #expect(
            csv.split(separator: "\n").dropFirst().allSatisfy { $0.split(separator: ",").count == 5 },
            "\(csv.prefix(300))")
    }
}
