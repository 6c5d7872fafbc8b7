import ArgumentParser
import NeuralCore

/// Where the training (and test) data come from, and how they are prepared.
struct DataOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Training data: a CSV file, features then a 0/1 target. Default: the tutorial's 8 points.", valueName: "file.csv"))
    var data: String?

    @Option(name: .customLong("test-data"), help: ArgumentHelp("Held-out CSV data; its error and accuracy are reported beside the training ones.", valueName: "file.csv"))
    var testData: String?

    @Option(name: .long, help: ArgumentHelp("The target column: a header name or a 1-based column number. Default: the last column.", valueName: "name|number"))
    var target: String?

    @Flag(name: .long, help: "Z-score each feature with the training set's mean and standard deviation (saved in the model file).")
    var standardize = false

    /// The training data, the test data and the standardization applied to both.
    struct Loaded {
        var training: Dataset
        var test: Dataset?
        var standardization: Standardization?
    }

    /// The training and test data as read, before any standardization.
    func loadRaw() throws(DataError) -> Loaded {
        let column = target.map(TargetColumn.init(argument:)) ?? .last
        var training = Dataset.tutorial
        if let data { training = try CSVReader.load(path: data, target: column) }
        var test: Dataset?
        if let testData {
            let loaded = try CSVReader.load(path: testData, target: column)
            guard loaded.featureCount == training.featureCount else {
                throw DataError(file: testData, "has \(loaded.featureCount) feature columns, the training data has \(training.featureCount)")
            }
            test = loaded
        }
        return Loaded(training: training, test: test, standardization: nil)
    }

    /// `raw` standardized with the training set's statistics when `--standardize` is given.
    func prepare(_ raw: Loaded) -> Loaded {
        guard standardize else { return raw }
        let z = Standardization(fitting: raw.training)
        return Loaded(training: z.apply(raw.training), test: raw.test.map { z.apply($0) }, standardization: z)
    }

    /// The training data, the test data and the standardization applied to both.
    func load() throws(DataError) -> Loaded {
        prepare(try loadRaw())
    }
}
