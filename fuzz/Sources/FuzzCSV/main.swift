#if canImport(Glibc)
import Glibc
#endif
import CLibFuzzer
import NeuralCore

/// One libFuzzer input: the bytes of a CSV file, read with every way `--target` can pick the target column.
/// A parse may fail (with one line naming the place), but it must never crash, and a parse that succeeds must
/// keep the promises `Dataset` makes: a rectangular table of finite features and 0/1 targets.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    // An exactly sized copy, so that AddressSanitizer sees any read past the end of the file's bytes.
    let bytes = size > 0 ? Array(UnsafeBufferPointer(start: data, count: size)) : []
    let width = CSVReader.width(of: bytes)
    precondition(width >= 0)
    let targets: [TargetColumn] = [.last, .none, .position(1), .position(width), .position(width + 1), .name("y")]
    for target in targets {
        do {
            let dataset = try CSVReader.parse(bytes, file: "fuzz.csv", target: target)
            check(dataset, target: target)
        } catch {
            let message = error.description
            precondition(message.hasPrefix("fuzz.csv"), "error does not name the file: \(message)")
            precondition(!message.contains("\n"), "error spans lines: \(message)")
        }
    }
    return 0
}

private func check(_ dataset: Dataset, target: TargetColumn) {
    precondition(dataset.featureCount >= 1, "no features")
    precondition(dataset.count >= 1, "no rows")
    precondition(dataset.features.count == dataset.count * dataset.featureCount, "features are not rectangular")
    precondition(dataset.features.allSatisfy(\.isFinite), "a feature is not finite")
    if target == .none {
        precondition(dataset.targets.isEmpty && !dataset.isLabelled, "unlabelled data has targets")
    } else {
        precondition(dataset.isLabelled, "labelled data lacks targets")
        precondition(dataset.targets.allSatisfy { $0 == 0 || $0 == 1 }, "a target is not 0 or 1")
    }
}

// SwiftPM on Linux links every executable with its own entry point as `main`, so libFuzzer's `main` is never
// used: the top-level code hands the command line to libFuzzer's driver instead.
var argumentCount = CommandLine.argc
var argumentVector: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argumentCount, &argumentVector) { data, size in fuzzCSV(data, size) })
