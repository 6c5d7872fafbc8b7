import Foundation
import NeuralCore
import ONNXExport
import ONNXFormat
import Testing

/// The graph of a model that reads a table's columns by name: one input a column with its type, the one-hot
/// encoders and fills, the ai.onnx.ml operator set only when it is used, and the label output. The numbers are
/// checked in onnxruntime by the CLI's ExportColumnsCLITests.
@Suite struct ColumnInputsTests {
    static func model(
        _ task: Task, columns: [ColumnInputs.Column], classNames: [String]? = nil, unknownAsZeros: Bool = false
    ) -> ONNXModel {
        var generator = SeededGenerator(seed: 3)
        let inputs = ColumnInputs(columns: columns, unknownAsZeros: unknownAsZeros)
        let network = Network(
            inputCount: inputs.width, hidden: [3], hiddenActivation: .tanh, task: task,
            outputs: task == .multiclass ? 3 : 1, generator: &generator)
        let encoding =
            task == .multiclass ? TargetEncoding(task: .multiclass, classes: [0, 1, 2]) : TargetEncoding(task: task)
        return ONNXModel(
            network: network, pipeline: InputPipeline(featureMap: nil, standardization: nil), encoding: encoding,
            featureNames: (0..<inputs.width).map { "f\($0)" }, columns: inputs, classNames: classNames)
    }

    static let mixed: [ColumnInputs.Column] = [
        .init(name: "age", kind: .number(fill: 29.5)),
        .init(name: "sex", kind: .category(["female", "male"], fill: nil)),
        .init(name: "label", kind: .category(["C", "Q", "S"], fill: "S")),
        .init(name: "output", kind: .number(fill: nil))
    ]

