import Foundation
import Testing
import Training

/// What one run of the real `nntop` executable did.
struct RunResult: CustomStringConvertible {
    var status: Int32
    var stdout: String
    var stderr: String
    var seconds: Double

    var description: String {
        "exit status \(status)\n--- stdout ---\n\(stdout)\n--- stderr ---\n\(stderr)"
    }

    /// The lines of stderr (a final newline does not start another line).
    var stderrLines: [Substring] {
        stderr.split(separator: "\n", omittingEmptySubsequences: false).dropLast(stderr.hasSuffix("\n") ? 1 : 0).map {
            $0
        }
    }
}

enum BinaryError: Error, CustomStringConvertible {
    case missing([String])
    case timedOut([String])

    var description: String {
        switch self {
        case .missing(let tried):
            return "the nntop executable was not found (run `swift build` first, or set NNTOP_BINARY); tried: "
                + tried.joined(separator: ", ")
        case .timedOut(let args):
            return "nntop \(args.joined(separator: " ")) did not finish in time"
        }
    }
}

/// The `nntop` executable SwiftPM builds beside the test bundle (the test target depends on it).
/// `NNTOP_BINARY` overrides the search.
let nntopExecutable: Result<URL, BinaryError> = {
    var candidates: [URL] = []
    if let override = ProcessInfo.processInfo.environment["NNTOP_BINARY"], !override.isEmpty {
        candidates.append(URL(fileURLWithPath: override))
    }
    // The test runner is `.build/<triple>/debug/nntopPackageTests.xctest` (Linux) or
    // `…/nntopPackageTests.xctest/Contents/MacOS/nntopPackageTests` (macOS); nntop sits in the same build directory.
    var bundle = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    for _ in 0..<4 {
        bundle.deleteLastPathComponent()
        candidates.append(bundle.appendingPathComponent("nntop"))
    }
    // Fall back to the package's own build directory, found from this file.
    var root = URL(fileURLWithPath: #filePath)
    while root.path != "/" {
        root.deleteLastPathComponent()
        if FileManager.default.fileExists(atPath: root.appendingPathComponent("Package.swift").path) {
            candidates.append(root.appendingPathComponent(".build/debug/nntop"))
            break
        }
    }
    for candidate in candidates {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue,
            FileManager.default.isExecutableFile(atPath: candidate.path)
        {
            return .success(candidate)
        }
    }
    return .failure(.missing(candidates.map(\.path)))
}()

/// Runs the real `nntop` with `args` in `directory`, stdin from `/dev/null` (or `stdin`), and returns its exit
/// status and output. Fails the test (by throwing) if the binary is missing or the run takes over `timeout` s.
func runNNTop(
    _ args: [String], in directory: URL? = nil, stdin: String? = nil,
    timeout: Double = 20
) throws -> RunResult {
    try runCaptured(try nntopExecutable.get(), args, in: directory, stdin: stdin, timeout: timeout, naming: args)
}

/// Runs `executable` with `arguments` to completion, its output captured through files; a run over `timeout`
/// seconds is stopped and reported as `BinaryError.timedOut(naming)`.
func runCaptured(
    _ executable: URL, _ arguments: [String], in directory: URL? = nil, stdin: String? = nil,
    timeout: Double, naming: [String]
) throws -> RunResult {
    let scratch = FileManager.default.temporaryDirectory
        .appendingPathComponent("nntop-run-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    let outURL = scratch.appendingPathComponent("stdout"), errURL = scratch.appendingPathComponent("stderr")
    try Data().write(to: outURL)
    try Data().write(to: errURL)
    let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
    defer { try? out.close(); try? err.close() }

    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    process.standardOutput = out
    process.standardError = err
    if let stdin {
        let inURL = scratch.appendingPathComponent("stdin")
        try Data(stdin.utf8).write(to: inURL)
        process.standardInput = try FileHandle(forReadingFrom: inURL)
    } else {
        process.standardInput = FileHandle.nullDevice
    }
    let done = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in done.signal() }
    let start = ContinuousClock.now
    try process.run()
    if done.wait(timeout: .now() + timeout) == .timedOut {
        process.terminate()
        if done.wait(timeout: .now() + 5) == .timedOut {
            // SIGTERM may be blocked: a child started by `Process` inherits the test thread's signal mask.
            kill(process.processIdentifier, SIGKILL)
            _ = done.wait(timeout: .now() + 5)
        }
        throw BinaryError.timedOut(naming)
    }
    let elapsed = ContinuousClock.now - start
    return RunResult(
        status: process.terminationStatus,
        stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
        stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self),
        seconds: elapsed.seconds
    )
}

