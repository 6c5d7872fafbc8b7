import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Hostile input through the real executable: malformed and extreme CSV files, unusable paths, corrupt model
/// files, bad options and bad predict inputs. Every rejection must be one clear line on stderr (`nntop: …`, no
/// control characters, not a wall of text), exit status 2, nothing on stdout, no crash, and no file written,
/// replaced or left behind. Complements DataErrorCLITests and OptionErrorCLITests, which cover the common cases.
@Suite struct HostileInputTests {
    // MARK: - Shared checks

    /// What a hostile case places at the path it hands to nntop.
    enum Entry: Sendable {
        case bytes([UInt8])
        case directory
        case missing
        /// A path under a regular file (`plain.csv/x`): every open fails with "not a directory".
        case underAFile
    }

    /// One bad file, and what the one line on stderr must say beyond the path: `place` follows the path
    /// directly (":3" or ":2:1"), then ": " and every one of `reason`.
    struct BadFile: Sendable, CustomTestStringConvertible {
        var name: String
        var entry: Entry
        var place: String = ""
        var reason: [String]

        var testDescription: String { name }

        static func text(_ name: String, _ text: String, place: String = "", _ reason: [String]) -> BadFile {
            BadFile(name: name, entry: .bytes(Array(text.utf8)), place: place, reason: reason)
        }
    }

    /// Creates `entry` at `name` in `scratch` and returns the path to give nntop.
    static func place(_ entry: Entry, as name: String, in scratch: Scratch) throws -> String {
        let path = scratch.path(name)
        switch entry {
        case .bytes(let bytes): try Data(bytes).write(to: URL(fileURLWithPath: path))
        case .directory: try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        case .missing: break
        case .underAFile:
            try Data("a,b,y\n1,2,0\n".utf8).write(to: URL(fileURLWithPath: path))
            return path + "/x"
        }
        return path
    }

