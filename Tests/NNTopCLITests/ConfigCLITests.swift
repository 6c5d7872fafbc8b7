import Foundation
import Testing

/// The config file end to end: `--print-config`, a bad file refused in one line (or skipped with
/// `--no-config`), and a theme set in the file changing the colours the real binary draws in tmux.
@Suite struct ConfigCLITests {
    @Test func printConfigPrintsTheDefaultsAsREADMEShowsThem() throws {
        let result = try runNNTop(["--print-config"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.isEmpty)
        #expect(result.stdout.hasPrefix("# nntop's config file: $XDG_CONFIG_HOME/nntop/config.toml"))
        for line in ["theme = \"dark\"", "palette = \"standard\"", "colours = \"auto\"", "speed = 300"] {
            #expect(result.stdout.contains("\n\(line)\n"), "\(line)")
        }
        // README documents the file with exactly what is printed.
        var root = URL(fileURLWithPath: #filePath)
        while !FileManager.default.fileExists(atPath: root.appendingPathComponent("README.md").path) {
            root.deleteLastPathComponent()
        }
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(
            readme.contains("```toml\n" + result.stdout + "```"), "README's config block differs from --print-config")
    }

    @Test func aBadConfigFileIsOneLineNamingTheLineAndTheKey() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let bad = try scratch.file("config.toml", "# mine\ntheme = \"neon\"\n")
        expectOneLineFailure(
            try runNNTop(["--config", bad]),
            contains: [
                "config.toml:2: theme: \"neon\" is not a theme (\"dark\", \"light\", \"high-contrast\")", "--no-config"
            ])
        let broken = try scratch.file("broken.toml", "speed = \n")
        expectOneLineFailure(try runNNTop(["--config", broken]), contains: ["broken.toml:1:9: not TOML"])
        expectOneLineFailure(
            try runNNTop(["--config", scratch.path("none.toml")]), contains: ["none.toml", "--no-config"])
        expectOneLineFailure(try runNNTop(["--config", bad, "--no-config"]), contains: ["--no-config"])
        expectOneLineFailure(try runNNTop(["--theme", "neon"]), contains: ["--theme"])
        expectOneLineFailure(try runNNTop(["--palette", "rainbow"]), contains: ["--palette"])
    }

    /// The dashboard at 120×40 with `XDG_CONFIG_HOME` at a directory holding `config` (none when nil).
    static func dashboard(config: String?, arguments: String = "", scratch: Scratch) throws -> Tmux {
        let home = scratch.url.appendingPathComponent("xdg")
        try FileManager.default.createDirectory(
            at: home.appendingPathComponent("nntop"), withIntermediateDirectories: true)
        if let config {
            try Data(config.utf8).write(to: home.appendingPathComponent("nntop/config.toml"))
        }
        return try startDashboard(
            width: 120, height: 40, arguments: "--paused " + arguments,
            // In colour whatever NO_COLOR the tests run with (empty is unset, as no-color.org says).
            environment: "LANG=C.UTF-8 NO_COLOR= XDG_CONFIG_HOME=\(shellQuoted(home.path))", scratch: scratch)
    }

    /// The screen's colours once the first frame with the loss chart is up.
    static func colours(_ tmux: Tmux) throws -> String {
        let shown = try tmux.waitFor { $0.joinedScreen.contains("PAUSED") && $0.joinedScreen.contains("train 0.") }
        #expect(shown.ok, "\(shown.screen.joinedScreen)")
        return try tmux.screenWithEscapes()
    }

    @Test func aThemeInTheConfigFileChangesTheColours() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        // The dark theme draws the training curve's legend in cyan (SGR 36).
        let dark = try Self.colours(try Self.dashboard(config: nil, scratch: scratch))
        #expect(dark.contains("[36m") || dark.contains(";36m"), "\(dark)")
        #expect(!dark.contains("38;5;32m"))
        // The light theme from the file: a darker blue, palette entry 32 (cube 0, 2, 4), and no cyan.
        let light = try Self.colours(try Self.dashboard(config: "theme = \"light\"\n", scratch: scratch))
        #expect(light.contains("38;5;32m"), "\(light)")
        #expect(!light.contains("[36m") && !light.contains(";36m"), "\(light)")
        // --theme overrides the file.
        let overridden = try Self.colours(
            try Self.dashboard(config: "theme = \"light\"\n", arguments: "--theme dark", scratch: scratch))
        #expect(!overridden.contains("38;5;32m"))
    }

    @Test func noConfigStartsWithTheDefaultsWhenTheFileIsBad() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let refused = try Self.dashboard(config: "theme = 'neon'\n", scratch: scratch)
        // Refused with status 2 (the pane's shell records it) and the way out on screen.
        // Waits for the message as well as the exit: a loaded tmux can mark the pane dead before it has drawn the
        // process's last output.
        let said = try refused.waitFor { screen in
            (try? refused.paneDead()) == true && screen.joinedScreen.contains("--no-config")
        }
        #expect(said.ok && said.screen.joinedScreen.contains("--no-config"), "\(said.screen.joinedScreen)")
        #expect(try scratch.read("status").trimmingCharacters(in: .whitespacesAndNewlines) == "2")
        let started = try Self.dashboard(config: "theme = 'neon'\n", arguments: "--no-config", scratch: scratch)
        #expect(try Self.colours(started).contains("PAUSED"))
    }
}
