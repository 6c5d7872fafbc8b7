import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Output that cannot be written is never lost in silence: a full disk (/dev/full) or a closed stdout ends the
/// command with one line on stderr and a non-zero status; --json never writes nan or inf.
@Suite struct LostOutputTests {
    /// Runs nntop with stdout on `/dev/full` (or closed), stderr captured.
    static func run(_ args: [String], stdout: String?) throws -> (status: Int32, stderr: String) {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let err = scratch.path("stderr")
        let redirect = stdout.map { "> \($0)" } ?? ">&-"
        let line = ([try nntopExecutable.get().path] + args).map(shellQuoted).joined(separator: " ")
        let result = try runCaptured(
            URL(fileURLWithPath: "/bin/sh"), ["-c", "\(line) \(redirect) 2> \(shellQuoted(err))"],
            timeout: 30, naming: args)
        return (result.status, try scratch.read("stderr"))
    }

    @Test(arguments: [
        ["predict", "--weights", "1.45,-0.66", "--bias", "0", "1.66", "1.56"],
        ["predict", "--weights", "1.45,-0.66", "--bias", "0", "--json", "1.66", "1.56"],
        ["train", "--iterations", "200"],
        ["train", "--iterations", "200", "--json"],
        ["--help"]
    ])
    func aFullDiskIsAnError(args: [String]) throws {
        for stdout in ["/dev/full", nil] {
            let (status, stderr) = try Self.run(args, stdout: stdout)
            #expect(status == 1, "\(args) to \(stdout ?? "a closed stdout"): \(stderr)")
            #expect(stderr.hasPrefix("nntop: cannot write the output"), "\(stderr)")
            #expect(
                stderr.components(separatedBy: "\n").filter { !$0.isEmpty && !$0.hasPrefix("\r") }.count == 1,
                "\(stderr)")
        }
    }

    /// Inputs far beyond what the weights can take make the output NaN: JSON says null, and why.
    @Test func aPredictionThatIsNotANumberIsNullInJSON() throws {
        let result = try runNNTop(["predict", "--weights", "1e300,1e300", "--bias", "0", "--json", "1e300", "-1e300"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout == "{\"class\":null,\"not_finite\":true,\"probability\":null}\n")
        _ = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
        // As text: no class 0 for it (NaN < 0.5 made one, and a target 0 counted it right).
        let text = try runNNTop(["predict", "--weights", "1e300,1e300", "--bias", "0", "1e300", "-1e300"])
        #expect(text.stdout == "probability nan  class none (the output is not a number)\n", "\(text)")
    }
}