/// A fresh directory for one test's files, removed by `cleanUp()`.
struct Scratch {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("nntop-test-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// Writes `text` to `name` inside the directory and returns its path.
    @discardableResult
    func file(_ name: String, _ text: String) throws -> String {
        let target = url.appendingPathComponent(name)
        try Data(text.utf8).write(to: target)
        return target.path
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    func exists(_ name: String) -> Bool { FileManager.default.fileExists(atPath: path(name)) }

    func read(_ name: String) throws -> String {
        String(decoding: try Data(contentsOf: url.appendingPathComponent(name)), as: UTF8.self)
    }

    func cleanUp() {
        // Restore permissions changed by a test so removal cannot fail.
        if let names = try? FileManager.default.contentsOfDirectory(atPath: url.path) {
            for name in names { chmod(path(name), 0o755) }
        }
        try? FileManager.default.removeItem(at: url)
    }
}

/// Expects the run to be a clean data or usage failure: exit status 2, nothing on stdout, exactly one line on
/// stderr starting "nntop: " and containing every one of `fragments`, and no sign of a crash.
func expectOneLineFailure(
    _ result: RunResult, contains fragments: [String],
    sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(result.status == 2, "\(result)", sourceLocation: sourceLocation)
    #expect(result.stdout.isEmpty, "\(result)", sourceLocation: sourceLocation)
    #expect(result.stderr.hasSuffix("\n"), "\(result)", sourceLocation: sourceLocation)
    #expect(
        result.stderrLines.count == 1, "stderr should be exactly one line: \(result)", sourceLocation: sourceLocation)
    #expect(result.stderr.hasPrefix("nntop: "), "\(result)", sourceLocation: sourceLocation)
    for crash in ["Fatal error", "Stack dump", "Backtrace", "Swift runtime failure", "Illegal instruction"] {
        #expect(!result.stderr.contains(crash), "\(result)", sourceLocation: sourceLocation)
    }
    for fragment in fragments {
        #expect(
            result.stderr.contains(fragment), "stderr lacks \(fragment.debugDescription): \(result)",
            sourceLocation: sourceLocation)
    }
}

/// The run's stdout as a JSON object.
func jsonObject(_ result: RunResult, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
    #expect(result.status == 0, "\(result)", sourceLocation: sourceLocation)
    let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8), options: [.fragmentsAllowed])
    return try #require(
        object as? [String: Any], "stdout is not a JSON object: \(result)", sourceLocation: sourceLocation)
}

/// A JSON number as a Double (JSONSerialization gives NSNumber, or a Swift number on some platforms).
func number(_ value: Any?) -> Double? {
    switch value {
    case let x as Double: return x
    case let n as Int: return Double(n)
    case let n as NSNumber: return n.doubleValue
    default: return nil
    }
}

/// A JSON array of arrays of numbers.
func matrix(_ value: Any?) -> [[Double]]? {
    guard let rows = value as? [Any] else { return nil }
    var out: [[Double]] = []
    for row in rows {
        guard let cells = row as? [Any] else { return nil }
        var values: [Double] = []
        for cell in cells {
            guard let x = number(cell) else { return nil }
            values.append(x)
        }
        out.append(values)
    }
    return out
}