    @Test func eachColumnIsAnInputOfItsType() {
        let model = Self.model(.multiclass, columns: Self.mixed, classNames: ["cat", "dog", "eel"])
        let graph = model.proto(producerVersion: "").graph
        // Columns named like the outputs are renamed; the others keep their names.
        #expect(graph.input.map(\.name) == ["age", "sex", "label_input", "output_input"])
        let string = Int32(Onnx_TensorProto.DataType.string.rawValue)
        let double = Int32(Onnx_TensorProto.DataType.double.rawValue)
        #expect(graph.input.map(\.type.tensorType.elemType) == [double, string, string, double])
        for input in graph.input { #expect(input.type.tensorType.shape.dim.map(\.dimValue) == [0, 1]) }
        #expect(graph.output.map(\.name) == ["output", "label"])
        #expect(graph.output.map(\.type.tensorType.elemType) == [double, string])
        #expect(model.inputWidth == 4)
    }

    @Test func categoriesAreOneHotAndFilled() {
        let graph = Self.model(.binary, columns: Self.mixed).proto(producerVersion: "").graph
        let encoders = graph.node.filter { $0.opType == "OneHotEncoder" }
        #expect(encoders.count == 2)
        #expect(encoders.allSatisfy { $0.domain == "ai.onnx.ml" })
        let categories = encoders.map { node in
            node.attribute.first { $0.name == "cats_strings" }?.strings.map { String(decoding: $0, as: UTF8.self) }
        }
        #expect(categories == [["female", "male"], ["C", "Q", "S"]])
        #expect(encoders.allSatisfy { $0.attribute.first { $0.name == "zeros" }?.i == 0 })
        // Only the column with a fill gets a LabelEncoder, mapping every missing spelling to the fill.
        let fills = graph.node.filter { $0.opType == "LabelEncoder" }
        #expect(fills.count == 1)
        let values = fills.first?.attribute.first { $0.name == "values_strings" }?.strings ?? []
        #expect(values.count == 3 + ColumnInputs.missingSpellings.count)
        let filled = values.suffix(ColumnInputs.missingSpellings.count).map { String(decoding: $0, as: UTF8.self) }
        #expect(filled.allSatisfy { $0 == "S" })
        // The age's fill, and no fill for "output".
        #expect(graph.node.filter { $0.opType == "Where" }.count == 1)
        #expect(graph.node.filter { $0.opType == "Concat" }.count == 1)
        // No label output without text labels.
        #expect(graph.output.map(\.name) == ["output"])
    }

    @Test func theUnknownPolicyIsTheEncodersZeros() {
        let graph = Self.model(.binary, columns: Self.mixed, unknownAsZeros: true).proto(producerVersion: "").graph
        let zeros = graph.node.filter { $0.opType == "OneHotEncoder" }.map {
            $0.attribute.first { $0.name == "zeros" }?.i
        }
        #expect(zeros == [1, 1])
    }

    /// With unknown categories as zeros, a missing text in a column with no fill is not one of them: it makes the
    /// row NaN, as a missing number with no fill does (predict refuses such a row). A column with a fill, or a
    /// graph that fails for unknown categories, has no such mark.
    @Test func aMissingTextWithNoFillIsNaNNotZeros() {
        let marks = { (unknownAsZeros: Bool) in
            Self.model(.binary, columns: Self.mixed, unknownAsZeros: unknownAsZeros).proto(producerVersion: "").graph
                .node.filter { $0.opType == "LabelEncoder" && $0.output[0].hasSuffix("_missing") }
        }
        #expect(marks(false).isEmpty)
        let found = marks(true)
        #expect(found.count == 1)
        let mark = found.first
        #expect(mark?.input == ["sex"])
        let keys = mark?.attribute.first { $0.name == "keys_strings" }?.strings.map {
            String(decoding: $0, as: UTF8.self)
        }
        #expect(keys == ColumnInputs.missingSpellings)
        #expect(mark?.attribute.first { $0.name == "values_floats" }?.floats.allSatisfy { $0.isNaN } == true)
        #expect(mark?.attribute.first { $0.name == "default_float" }?.f == 0)
    }

    @Test func theMLOperatorSetIsImportedOnlyWhenUsed() {
        let withCategories = Self.model(.binary, columns: Self.mixed).proto(producerVersion: "")
        #expect(withCategories.opsetImport.map(\.domain) == ["", "ai.onnx.ml"])
        #expect(withCategories.opsetImport.last?.version == 2)
        let numbers = Self.model(
            .binary, columns: [.init(name: "a", kind: .number(fill: 1)), .init(name: "b", kind: .number(fill: nil))])
        let proto = numbers.proto(producerVersion: "")
        #expect(proto.opsetImport.map(\.domain) == [""])
        // Numbers only: the one input, its missing cells filled by column (NaN where there is no fill).
        #expect(proto.graph.input.map(\.name) == ["input"])
        let fill = proto.graph.initializer.first { $0.name.hasSuffix("_fill") }
        #expect(fill?.doubleData.first == 1)
        #expect(fill?.doubleData.last?.isNaN == true)
    }

    @Test func aBinaryLabelIsTheThresholdAndAMulticlassOneTheArgMax() {
        let binary = Self.model(.binary, columns: Self.mixed, classNames: ["no", "yes"]).proto(producerVersion: "")
        // A row whose output is NaN has no class (-1, the encoder's empty default), as predict gives none.
        #expect(
            binary.graph.node.map(\.opType).suffix(5) == ["GreaterOrEqual", "Cast", "IsNaN", "Where", "LabelEncoder"])
        let multiclass = Self.model(.multiclass, columns: Self.mixed, classNames: ["a", "b", "c"])
            .proto(producerVersion: "")
        #expect(
            multiclass.graph.node.map(\.opType).suffix(5) == ["ArgMax", "ReduceSum", "IsNaN", "Where", "LabelEncoder"])
        let labels = multiclass.graph.node.last?.attribute.first { $0.name == "values_strings" }?.strings
        #expect(labels?.map { String(decoding: $0, as: UTF8.self) } == ["a", "b", "c"])
        // A regression has no label, whatever it is given.
        let regression = Self.model(.regression, columns: Self.mixed, classNames: ["x"]).proto(producerVersion: "")
        #expect(regression.graph.output.map(\.name) == ["output"])
    }

    @Test func namesAreUniqueAndEachIsMadeBeforeItIsRead() {
        let graph = Self.model(.multiclass, columns: Self.mixed, classNames: ["a", "b", "c"])
            .proto(producerVersion: "").graph
        var made = Set(graph.initializer.map(\.name) + graph.input.map(\.name))
        #expect(made.count == graph.initializer.count + graph.input.count)
        for node in graph.node {
            for input in node.input { #expect(made.contains(input), "\(node.name) reads \(input) before it is made") }
            for output in node.output { #expect(made.insert(output).inserted, "\(output) is made twice") }
        }
        #expect(Set(graph.node.map(\.name)).count == graph.node.count)
    }

    @Test func everySpellingOfAMissingCell() {
        let spellings = ColumnInputs.missingSpellings
        #expect(spellings.count == 1 + 4 + 4 + 8 + 16 + 1)
        #expect(Set(spellings).count == spellings.count)
        for word in ["", "NA", "na", "N/a", "NaN", "nAn", "null", "NULL", "nUlL", "?"] {
            #expect(spellings.contains(word), "\(word)")
        }
    }

    /// ONNX names no tensor "": a column with no name is the input `_input` (and one named so then gets a
    /// second `_input`), and every input has a name of its own.
    @Test func aColumnWithNoNameIsNamedInput() {
        let model = Self.model(
            .binary,
            columns: [
                .init(name: "", kind: .category(["a", "b"], fill: nil)),
                .init(name: "_input", kind: .number(fill: nil)),
                .init(name: "output_input", kind: .number(fill: nil)), .init(name: "output", kind: .number(fill: nil))
            ])
        let names = model.proto(producerVersion: "").graph.input.map(\.name)
        #expect(names == ["_input", "_input_input", "output_input", "output_input_input"])
    }

    /// Plain categories with no fill go to the encoder as they are; a fill, or a category with other spellings
    /// (composed or not), takes a LabelEncoder that spells each out.
    @Test func categoriesAreSpeltOutOnlyWhenTheyNeedIt() {
        #expect(CategorySpellings(["blue", "red"], fill: nil).keys.isEmpty)
        #expect(CategorySpellings(["blue", "red"], fill: nil).encoded == ["blue", "red"])
        let cafe = CategorySpellings(["caf\u{E9}", "tea"], fill: nil)
        let pairs = zip(cafe.keys, cafe.values).map { [Array($0.utf8), Array($1.utf8)] }
        #expect(pairs.contains([Array("cafe\u{301}".utf8), Array("caf\u{E9}".utf8)]), "\(cafe)")
        #expect(pairs.contains([Array("tea".utf8), Array("tea".utf8)]))
        #expect(!cafe.encoded.contains(cafe.other))
        let graph = Self.model(
            .binary, columns: [.init(name: "drink", kind: .category(["caf\u{E9}", "tea"], fill: nil))]
        )
        .proto(producerVersion: "").graph
        #expect(graph.node.map(\.opType).prefix(2) == ["LabelEncoder", "OneHotEncoder"])
    }

    /// Of categories equal as Swift's strings (predict's way: "é" composed and decomposed), a cell takes the last
    /// and a fill the first, as predict's lookups do; the encoder's text for any but the last is one no cell is.
    @Test func equalCategoriesAreReadAsPredictReadsThem() {
        let composed = "\u{E9}", decomposed = "e\u{301}"
        let spellings = CategorySpellings([decomposed, composed, "x"], fill: composed)
        #expect(spellings.encoded.count == 3)
        #expect(Array(spellings.encoded[1].utf8) == Array(composed.utf8))
        #expect(spellings.encoded[2] == "x")
        let shadowed = spellings.encoded[0]
        #expect(shadowed != composed && shadowed != "x" && shadowed != spellings.other)
        func value(_ key: String) -> [UInt8]? {
            spellings.keys.firstIndex { $0.utf8.elementsEqual(key.utf8) }.map { Array(spellings.values[$0].utf8) }
        }
        #expect(value(decomposed) == Array(composed.utf8))
        #expect(value(composed) == Array(composed.utf8))
        // A missing cell takes the fill: the first of the equal categories.
        #expect(value("NA") == Array(shadowed.utf8))
        #expect(value("") == Array(shadowed.utf8))
        // Every key once, as the LabelEncoder needs.
        #expect(Set(spellings.keys.map { Array($0.utf8) }).count == spellings.keys.count)
    }

    /// A model that reads its columns by name says so in its metadata ("columns"), and names the input's values
    /// after them even with derived features.
    @Test func columnsReadByNameAreInTheMetadata() {
        var generator = SeededGenerator(seed: 4)
        let network = Network(inputCount: 3, hidden: [2], hiddenActivation: .tanh, generator: &generator)
        let model = ONNXModel(
            network: network,
            pipeline: InputPipeline(featureMap: FeatureMap([.x1, .x2, .x1TimesX2]), standardization: nil),
            encoding: TargetEncoding(task: .binary), featureNames: ["x1", "x2", "x1*x2"],
            columns: ColumnInputs(
                columns: [.init(name: "a", kind: .number(fill: 1)), .init(name: "b", kind: .number(fill: nil))],
                unknownAsZeros: false))
        let props = Dictionary(
            uniqueKeysWithValues: model.proto(producerVersion: "").metadataProps.map { ($0.key, $0.value) })
        #expect(props["columns"] == "[\"a\",\"b\"]")
        #expect(props["feature_names"] == "[\"a\",\"b\"]")
        #expect(props["inputs"] == nil)
        let plain = ONNXModel(
            network: network,
            pipeline: InputPipeline(featureMap: FeatureMap([.x1, .x2, .x1TimesX2]), standardization: nil),
            encoding: TargetEncoding(task: .binary), featureNames: ["x1", "x2", "x1*x2"])
        #expect(!plain.proto(producerVersion: "").metadataProps.contains { $0.key == "columns" })
    }
}
