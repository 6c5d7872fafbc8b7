import DataFiles
import NeuralCore

/// The targets encoded for the task, asked for or read from them.
extension DataOptions {
    /// `raw` with its targets encoded for `task` (nil: read from the targets): class indices for multiclass.
    /// The classes come from the training targets (and the held-out part of the same file, with
    /// --test-fraction); a test target outside them, or a target that does not suit the task, is an error naming
    /// the file and row.
    func encoded(_ raw: Loaded, task: Task?) throws(DataError) -> Loaded {
        let pool = raw.training.targets + (testFraction != nil ? raw.test?.targets ?? [] : [])
        var choice: (TargetEncoding, String)
        var task = task
        if let labels = raw.schema?.targetLabels {
            guard task != .regression else {
                throw DataError(
                    file: dataName,
                    "the target holds labels (\(labels.prefix(6).joined(separator: ", "))); --task regression needs numbers"
                )
            }
            task = task ?? (labels.count == 2 ? .binary : .multiclass)
        }
        do {
            choice = try TargetEncoding.choose(task, targets: pool, labels: raw.schema?.targetLabels)
        } catch {
            throw DataError(file: dataName, rowMessage(error, rows: raw.training.count))
        }
        if let labels = raw.schema?.targetLabels {
            let shown = labels.prefix(6).joined(separator: ", ") + (labels.count > 6 ? ", …" : "")
            choice.1 = "\(choice.0.task.rawValue) (\(labels.count) classes: \(shown))"
        }
        var out = raw
        (out.encoding, out.taskNote) = choice
        do {
            out.training = try choice.0.encode(raw.training)
        } catch {
            throw DataError(file: dataName, rowMessage(error, rows: raw.training.count))
        }
        if let test = raw.test {
            do {
                out.test = try choice.0.encode(test)
            } catch {
                throw DataError(file: testData ?? dataName, rowMessage(error, rows: test.count))
            }
        }
        return out
    }

    private func rowMessage(_ error: TargetEncoding.Mismatch, rows: Int) -> String {
        guard let row = error.row, testFraction == nil else { return error.message }
        return "row \(row + 1) of \(rows): \(error.message)"
    }
}