    /// Every entry of a directory (hidden ones too, so a stray temporary file shows) with its bytes.
    static func snapshot(_ scratch: Scratch) throws -> [String: Data] {
        var out: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: scratch.url.path) {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: scratch.path(name), isDirectory: &isDirectory)
            out[name] =
                isDirectory.boolValue
                ? Data("<directory>".utf8)
                : (try? Data(contentsOf: scratch.url.appendingPathComponent(name))) ?? Data("<unreadable>".utf8)
        }
        return out
    }

    /// Runs `command` and expects one clean line holding `fragments`, with every file in `scratch` as it was.
    static func expectFailureChangingNothing(
        in scratch: Scratch, contains fragments: [String],
        sourceLocation: SourceLocation = #_sourceLocation,
        _ command: () throws -> RunResult
    ) throws {
        let before = try snapshot(scratch)
        let result = try command()
        expectOneCleanLine(result, contains: fragments, sourceLocation: sourceLocation)
        #expect(try snapshot(scratch) == before, "files changed: \(result)", sourceLocation: sourceLocation)
    }

    /// The existing `--save` and `--history` files every data case runs beside: real contents a user would
    /// be upset to lose.
    static let oldModel = Data(HostileInputTests.validModel.utf8)
    static let oldHistory = Data("iteration,cumulative_error\n100,1.25\n200,0.5\n".utf8)

    // MARK: - Malformed and extreme training data

    static let badTrainingData: [BadFile] = [
        .text("a row longer than the header", "a,b,y\n1,2,0\n1,2,3,4\n", place: ":3", ["expected 3 columns, found 4"]),
        .text("a quote that never closes", "a,b,y\n1,\"2,0\n3,4,1\n", place: ":2:2", ["never closes", "\"\""]),
        .text("text after a closing quote", "a,b,y\n\"1\"x,2,0\n", place: ":2:1", ["after a quoted cell", "\"x\""]),
        .text(
            "a quoted comma stays in its cell, among numbers", "\"1,5\",2,0\n1,2,1\n", place: ":1:1",
            ["expected a number", "\"1,5\"", "--drop x1"]),
        .text("only commas", ",,,\n,,,\n", place: ":2:1", ["missing cells", "--missing drop"]),
        .text("a missing cell", "a,b,y\n1,NA,0\n", place: ":2:2", ["column \"b\" has 1 missing cell", "--missing"]),
        .text(
            "missing cells in two columns", "a,b,y\n1,2,0\n?,null,1\n,4,0\n", place: ":3:1",
            ["columns \"a\" (2), \"b\" (1) have missing cells", "--missing drop"]),
        .text(
            "a text column of too many values", "a,b,y\n" + (0..<120).map { "1,t\($0),\($0 % 2)\n" }.joined(),
            ["column \"b\" (120 distinct texts) cannot be inputs", "--drop b"]),
        .text(
            "a row of a quoted file longer than the header", "a,b,y\n\"x, y\",2,0,1\n", place: ":2",
            ["expected 3 columns, found 4"]),
        .text("header only, CRLF", "a,b,y\r\n", ["header", "no data rows"]),
        .text("lines of spaces and tabs only", "  \n\t\n \t \r\n\n", ["empty"]),
        .text("NaN as a target", "a,b,y\n1,2,0\n1,2,nan\n", place: ":3:3", ["the target column", "missing cell"]),
        .text("1e400 overflows", "a,b,y\n1,2,0\n1e400,2,1\n", place: ":3:1", ["expected a finite number", "\"1e400\""]),
        .text("-1e400 overflows", "a,b,y\n1,-1e400,0\n", place: ":2:2", ["expected a finite number", "\"-1e400\""]),
        .text("+Infinity spelled out", "1,+Infinity,0\n", place: ":1:2", ["expected a finite number"]),
        .text("tabs as separators", "a\tb\ty\n1\t2\t0\n", place: ":1", ["expected at least 2 columns", "found 1"]),
        .text("a single column", "y\n1\n0\n", place: ":1", ["expected at least 2 columns"]),
        .text("hexadecimal cell", "a,b,y\n0x10,2,1\n1,2,0\n", place: ":2:1", ["expected a number", "\"0x10\""]),
        .text(
            "a number with trailing text", "a,b,y\n1.5kg,2,1\n1,2,0\n", place: ":2:1",
            ["expected a number", "\"1.5kg\""]),
        .text("a bare exponent", "a,b,y\n1e,2,1\n1,2,0\n", place: ":2:1", ["expected a number", "\"1e\""]),
        BadFile(
            name: "non-UTF-8 bytes in a cell",
            entry: .bytes(Array("a,b,y\n1,".utf8) + [0xFF, 0xFE, 0x80] + Array(",0\n1,2,0\n".utf8)),
            place: ":2:2", reason: ["expected a number"]),
        .text("a NUL byte in a cell", "a,b,y\n1,2\u{0}3,0\n1,2,0\n", place: ":2:2", ["expected a number"]),
        .text(
            "a terminal escape sequence in a cell", "a,b,y\n1,2\u{1B}[2J\u{1B}]0;owned\u{7},0\n1,2,0\n", place: ":2:2",
            ["expected a number"]),
        .text("a carriage return inside a cell", "a,b,y\n1,2\r3,0\n1,2,0\n", place: ":2:2", ["expected a number"]),
        .text(
            "a cell 100 kB long", "a,b,y\n1," + String(repeating: "9", count: 100_000) + "x,0\n1,2,0\n", place: ":2:2",
            ["expected a number"]),
        BadFile(name: "a directory", entry: .directory, reason: ["directory"]),
        BadFile(name: "a path under a regular file", entry: .underAFile, reason: ["not a directory"])
    ]

    /// Bad `--data`, given with `--save` and `--history` that already exist: one line naming the place, and the
    /// directory exactly as it was.
    @Test(arguments: badTrainingData)
    func badTrainingDataChangesNothing(_ bad: BadFile) throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        try Self.oldModel.write(to: scratch.url.appendingPathComponent("out.json"))
        try Self.oldHistory.write(to: scratch.url.appendingPathComponent("h.csv"))
        let data = try Self.place(bad.entry, as: "data.csv", in: scratch)
        try Self.expectFailureChangingNothing(in: scratch, contains: ["\(data)\(bad.place): "] + bad.reason) {
            try runNNTop(
                [
                    "train", "--data", data, "--iterations", "200", "--save", scratch.path("out.json"),
                    "--history", scratch.path("h.csv")
                ], in: scratch.url)
        }
    }

    static let badTestData: [BadFile] = [
        .text("target 2", "a,b,y\n1,2,0\n3,4,2\n", place: ":3:3", ["expected a target of 0 or 1", "\"2\""]),
        .text("target -1", "a,b,y\n3,4,-1\n", place: ":2:3", ["expected a target of 0 or 1", "\"-1\""]),
        .text("target 0.5", "a,b,y\n3,4,0.5\n", place: ":2:3", ["expected a target of 0 or 1", "\"0.5\""]),
        .text("0-byte file", "", ["empty"]),
        .text("a different width", "a,b,c,y\n1,2,3,0\n", ["3 feature columns", "2"]),
        BadFile(name: "missing", entry: .missing, reason: ["no such file"]),
        BadFile(name: "a directory", entry: .directory, reason: ["directory"])
    ]

    /// Bad `--test-data` beside good training data: the test file is named, and nothing is written.
    @Test(arguments: badTestData)
    func badTestDataChangesNothing(_ bad: BadFile) throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let train = try scratch.file("train.csv", Fixtures.xor)
        try Self.oldModel.write(to: scratch.url.appendingPathComponent("out.json"))
        let test = try Self.place(bad.entry, as: "test.csv", in: scratch)
        try Self.expectFailureChangingNothing(in: scratch, contains: ["\(test)\(bad.place): "] + bad.reason) {
            try runNNTop([
                "train", "--data", train, "--test-data", test, "--iterations", "200",
                "--save", scratch.path("out.json"), "--history", scratch.path("h.csv")
            ])
        }
    }

    /// A 10 MB file that is one line with no newline: rejected at once, and the message quotes none of it.
    @Test(arguments: [
        ("letters", UInt8(ascii: "x"), ["expected at least 2 columns", "found 1"]),
        ("digits", UInt8(ascii: "7"), ["expected at least 2 columns", "found 1"])
    ])
    func tenMegabyteSingleLine(kind: String, byte: UInt8, reason: [String]) throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let path = scratch.path("\(kind).csv")
        try Data(repeating: byte, count: 10 << 20).write(to: URL(fileURLWithPath: path))
        let result = try runNNTop(["train", "--data", path, "--save", scratch.path("out.json")])
        expectOneCleanLine(result, contains: ["\(path):1: "] + reason)
        #expect(!scratch.exists("out.json"))
    }

    /// A 1 MB header of 500 000 names and no rows: one line, not the header echoed back.
    @Test func megabyteHeaderWithoutRows() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let path = try scratch.file("wide.csv", String(repeating: "a,", count: 500_000))
        expectOneCleanLine(try runNNTop(["train", "--data", path]), contains: ["\(path): ", "header", "no data rows"])
    }

    /// `--target` naming no column of a 20 000-column header must still be one readable line; listing every
    /// header name makes it 150 kB.
    @Test func unknownTargetInAWideHeaderIsOneShortLine() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let header = (1...20_000).map { "column\($0)" }.joined(separator: ",")
        let row = Array(repeating: "0", count: 20_000).joined(separator: ",")
        let path = try scratch.file("wide.csv", header + "\n" + row + "\n")
        let result = try runNNTop(["train", "--data", path, "--target", "nosuch"])
        expectOneCleanLine(result, contains: ["\(path):1: ", "--target \"nosuch\" not found"])
    }

    // MARK: - Extreme values that are still data

    /// Subnormal features (down to 4.9e-324) are ordinary finite numbers: training runs and saves a model.
    @Test func subnormalFeaturesTrain() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let data = try scratch.file(
            "tiny.csv", "a,b,y\n1e-320,2e-320,1\n-1e-320,-3e-320,0\n4.9e-324,-4.9e-324,1\n0,0,0\n")
        let result = try runNNTop([
            "train", "--data", data, "--iterations", "500", "--json",
            "--save", scratch.path("model.json")
        ])
        let summary = try jsonObject(result)
        #expect(number(summary["iterations"]) == 500)
        let finalError = number(summary["final_error"]) ?? .nan
        #expect(finalError.isFinite, "\(result)")
        let model = try SavedModel(path: scratch.path("model.json"))
        let finiteWeights = model.weights.joined().joined().allSatisfy { $0.isFinite }
        #expect(finiteWeights)
    }

    /// Features of ±1e308 are finite, but no unit can learn from them unscaled: the run saturates (a bounded loss,
    /// not a divergence), and nntop says the cause and the fix in one note before training, exit status 0.
    /// Standardized, they are ordinary z-scores of ±1, so the same file trains and its model (mean and deviation
    /// included) saves.
    @Test func featuresNear1e308AreNamedAndStandardizingFixesThem() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let data = try scratch.file(
            "huge.csv", "a,b,y\n1e308,1e308,1\n-1e308,-1e308,0\n1e308,-1e308,1\n-1e308,1e308,0\n")
        let raw = try runNNTop(["train", "--data", data, "--iterations", "1000", "--json"])
        #expect(raw.status == 0, "\(raw)")
        #expect(
            raw.stderrLines.count == 1 && raw.stderr.contains("unscaled") && raw.stderr.contains("--standardize"),
            "\(raw)")
        #expect(!raw.stderr.contains("diverged"), "\(raw)")

        let scaled = try runNNTop([
            "train", "--data", data, "--iterations", "1000", "--standardize", "--json",
            "--save", scratch.path("out.json")
        ])
        try #require(scaled.status == 0, "standardized ±1e308 features do not train and save: \(scaled)")
        let summary = try jsonObject(scaled)
        let finalError = number(summary["final_error"]) ?? .nan
        #expect(finalError.isFinite, "\(scaled)")
        let model = try SavedModel(path: scratch.path("out.json"))
        let figures = (model.mean ?? [.nan]) + (model.deviation ?? [.nan])
        let finiteFigures = figures.allSatisfy { $0.isFinite }
        #expect(finiteFigures, "mean \(model.mean ?? []), deviation \(model.deviation ?? [])")
    }

    /// Header names that are not UTF-8 are only names: the file trains.
    @Test func nonUTF8HeaderTrains() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let path = scratch.path("latin1.csv")
        // "größe,gewicht,y" in ISO 8859-1.
        let header: [UInt8] = [
            0x67, 0x72, 0xF6, 0xDF, 0x65, 0x2C, 0x67, 0x65, 0x77, 0x69, 0x63, 0x68, 0x74, 0x2C, 0x79, 0x0A
        ]
        try Data(header + Array("0,0,0\n0,1,1\n1,0,1\n1,1,1\n".utf8)).write(to: URL(fileURLWithPath: path))
        let result = try runNNTop(["train", "--data", path, "--iterations", "200"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.isEmpty, "\(result)")
    }

    /// A UTF-8 byte order mark (Excel's "CSV UTF-8" writes one) is not part of the first cell: a headerless file
    /// with one trains, and the first header name can be given to --target.
    @Test func byteOrderMarkIsNotPartOfTheFirstCell() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let bom = "\u{FEFF}"
        let headerless = try scratch.file("plain.csv", bom + Fixtures.tutorial)
        let plain = try runNNTop(["train", "--data", headerless, "--iterations", "200"])
        #expect(plain.status == 0, "a BOM before a number makes the first cell unreadable: \(plain)")

        let headed = try scratch.file("headed.csv", bom + "y,a,b\n0,0,0\n1,0,1\n1,1,0\n0,1,1\n")
        let named = try runNNTop(["train", "--data", headed, "--target", "y", "--iterations", "200"])
        #expect(named.status == 0, "the first header name carries the BOM: \(named)")
    }

    // MARK: - Unreadable files

    /// A file the user may not read. As root, chmod 000 does not stop reading, so nntop runs as `nobody`
    /// (setpriv), from a copy of the executable that `nobody` can reach.
    @Test(arguments: ["--data", "--model", "--test-data"])
    func unreadableFile(option: String) throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let xor = try scratch.file("xor.csv", Fixtures.xor)
        let secret = try scratch.file("secret", option == "--model" ? Self.validModel : Fixtures.xor)
        chmod(secret, 0)
        let args: [String]
        switch option {
        case "--model": args = ["predict", "--model", secret, "1", "2"]
        case "--test-data": args = ["train", "--data", xor, "--test-data", secret]
        default: args = ["train", "--data", secret]
        }
        let result = try runNNTopUnprivileged(args)
        expectOneCleanLine(result, contains: ["\(secret): permission denied"])
    }

    // MARK: - Model files

    /// A small valid model (2 inputs, one tanh hidden layer of 3, standardized), written by hand.
    static let validModel = """
        {"format":"nntop-model","version":1,"inputs":2,"hidden":[3],"activation":"tanh","loss":"cross-entropy",
         "feature_names":["a","b"],"weights":[[[1,-1],[0.5,0.25],[-2,1]],[[1,-1,0.5]]],
         "biases":[[0,0.1,-0.1],[0.2]],"iterations":10,"standardization":{"mean":[0.5,0.5],"deviation":[0.5,0.5]}}

        """

    static func model(_ edit: (String) -> String) -> [UInt8] { Array(edit(validModel).utf8) }

    /// The hand-written model is valid, so each variant below fails for its own reason.
    @Test func validModelPredicts() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let path = try scratch.file("model.json", Self.validModel)
        let object = try jsonObject(try runNNTop(["predict", "--model", path, "--json", "1", "2"]))
        let p = try #require(number(object["probability"]))
        let expected = try SavedModel(path: path).probability([1, 2])
        #expect(abs(p - expected) < 1e-12)
    }

    static let badModels: [BadFile] = [
        BadFile(
            name: "truncated JSON", entry: .bytes(Array(validModel.utf8.prefix(120))), reason: ["not an nntop model"]),
        BadFile(
            name: "version 4",
            entry: .bytes(model { $0.replacingOccurrences(of: "\"version\":1", with: "\"version\":4") }),
            reason: ["version 4", "reads versions 1 to 3"]),
        BadFile(
            name: "no version", entry: .bytes(model { $0.replacingOccurrences(of: "\"version\":1,", with: "") }),
            reason: ["\"version\" is missing", "reads versions 1 to 3"]),
        BadFile(
            name: "another format", entry: .bytes(model { $0.replacingOccurrences(of: "nntop-model", with: "keras") }),
            reason: ["not an nntop model", "format"]),
        BadFile(
            name: "hidden sizes that do not match the weights",
            entry: .bytes(model { $0.replacingOccurrences(of: "\"hidden\":[3]", with: "\"hidden\":[4]") }),
            reason: ["corrupt", "do not match"]),
        BadFile(
            name: "two output units",
            entry: .bytes(
                model {
                    $0.replacingOccurrences(of: "[[1,-1,0.5]]],", with: "[[1,-1,0.5],[1,1,1]]],")
                        .replacingOccurrences(of: "[0.2]]", with: "[0.2,0.3]]")
                }),
            reason: ["corrupt", "do not match"]),
        BadFile(
            name: "a NaN weight as a string",
            entry: .bytes(model { $0.replacingOccurrences(of: "[[[1,-1]", with: "[[[\"NaN\",-1]") }),
            reason: ["corrupt", "bad value at \"weights[0][0][0]\""]),
        BadFile(
            name: "a weight of 1e999",
            entry: .bytes(model { $0.replacingOccurrences(of: "[[[1,-1]", with: "[[[1e999,-1]") }),
            reason: ["corrupt"]),
        BadFile(
            name: "3 inputs stated, weights for 2",
            entry: .bytes(model { $0.replacingOccurrences(of: "\"inputs\":2", with: "\"inputs\":3") }),
            reason: ["corrupt", "3 inputs"]),
        BadFile(
            name: "a negative input count",
            entry: .bytes(model { $0.replacingOccurrences(of: "\"inputs\":2", with: "\"inputs\":-2") }),
            reason: ["corrupt"]),
        BadFile(
            name: "one feature name for two inputs",
            entry: .bytes(model { $0.replacingOccurrences(of: "[\"a\",\"b\"]", with: "[\"a\"]") }),
            reason: ["corrupt", "feature names"]),
        BadFile(
            name: "standardization for one input",
            entry: .bytes(model { $0.replacingOccurrences(of: "\"mean\":[0.5,0.5]", with: "\"mean\":[0.5]") }),
            reason: ["corrupt", "standardization"]),
        BadFile(
            name: "a negative deviation",
            entry: .bytes(
                model { $0.replacingOccurrences(of: "\"deviation\":[0.5,0.5]", with: "\"deviation\":[0.5,-0.5]") }),
            reason: ["corrupt", "deviation is negative"]),
        BadFile(
            name: "a deviation of 1e999",
            entry: .bytes(
                model { $0.replacingOccurrences(of: "\"deviation\":[0.5,0.5]", with: "\"deviation\":[1e999,0.5]") }),
            reason: ["corrupt"]),
        BadFile(
            name: "no standardization mean",
            entry: .bytes(model { $0.replacingOccurrences(of: "\"mean\":[0.5,0.5],", with: "") }),
            reason: ["corrupt", "missing \"standardization.mean\""]),
        BadFile(
            name: "no weights", entry: .bytes(model { $0.replacingOccurrences(of: "\"weights\"", with: "\"weight\"") }),
            reason: ["corrupt", "missing \"weights\""]),
        BadFile(
            name: "an unknown activation",
            entry: .bytes(model { $0.replacingOccurrences(of: "\"tanh\"", with: "\"softmax\"") }),
            reason: ["corrupt", "activation"]),
        BadFile(name: "a JSON array", entry: .bytes(Array("[1,2,3]\n".utf8)), reason: ["not an nntop model"]),
        BadFile(name: "JSON null", entry: .bytes(Array("null".utf8)), reason: ["not an nntop model"]),
        BadFile(
            name: "100 000 nested arrays", entry: .bytes(Array(repeating: UInt8(ascii: "["), count: 100_000)),
            reason: ["not an nntop model"]),
        BadFile(
            name: "non-UTF-8 bytes", entry: .bytes(Array("{\"format\":\"".utf8) + [0xFF, 0xFE] + Array("\"}".utf8)),
            reason: ["not an nntop model"]),
        BadFile(
            name: "a CSV file given as the model", entry: .bytes(Array(Fixtures.xor.utf8)),
            reason: ["not an nntop model"]),
        BadFile(name: "0-byte file", entry: .bytes([]), reason: ["empty"]),
        BadFile(name: "a directory", entry: .directory, reason: ["directory"]),
        BadFile(name: "missing", entry: .missing, reason: ["no such file"]),
        BadFile(name: "a path under a regular file", entry: .underAFile, reason: ["not a directory"])
    ]

    @Test(arguments: badModels)
    func badModelFile(_ bad: BadFile) throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let path = try Self.place(bad.entry, as: "model.json", in: scratch)
        // The path, then the line and column where the JSON is at fault (or none: ": " at once).
        try Self.expectFailureChangingNothing(in: scratch, contains: ["\(path):"] + bad.reason) {
            try runNNTop(["predict", "--model", path, "1", "2"])
        }
    }

    // MARK: - Predicting with the wrong inputs

    static let badPredictions: [(name: String, args: [String], mentions: [String])] = [
        ("three inputs for two", ["1", "2", "3"], ["takes 2 features", "got 3 values"]),
        ("one input for two", ["1"], ["takes 2 features", "got 1 value"]),
        ("a word", ["1", "two"], ["input 2", "\"two\""]),
        ("an empty input", ["", "2"], ["input 1"]),
        ("1e400", ["1e400", "2"], ["input 1", "finite"]),
        ("nan", ["1", "nan"], ["input 2", "finite"]),
        ("a comma list as one input", ["1,2"], ["input 1"]),
        ("an unknown option among the inputs", ["--frobnicate", "1", "2"], ["--frobnicate"]),
        ("--bias with --model", ["--bias", "0", "1", "2"], ["--bias"])
    ]

    @Test(arguments: badPredictions)
    func predictRejectsBadInput(name: String, args: [String], mentions: [String]) throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let model = try scratch.file("model.json", Self.validModel)
        expectOneCleanLine(try runNNTop(["predict", "--model", model] + args), contains: mentions)
    }

    static let badPredictData: [(name: String, csv: String, extra: [String], mentions: [String])] = [
        ("four unlabelled columns for two inputs", "1,2,3,4\n5,6,7,8\n", [], ["has 4 features", "takes 2 features"]),
        ("--target 99", "a,b,y\n1,2,0\n", ["--target", "99"], [":1: ", "--target 99 not found"]),
        ("--target nosuch", "a,b,y\n1,2,0\n", ["--target", "nosuch"], [":1: ", "--target \"nosuch\" not found"]),
        ("a bad target value", "a,b,y\n1,2,0\n1,2,7\n", [], [":3:3: ", "0 or 1"]),
        ("a NaN feature", "a,b\n1,nan\n", [], [":2:2: ", "missing cell", "fill them in the file"])
    ]

    @Test(arguments: badPredictData)
    func predictRejectsBadData(name: String, csv: String, extra: [String], mentions: [String]) throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let model = try scratch.file("model.json", Self.validModel)
        let data = try scratch.file("rows.csv", csv)
        let result = try runNNTop(["predict", "--model", model, "--data", data] + extra)
        expectOneCleanLine(result, contains: [data] + mentions)
    }

    // MARK: - Bad options

    static let badTrainOptions: [(args: [String], mentions: String)] = [
        (["--learning-rate", "1e9"], "--learning-rate"),
        (["--learning-rate", "inf"], "--learning-rate"),
        (["--learning-rate", "1e-400"], "--learning-rate"),  // rounds to 0
        (["--learning-rate", "0.1.2"], "--learning-rate"),
        (["--hidden", "4,,4"], "--hidden"),
        (["--hidden", "abc"], "--hidden"),
        (["--hidden", "4097"], "--hidden"),
        (["--hidden", "8,"], "--hidden"),
        (["--batch-size", "-1"], "--batch-size"),
        (["--batch-size", "many"], "--batch-size"),
        (["--seed", "-1"], "--seed"),
        (["--seed", "18446744073709551616"], "--seed"),
        (["--iterations", "99999999999999999999"], "--iterations"),
        (["--iterations", "1.5"], "--iterations"),
        (["--iterations", "1e6"], "--iterations"),
        (["--activation", ""], "--activation"),
        (["--target", "99"], "--target"),
        (["--target", "nosuch"], "--target"),
        (["--data"], "--data"),
        (["--data", ""], "--data is an empty path"),
        (["--json=yes"], "--json"),
        (["surplus"], "surplus")
    ]

    /// Each option error stops nntop before it trains (the run would take seconds) and before it writes.
    @Test(arguments: badTrainOptions)
    func badTrainOptionWritesNothing(args: [String], mentions: String) throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let iterations = args.contains("--iterations") ? [] : ["--iterations", "3000000"]
        let result = try runNNTop(
            ["train", "--save", scratch.path("model.json"), "--history", scratch.path("h.csv")]
                + iterations + args, in: scratch.url)
        expectOneCleanLine(result, contains: [mentions])
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).isEmpty, "\(result)")
    }

    static let badCommandLines: [[String]] = [
        ["--speed", "0"],
        ["--speed", "abc"],
        ["--speed", "-5"],
        ["--frobnicate"],
        ["nosuchcommand"],
        ["train", "predict"],
        ["predict", "--model"],
        ["predict", "--weights", "", "--bias", "0", "1"],
        ["predict", "--weights", "1,,2", "--bias", "0", "1", "2"]
    ]

    @Test(arguments: badCommandLines)
    func badCommandLineIsOneLine(args: [String]) throws {
        expectOneCleanLine(try runNNTop(args), contains: [])
    }

    // MARK: - Outputs that cannot be written

    /// An output path that cannot be written fails the command with one line and writes nothing else: not the
    /// history before the model, not a temporary file.
    @Test(arguments: [
        ("--save is a directory", ["--save", "out", "--history", "h.csv"], "out: "),
        ("--save in a missing directory", ["--save", "missing/out.json", "--history", "h.csv"], "missing/out.json: "),
        ("--history is a directory", ["--history", "out", "--save", "model.json"], "out: "),
        ("--history in a missing directory", ["--history", "missing/h.csv", "--save", "model.json"], "missing/h.csv: ")
    ])
    func unwritableOutputWritesNothing(name: String, outputs: [String], mentions: String) throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        try FileManager.default.createDirectory(atPath: scratch.path("out"), withIntermediateDirectories: false)
        let data = try scratch.file("xor.csv", Fixtures.xor)
        try Self.expectFailureChangingNothing(in: scratch, contains: [mentions]) {
            try runNNTop(["train", "--data", data, "--iterations", "200"] + outputs, in: scratch.url)
        }
    }

    /// `--save` into a directory the user may not write: one line, the old model kept, no temporary file.
    @Test func saveIntoAReadOnlyDirectory() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let data = try scratch.file("xor.csv", Fixtures.xor)
        try Self.oldModel.write(to: scratch.url.appendingPathComponent("model.json"))
        chmod(scratch.url.path, 0o555)
        defer { chmod(scratch.url.path, 0o755) }
        try Self.expectFailureChangingNothing(in: scratch, contains: ["model.json: ", "permission denied"]) {
            try runNNTopUnprivileged([
                "train", "--data", data, "--iterations", "200", "--save", scratch.path("model.json")
            ])
        }
    }
}

