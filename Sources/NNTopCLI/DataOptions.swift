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

    /// How the CSV files' columns and cells are read: --missing, --columns, --drop, --unknown.
    @OptionGroup var table: ColumnOptions

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
        try table.validate(data: data)
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

    /// What the training data is called in summaries: the built-in dataset's name or the CSV file's path.
    var dataName: String { data ?? (dataset ?? .tutorial).rawValue }

    /// The data files given, by option: files no output may overwrite.
    var inputs: [OutputPaths.Named] { OutputPaths.given([("--data", data), ("--test-data", testData)]) }

    /// The training and test data as read (or drawn) and split, before any standardization. For a binary task
    /// (asked for, or read from 0/1 training targets, for the test file) a target other than 0 or 1 is an error
    /// naming its line and column.
    func loadRaw(task: Task? = nil, schema given: ColumnSchema? = nil) throws(DataError) -> Loaded {
        // A saved model's columns name its target: `train --model` finds it by that name, as `predict` does.
        let column = target.map(TargetColumn.init(argument:)) ?? given?.target.map(TargetColumn.name) ?? .last
        var generator = SeededGenerator(seed: dataSeed)
        var training: Dataset
        var schema = given
        var notes: [String] = []
        if let data {
            let loaded = try TableLoader.load(
                path: data, options: table.tableOptions(column, binary: task == .binary), schema: given)
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
                path: testData, options: table.tableOptions(column, binary: binary), schema: schema)
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

    /// `encoded` standardized with the training set's statistics when `--standardize` is given (the features,
    /// and a regression's targets).
    func prepare(_ encoded: Loaded) -> Loaded {
        let mapped = encoded.mapped()
        guard standardize else { return mapped }
        return mapped.standardized(by: Standardization(fitting: mapped.training))
            .scalingTargets(TargetScale(fitting: mapped.training.targets))
    }

    /// The feature columns chosen (`--columns`) and left out (`--drop`), as given.
    var columns: String? { table.columns }
    var drop: String? { table.drop }

    /// The training data, the test data, their encoding and the standardization applied to both.
    func load(task: Task?) throws(DataError) -> Loaded {
        prepare(try encoded(try loadRaw(task: task), task: task))
    }
}
