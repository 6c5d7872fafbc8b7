import Dashboard
import DataFiles
import Foundation
import NeuralCore
import Testing
import TerminalUI
import Training
@testable import NNTopCLI

/// What the dashboard asks of its host: built-in data drawn again, files written.
@Suite struct DashboardHostTests {
    static func host(_ arguments: [String]) throws -> DashboardHost {
        DashboardHost(
            modelPath: "/nonexistent-dir/m.json", historyPath: "/nonexistent-dir/h",
            data: try DataOptions.parse(arguments))
    }

    @Test func newDataIsTheBuiltInDatasetDrawnWithTheNextSeedAndTheNoise() throws {
        var host = try Self.host(["--dataset", "xor", "--samples", "40", "--test-fraction", "0.25"])
        let state = DashboardState(training: .tutorial, size: Size(width: 120, height: 40))
        let (events, commands) = host.perform(.newData(noise: 0.3), state: state)
        var generator = SeededGenerator(seed: 2)
        let expected = Dataset.generated(.xor, samples: 40, noise: 0.3, generator: &generator)
            .split(testFraction: 0.25, generator: &generator)
        #expect(commands == [.replaceData(training: expected.training, test: expected.test)])
        guard case .data(let training, let test, nil, 0.3, _) = events.first else {
            Issue.record("\(events)")
            return
        }
        #expect(training == expected.training && test == expected.test)
        // A second draw uses the seed after that.
        let (_, again) = host.perform(.newData(noise: 0.3), state: state)
        #expect(again != commands && again.count == 1)
    }

    /// [ and ]: the same data seed with another noise, so the same points are seen moved; the notice says so.
    @Test func noiseRedrawsTheSamePointsWithTheSameSeed() throws {
        var host = try Self.host(["--dataset", "circle", "--samples", "20"])
        let state = DashboardState(training: .tutorial, size: Size(width: 120, height: 40))
        let (events, commands) = host.perform(.noise(0.1), state: state)
        var generator = SeededGenerator(seed: 1)
        let expected = Dataset.generated(.circle, samples: 20, noise: 0.1, generator: &generator)
        #expect(commands == [.replaceData(training: expected, test: nil)])
        guard case .notice(let notice) = events.last else {
            Issue.record("\(events)")
            return
        }
        #expect(notice.text == "noise 0.1: the same points moved (data seed 1), 20 training rows")
        // Then N takes the next seed, and says the noise as the title does.
        let (next, _) = host.perform(.newData(noise: 0), state: state)
        guard case .notice(let drawn) = next.last else {
            Issue.record("\(next)")
            return
        }
        #expect(drawn.text == "new data: 20 training rows, noise 0, data seed 2")
    }

    @Test func standardizedDataAreStandardizedAgain() throws {
        var host = try Self.host(["--dataset", "circle", "--standardize"])
        let (events, commands) = host.perform(
            .newData(noise: 0), state: DashboardState(training: .tutorial, size: Size(width: 120, height: 40)))
        guard case .replaceData(let training, _) = commands.first, case .data(let raw, _, let z?, _, _) = events.first
        else {
            Issue.record("\(commands) \(events)")
            return
        }
        #expect(z == Standardization(fitting: raw))
        #expect(training == z.apply(raw))
    }

    @Test func dataFromAFileCannotBeDrawnAgain() throws {
        var host = try Self.host(["--data", "points.csv"])
        let (events, commands) = host.perform(
            .newData(noise: 0), state: DashboardState(training: .tutorial, size: Size(width: 120, height: 40)))
        #expect(commands.isEmpty)
        guard case .notice(let notice) = events.first, notice.isProblem else {
            Issue.record("\(events)")
            return
        }
        #expect(notice.text.contains("points.csv") && notice.text.contains("built-in --dataset"))
    }

