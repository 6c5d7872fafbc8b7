import ArgumentParser
import Foundation
import NeuralCore
import DataFiles

/// Where the training (and test) data come from, and how they are prepared.
struct DataOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Training data: a CSV file, features then a target (0/1, class numbers or values; see --task). Default: the tutorial's 8 points.",
            valueName: "file.csv"))
    var data: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "A built-in dataset with two features x1, x2 (tutorial: the 8 points). Not with --data.", valueName: "name")
    )
    var dataset: DatasetKind?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Points drawn for a built-in --dataset, half in each class (1 to 1000000; the tutorial keeps its 8). Default: 200.",
            valueName: "n"))
    var samples: Int?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Noise for a built-in --dataset, from 0 to 0.5: moves every point at random (widens the gaussian blobs). Default: 0.",
            valueName: "x"))
    var noise: Double?

    @Option(
        name: .customLong("data-seed"),
        help: ArgumentHelp(
            "Seed for drawing the built-in dataset and the --test-fraction split, apart from --seed (the weights).",
            valueName: "n"))
    var dataSeed: UInt64 = 1

    @Option(
        name: .customLong("test-data"),
        help: ArgumentHelp(
            "Held-out CSV data; its error and accuracy are reported beside the training ones.", valueName: "file.csv"))
    var testData: String?

    @Option(
        name: .customLong("test-fraction"),
        help: ArgumentHelp(
            "Hold out this fraction of the data (at least 0, below 1) as test data, picked by a shuffle seeded with --data-seed. Not with --test-data.",
            valueName: "f"))
    var testFraction: Double?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The target column of the --data and --test-data files: a header name or a 1-based column number. Default: the last column.",
            valueName: "name|number"))
    var target: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Inputs made from the data's two features, as TensorFlow Playground's: any of x1, x2, x1^2, x2^2, x1*x2, sin(x1), sin(x2), comma-separated (kept in the model file). Default: x1,x2 as they are.",
            valueName: "f,f,…"))
    var features: FeatureList?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Missing cells (empty, NA, NaN, ?, null) in the CSV files: drop leaves their rows out; mean fills a number column with its mean and a category column with its most frequent value; mode fills every column with its most frequent value (kept in the model file). Default: refuse them.",
            valueName: "drop|mean|mode"))
    var missing: MissingPolicy?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Use only these feature columns of the CSV files, by header name (the target is added; kept in the model file).",
            valueName: "name,…"))
    var columns: String?

    @Option(
        name: .long,
        help: ArgumentHelp("Leave these columns of the CSV files out, by header name.", valueName: "name,…"))
    var drop: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "A category in --test-data the training data did not have: error, or zero (all its column's inputs 0). Default: error.",
            valueName: "error|zero"))
    var unknown: UnknownPolicy = .error

    @Flag(
        name: .long,
        help: "Z-score each feature with the training set's mean and standard deviation (saved in the model file).")
    var standardize = false

    static let maximumSamples = 1_000_000

    func validate() throws {
        if data?.isEmpty == true { throw ValidationError("--data is an empty path; give a CSV file") }
        if testData?.isEmpty == true { throw ValidationError("--test-data is an empty path; give a CSV file") }
        if target != nil, data == nil, testData == nil {
            throw ValidationError(
                "--target picks a column of a CSV file, and there is none: give --data (a built-in dataset has its own target)"
            )
        }
        for (name, given) in [("--missing", missing != nil), ("--columns", columns != nil), ("--drop", drop != nil)]
        where given && data == nil {
            throw ValidationError("\(name) applies to a CSV file, and there is none: give --data")
        }
        if columns != nil, drop != nil {
            throw ValidationError("--columns and --drop both choose the columns; give one of them")
        }
        if dataset != nil, data != nil {
            throw ValidationError("--dataset and --data both name the training data; give one of them")
        }
        if let samples {
            guard samples >= 1 && samples <= Self.maximumSamples else {
                throw ValidationError(
                    "--samples must be a whole number from 1 to \(Self.maximumSamples), got \(samples)")
            }
            guard dataset != nil else { throw ValidationError("--samples applies to a built-in --dataset") }
        }
        if let noise {
            guard noise >= 0 && noise <= DatasetKind.maximumNoise else {
                throw ValidationError("--noise must be a number from 0 to \(DatasetKind.maximumNoise), got \(noise)")
            }
            if let refusal = DataOptions.noiseRefusal(dataset: dataset, data: data) { throw ValidationError(refusal) }
        }
        if let testFraction {
            guard testFraction >= 0 && testFraction < 1 else {
                throw ValidationError(
                    "--test-fraction must be a number from 0 up to (not including) 1, got \(testFraction)")
            }
            guard testData == nil else {
                throw ValidationError("--test-fraction and --test-data both give test data; give one of them")
            }
        }
    }

    /// The training data, the test data, how their targets are encoded, and the standardization applied to both.
    struct Loaded {
        var training: Dataset
        var test: Dataset?
        var standardization: Standardization?
        /// The inputs made from each two-feature row (`--features`), applied by `mapped`.
        var featureMap: FeatureMap?
        /// Binary until `encoded` has read the targets.
        var encoding = TargetEncoding(task: .binary)
        /// What `encoded` picked and why, for a note: "multiclass (3 classes: 0, 1, 2)".
        var taskNote = ""
        /// How the CSV file's columns became the features (nil: the file's columns in order, all numbers).
        var schema: ColumnSchema?
        /// What reading the files did besides reading: a row index left out, categories, missing cells.
        var notes: [String] = []

        /// These data with the feature map applied to both sets (columns named after the features).
        func mapped() -> Loaded {
            guard let map = featureMap else { return self }
            var out = self
            out.training = map.apply(training)
            out.test = test.map { map.apply($0) }
            return out
        }

        /// These data (as read, unstandardized) with `z` applied to both sets; themselves when `z` is nil.
        func standardized(by z: Standardization?) -> Loaded {
            guard let z else { return self }
            var out = self
            out.training = z.apply(training)
            out.test = test.map { z.apply($0) }
            out.standardization = z
            return out
        }

        /// These data with regression targets standardized by `scale` (from the training targets when nil and
        /// `fit`), and the scale kept in the encoding.
        func scalingTargets(_ scale: TargetScale?) -> Loaded {
            guard encoding.task == .regression, let scale else { return self }
            var out = self
            out.encoding.scale = scale
            out.training.targets = training.targets.map(scale.standardize)
            out.test?.targets = test?.targets.map(scale.standardize) ?? []
            return out
        }
    }

    /// What the training data is called in summaries: the built-in dataset's name or the CSV file's path.
    var dataName: String { data ?? (dataset ?? .tutorial).rawValue }

    /// The data files given, by option: files no output may overwrite.
    var inputs: [OutputPaths.Named] { OutputPaths.given([("--data", data), ("--test-data", testData)]) }

    /// The training and test data as read (or drawn) and split, before any standardization. For a binary task
    /// (asked for, or read from 0/1 training targets, for the test file) a target other than 0 or 1 is an error
    /// naming its line and column.
    func loadRaw(task: Task? = nil, schema given: ColumnSchema? = nil) throws(DataError) -> Loaded {
        let column = target.map(TargetColumn.init(argument:)) ?? .last
        var generator = SeededGenerator(seed: dataSeed)
        var training: Dataset
        var schema = given
        var notes: [String] = []
        if let data {
            let loaded = try TableLoader.load(
                path: data, options: tableOptions(column, binary: task == .binary), schema: given)
            training = loaded.dataset
            schema = loaded.schema
            notes = loaded.notes
        } else {
            training = Dataset.generated(
                dataset ?? .tutorial, samples: samples ?? DatasetKind.defaultSamples,
                noise: noise ?? 0, generator: &generator)
        }
        var test: Dataset?
        if let testData {
            let binary = task == .binary || (task == nil && training.targets.allSatisfy { $0 == 0 || $0 == 1 })
            let read = try TableLoader.load(
                path: testData, options: tableOptions(column, binary: binary), schema: schema)
            let loaded = read.dataset
            if schema == nil, let own = read.schema, own.hasCategories {
                throw DataError(
                    file: testData,
                    "has text columns (\(own.categoryColumns.joined(separator: ", "))); the training data has numbers only"
                )
            }
            guard loaded.featureCount == training.featureCount else {
                throw DataError(
                    file: testData,
                    "has \(loaded.featureCount) feature columns, the training data has \(training.featureCount)")
            }
            test = loaded
        }
        if let testFraction, testFraction > 0 {
            guard Dataset.testCount(of: training.count, testFraction: testFraction) > 0 else {
                throw DataError(file: dataName, "has \(training.count) row, too few to hold out a --test-fraction")
            }
            (training, test) = training.split(testFraction: testFraction, generator: &generator)
        }
        if features != nil {
            guard training.featureCount == 2 else {
                throw DataError(
                    file: dataName,
                    "has \(training.featureCount) features; --features makes inputs from two (x1 and x2)")
            }
        }
        return Loaded(
            training: training, test: test, standardization: nil, featureMap: features?.map, schema: schema,
            notes: notes)
    }

    /// How the CSV files are read, for a target `column`.
    func tableOptions(_ column: TargetColumn, binary: Bool) -> TableOptions {
        func names(_ list: String?) -> [String]? {
            list.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
        }
        return TableOptions(
            target: column, binaryTargets: binary, columns: names(columns), drop: names(drop) ?? [], missing: missing,
            unknown: unknown)
    }

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

    /// `encoded` standardized with the training set's statistics when `--standardize` is given (the features,
    /// and a regression's targets).
    func prepare(_ encoded: Loaded) -> Loaded {
        let mapped = encoded.mapped()
        guard standardize else { return mapped }
        return mapped.standardized(by: Standardization(fitting: mapped.training))
            .scalingTargets(TargetScale(fitting: mapped.training.targets))
    }

    /// The training data, the test data, their encoding and the standardization applied to both.
    func load(task: Task?) throws(DataError) -> Loaded {
        prepare(try encoded(try loadRaw(task: task), task: task))
    }
}

extension MissingPolicy: ExpressibleByArgument {}
extension UnknownPolicy: ExpressibleByArgument {}
