import Foundation
import Testing

/// The shell's conventions, through the real binary: errors that point at their subcommand's help, a
/// did-you-mean for a misspelt command, a root help that shows the default command's options, completion
/// scripts, and the refusals of a terminal that cannot draw and of noise the tutorial cannot take.
@Suite struct ShellConventionTests {
    @Test(arguments: [
        (["train", "--iterations", "0"], "see 'nntop help train'"),
        (["train", "--hidenn", "4"], "see 'nntop help train'"),
        (["predict", "--weights", "1,2"], "see 'nntop help predict'"),
        (["export", "--model", "m.json"], "see 'nntop help export'"),
        (["dashboard", "--speed", "fast"], "see 'nntop help dashboard'"),
        (["--speed", "fast"], "see 'nntop --help'")
    ])
    func errorsPointAtTheirSubcommandsHelp(arguments: [String], hint: String) throws {
        expectOneLineFailure(try runNNTop(arguments), contains: [hint])
    }

    @Test func anUnknownOptionGetsADidYouMeanAndItsSubcommandsHelp() throws {
        expectOneLineFailure(
            try runNNTop(["train", "--hidenn", "4"]),
            contains: ["Unknown option '--hidenn'", "Did you mean '--hidden'?", "(see 'nntop help train')"])
    }

    @Test(arguments: [("trian", "train"), ("predcit", "predict"), ("expor", "export"), ("dashbaord", "dashboard")])
    func aMisspeltCommandGetsADidYouMean(typed: String, meant: String) throws {
        let result = try runNNTop([typed, "--iterations", "10"])
        expectOneLineFailure(
            result, contains: ["unknown command '\(typed)'", "did you mean '\(meant)'?", "(see 'nntop --help')"])
    }

    @Test func aWordFarFromEveryCommandListsThem() throws {
        expectOneLineFailure(
            try runNNTop(["banana"]), contains: ["unknown command 'banana'", "train, predict and export"])
        expectOneLineFailure(try runNNTop(["points.csv"]), contains: ["--data points.csv"])
        expectOneLineFailure(try runNNTop(["1.66", "1.56"]), contains: ["unknown command '1.66'", "nntop predict"])
        expectOneLineFailure(
            try runNNTop(["help", "trian"]), contains: ["unknown command 'trian'", "did you mean 'train'?"])
    }

    @Test(arguments: [["--help"], ["-h"], ["help"]])
    func rootHelpListsTheDashboardsOptionsAndTheSubcommands(arguments: [String]) throws {
        let result = try runNNTop(arguments)
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.isEmpty, "\(result)")
        let text = result.stdout
        // The dashboard's own options, with their help.
        for option in ["--speed <n|max>", "--ascii", "--paused", "--data <file.csv>", "--hidden <n,n,…>"] {
            #expect(text.contains(option), "no \(option) in: \(text)")
        }
        // Every subcommand, with its abstract.
        for line in [
            "train                   Train without the dashboard", "predict ", "export ", "dashboard (default)"
        ] {
            #expect(text.contains(line), "no \(line) in: \(text)")
        }
        #expect(text.contains("nntop help <subcommand>"), "\(text)")
        #expect(text.contains("--generate-completion-script"), "\(text)")
        // No section twice, and the usage says both ways to run it.
        #expect(text.components(separatedBy: "OPTIONS").count == 2, "\(text)")
        #expect(text.contains("USAGE: nntop [<options>]"), "\(text)")
        #expect(text.contains("nntop <subcommand> [<options>]"), "\(text)")
    }

    @Test func subcommandHelpIsStillItsOwn() throws {
        let result = try runNNTop(["help", "train"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("USAGE: nntop train"), "\(result)")
        #expect(result.stdout.contains("--history <file.csv>"), "\(result)")
        #expect(!result.stdout.contains("--speed"), "\(result)")
    }

    @Test(arguments: [("bash", "-F _nntop nntop"), ("zsh", "#compdef nntop"), ("fish", "complete -c 'nntop'")])
    func completionScripts(shell: String, marker: String) throws {
        let result = try runNNTop(["--generate-completion-script", shell])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains(marker), "\(result.stdout.prefix(400))")
        for word in ["train", "predict", "export", "hidden", "learning-rate"] {
            #expect(result.stdout.contains(word), "\(shell) completion lacks \(word)")
        }
    }

    // MARK: Noise on the tutorial's fixed points

    @Test(arguments: [["--noise", "0.2"], ["--dataset", "tutorial", "--noise", "0.2"]])
    func noiseOnTheTutorialIsRefused(arguments: [String]) throws {
        for command in [["train"], []] {
            expectOneLineFailure(
                try runNNTop(command + arguments),
                contains: ["--noise", "tutorial", "8 points are fixed", "--dataset xor, circle, gaussian or spiral"])
        }
    }

    @Test func noiseOnADrawnDatasetTrainsAndOnACSVFileIsRefused() throws {
        let result = try runNNTop(["train", "--dataset", "xor", "--noise", "0.2", "--iterations", "50"])
        #expect(result.status == 0, "\(result)")
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let data = try scratch.file("xor.csv", Fixtures.xor)
        expectOneLineFailure(
            try runNNTop(["train", "--data", data, "--noise", "0.2"]), contains: ["--noise", "not the rows of --data"])
    }

    // MARK: A terminal that cannot draw

    /// The dashboard refuses an unset or empty TERM as it refuses TERM=dumb: one line, exit status 2 — in a real
    /// terminal, where everything else would let it start.
    @Test(arguments: [
        ("env -u TERM", "TERM is not set"), ("env TERM=", "TERM is not set"),
        ("env TERM=dumb", "terminal type \"dumb\" cannot draw")
    ])
    func aTerminalThatCannotDrawIsOneLine(environment: String, message: String) throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let binary = try nntopExecutable.get().path
        let script =
            "\(environment) \(shellQuoted(binary)) 2> \(shellQuoted(scratch.path("stderr"))); echo $? > \(shellQuoted(scratch.path("status")))"
        let tmux = try Tmux(width: 80, height: 24, command: "sh -c \(shellQuoted(script))")
        let ended = try tmux.waitFor { _ in (try? tmux.paneDead()) == true }
        #expect(ended.ok)
        #expect(try scratch.read("status").trimmingCharacters(in: .whitespacesAndNewlines) == "2")
        let stderr = try scratch.read("stderr")
        #expect(stderr.hasPrefix("nntop: ") && stderr.contains(message), "\(stderr)")
        #expect(stderr.contains("nntop train"), "\(stderr)")
        #expect(stderr.split(separator: "\n").count == 1, "\(stderr)")
    }
}
