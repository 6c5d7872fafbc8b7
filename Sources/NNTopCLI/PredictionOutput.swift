import ArgumentParser
import NeuralCore
import TerminalUI

/// `predict --format`: text for people, or a data format for other programs.
enum PredictionFormat: String, CaseIterable, ExpressibleByArgument, Sendable {
    /// A line per row (tab-separated words), then the accuracy or R².
    case text
    /// A header, then a row per input row: row, the prediction, and with targets the target and the verdict.
    case csv
    /// A JSON object per line, one per input row.
    case jsonl
    /// One JSON object: {"rows": [...], "accuracy": ...}; the single object for one input vector.
    case json

    /// Whether the output is for programs: then the accuracy goes to stderr, keeping stdout to the rows.
    var isData: Bool { self == .csv || self == .jsonl }
}

/// Writes predictions row by row in one format, in pieces of about 64 KiB, so the output of a large file
/// streams rather than piling up.
struct PredictionWriter {
    let format: PredictionFormat
    let task: Task
    /// The class labels, in output order (a multiclass model's CSV has a probability column for each).
    let labels: [String]
    let labelled: Bool
    private var pending = ""
    private var rows = 0

    init(format: PredictionFormat, task: Task, labels: [String], labelled: Bool) {
        self.format = format
        self.task = task
        self.labels = labels
        self.labelled = labelled
        switch format {
        case .csv: pending = Self.header(task: task, labels: labels, labelled: labelled).joined(separator: ",") + "\n"
        case .json: pending = "{\"rows\":["
        case .text, .jsonl: break
        }
    }

    /// The CSV's column names.
    static func header(task: Task, labels: [String], labelled: Bool) -> [String] {
        var names = ["row"]
        switch task {
        case .binary: names += ["probability", "class"]
        case .multiclass: names += ["class", "probability"] + labels.map { CSVCell.quoted("p_" + $0) }
        case .regression: names += ["value"]
        }
        if labelled { names += task == .regression ? ["target", "error"] : ["target", "correct"] }
        return names
    }

    mutating func add(_ prediction: Prediction, row: Int, target: Double?) {
        switch format {
        case .text:
            pending += "\(row)\t\(prediction.text.replacingOccurrences(of: "  ", with: "\t"))"
            if let target {
                pending += "\ttarget \(prediction.text(ofTarget: target))\(prediction.verdict(target: target))"
            }
            pending += "\n"
        case .csv:
            pending += Self.cells(prediction, row: row, target: target).joined(separator: ",") + "\n"
        case .jsonl:
            pending += prediction.json(target: target, row: row) + "\n"
        case .json:
            pending += (rows > 0 ? "," : "") + prediction.json(target: target)
        }
        rows += 1
        if pending.utf8.count >= 1 << 16 { flush() }
    }

    /// The last of the output: the tally after the rows (on stderr for a data format, so stdout stays rows).
    mutating func finish(_ tally: PredictionTally) {
        switch format {
        case .text: pending += tally.text
        case .json: pending += "],\(tally.jsonFields)}\n"
        case .csv, .jsonl:
            if !tally.text.isEmpty { Terminal.note(String(tally.text.dropLast())) }
        }
        flush()
    }

    private mutating func flush() {
        Terminal.writeOutput(pending)
        pending = ""
    }

    /// One row's CSV cells; a number that is not finite is an empty cell.
    static func cells(_ p: Prediction, row: Int, target: Double?) -> [String] {
        var cells = [String(row)]
        switch p.task {
        case .binary:
            cells += [Format.exact(p.outputs[0]), p.label.map(CSVCell.quoted) ?? ""]
        case .multiclass:
            cells += [p.label.map(CSVCell.quoted) ?? "", p.classIndex.map { Format.exact(p.outputs[$0]) } ?? ""]
            cells += p.outputs.map(Format.exact)
        case .regression:
            cells.append(Format.exact(p.outputs[0]))
        }
        if let target {
            cells.append(CSVCell.quoted(p.text(ofTarget: target)))
            if p.task == .regression {
                cells.append(p.isFinite ? Format.exact(p.outputs[0] - target) : "")
            } else {
                cells.append(p.label == p.text(ofTarget: target) ? "true" : "false")
            }
        }
        return cells
    }
}

/// A CSV cell as RFC 4180 writes it: in double quotes (and its quotes doubled) when it holds a comma, a quote, a
/// line end or leading or trailing spaces; as it is otherwise.
enum CSVCell {
    static func quoted(_ text: String) -> String {
        let special = text.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
        guard special || text.first == " " || text.last == " " else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
