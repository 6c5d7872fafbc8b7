#if canImport(Glibc)
    import Glibc
#endif
import CLibFuzzer
import DataFiles
import NeuralCore

/// One libFuzzer input: the bytes of a CSV file, read with every way `--target` can pick the target column.
/// A parse may fail (with one line naming the place), but it must never crash, and a parse that succeeds must
/// keep the promises `Dataset` makes: a rectangular table of finite features and finite targets, 0 or 1 when read
/// for a binary task (`binaryTargets`). The same bytes, written to a file and read as a large file is (`CSVFile`:
/// runs of lines through tiny buffers), must give the same rows bit for bit, or the same error.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    // An exactly sized copy, so that AddressSanitizer sees any read past the end of the file's bytes.
    let bytes = size > 0 ? Array(UnsafeBufferPointer(start: data, count: size)) : []
    let width = CSVReader.width(of: bytes)
    precondition(width >= 0)
    let targets: [TargetColumn] = [.last, .none, .position(1), .position(width), .position(width + 1), .name("y")]
    for target in targets {
        for binary in [false, true] {
            check(bytes, target: target, binary: binary)
        }
    }
    // The careful reader of quoted, text and missing cells, under each --missing, and its schema applied again.
    for missing in [nil, MissingPolicy.drop, .mean, .mode] {
        for target in [TargetColumn.last, .none, .name("y")] {
            checkTable(bytes, options: TableOptions(target: target, missing: missing))
        }
    }
    return 0
}

private func checkTable(_ bytes: [UInt8], options: TableOptions) {
    do {
        let loaded = try TableLoader.parse(bytes, file: "fuzz.csv", options: options, schema: nil)
        let data = loaded.dataset
        precondition(data.features.count == data.count * data.featureCount, "ragged table")
        precondition(data.features.allSatisfy(\.isFinite) && data.targets.allSatisfy(\.isFinite), "not finite")
        if let schema = loaded.schema {
            precondition(schema.width == data.featureCount, "schema width")
            var again = options
            again.unknown = .zero
            _ = try? TableLoader.parse(bytes, file: "fuzz.csv", options: again, schema: schema)
        }
    } catch {
        let message = error.description
        precondition(message.hasPrefix("fuzz.csv"), "error does not name the file: \(message)")
        precondition(!message.contains("\n"), "error spans lines: \(message)")
    }
}

private func check(_ bytes: [UInt8], target: TargetColumn, binary: Bool) {
    do {
        let dataset = try CSVReader.parse(bytes, file: "fuzz.csv", target: target, binaryTargets: binary)
        check(dataset, target: target, binary: binary)
        if target == .last {
            precondition(sameBits(readInRuns(bytes, binary: binary), dataset), "runs differ from the whole")
        }
    } catch {
        if target == .last {
            precondition(readInRuns(bytes, binary: binary) == .failure(error), "runs fail unlike the whole")
        }
        let message = error.description
        precondition(message.hasPrefix("fuzz.csv"), "error does not name the file: \(message)")
        precondition(!message.contains("\n"), "error spans lines: \(message)")
    }
}

/// A file the runs are read from, rewritten for each input.
let scratchPath: String = {
    var template = Array("/tmp/fuzz-csv-XXXXXX".utf8CString)
    let fd = mkstemp(&template)
    precondition(fd >= 0, "cannot make a scratch file")
    close(fd)
    atexit { unlink(scratchPath) }
    return String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
}()

/// `bytes` written to the scratch file and read in three runs through 64-byte buffers; errors name "fuzz.csv".
private func readInRuns(_ bytes: [UInt8], binary: Bool) -> Result<Dataset, DataError> {
    let fd = open(scratchPath, O_WRONLY | O_TRUNC)
    precondition(
        fd >= 0 && bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) } == bytes.count, "cannot write")
    close(fd)
    return Result { () throws(DataError) in
        do throws(DataError) {
            guard
                case .inRuns(let file) = try CSVFile.open(
                    path: scratchPath, binaryTargets: binary, minimumSize: 0, chunkSize: 64)
            else {
                preconditionFailure("the scratch file is not read in runs")
            }
            let runs = try file.runs(parts: 3, minimumBytes: 1)
            let dataBytes = file.size - file.layout.dataStart
            var rows: [CSVRows] = []
            for (k, run) in runs.enumerated() {
                rows.append(try file.rows(in: run, roomForMoreBytes: k == 0 ? dataBytes - run.count : 0))
            }
            return try CSVReader.dataset(layout: file.layout, runs: rows, file: scratchPath)
        } catch {
            throw DataError(file: "fuzz.csv", line: error.line, column: error.column, error.reason)
        }
    }
}

/// Whether the runs gave the dataset, bit for bit.
private func sameBits(_ runs: Result<Dataset, DataError>, _ whole: Dataset) -> Bool {
    guard case .success(let dataset) = runs else { return false }
    return dataset == whole && dataset.features.map(\.bitPattern) == whole.features.map(\.bitPattern)
}

private func check(_ dataset: Dataset, target: TargetColumn, binary: Bool) {
    precondition(dataset.featureCount >= 1, "no features")
    precondition(dataset.count >= 1, "no rows")
    precondition(dataset.features.count == dataset.count * dataset.featureCount, "features are not rectangular")
    precondition(dataset.features.allSatisfy(\.isFinite), "a feature is not finite")
    if target == .none {
        precondition(dataset.targets.isEmpty && !dataset.isLabelled, "unlabelled data has targets")
    } else {
        precondition(dataset.isLabelled, "labelled data lacks targets")
        precondition(dataset.targets.allSatisfy(\.isFinite), "a target is not finite")
        if binary { precondition(dataset.targets.allSatisfy { $0 == 0 || $0 == 1 }, "a target is not 0 or 1") }
    }
}

// SwiftPM on Linux links every executable with its own entry point as `main`, so libFuzzer's `main` is never
// used: the top-level code hands the command line to libFuzzer's driver instead.
var argumentCount = CommandLine.argc
var argumentVector: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argumentCount, &argumentVector) { data, size in fuzzCSV(data, size) })
