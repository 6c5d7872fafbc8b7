import Foundation
import NeuralCore

/// A trained network as JSON: its shape, hidden activation, loss, feature names, the weights of each layer (one
/// row per unit), the biases, and the standardization the inputs need, if any. Version 2 adds the task, the
/// classes (labels in output-unit order), a regression target's standardization and the update rule; a version 1
/// file (binary, plain SGD) still loads.
public struct ModelFile: Codable, Sendable, Equatable {
    public static let formatName = "nntop-model"
    public static let currentVersion = 3
    /// The versions this nntop reads.
    public static let readableVersions = 1...3
    /// The version written for a model without `columns`, which an nntop of version 2 reads as well.
    public static let plainVersion = 2

    public var format: String
    public var version: Int
    public var inputs: Int
    public var hidden: [Int]
    public var activation: Activation
    public var loss: Loss
    public var featureNames: [String]
    public var weights: [[[Double]]]
    public var biases: [[Double]]
    public var standardization: Standardization?
    public var iterations: Int
    public var task: Task
    /// Multiclass: the target values of the output units, in order.
    public var classes: [Double]?
    /// Regression: the target's standardization, undone on every prediction.
    public var targetStandardization: TargetScale?
    /// The update rule it was trained with, which `train --model` carries on with.
    public var optimizer: OptimizerSettings?
    /// The inputs made from each two-feature point (`--features`), before the standardization; nil when the
    /// network takes the data's columns.
    public var inputFeatures: [InputFeature]?
    /// How the CSV file's columns become the inputs (by name, categories one-hot, missing cells filled), when
    /// they are more than the file's columns in order; written as version 3.
    public var columns: ColumnSchema?

    enum CodingKeys: String, CodingKey {
        case format, version, inputs, hidden, activation, loss
        case featureNames = "feature_names"
        case weights, biases, standardization, iterations, task, classes
        case targetStandardization = "target_standardization"
        case optimizer
        case inputFeatures = "input_features"
        case columns
    }

    public init(
        network: Network, loss: Loss, featureNames: [String], standardization: Standardization?,
        iterations: Int, encoding: TargetEncoding? = nil, optimizer: OptimizerSettings? = nil,
        featureMap: FeatureMap? = nil, columns: ColumnSchema? = nil
    ) {
        self.columns = columns
        inputFeatures = featureMap?.features
        task = network.task
        classes = network.task == .multiclass ? encoding?.classes : nil
        targetStandardization = network.task == .regression ? encoding?.scale : nil
        self.optimizer = optimizer
        format = ModelFile.formatName
        version = columns == nil ? ModelFile.plainVersion : ModelFile.currentVersion
        inputs = network.inputCount
        hidden = network.hiddenSizes
        activation = network.hiddenActivation
        self.loss = loss
        self.featureNames = featureNames
        weights = (0..<network.layerCount).map { network.weights(layer: $0) }
        biases = (0..<network.layerCount).map { network.biases(layer: $0) }
        self.standardization = standardization
        self.iterations = iterations
    }

    /// The network this file describes, or nil when its arrays do not fit its stated shape and task.
    public func network() -> Network? {
        guard
            let network = Network(
                inputCount: inputs, hiddenActivation: activation, weights: weights, biases: biases, task: task),
            network.hiddenSizes == hidden, network.isFinite
        else { return nil }
        return network
    }

    /// The inputs it makes from each two-feature point, if any.
    public var featureMap: FeatureMap? { inputFeatures.flatMap(FeatureMap.init) }

    /// How the model's outputs read as targets: its classes (with their texts, when the target held texts), or its
    /// target's standardization.
    public var encoding: TargetEncoding {
        TargetEncoding(
            task: task, classes: classes ?? [], scale: targetStandardization,
            labels: task == .regression ? nil : columns?.targetLabels)
    }

    /// The largest model file read: about 20 million parameters, a network of 4 096 × 4 096 and more. (Reading
    /// one costs about its size again: `JSONValue` keeps rows of numbers as arrays of doubles.)
    public static let sizeLimit = 512 << 20

