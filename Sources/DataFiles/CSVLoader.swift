import Dispatch
import SharedState
import Foundation
import NeuralCore
import Synchronization

/// Reads the commands' CSV files. A large regular file is read in runs of lines, one per processor, at once,
/// through small buffers (`CSVFile`), and joined in file order; anything else is read whole. Either way the rows
/// and any error are the ones a single pass over the file gives.
public enum CSVLoader {
    /// At most this many runs, however many processors there are.
    public static let partLimit = 8
    /// One run per processor, up to `partLimit`.
    public static var defaultParts: Int { min(ProcessInfo.processInfo.activeProcessorCount, partLimit) }

    public static func load(
        path: String, target: TargetColumn = .last, binaryTargets: Bool = false, parts: Int = defaultParts,
        minimumBytes: Int = 1 << 20, chunkSize: Int = 1 << 20
    ) throws(DataError) -> Dataset {
        try loadKeepingLayout(
            path: path, target: target, binaryTargets: binaryTargets, parts: parts, minimumBytes: minimumBytes,
            chunkSize: chunkSize
        ).dataset
    }

    /// `load`, with the layout the rows were read by (its header's names, for a note).
    static func loadKeepingLayout(
        path: String, target: TargetColumn = .last, binaryTargets: Bool = false, parts: Int = defaultParts,
        minimumBytes: Int = 1 << 20, chunkSize: Int = 1 << 20
    ) throws(DataError) -> (dataset: Dataset, layout: CSVLayout) {
        let file: CSVFile
        switch try CSVFile.open(
            path: path, target: target, binaryTargets: binaryTargets, minimumSize: minimumBytes, chunkSize: chunkSize)
        {
        case .whole(let bytes):
            return try CSVReader.parseKeepingLayout(bytes, file: path, target: target, binaryTargets: binaryTargets)
        case .inRuns(let opened): file = opened
        }
        let runs = try file.runs(parts: parts, minimumBytes: minimumBytes)
        let dataBytes = file.size - file.layout.dataStart
        let results = Guarded<[Result<CSVRows, DataError>?]>(Array(repeating: nil, count: runs.count))
        DispatchQueue.concurrentPerform(iterations: runs.count) { k in
            // The first run's arrays have room for the rows expected in the others, which are added to them in place.
            let room = k == 0 ? dataBytes - runs[0].count : 0
            let result = Result { () throws(DataError) in try file.rows(in: runs[k], roomForMoreBytes: room) }
            results.withLock { $0[k] = result }
        }
        // Taken out whole, so that the arrays have no other owner and the first can grow where it is.
        var taken: [Result<CSVRows, DataError>?] = []
        results.withLock { swap(&taken, &$0) }
        var rows: [CSVRows] = []
        for k in taken.indices {
            rows.append(try taken[k].take()!.get())  // the first failure in file order is the first in the file
        }
        return (try CSVReader.dataset(layout: file.layout, runs: consume rows, file: path), file.layout)
    }
}
