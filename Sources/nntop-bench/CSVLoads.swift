import DataFiles
import Foundation
import NeuralCore

/// The best of three loads, and the rows read.
func bestLoad(_ load: () throws(DataError) -> Dataset) -> (seconds: Double, rows: Int) {
    var best = Double.infinity
    var rows = 0
    for _ in 0..<3 {
        do {
            let t = try seconds { rows = try load().count }
            best = min(best, t)
        } catch {
            FileHandle.standardError.write("nntop-bench: \(error)\n".data(using: .utf8)!)
            exit(2)
        }
    }
    return (best, rows)
}

/// The CSV load figures, when `--csv` or `--table-csv` names a file.
func csvLoadBenchmarks() {
    // A file of quoted and text cells, with missing ones, as the commands read it with --missing mean (the careful
    // reader: the numeric one is tried first and gives way at the first text).
    if let path = option("--table-csv") {
        let loaded = bestLoad { () throws(DataError) in
            try TableLoader.load(
                path: path,
                options: TableOptions(target: .name("Survived"), drop: ["Name", "Ticket", "Cabin"], missing: .mean)
            ).dataset
        }
        print("swift_table_csv_load_seconds \(loaded.seconds)")
        print("swift_table_csv_rows \(loaded.rows)")
    }

    if let path = option("--csv") {
        // As the commands read it (runs of lines on every processor), then in one pass on one thread.
        let loaded = bestLoad { () throws(DataError) in try CSVLoader.load(path: path) }
        print("swift_csv_load_seconds \(loaded.seconds)")
        print("swift_csv_rows \(loaded.rows)")
        print("swift_csv_parts \(CSVLoader.defaultParts)")
        let oneRun = bestLoad { () throws(DataError) in try CSVLoader.load(path: path, parts: 1) }
        print("swift_csv_one_thread_load_seconds \(oneRun.seconds)")
        // The whole file read into memory first, then one pass over it (as a small file or a pipe is read).
        let whole = bestLoad { () throws(DataError) in try CSVReader.load(path: path) }
        print("swift_csv_whole_file_load_seconds \(whole.seconds)")
    }
}