    public static func load(path: String) throws(DataError) -> (ModelFile, Network) {
        let bytes = try FileBytes.read(path, limit: sizeLimit)
        guard !bytes.isEmpty else { throw DataError(file: path, "is empty, expected an nntop model (JSON)") }
        let json: JSONValue
        do {
            json = try JSONValue.parse(bytes)
        } catch {
            let kind = error.outOfRange ? "is a corrupt nntop model" : "is not an nntop model: not valid JSON"
            throw DataError(file: path, line: error.line, column: error.column, "\(kind): \(error.reason)")
        }
        // Look at the envelope first so a file from another version is named as such, not as corrupt.
        try Envelope.check(json, path: path)
        let model: ModelFile
        do {
            model = try ModelFile(json: json)
        } catch {
            throw DataError(file: path, "is a corrupt nntop model: \(error.text)")
        }
        guard let network = model.network() else {
            throw DataError(
                file: path,
                "is a corrupt nntop model: weights and biases do not match \(model.inputs) inputs, hidden layers \(model.hidden) and a \(model.task.rawValue) output"
            )
        }
        if model.task == .multiclass {
            guard let classes = model.classes, classes.count == network.outputCount, classes.allSatisfy(\.isFinite),
                Set(classes).count == classes.count
            else {
                throw DataError(
                    file: path,
                    "is a corrupt nntop model: \"classes\" should list \(network.outputCount) distinct labels, one per output"
                )
            }
        }
        if let features = model.inputFeatures {
            guard features.count == model.inputs, FeatureMap(features)?.features == features else {
                throw DataError(
                    file: path,
                    "is a corrupt nntop model: \"input_features\" should list \(model.inputs) distinct features in their order"
                )
            }
        }
        guard model.iterations >= 0 else {
            throw DataError(file: path, "is a corrupt nntop model: \"iterations\" should be at least 0")
        }
        if let o = model.optimizer {
            for (name, value) in [
                ("momentum", o.momentum), ("beta1", o.beta1), ("beta2", o.beta2), ("rms_decay", o.rmsDecay)
            ]
            where !(value >= 0 && value < 1) {
                throw DataError(file: path, "is a corrupt nntop model: optimizer.\(name) should be in [0, 1)")
            }
            guard o.epsilon.isFinite, o.epsilon > 0 else {
                throw DataError(file: path, "is a corrupt nntop model: optimizer.epsilon should be above 0")
            }
        }
        if let scale = model.targetStandardization {
            guard scale.mean.isFinite, scale.deviation.isFinite, scale.deviation.isNormal, scale.deviation > 0 else {
                throw DataError(
                    file: path,
                    "is a corrupt nntop model: the target standardization needs a finite mean and a deviation above 0")
            }
        }
        if let columns = model.columns {
            let width = model.featureMap == nil ? model.inputs : 2
            guard columns.width == width, !columns.columns.isEmpty,
                columns.columns.allSatisfy({ !($0.categories?.isEmpty ?? false) })
            else {
                throw DataError(
                    file: path, "is a corrupt nntop model: \"columns\" do not make the \(width) inputs it takes")
            }
            try checkColumns(columns, path: path)
            if let labels = columns.targetLabels {
                guard labels.count >= network.outputCount, model.task != .binary || labels.count == 2 else {
                    throw DataError(
                        file: path, "is a corrupt nntop model: \"target_labels\" do not match its outputs")
                }
            }
        }
        guard model.featureNames.count == model.inputs else {
            throw DataError(
                file: path,
                "is a corrupt nntop model: \(model.featureNames.count) feature names for \(model.inputs) inputs")
        }
        if let s = model.standardization {
            guard s.mean.count == model.inputs, s.deviation.count == model.inputs else {
                throw DataError(
                    file: path, "is a corrupt nntop model: standardization does not match \(model.inputs) inputs")
            }
            guard (s.mean + s.deviation).allSatisfy(\.isFinite) else {
                throw DataError(
                    file: path, "is a corrupt nntop model: a standardization mean or deviation is not a finite number")
            }
            guard s.deviation.allSatisfy({ $0 >= 0 }) else {
                throw DataError(file: path, "is a corrupt nntop model: a standardization deviation is negative")
            }
        }
        return (model, network)
    }

    /// Refuses columns that no training run makes and that new data could not be read under alike by `predict` and
    /// an ONNX export: two of one name (predict cannot tell them apart), a category that reads as a missing cell
    /// (no cell is ever it), a fill that is not one of its column's categories.
    private static func checkColumns(_ schema: ColumnSchema, path: String) throws(DataError) {
        func corrupt(_ reason: String) -> DataError { DataError(file: path, "is a corrupt nntop model: \(reason)") }
        var names: Set<String> = []
        for column in schema.columns {
            let name = MessageText.quoted(column.name)
            guard names.insert(column.name).inserted else { throw corrupt("two columns are named \(name)") }
            guard let categories = column.categories else { continue }
            if let category = categories.first(where: readsAsMissing) {
                throw corrupt(
                    "the category \(MessageText.quoted(category)) of column \(name) reads as a missing cell (\(CSVTable.missingListing))"
                )
            }
            if let fill = column.fillCategory, !categories.contains(fill) {
                throw corrupt(
                    "the fill \(MessageText.quoted(fill)) of column \(name) is not one of its categories")
            }
        }
    }

    /// Whether a cell of this text reads as missing.
    private static func readsAsMissing(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty else { return true }
        return bytes.withUnsafeBufferPointer { CSVTable.isMissing($0.baseAddress!, 0, $0.count) }
    }

    /// Writes the model as JSON to a temporary file beside `path`, then renames it over `path`, so an existing
    /// file is replaced whole or not at all.
    public func save(path: String) throws(DataError) {
        try AtomicFile.write(try encoded(for: path), to: path)
    }

    /// The JSON `save` writes, made without writing anything; the error names `path`, where it was going.
    public func encoded(for path: String) throws(DataError) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        do {
            return try encoder.encode(self)
        } catch {
            throw DataError(file: path, "cannot save: the parameters are not finite numbers")
        }
    }
}
