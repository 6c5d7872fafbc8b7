import Foundation
import NeuralCore
import ONNXExport
import ONNXFormat
import SwiftProtobuf
import Testing

/// The exported graph without Python: its operator set, input and output, the nodes each part of a model
/// becomes, its metadata, and its numbers, run by `GraphInterpreter` against the forward pass `predict` uses.
@Suite struct ONNXModelTests {
    static let classes: [Double] = [2, 5, 7.5]
    static let targetScale = TargetScale(mean: 40, deviation: 12.5)

    /// A model with random weights: three raw inputs named a, b, c, or two through `features`.
    static func model(
        _ task: Task, hidden: [Int] = [4], activation: Activation = .tanh, features: [InputFeature]? = nil,
        standardize: Bool = false, seed: UInt64 = 1
    ) -> ONNXModel {
        var generator = SeededGenerator(seed: seed)
        let map = features.flatMap(FeatureMap.init)
        let inputs = map?.features.count ?? 3
        let network = Network(
            inputCount: inputs, hidden: hidden, hiddenActivation: activation, task: task,
            outputs: task == .multiclass ? classes.count : 1, generator: &generator)
        var standardization: Standardization?
        if standardize {
            // One constant column (deviation 0): only centred.
            let deviation = (0..<inputs).map { $0 == 1 ? 0 : 0.5 + generator.unit() * 3 }
            standardization = Standardization(
                mean: (0..<inputs).map { _ in generator.unit() * 4 - 2 }, deviation: deviation)
        }
        let encoding: TargetEncoding
        switch task {
        case .binary: encoding = TargetEncoding(task: .binary)
        case .multiclass: encoding = TargetEncoding(task: .multiclass, classes: classes)
        case .regression: encoding = TargetEncoding(task: .regression, scale: targetScale)
        }
        return ONNXModel(
            network: network, pipeline: InputPipeline(featureMap: map, standardization: standardization),
            encoding: encoding, featureNames: map?.features.map(\.rawValue) ?? ["a", "b", "c"])
    }

    /// What `nntop predict` computes for one raw row: the pipeline, the network, a regression's scale undone.
    static func reference(_ model: ONNXModel, _ row: [Double]) -> [Double] {
        let outputs = model.network.outputs(model.pipeline.apply(row))
        return model.network.task == .regression ? outputs.map(model.encoding.value(fromOutput:)) : outputs
    }

    static func rows(width: Int, count: Int = 25, seed: UInt64 = 7) -> [[Double]] {
        var generator = SeededGenerator(seed: seed)
        return (0..<count).map { _ in (0..<width).map { _ in generator.unit() * 10 - 5 } }
    }

    static func ops(_ model: ONNXModel) -> [String] { model.proto(producerVersion: "test").graph.node.map(\.opType) }

    @Test func opsetInputAndOutput() throws {
        let proto = Self.model(.multiclass).proto(producerVersion: "9.9")
        #expect(proto.irVersion == 7)
        #expect(proto.opsetImport.count == 1)
        #expect(proto.opsetImport.first?.domain == "")
        #expect(proto.opsetImport.first?.version == 13)
        #expect(proto.producerName == "nntop")
        #expect(proto.producerVersion == "9.9")
        #expect(proto.docString.contains("softmax"))
        let double = Int32(Onnx_TensorProto.DataType.double.rawValue)
        for (info, name, width) in [(proto.graph.input, "input", 3), (proto.graph.output, "output", 3)] {
            #expect(info.count == 1)
            let tensor = try #require(info.first).type.tensorType
            #expect(info.first?.name == name)
            #expect(tensor.elemType == double)
            #expect(tensor.shape.dim.count == 2)
            #expect(tensor.shape.dim.first?.dimParam == "N")
            #expect(tensor.shape.dim.last?.dimValue == Int64(width))
        }
        #expect(proto.graph.node.last?.output == ["output"])
        #expect(proto.graph.initializer.allSatisfy { $0.dataType == double })
    }

