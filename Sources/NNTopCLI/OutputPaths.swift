import NeuralCore
import DataFiles

/// The files a command will write, checked before any work: each must be writable, and none may be another
/// output or an input file however the paths are spelt (`FileIdentity`).
enum OutputPaths {
    typealias Named = (option: String, path: String)

    /// The options given, with their paths.
    static func given(_ options: [(String, String?)]) -> [Named] {
        options.compactMap { option, path in path.map { (option, $0) } }
    }

    static func check(_ outputs: [Named], inputs: [Named]) throws {
        for output in outputs { try AtomicFile.checkWritable(output.path) }
        // A file replaced by rename is a new file: output that was bound for the old one (standard output or
        // error redirected to it, or /dev/stdout named) would be lost with it.
        for output in outputs {
            for (fd, stream) in [(Int32(1), "standard output"), (2, "standard error")]
            where FileIdentity.same(output.path, fd: fd) {
                throw UsageError(
                    "\(output.option) \(output.path) is the file \(stream) goes to, which saving replaces; give \(output.option) another path"
                )
            }
        }
        let files = outputs + inputs
        for (i, output) in outputs.enumerated() {
            for other in files[(i + 1)...] where FileIdentity.same(output.path, other.path) {
                throw UsageError(
                    "\(output.option) and \(other.option) name the same file, \(output.path); give \(output.option) another path"
                )
            }
        }
    }
}
