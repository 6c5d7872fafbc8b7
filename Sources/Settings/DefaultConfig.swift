/// The config file `nntop --print-config` prints: every setting at its default, each with what it may be.
/// Reading it gives `Settings()` (a test holds them together), and README shows it.
public enum DefaultConfig {
    public static let text = """
        # nntop's config file: $XDG_CONFIG_HOME/nntop/config.toml, or ~/.config/nntop/config.toml.
        # Every setting here is at its default; command-line options override them.

        # The dashboard's colours: "dark" (for a dark background), "light" or "high-contrast".
        theme = "dark"

        # How classes, right and wrong are told apart: "standard", or "colour-blind" (Okabe-Ito's colours,
        # wrong points on black rather than red). P switches it in the dashboard.
        palette = "standard"

        # How many colours to draw with: "auto" (what the terminal has), "256", "8" or "none".
        colours = "auto"

        # Draw with ASCII characters only (the default anyway when the locale is not UTF-8).
        ascii = false

        # The layout's decision map: "auto" (on a screen of at least 100x30) or "off".
        map = "auto"

        # Iterations per second when the dashboard opens: 1 to 1e9, or "max".
        speed = 300

        """
}
