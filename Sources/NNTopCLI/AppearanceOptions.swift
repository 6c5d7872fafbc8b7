import ArgumentParser
import Dashboard
import Settings

/// The dashboard's config file and the options that override it: theme and palette.
struct AppearanceOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Read settings from this file (TOML) instead of $XDG_CONFIG_HOME/nntop/config.toml or ~/.config/nntop/config.toml.",
            valueName: "file.toml"))
    var config: String?

    @Flag(name: .long, help: "Read no config file: start with the defaults (also when the config file is bad).")
    var noConfig = false

    @Flag(name: .long, help: "Print the config file's settings at their defaults, with what each may be, and exit.")
    var printConfig = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Colours for a dark or light background, or high contrast. Default: dark.",
            valueName: "dark|light|high-contrast"))
    var theme: Theme.Name?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "How classes, right and wrong are coloured: standard, or colour-blind (Okabe-Ito). P switches it. Default: standard.",
            valueName: "standard|colour-blind"))
    var palette: Theme.Palette?

    func validate() throws {
        if noConfig, config != nil { throw ValidationError("--config and --no-config contradict each other; give one") }
        if config?.isEmpty == true { throw ValidationError("--config is an empty path, expected a TOML file") }
    }

    /// The config file's settings (or the defaults), with these options over them.
    func settings() throws -> Settings {
        var settings = try ConfigFile.load(path: config, skip: noConfig)
        if let theme { settings.theme = theme }
        if let palette { settings.palette = palette }
        return settings
    }
}

extension Theme.Name: ExpressibleByArgument {}
extension Theme.Palette: ExpressibleByArgument {}
