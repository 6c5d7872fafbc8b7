#if canImport(Glibc)
    import Glibc
#endif
import Foundation
import CLibFuzzer
import DataFiles
import NeuralCore

/// Where each input is written: the only public way in is `ModelFile.load(path:)`, so every input becomes a
/// file (in /dev/shm when it exists, a memory-backed directory, so the disk is not worn).
private let directory: String = {
    let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
    let path = "\(base)/nntop-fuzz-model-\(getpid())"
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    atexit { try? FileManager.default.removeItem(atPath: directory) }
    return path
}()

/// One libFuzzer input: the bytes of a model file. Loading may fail with one line naming the file, but must
/// never crash; a model that loads must describe a usable network, predict a probability, and survive being
/// saved and loaded again unchanged.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzModel(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let path = "\(directory)/model.json"
    let bytes = size > 0 ? Data(bytes: data!, count: size) : Data()
    guard FileManager.default.createFile(atPath: path, contents: bytes) else { fatalError("cannot write \(path)") }
    let model: ModelFile, network: Network
    do {
        (model, network) = try ModelFile.load(path: path)
    } catch {
        let message = error.description
        precondition(message.hasPrefix(path), "error does not name the file: \(message)")
        precondition(!message.contains("\n"), "error spans lines: \(message)")
        return 0
    }
    precondition(network.inputCount == model.inputs && network.hiddenSizes == model.hidden, "shape differs")
    precondition(network.isFinite, "a parameter is not finite")
    precondition(model.featureNames.count == model.inputs, "feature names do not match the inputs")
    // Cap the work per input: a huge model is valid but says nothing new about the parser.
    if network.parameters.count <= 10_000 {
        let zeros = [Double](repeating: 0, count: model.inputs)
        let p = network.predict(model.standardization?.apply(zeros) ?? zeros)
        precondition(!(p < 0 || p > 1), "probability \(p) outside [0, 1]")
    }
    let copy = "\(directory)/copy.json"
    do {
        try model.save(path: copy)
        let (again, network2) = try ModelFile.load(path: copy)
        precondition(again == model && network2 == network, "a saved model loads differently")
    } catch {
        preconditionFailure("a loaded model cannot be saved and loaded again: \(error)")
    }
    return 0
}

// SwiftPM on Linux links every executable with its own entry point as `main`, so libFuzzer's `main` is never
// used: the top-level code hands the command line to libFuzzer's driver instead.
var argumentCount = CommandLine.argc
var argumentVector: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argumentCount, &argumentVector) { data, size in fuzzModel(data, size) })
