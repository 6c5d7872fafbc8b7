import ArgumentParser
import Foundation
import DataFiles

/// The `nntop` command: the dashboard by default, `train`, `predict` and `export` headless.
public struct NNTop: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "nntop",
        abstract: "Watch a small neural network train, live, in your terminal.",
        discussion: """
            With no subcommand nntop opens the dashboard, training on the tutorial's eight points (its options \
            are below; press ? inside for every key). The subcommands train, predict and export work without \
            it: see 'nntop help <subcommand>'. Shell completion: nntop --generate-completion-script bash, zsh or \
            fish.
            Exit status: 0 on success, 2 on bad options or bad input data.
            """,
        version: NNTop.version,
        subcommands: [DashboardCommand.self, TrainCommand.self, PredictCommand.self, ExportCommand.self],
        defaultSubcommand: DashboardCommand.self
    )

    public static let version = "0.1.0"

    public init() {}
}

/// Runs nntop with the process's arguments and exits: 0 on success, 2 on any usage or data error, each error
/// reported as one line on stderr.
public enum NNTopMain {
    public static func main(_ arguments: [String] = Array(CommandLine.arguments.dropFirst())) -> Never {
        // A reader that closes the pipe early makes a write fail (one line, exit 1), not kill the process.
        signal(SIGPIPE, SIG_IGN)
        let command = CommandName(arguments)
        if case .unknown(let word) = command { fail(CommandName.unknownMessage(word), hint: command.help) }
        if HelpText.isRootRequest(arguments) {
            Terminal.writeOutput(HelpText.root())
            exit(0)
        }
        do {
            var command = try NNTop.parseAsRoot(joiningNegativeValues(arguments))
            try command.run()
            exit(0)
        } catch let error as DataError {
            fail(error.description)
        } catch let error as UsageError {
            fail(error.message)
        } catch {
            let code = NNTop.exitCode(for: error)
            if code == .success {
                // --help and --version
                Terminal.writeOutput(NNTop.fullMessage(for: error) + "\n")
                exit(0)
            }
            if let exit = error as? ExitCode { Foundation.exit(exit.rawValue) }
            let message =
                NNTop.message(for: error)
                .split(separator: "\n").first.map(String.init) ?? "invalid arguments"
            fail(message.hasPrefix("Error: ") ? String(message.dropFirst(7)) : message, hint: command.help)
        }
    }

    /// Options that take no value; every other `--name` takes one.
    static let flags: Set<String> = [
        "--json", "--standardize", "--ascii", "--paused", "--help", "--version", "-h"
    ]

    /// `--learning-rate -1` would read `-1` as an option; pass it as `--learning-rate=-1` so the value reaches
    /// the option and its own check explains what is wrong.
    static func joiningNegativeValues(_ arguments: [String]) -> [String] {
        var out: [String] = []
        var i = 0
        while i < arguments.count {
            let a = arguments[i]
            if a == "--" { out += arguments[i...]; break }
            if a.hasPrefix("--"), !a.contains("="), !flags.contains(a), i + 1 < arguments.count,
                arguments[i + 1].hasPrefix("-"), Double(arguments[i + 1].split(separator: ",").first ?? "") != nil
            {
                out.append("\(a)=\(arguments[i + 1])")
                i += 2
                continue
            }
            out.append(a)
            i += 1
        }
        return out
    }

    /// Writes `message` as one line and exits with status 2; `hint` names the help to read (`nntop help train`).
    /// Any control character left in it (a value echoed by the argument parser, say) is escaped here, the last
    /// place before the terminal.
    static func fail(_ message: String, hint: String? = nil) -> Never {
        Terminal.writeError("nntop: \(MessageText.escaped(message))\(hint.map { " (see '\($0)')" } ?? "")\n")
        exit(2)
    }
}

/// A problem with the options found after parsing; one line, exit status 2.
struct UsageError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}

import NeuralCore
