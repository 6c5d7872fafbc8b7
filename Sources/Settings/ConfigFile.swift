import DataFiles
import Dashboard
import Foundation
import TOMLKit
import Training

/// The config file: where it is, and reading it into `Settings`. A file that is not there gives the defaults;
/// one that is there and wrong is refused with one line naming the line and the key, and how to go on.
public enum ConfigFile {
    /// More than any config file needs; a larger one is a wrong path.
    static let sizeLimit = 1 << 20

    /// `$XDG_CONFIG_HOME/nntop/config.toml`, or `~/.config/nntop/config.toml` (XDG's default) when it is unset,
    /// empty or relative; nil without a home either.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") { return xdg + "/nntop/config.toml" }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.config/nntop/config.toml"
    }

    /// The settings to start with: the defaults with `--no-config`, else the file given (`--config`, which must
    /// be there) or the default path's file (when there is one).
    public static func load(
        path given: String?, skip: Bool, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(DataError) -> Settings {
        if skip { return Settings() }
        if let given { return try read(given) }
        guard let path = defaultPath(environment: environment), FileManager.default.fileExists(atPath: path) else {
            return Settings()
        }
        return try read(path)
    }

    public static func read(_ path: String) throws(DataError) -> Settings {
        let bytes: [UInt8]
        do {
            bytes = try FileBytes.read(path, limit: sizeLimit)
        } catch {
            throw DataError(file: path, line: error.line, column: error.column, error.reason + fix)
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw DataError(file: path, "is not UTF-8 text, as TOML must be" + fix)
        }
        return try parse(text, path: path)
    }

    /// What every error ends with: the way out.
    static let fix = "; fix it, or run nntop --no-config"

    /// `text` as settings: every key known, every value of its kind and range.
    public static func parse(_ text: String, path: String) throws(DataError) -> Settings {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw DataError(
                file: path, line: error.source.begin.line, column: error.source.begin.column,
                "not TOML: \(error.description)" + fix)
        } catch {
            throw DataError(file: path, "not TOML: \(error)" + fix)
        }
        var settings = Settings()
        // Keys come back in no particular order: the problem reported is the first in the file.
        var problems: [(line: Int, error: DataError)] = []
        for (key, value) in table {
            let line = Self.line(of: key, in: text)
            do throws(ConfigProblem) {
                try settings.set(key, value.tomlValue)
            } catch {
                problems.append((line ?? 0, DataError(file: path, line: line, "\(key): \(error.text)" + fix)))
            }
        }
        if let first = problems.min(by: { $0.line < $1.line }) { throw first.error }
        return settings
    }

    /// The line (from 1) where top-level `key` is set, or its table begins.
    static func line(of key: String, in text: String) -> Int? {
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = Substring(raw.drop { $0 == " " || $0 == "\t" })
            if line.hasPrefix("[") {
                line = line.drop { $0 == "[" || $0 == " " || $0 == "\t" }
            }
            for spelling in [key, "\"\(key)\"", "'\(key)'"] where line.hasPrefix(spelling) {
                let rest = line.dropFirst(spelling.count).drop { $0 == " " || $0 == "\t" }
                if let next = rest.first, "=.]".contains(next) { return n + 1 }
            }
        }
        return nil
    }
}

/// What is wrong with one key's value.
struct ConfigProblem: Error {
    let text: String
}

extension Settings {
    /// Every key the file may set, in the order `nntop --print-config` prints them.
    public static let keys = ["theme", "palette", "colours", "ascii", "map", "speed"]

    mutating func set(_ key: String, _ value: TOMLValue) throws(ConfigProblem) {
        switch key {
        case "theme": theme = try Self.choice(value, Theme.Name.self, "a theme")
        case "palette": palette = try Self.choice(value, Theme.Palette.self, "a palette")
        case "colours": colours = try Self.choice(value, Colours.self, "a colour setting")
        case "map": map = try Self.choice(value, Map.self, "a map setting")
        case "ascii":
            guard let flag = value.bool else {
                throw ConfigProblem(text: "expected true or false, got \(Self.shown(value))")
            }
            ascii = flag
        case "speed": speed = try Self.speed(value)
        default:
            throw ConfigProblem(text: "not a setting nntop knows (\(Self.keys.joined(separator: ", ")))")
        }
    }

    private static func choice<T: RawRepresentable & CaseIterable>(
        _ value: TOMLValue, _ type: T.Type, _ what: String
    ) throws(ConfigProblem) -> T where T.RawValue == String {
        let names = T.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
        // colours = 8 reads as well as colours = "8".
        let text = value.string ?? value.int.map(String.init)
        guard let text, let choice = T(rawValue: text) else {
            throw ConfigProblem(text: "\(shown(value)) is not \(what) (\(names))")
        }
        return choice
    }

    private static func speed(_ value: TOMLValue) throws(ConfigProblem) -> Speed {
        if value.string?.lowercased() == "max" { return .unlimited }
        let rate = value.int.map(Double.init) ?? value.double
        guard let rate, rate >= 1, rate <= Speed.maximumRate else {
            throw ConfigProblem(
                text: "\(shown(value)) is not a speed (iterations per second, 1 to 1e9, or \"max\")")
        }
        return .perSecond(rate)
    }

    /// A value as the file wrote it, near enough.
    private static func shown(_ value: TOMLValue) -> String {
        if let text = value.string { return "\"\(text)\"" }
        return value.debugDescription
    }
}
