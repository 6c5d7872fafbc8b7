import ArgumentParser
import NeuralCore

/// `nntop` with no subcommand: the live dashboard.
struct DashboardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard",
        abstract: "Open the live dashboard (the default)."
    )

    func run() throws {
        throw UsageError("the dashboard is not built yet; run nntop train for headless training")
    }
}
