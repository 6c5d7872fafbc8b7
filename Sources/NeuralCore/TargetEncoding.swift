/// How a data set's target column becomes what the network is trained on, and back: 0/1 as they are (binary),
/// the index of each class in `classes` (multiclass), or the value itself, standardized by `scale` when given
/// (regression). When the data's target column held texts, `labels` names the values they were read as, so every
/// class is shown by its text.
public struct TargetEncoding: Sendable, Equatable {
    public var task: Task
    /// Multiclass: the distinct target values in output-unit order (ascending). Empty otherwise.
    public var classes: [Double]
    /// Regression: the target's mean and deviation when it is trained standardized, so predictions come back in
    /// the target's units.
    public var scale: TargetScale?
    /// The texts a text target column held, sorted: the target value v stands for labels[v] (so binary's 0 and 1
    /// are labels[0] and labels[1], and a multiclass output k is labels[classes[k]]). Nil for number targets.
    public var labels: [String]?

    public init(task: Task, classes: [Double] = [], scale: TargetScale? = nil, labels: [String]? = nil) {
        self.task = task
        self.classes = classes
        self.scale = scale
        self.labels = labels
    }

    /// Output units the network needs.
    public var outputCount: Int { task.outputCount(classes: classes.count) }

    /// The most distinct whole-number targets `auto` reads as classes.
    public static let autoClassLimit = 20

    /// A target column that does not suit the task asked for.
    public struct Mismatch: Error, Equatable {
        /// The row (0-based) of the first offending target, if one is to blame.
        public let row: Int?
        public let message: String
    }

    /// The encoding for `targets` under the task asked for (nil: auto), and one line saying what was picked and
    /// why. Auto picks binary for targets all 0 or 1, multiclass for at most `autoClassLimit` distinct whole
    /// numbers, regression otherwise.
    /// With `labels` (the texts of a text target column, which `targets` index) the encoding keeps them and
    /// messages name the texts.
    public static func choose(_ asked: Task?, targets: [Double], labels: [String]? = nil) throws(Mismatch) -> (
        TargetEncoding, String
    ) {
        let named = TargetEncoding(task: .binary, labels: labels)  // for its text(ofTarget:) alone
        let distinct = Array(Set(targets)).sorted()
        let whole = distinct.allSatisfy { $0.rounded() == $0 && abs($0) < 1e15 }
        let isBinary = distinct.allSatisfy { $0 == 0 || $0 == 1 }
        let task: Task
        if let asked {
            task = asked
        } else if isBinary {
            task = .binary
        } else if whole && distinct.count <= autoClassLimit {
            task = .multiclass
        } else {
            task = .regression
        }
        let shown =
            distinct.prefix(6).map(named.text(ofTarget:)).joined(separator: ", ") + (distinct.count > 6 ? ", …" : "")
        switch task {
        case .binary:
            if let row = targets.firstIndex(where: { $0 != 0 && $0 != 1 }) {
                throw Mismatch(
                    row: row,
                    message:
                        "--task binary needs targets of 0 or 1, found \(text(targets[row])) (use --task multiclass or regression)"
                )
            }
            return (TargetEncoding(task: .binary, labels: labels), "binary (targets 0 and 1)")
        case .multiclass:
            guard distinct.count >= 2 else {
                throw Mismatch(
                    row: nil,
                    message:
                        "multiclass needs at least 2 classes, and every target is \(shown) (give data with more than one class)"
                )
            }
            guard distinct.count <= 10_000 else {
                throw Mismatch(
                    row: nil,
                    message:
                        "\(distinct.count) distinct targets are too many classes (at most 10000); use --task regression"
                )
            }
            return (
                TargetEncoding(task: .multiclass, classes: distinct, labels: labels),
                "multiclass (\(distinct.count) classes: \(shown))"
            )
        case .regression:
            return (TargetEncoding(task: .regression), "regression (\(distinct.count) distinct target values)")
        }
    }

    /// `data` with its targets encoded: class indices for multiclass, standardized values for a scaled
    /// regression. Throws for a class the encoding does not know (test data with a class the training data lacks).
    public func encode(_ data: Dataset) throws(Mismatch) -> Dataset {
        var out = data
        switch task {
        case .binary:
            if let row = data.targets.firstIndex(where: { $0 != 0 && $0 != 1 }) {
                throw Mismatch(row: row, message: "expected a target of 0 or 1, found \(Self.text(data.targets[row]))")
            }
        case .multiclass:
            var index: [Double: Int] = [:]
            for (k, c) in classes.enumerated() { index[c] = k }
            for (row, y) in data.targets.enumerated() {
                guard let k = index[y] else {
                    throw Mismatch(
                        row: row,
                        message:
                            "class \(text(ofTarget: y)) is not among the training data's classes \(classesText)")
                }
                out.targets[row] = Double(k)
            }
        case .regression:
            if let scale { out.targets = data.targets.map(scale.standardize) }
        }
        return out
    }

    /// A regression output in the target's units.
    public func value(fromOutput z: Double) -> Double { scale?.restore(z) ?? z }

    /// The label of output class `k`: its text when the target held texts, else its target value (0 or 1 for
    /// binary).
    public func label(ofClass k: Int) -> String {
        guard task == .multiclass else { return text(ofTarget: Double(k)) }
        return classes.indices.contains(k) ? text(ofTarget: classes[k]) : String(k)
    }

    /// Every class's label, in output-unit order (two for binary, none for regression).
    public var classLabels: [String] {
        switch task {
        case .binary: return [label(ofClass: 0), label(ofClass: 1)]
        case .multiclass: return classes.indices.map(label(ofClass:))
        case .regression: return []
        }
    }

    /// A target value as read (before `encode`): its text when the target held texts, else the number as the CSV
    /// might have written it.
    public func text(ofTarget y: Double) -> String {
        if let labels, let v = Int(exactly: y), labels.indices.contains(v) { return labels[v] }
        return Self.text(y)
    }

    var classesText: String {
        classes.prefix(8).map(text(ofTarget:)).joined(separator: ", ") + (classes.count > 8 ? ", …" : "")
    }

    /// A target as the CSV might have written it: 3, not 3.0.
    public static func text(_ x: Double) -> String {
        x.rounded() == x && abs(x) < 1e15 ? String(Int(x)) : String(x)
    }
}

/// A regression target's standardization: y′ = (y − mean) / deviation (deviation 1 for a constant target).
public struct TargetScale: Sendable, Equatable, Codable {
    public var mean: Double
    public var deviation: Double

    public init(mean: Double, deviation: Double) {
        self.mean = mean
        self.deviation = deviation
    }

    /// The mean and population deviation of `targets`.
    public init(fitting targets: [Double]) {
        let column = Dataset(featureNames: ["y"], features: targets, targets: Array(repeating: 0, count: targets.count))
        let z = Standardization(fitting: column)
        self.init(mean: z.mean[0], deviation: z.deviation[0] > 0 ? z.deviation[0] : 1)
    }

    @inline(__always) public func standardize(_ y: Double) -> Double { (y - mean) / deviation }
    @inline(__always) public func restore(_ z: Double) -> Double { z * deviation + mean }
}
