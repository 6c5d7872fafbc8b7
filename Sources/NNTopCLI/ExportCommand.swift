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

    func validate() throws {
        if model.isEmpty { throw ValidationError("--model is an empty path; give a model file") }
        if onnx.isEmpty { throw ValidationError("--onnx is an empty path; give the file to write") }
    }

    func run() throws {
        try OutputPaths.check([("--onnx", onnx)], inputs: [("--model", model)])
        let (file, network) = try ModelFile.load(path: model)
        try ONNXModel.checkExportable(file, named: model)
        let export = ONNXModel(model: file, network: network)
        try export.write(to: onnx)
        Terminal.writeOutput(
            "wrote \(onnx): input [N, \(export.inputWidth)] → output [N, \(export.outputWidth)], \(network.task.rawValue), ONNX opset \(ONNXModel.opsetVersion)\n"
        )
    }
}
