import Dashboard
import Foundation
import NeuralCore
import Training

/// Where the dashboard writes what the user asks for with s and e, and the writing itself. Every file is
/// written to a temporary file and renamed, so an existing one is never left half-written.
struct DashboardFiles {
    /// The model file (`s`).
    var modelPath: String
    /// The error history, without extension: `.csv` and `.svg` are added (`e`).
    var historyPath: String

    /// Carries out one request for the state's newest snapshot; returns the line to show and whether it is a
    /// problem.
    func perform(_ request: DashboardRequest, state: DashboardState) -> (String, problem: Bool) {
        guard let snapshot = state.snapshot else { return ("nothing to write yet", true) }
        do {
            switch request {
            case .saveModel:
                let model = ModelFile(network: snapshot.network, loss: snapshot.loss,
                                      featureNames: state.training.featureNames,
                                      standardization: state.standardization, iterations: snapshot.iteration)
                try model.save(path: modelPath)
                return ("saved the model at iteration \(snapshot.iteration) to \(absolute(modelPath))", false)
            case .exportHistory:
                let table = HistoryTable(snapshot.history)
                var best: (error: Double, iteration: Int)?
                if let error = snapshot.bestError, let iteration = snapshot.bestIteration { best = (error, iteration) }
                let svg = ErrorPlotSVG.render(table, events: snapshot.events, best: best,
                                              title: "nntop · cumulative error · \(snapshot.network.sizes.map(String.init).joined(separator: "-")) network")
                try AtomicFile.write(table.csv, to: historyPath + ".csv")
                try AtomicFile.write(svg, to: historyPath + ".svg")
                return ("wrote \(table.rows.count) rows to \(absolute(historyPath)).csv and the plot to .svg", false)
            }
        } catch {
            return (error.description, true)
        }
    }

    private func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    }
}
