import Foundation

/// What a command wrote to a terminal, every byte: `script` (util-linux) gives it a pseudo-terminal and records
/// the output, escapes and carriage returns included, which a tmux pane would only show redrawn.
struct TerminalRecording {
    var status: Int32
    /// Every byte the terminal got, as text.
    var output: String
}

/// Runs `command` (sh) on a pseudo-terminal of `columns` columns, with `environment` before it (`TERM=dumb`).
func runInPseudoTerminal(
    _ command: String, columns: Int = 80, environment: String = "TERM=xterm-256color", timeout: Double = 60
) throws -> TerminalRecording {
    let scratch = try Scratch()
    defer { scratch.cleanUp() }
    let typescript = scratch.path("typescript")
    let result = try runCaptured(
        URL(fileURLWithPath: "/usr/bin/script"),
        ["-q", "-e", "-c", "stty cols \(columns) rows 24; \(environment) \(command)", typescript],
        timeout: timeout, naming: ["script", command])
    let output = String(decoding: (try? Data(contentsOf: URL(fileURLWithPath: typescript))) ?? Data(), as: UTF8.self)
    return TerminalRecording(status: result.status, output: output)
}
