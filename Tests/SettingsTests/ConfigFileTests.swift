import DataFiles
import Dashboard
import Foundation
import Testing
import Training
@testable import Settings

/// The config file: found where XDG says, read into settings, and refused in one line naming the line and the
/// key when wrong.
@Suite struct ConfigFileTests {
    @Test func thePrintedDefaultsReadAsTheDefaults() throws {
        #expect(try ConfigFile.parse(DefaultConfig.text, path: "config.toml") == Settings())
        // Every key is in it, set once.
        for key in Settings.keys { #expect(ConfigFile.line(of: key, in: DefaultConfig.text) != nil, "\(key)") }
    }

    @Test func everySettingIsRead() throws {
        let settings = try ConfigFile.parse(
            """
            # a comment
            theme = "light"
            palette = 'colour-blind'
            colours = 8
            ascii = true
            map = "off"
            speed = 1e4
            """, path: "c.toml")
        var expected = Settings()
        expected.theme = .light
        expected.palette = .colourBlind
        expected.colours = .eight
        expected.ascii = true
        expected.map = .off
        expected.speed = .perSecond(10_000)
        #expect(settings == expected)
        #expect(try ConfigFile.parse("speed = \"max\"\ncolours = \"none\"", path: "c").speed == .unlimited)
        #expect(try ConfigFile.parse("", path: "c") == Settings())
    }

    /// The message for `text`, which must be refused.
    static func problem(_ text: String) -> String {
        do {
            _ = try ConfigFile.parse(text, path: "/home/u/.config/nntop/config.toml")
            return "accepted"
        } catch {
            return error.description
        }
    }

    @Test func aBadValueNamesItsLineAndKey() {
        #expect(
            Self.problem("theme = \"dark\"\n\npalette = \"blue\"\n")
                == "/home/u/.config/nntop/config.toml:3: palette: \"blue\" is not a palette (\"standard\", \"colour-blind\"); fix it, or run nntop --no-config"
        )
        #expect(
            Self.problem("speed = 0")
                == "/home/u/.config/nntop/config.toml:1: speed: 0 is not a speed (iterations per second, 1 to 1e9, or \"max\"); fix it, or run nntop --no-config"
        )
        #expect(
            Self.problem("  ascii = \"yes\"").hasPrefix(
                "/home/u/.config/nntop/config.toml:1: ascii: expected true or false, got \"yes\";"))
        #expect(Self.problem("speed = 2e9").contains(":1: speed: 2000000000.0 is not a speed"))
        #expect(Self.problem("theme = [\"dark\"]").contains(":1: theme: "))
    }

    @Test func anUnknownKeyIsRefusedNotIgnored() {
        // Of two problems, the first in the file is the one said (keys come back in no order).
        #expect(
            Self.problem("theme = \"dark\"\ncolour = \"8\"\nzebra = 1\n")
                == "/home/u/.config/nntop/config.toml:2: colour: not a setting nntop knows (theme, palette, colours, ascii, map, speed); fix it, or run nntop --no-config"
        )
        #expect(
            Self.problem("theme = \"dark\"\n[dashboard]\ntheme = \"light\"").contains(":2: dashboard: not a setting"))
    }

    @Test func badTOMLGivesItsLineAndColumn() {
        #expect(
            Self.problem("theme = \"dark\"\nspeed = \n")
                == "/home/u/.config/nntop/config.toml:2:9: not TOML: Error while parsing key-value pair: expected value, saw '\\n'; fix it, or run nntop --no-config"
        )
        #expect(Self.problem("theme = \"dark\"\ntheme = \"light\"").contains(":2:"))
        #expect(Self.problem("theme = \"da").contains(":1:"))
    }

    @Test func theFileIsWhereXDGSays() {
        #expect(
            ConfigFile.defaultPath(environment: ["XDG_CONFIG_HOME": "/x/cfg", "HOME": "/home/u"])
                == "/x/cfg/nntop/config.toml")
        // Unset, empty or relative: the default under the home directory.
        for xdg in [nil, "", "relative/cfg"] {
            var environment = ["HOME": "/home/u"]
            environment["XDG_CONFIG_HOME"] = xdg
            #expect(ConfigFile.defaultPath(environment: environment) == "/home/u/.config/nntop/config.toml")
        }
        #expect(ConfigFile.defaultPath(environment: [:]) == nil)
    }

    @Test func loading() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("nntop-config-\(UUID())")
        try FileManager.default.createDirectory(
            at: directory.appendingPathComponent("nntop"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let environment = ["XDG_CONFIG_HOME": directory.path]
        // No file: the defaults.
        #expect(try ConfigFile.load(path: nil, skip: false, environment: environment) == Settings())
        let file = directory.appendingPathComponent("nntop/config.toml")
        try Data("theme = \"high-contrast\"\n".utf8).write(to: file)
        #expect(try ConfigFile.load(path: nil, skip: false, environment: environment).theme == .highContrast)
        // A bad file is refused, unless skipped.
        try Data("theme = \"neon\"\n".utf8).write(to: file)
        #expect(throws: DataError.self) { try ConfigFile.load(path: nil, skip: false, environment: environment) }
        #expect(try ConfigFile.load(path: nil, skip: true, environment: environment) == Settings())
        // A file given must be there.
        #expect(throws: DataError.self) {
            try ConfigFile.load(path: directory.appendingPathComponent("none.toml").path, skip: false)
        }
        // Bytes that are not UTF-8.
        try Data([0x74, 0x3D, 0xFF, 0x0A]).write(to: file)
        #expect {
            try ConfigFile.load(path: file.path, skip: false)
        } throws: { ($0 as? DataError)?.reason.hasPrefix("is not UTF-8 text") == true }
    }

    @Test func theColourSettingCapsWhatTheTerminalHas() {
        #expect(Settings.Colours.auto.depth(on: .palette) == .palette)
        #expect(Settings.Colours.eight.depth(on: .palette) == .eight)
        #expect(Settings.Colours.palette.depth(on: .eight) == .eight)
        #expect(Settings.Colours.none.depth(on: .palette) == .monochrome)
        #expect(Settings.Colours.eight.depth(on: .monochrome) == .monochrome)
    }
}
