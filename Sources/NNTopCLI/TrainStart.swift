import ArgumentParser
import DataFiles
import NeuralCore

extension TrainCommand {
    /// The data, and the model to carry on from (`--model`) with its network, or none.
    func startingPoint() throws -> (data: DataOptions.Loaded, model: ModelFile?, network: Network?) {
        guard let model else {
            return (try dataOptions.load(task: networkOptions.task.task), nil, nil)
        }
        if model.isEmpty { throw UsageError("--model is an empty path, expected a model file") }
        let (file, network) = try ModelFile.load(path: model)
        if file.columns != nil, dataOptions.columns != nil || dataOptions.drop != nil {
            throw UsageError("--columns and --drop cannot be used with --model: the model fixes its columns")
        }
        var raw = try dataOptions.loadRaw(task: file.task == .binary ? .binary : nil, schema: file.columns)
        // A model that makes its inputs from two features (--features) takes the data's two.
        let width = file.featureMap == nil ? network.inputCount : 2
        guard width == raw.training.featureCount else {
            throw UsageError(
                "\(model): the model takes \(width) inputs, the data have \(raw.training.featureCount) features")
        }
        raw.featureMap = file.featureMap
        do {
            raw.training = try file.encoding.encode(raw.training)
            raw.test = try raw.test.map { (d) throws(TargetEncoding.Mismatch) in try file.encoding.encode(d) }
        } catch {
            throw UsageError("\(model): the data do not suit this \(file.task.rawValue) model: \(error.message)")
        }
        raw.encoding = file.encoding
        raw.taskNote = file.task.rawValue
        // The model's own standardization, so its weights see the inputs they were trained on.
        let data = raw.mapped().standardized(by: file.standardization).scalingTargets(file.targetStandardization)
        return (data, file, network)
    }
}
