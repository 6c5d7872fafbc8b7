import Dashboard
import DataFiles
import Foundation
import NeuralCore
import ONNXExport
import TerminalUI
import Training

/// What the dashboard asks of the program around it: files written (s saves the model, e exports the error
/// history, E the model as ONNX; each written to a temporary file and renamed, so an existing one is never left
/// half-written) and
/// built-in data drawn again (N, [ and ]).
struct DashboardHost: DashboardHosting {
    /// The model file (`s`).
    var modelPath: String
    /// The error history, without extension: `.csv` and `.svg` are added (`e`).
    var historyPath: String
    /// How the data were made, to draw a built-in dataset again (N, [ and ]).
    var data: DataOptions
    /// How the CSV file's columns became the features, saved with the model.
    var columns: ColumnSchema?

    init(modelPath: String, historyPath: String, data: DataOptions, columns: ColumnSchema? = nil) {
        self.modelPath = modelPath
        self.historyPath = historyPath
        self.data = data
        self.columns = columns
    }

    /// Where `E` writes the model as ONNX: the model file's path with `.onnx` for `.json` (or added).
    var onnxPath: String { Self.onnxPath(forModel: modelPath) }

    static func onnxPath(forModel path: String) -> String {
        (path.hasSuffix(".json") ? String(path.dropLast(5)) : path) + ".onnx"
    }

    /// The data seed of the `draw`th new draw.
    func dataSeed(ofDraw draw: Int) -> UInt64 { data.dataSeed &+ UInt64(draw) }

    /// New data for a built-in dataset: drawn with the next data seed and `noise`, split and standardized as
    /// the command line asked (the trainer draws new weights for them, so a loaded model's scaling does not
    /// carry over). A failure (with the reason) for data from a file.
    func redraw(noise: Double, draw: Int, featureMap: FeatureMap? = nil) -> Result<
        (raw: DataOptions.Loaded, prepared: DataOptions.Loaded), DataError
    > {
        guard data.data == nil else {
            return .failure(DataError(file: data.data!, "is a file: only a built-in --dataset can be drawn again"))
        }
        var options = data
        options.noise = noise
        // The inputs the dashboard has now (keys 1 to 7), not those it started with.
        options.features = featureMap.map(FeatureList.init(map:))
        options.dataSeed = dataSeed(ofDraw: draw)
        // The samples and noise options only apply to a built-in dataset; the tutorial keeps its 8 points.
        if options.dataset == nil { options.dataset = .tutorial }
        do {
            let raw = try options.loadRaw()
            return .success((raw, options.prepare(raw)))
        } catch {
            return .failure(error)
        }
    }

    /// Data drawn so far, so each draw gets its own seed.
    private var draws = 0

    /// Carries out one request: the events for the dashboard and the commands for the trainer.
    mutating func perform(_ request: DashboardRequest, state: DashboardState) -> (
        events: [DashboardEvent], commands: [TrainingCommand]
    ) {
        switch request {
        case .newData(let noise): return newData(noise: noise, featureMap: state.featureMap)
        case .noise(let noise): return newData(noise: noise, featureMap: state.featureMap, nextSeed: false)
        case .saveModel: return (written { () throws(DataError) in try saveModel(state) }, [])
        case .exportHistory: return (written { () throws(DataError) in try exportHistory(state) }, [])
        case .exportONNX: return (written { () throws(DataError) in try exportONNX(state) }, [])
        }
    }

    /// The built-in data drawn again with `noise` (with the next data seed, or the same one: the same points
    /// moved): the new rows for the dashboard, and for the trainer.
    private mutating func newData(noise: Double, featureMap: FeatureMap?, nextSeed: Bool = true) -> (
        events: [DashboardEvent], commands: [TrainingCommand]
    ) {
        if nextSeed { draws += 1 }
        switch redraw(noise: noise, draw: draws, featureMap: featureMap) {
        case .success(let (raw, prepared)):
            let rows =
                Format.counted(raw.training.count, "training row")
                + (raw.test.map { ", \(Format.count($0.count)) test" } ?? "")
            let line =
                nextSeed
                ? "new data: \(rows), noise \(Format.short(noise)), data seed \(dataSeed(ofDraw: draws))"
                : "noise \(Format.short(noise)): the same points moved (data seed \(dataSeed(ofDraw: draws))), \(rows)"
            return (
                [
                    .data(
                        training: raw.training, test: raw.test, standardization: prepared.standardization, noise: noise,
                        featureMap: prepared.featureMap),
                    .notice(.news(line))
                ],
                [.replaceData(training: prepared.training, test: prepared.test)]
            )
        case .failure(let error):
            return ([.notice(.problem(error.description))], [])
        }
    }

    /// The notice for a file written by `body`: the line it returns, or its error as a problem.
    private func written(_ body: () throws(DataError) -> String) -> [DashboardEvent] {
        do throws(DataError) {
            return [.notice(.news(try body()))]
        } catch {
            return [.notice(.problem(error.description))]
        }
    }

    /// The newest snapshot's network as a model file, with the standardization its inputs need.
    private func model(_ state: DashboardState, _ snapshot: Snapshot) -> ModelFile {
        ModelFile(
            network: snapshot.network, loss: snapshot.loss,
            featureNames: state.featureMap.map { $0.features.map(\.rawValue) } ?? state.training.featureNames,
            standardization: state.standardization, iterations: snapshot.iteration, encoding: state.encoding,
            optimizer: snapshot.optimizer, featureMap: state.featureMap, columns: columns)
    }

    /// Saves the newest snapshot's network (`s`).
    private func saveModel(_ state: DashboardState) throws(DataError) -> String {
        guard let snapshot = state.snapshot else {
            throw DataError(file: modelPath, "nothing to save before the first snapshot")
        }
        try model(state, snapshot).save(path: modelPath)
        return "saved \(modelPath) (iteration \(snapshot.iteration))"
    }

    /// Writes the newest snapshot's network as an ONNX graph, as `nntop export` writes a saved model (`E`).
    private func exportONNX(_ state: DashboardState) throws(DataError) -> String {
        guard let snapshot = state.snapshot else {
            throw DataError(file: onnxPath, "nothing to export before the first snapshot")
        }
        let file = model(state, snapshot)
        let export = ONNXModel(model: file, network: snapshot.network)
        try export.write(to: onnxPath)
        return "wrote \(onnxPath) (ONNX, iteration \(snapshot.iteration)): \(export.shapeText)"
    }

    /// Writes the newest snapshot's error history as CSV and as an SVG plot (`e`).
    private func exportHistory(_ state: DashboardState) throws(DataError) -> String {
        guard let snapshot = state.snapshot else {
            throw DataError(file: historyPath, "nothing to export before the first snapshot")
        }
        let table = HistoryTable(snapshot.history)
        var best: (error: Double, iteration: Int)?
        if let error = snapshot.bestError, let iteration = snapshot.bestIteration { best = (error, iteration) }
        let shape = snapshot.network.sizes.map(String.init).joined(separator: "-")
        let svg = ErrorPlotSVG.render(
            table, events: snapshot.events, best: best,
            title: "nntop · mean loss per instance · \(shape) network")
        // Both checked before either is written, so a refused SVG leaves the old CSV too (not half an export).
        try AtomicFile.checkWritable(historyPath + ".csv")
        try AtomicFile.checkWritable(historyPath + ".svg")
        try AtomicFile.write(table.csv, to: historyPath + ".csv")
        try AtomicFile.write(svg, to: historyPath + ".svg")
        return "wrote \(historyPath).csv (\(Format.counted(table.rows.count, "row"))) and \(historyPath).svg"
    }
}