    @Test func aFileThatCannotBeWrittenIsAProblemNotACrash() throws {
        var host = try Self.host([])
        var state = DashboardState(training: .tutorial, size: Size(width: 120, height: 40))
        let (none, _) = host.perform(.saveModel, state: state)
        guard case .notice(let notice) = none.first, notice.isProblem else { Issue.record("\(none)"); return }
        state.snapshot = Snapshot(
            version: 1, iteration: 5, limit: nil, state: .paused, learningRate: 0.1, speed: .unlimited,
            batchSize: 1, stepsPerSecond: 0, seed: 1, loss: .squaredError,
            network: Network(weights: [1, 2], bias: 0), history: ErrorHistory(), events: [],
            reportInterval: 100)
        for request in [DashboardRequest.saveModel, .exportHistory] {
            let (events, commands) = host.perform(request, state: state)
            #expect(commands.isEmpty)
            guard case .notice(let notice) = events.first, notice.isProblem else { Issue.record("\(events)"); continue }
            #expect(notice.text.contains("/nonexistent-dir/"), "\(notice.text)")
        }
    }

    /// Guards half an export: a read-only SVG was refused after the CSV had been replaced.
    @Test func anExportRefusedLeavesBothFilesAsTheyWere() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let csv = try scratch.file("h.csv", "old csv\n")
        let svg = try scratch.file("h.svg", "old svg\n")
        #expect(chmod(svg, 0o444) == 0)
        var host = DashboardHost(
            modelPath: scratch.path("m.json"), historyPath: scratch.path("h"),
            data: try DataOptions.parse([]))
        var state = DashboardState(training: .tutorial, size: Size(width: 120, height: 40))
        var generator = SeededGenerator(seed: 1)
        let network = Network(inputCount: 2, hidden: [], hiddenActivation: .sigmoid, generator: &generator)
        var history = ErrorHistory()
        history.append(.init(iteration: 0, error: 2, testError: nil))
        state.snapshot = Snapshot(
            version: 1, iteration: 0, limit: nil, state: .paused, learningRate: 0.1, speed: .unlimited,
            batchSize: 1, stepsPerSecond: 0, seed: 1, loss: .squaredError, network: network,
            trainingError: 2, testError: nil, trainingAccuracy: 0.5, testAccuracy: nil,
            bestError: 2, bestIteration: 0, history: history, events: [], reportInterval: 100,
            regularization: .none, regularizationRate: 0)
        let (events, _) = host.perform(.exportHistory, state: state)
        guard case .notice(let notice) = events.first else {
            Issue.record("\(events)")
            return
        }
        #expect(notice.isProblem && notice.text.contains("read-only"), "\(notice)")
        #expect(try String(contentsOfFile: csv, encoding: .utf8) == "old csv\n")
        #expect(try String(contentsOfFile: svg, encoding: .utf8) == "old svg\n")
    }
}

/// The dashboard's `E`: the model on screen as ONNX, beside the saved model, run in onnxruntime.
@Suite struct DashboardONNXTests {
    @Test func theONNXPathIsTheModelsWithItsOwnExtension() throws {
        let data = try DataOptions.parse([])
        #expect(DashboardHost(modelPath: "a/m.json", historyPath: "h", data: data).onnxPath == "a/m.onnx")
        #expect(DashboardHost(modelPath: "model", historyPath: "h", data: data).onnxPath == "model.onnx")
    }

