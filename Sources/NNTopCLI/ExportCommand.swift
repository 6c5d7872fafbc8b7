import ArgumentParser
import DataFiles
import Foundation
import NeuralCore
import ONNXExport

/// `nntop export`: a saved model as an ONNX graph that computes what `nntop predict` prints.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a saved model as an ONNX graph (opset 13, float64).",
        discussion: """
            The graph takes a float64 tensor "input" of shape [N, F], F the values `nntop predict` takes (two \
            with --features), and gives "output" [N, K]: the probability of class 1 (binary, K = 1), each \
            class's probability (multiclass), or the value in the target's units (regression). The derived \
            features, the standardization, every layer and the output are in the graph; the class labels and \
            feature names are in its metadata_props.

            A model that reads text columns as categories takes one input a column instead, named after it and \
            of shape [N, 1]: float64 for a number column, a string tensor of the cells' texts for a category \
            column, one-hot encoded in the graph (ai.onnx.ml's OneHotEncoder). Missing numbers are NaN; the \
            model's fill values (train --missing mean|mode) are in the graph. A model whose target held texts \
            also gives "label" [N, 1], the predicted class's label.

            Example:
              nntop export --model model.json --onnx model.onnx
            """
    )

    @Option(
        name: .long,
        help: ArgumentHelp("A model file saved by nntop (train --save, or the dashboard).", valueName: "file.json"))
    var model: String

    @Option(name: .long, help: ArgumentHelp("Where to write the ONNX model (atomically).", valueName: "file.onnx"))
    var onnx: String

    @Option(
        name: .long,
        help: ArgumentHelp(
            "With a model that reads categories: a category the training data did not have makes the runtime fail (error), or reads as all zeros (zero), as predict --unknown. Default: error.",
            valueName: "error|zero"))
    var unknown: UnknownPolicy = .error

    @Flag(name: .long, help: "Print what was written as JSON: the path, the task, and the graph's inputs and outputs.")
    var json = false

    func validate() throws {
        if model.isEmpty { throw ValidationError("--model is an empty path; give a model file") }
        if onnx.isEmpty { throw ValidationError("--onnx is an empty path; give the file to write") }
    }

    func run() throws {
        try OutputPaths.check([("--onnx", onnx)], inputs: [("--model", model)])
        let (file, network) = try ModelFile.load(path: model)
        let export = ONNXModel(model: file, network: network, unknownAsZeros: unknown == .zero)
        try export.write(to: onnx)
        if json {
            Terminal.writeOutput(export.json(path: onnx).text + "\n")
        } else {
            Terminal.writeOutput(
                "wrote \(MessageText.escaped(onnx)): \(export.shapeText), \(network.task.rawValue), ONNX opset \(ONNXModel.opsetVersion)\n"
            )
        }
    }
}
