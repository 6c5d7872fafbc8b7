import DataFiles
import NeuralCore

extension DataOptions {
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
}
