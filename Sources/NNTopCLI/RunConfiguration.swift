import NeuralCore

/// Every setting that shaped a `nntop train` run, for `--json`'s "configuration": the data and how they were
/// drawn, split and scaled, the network, the update rule and its constants, the seeds and the outputs. With
/// these a run can be repeated bit for bit; each is what the run used (the model's shape with `--model`).
struct RunConfiguration {
    let data: DataOptions
    let network: Network
    let loss: Loss
    let optimizer: OptimizerSettings
    let options: NetworkOptions
    let batchSize: Int
    let model: String?
    let save: String?
    let history: String?

    var json: JSONField {
        func path(_ p: String?) -> JSONField { p.map { .string($0) } ?? .null }
        let builtIn = data.data == nil ? data.dataset ?? .tutorial : nil
        let drawn = builtIn.map { $0 != .tutorial } ?? false
        return .object([
            "data": path(data.data),
            "dataset": builtIn.map { .string($0.rawValue) } ?? .null,
            "samples": drawn ? .integer(data.samples ?? DatasetKind.defaultSamples) : .null,
            "noise": drawn ? .number(data.noise ?? 0) : .null,
            "data_seed": .unsigned(data.dataSeed),
            "test_data": path(data.testData),
            "test_fraction": data.testFraction.map { .number($0) } ?? .null,
            "target": path(data.target),
            "features": data.features.map { .array($0.map.features.map { .string($0.rawValue) }) } ?? .null,
            "standardize": .bool(data.standardize),
            "model": path(model),
            "task": .string(options.task.rawValue),
            "hidden": .array(network.hiddenSizes.map { .integer($0) }),
            "activation": .string(network.hiddenActivation.rawValue),
            "loss": .string(loss.rawValue),
            "optimizer": .object([
                "kind": .string(optimizer.kind.rawValue), "momentum": .number(optimizer.momentum),
                "beta1": .number(optimizer.beta1), "beta2": .number(optimizer.beta2),
                "epsilon": .number(optimizer.epsilon), "rms_decay": .number(optimizer.rmsDecay)
            ]),
            "order": .string(options.order.rawValue),
            "learning_rate": .number(options.learningRate),
            "batch_size": .integer(batchSize),
            "full_batch": .bool(options.batch == .all),
            "regularization": .string(options.regularization.rawValue),
            "regularization_rate": .number(options.regularizationRate),
            "seed": .unsigned(options.seed),
            "iterations": .integer(options.iterations),
            "save": path(save),
            "history": path(history)
        ])
    }
}