/// Expects one clean failure line: everything `expectOneLineFailure` checks, and a line a person can read — no
/// control characters (an escape sequence from a data file must not reach the terminal) and at most 500
/// characters.
func expectOneCleanLine(
    _ result: RunResult, contains fragments: [String],
    sourceLocation: SourceLocation = #_sourceLocation
) {
    expectOneLineFailure(result, contains: fragments, sourceLocation: sourceLocation)
    let line = result.stderr.hasSuffix("\n") ? String(result.stderr.dropLast()) : result.stderr
    let controls = line.unicodeScalars.filter { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }
    #expect(
        controls.isEmpty,
        "control characters \(controls.map { String(format: "U+%04X", $0.value) }) in stderr: \(line.debugDescription)",
        sourceLocation: sourceLocation)
    #expect(
        line.count <= 500, "stderr line is \(line.count) characters long: \(line.prefix(300))…",
        sourceLocation: sourceLocation)
}

/// Runs nntop as an unprivileged user, so that file permissions apply: directly when the tests are not root,
/// otherwise as `nobody` through setpriv (util-linux), from a copy of the executable in a fresh world-readable
/// directory (the build directory may be out of `nobody`'s reach). Fails the test when neither is possible.
func runNNTopUnprivileged(_ args: [String], timeout: Double = 20) throws -> RunResult {
    if getuid() != 0 { return try runNNTop(args, timeout: timeout) }
    let setpriv = ["/usr/bin/setpriv", "/bin/setpriv"].first { FileManager.default.isExecutableFile(atPath: $0) }
    let tool = try #require(setpriv, "running as root and setpriv is missing: cannot test permissions")
    let home = FileManager.default.temporaryDirectory.appendingPathComponent("nntop-nobody-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: home, withIntermediateDirectories: false)
    defer { try? FileManager.default.removeItem(at: home) }
    chmod(home.path, 0o755)
    let copy = home.appendingPathComponent("nntop")
    try FileManager.default.copyItem(at: try nntopExecutable.get(), to: copy)
    chmod(copy.path, 0o755)
    return try runCaptured(
        URL(fileURLWithPath: tool), ["--reuid=65534", "--regid=65534", "--clear-groups", copy.path] + args,
        in: URL(fileURLWithPath: "/"), timeout: timeout, naming: args)
}