    @Test func theModelOnScreenRunsInONNXRuntimeAsItDoesHere() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        var host = DashboardHost(
            modelPath: scratch.path("m.json"), historyPath: scratch.path("h"),
            data: try DataOptions.parse(["--dataset", "xor", "--standardize"]))
        var generator = SeededGenerator(seed: 3)
        let network = Network(inputCount: 2, hidden: [5], hiddenActivation: .tanh, generator: &generator)
        let standardization = Standardization(mean: [0.5, -1], deviation: [2, 3])
        var state = DashboardState(training: .tutorial, size: Size(width: 120, height: 40))
        state.replaceData(training: .tutorial, test: nil, standardization: standardization, featureMap: nil)
        state.snapshot = Snapshot(
            version: 1, iteration: 7, limit: nil, state: .paused, learningRate: 0.1, speed: .unlimited,
            batchSize: 1, stepsPerSecond: 0, seed: 1, loss: .squaredError, network: network,
            history: ErrorHistory(), events: [], reportInterval: 100)
        let (events, commands) = host.perform(.exportONNX, state: state)
        #expect(commands.isEmpty)
        guard case .notice(let notice) = events.first, !notice.isProblem else {
            Issue.record("\(events)")
            return
        }
        #expect(notice.text.hasPrefix("wrote \(scratch.path("m.onnx")) (ONNX, iteration 7)"), "\(notice.text)")
        let rows: [[Double]] = [[3, 1.5], [-2, 4], [0, 0], [5.5, -1]]
        let lines = rows.map { $0.map { String($0) }.joined(separator: ",") }
        let csv = try scratch.file("rows.csv", lines.joined(separator: "\n") + "\n")
        let outputs = try ExportCLITests.onnxRuntime(scratch.path("m.onnx"), rows: csv)
        #expect(outputs.count == rows.count)
        var pass = ForwardPass(network: network)
        for (row, output) in zip(rows, outputs) {
            let input = standardization.apply(row)
            let expected = input.withUnsafeBufferPointer { pass.run(network, input: $0.baseAddress!) }
            #expect(output.count == 1 && abs(output[0] - expected) <= 1e-12, "\(row): \(output) vs \(expected)")
        }
    }

    /// A model read from a table with a category column and text labels: `E` writes the graph that takes the
    /// columns by name, one-hot encodes the texts and gives the label.
    @Test func aModelOfCategoriesIsExportedWithItsColumnsAndLabels() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let schema = ColumnSchema(
            columns: [
                .init(name: "w", fillNumber: 2.5), .init(name: "c", categories: ["blue", "red"], fillCategory: "red")
            ], target: "answer", targetLabels: ["no", "yes"], missing: .mean)
        var host = DashboardHost(
            modelPath: scratch.path("m.json"), historyPath: scratch.path("h"), data: try DataOptions.parse([]),
            columns: schema)
        var generator = SeededGenerator(seed: 5)
        let network = Network(inputCount: 3, hidden: [4], hiddenActivation: .tanh, generator: &generator)
        var state = DashboardState(training: .tutorial, size: Size(width: 120, height: 40))
        state.snapshot = Snapshot(
            version: 1, iteration: 3, limit: nil, state: .paused, learningRate: 0.1, speed: .unlimited,
            batchSize: 1, stepsPerSecond: 0, seed: 1, loss: .squaredError, network: network,
            history: ErrorHistory(), events: [], reportInterval: 100)
        let (events, _) = host.perform(.exportONNX, state: state)
        guard case .notice(let notice) = events.first, !notice.isProblem else {
            Issue.record("\(events)")
            return
        }
        #expect(notice.text.contains("inputs w, c (text) → output [N, 1], label [N, 1]"), "\(notice.text)")
        let csv = try scratch.file("rows.csv", "c,w\nred,1\nblue,-3\nNA,0.5\nred,\n")
        let rows = try ExportColumnsCLITests.onnxRuntime(scratch.path("m.onnx"), rows: csv, labelled: true)
        let inputs: [[Double]] = [[1, 0, 1], [-3, 1, 0], [0.5, 0, 1], [2.5, 0, 1]]
        #expect(rows.count == inputs.count)
        var pass = ForwardPass(network: network)
        for (input, row) in zip(inputs, rows) {
            let expected = input.withUnsafeBufferPointer { pass.run(network, input: $0.baseAddress!) }
            #expect(row.outputs.count == 1 && abs(row.outputs[0] - expected) <= 1e-12, "\(input): \(row)")
            #expect(row.label == (expected >= 0.5 ? "yes" : "no"), "\(input): \(row)")
        }
    }
}