    @Test func eachPartBecomesItsNodes() {
        let full = Self.model(
            .multiclass, hidden: [3, 2], activation: .relu, features: [.x1, .x1Squared, .x1TimesX2, .sinX2],
            standardize: true)
        #expect(
            Self.ops(full) == [
                "Gather", "Mul", "Gather", "Mul", "Sin", "Concat", "Sub", "Div", "Gemm", "Relu", "Gemm", "Relu", "Gemm",
                "Softmax"
            ])
        #expect(Self.ops(Self.model(.binary, hidden: [], features: [.x1, .x2])) == ["Gemm", "Sigmoid"])
        #expect(
            Self.ops(Self.model(.binary, hidden: [2], activation: .sigmoid)) == ["Gemm", "Sigmoid", "Gemm", "Sigmoid"])
        #expect(Self.ops(Self.model(.regression, hidden: [2], activation: .linear)) == ["Gemm", "Gemm", "Mul", "Add"])
        let unscaled = Self.model(.regression, hidden: [2])
        let plain = ONNXModel(
            network: unscaled.network, pipeline: unscaled.pipeline, encoding: TargetEncoding(task: .regression),
            featureNames: unscaled.featureNames)
        #expect(Self.ops(plain) == ["Gemm", "Tanh", "Gemm"])
        #expect(plain.proto(producerVersion: "").graph.node.last?.output == ["output"])
    }

    @Test func layersKeepTheirWeightsAsAMatrixPerLayer() throws {
        let model = Self.model(.binary, hidden: [4], activation: .tanh)
        let graph = model.proto(producerVersion: "").graph
        let gemms = graph.node.filter { $0.opType == "Gemm" }
        #expect(gemms.count == 2)
        for (l, gemm) in gemms.enumerated() {
            let weights = try #require(graph.initializer.first { $0.name == gemm.input[1] })
            let biases = try #require(graph.initializer.first { $0.name == gemm.input[2] })
            #expect(weights.dims == [Int64(model.network.sizes[l + 1]), Int64(model.network.sizes[l])])
            #expect(weights.doubleData == model.network.weights(layer: l).flatMap { $0 })
            #expect(biases.doubleData == model.network.biases(layer: l))
        }
    }

    @Test func metadataNamesTheInputsAndClasses() throws {
        func props(_ model: ONNXModel) -> [String: String] {
            Dictionary(uniqueKeysWithValues: model.proto(producerVersion: "").metadataProps.map { ($0.key, $0.value) })
        }
        let multiclass = props(Self.model(.multiclass))
        #expect(multiclass["task"] == "multiclass")
        #expect(multiclass["classes"] == #"["2","5","7.5"]"#)
        #expect(multiclass["feature_names"] == #"["a","b","c"]"#)
        #expect(multiclass["input_features"] == nil)
        let derived = props(Self.model(.binary, features: [.x1, .x1TimesX2]))
        #expect(derived["classes"] == #"["0","1"]"#)
        #expect(derived["feature_names"] == #"["x1","x2"]"#)
        #expect(derived["input_features"] == #"["x1","x1*x2"]"#)
        #expect(props(Self.model(.regression))["classes"] == nil)
        let quoted = ONNXModel(
            network: Self.model(.binary).network, pipeline: InputPipeline(), encoding: TargetEncoding(task: .binary),
            featureNames: ["size \"m²\"", "a/b", "c,d"])
        #expect(props(quoted)["feature_names"] == #"["size \"m²\"","a/b","c,d"]"#)
    }

    @Test func theBytesParseBackToTheSameModel() throws {
        let model = Self.model(.regression, hidden: [5, 3], features: [.x2, .x2Squared, .sinX1], standardize: true)
        let bytes = try model.serialized(producerVersion: "1.0")
        let parsed = try Onnx_ModelProto(serializedBytes: bytes)
        #expect(parsed == model.proto(producerVersion: "1.0"))
    }

    @Test func nodeAndTensorNamesAreUniqueAndEachIsMadeBeforeItIsRead() {
        let graph = Self.model(.multiclass, hidden: [3, 3], features: InputFeature.allCases, standardize: true)
            .proto(producerVersion: "").graph
        var made = Set(graph.initializer.map(\.name) + ["input"])
        #expect(made.count == graph.initializer.count + 1)
        for node in graph.node {
            for input in node.input { #expect(made.contains(input), "\(node.name) reads \(input) before it is made") }
            for output in node.output { #expect(made.insert(output).inserted, "\(output) is made twice") }
        }
        #expect(Set(graph.node.map(\.name)).count == graph.node.count)
    }

    @Test(arguments: Task.allCases, Activation.allCases)
    func theGraphComputesWhatPredictDoes(task: Task, activation: Activation) throws {
        let cases: [(features: [InputFeature]?, standardize: Bool, hidden: [Int])] = [
            (nil, false, [4]), (nil, true, [3, 2]), (InputFeature.allCases, true, [5]),
            ([.x1Squared, .sinX2], false, []),
            ([.x1, .x2], true, [2])
        ]
        for (k, c) in cases.enumerated() {
            let model = Self.model(
                task, hidden: c.hidden, activation: activation, features: c.features, standardize: c.standardize,
                seed: UInt64(k + 1))
            let rows = Self.rows(width: model.inputWidth)
            let got = try GraphInterpreter(graph: model.proto(producerVersion: "").graph).run(rows)
            #expect(got.count == rows.count)
            for (row, outputs) in zip(rows, got) {
                let expected = Self.reference(model, row)
                #expect(outputs.count == expected.count)
                for (a, b) in zip(outputs, expected) {
                    #expect(abs(a - b) <= 1e-12 * max(1, abs(b)), "case \(k), row \(row): \(outputs) vs \(expected)")
                }
            }
        }
    }
}
