import Dashboard
import Foundation
import NeuralCore
import NNTopCLI
import TerminalUI
import Training
import DataFiles

// Release-mode benchmarks. Each figure is printed as one `name value` line so bench/run.sh can compute ratios
// against the C and NumPy references measured in the same run.
//
//   nntop-bench                    steps per second: tutorial network and a 2-8-8-1 network
//   nntop-bench --csv FILE         also the time to load FILE as the commands do (runs of lines on every
//                                  processor, through small buffers), the same on one thread, and read whole
//                                  into memory then parsed (best of 3 each)
//   nntop-bench --table-csv FILE   the time to load a passenger list FILE with the careful reader, as
//                                  train --missing mean reads it (bench/csv.sh table)
//   nntop-bench --seeds N          mean and spread of the final cumulative error over N seeds × 10 000 iterations
//   nntop-bench --steps N          steps for the tutorial figure (default 50 000 000)
//   nntop-bench --engine [SECONDS] the training engine at full speed with a consumer taking 60 snapshots a
//                                  second, against the bare training loop, both with the error reported every
//                                  100 iterations (default 3 s each); and on a million rows, where the bare
//                                  loop never evaluates
//   nntop-bench --frames [N]       the dashboard's frame (a snapshot taken, then drawn) at 120×40 with the
//                                  decision map of a 2-16-16-1 tanh network on 200 points, against the same
//                                  frame at 99×40 (no map); N frames. Then a 2-8-8-1 tanh network at 120×40
//                                  with the map and the Network pane against the same frame without the pane,
//                                  in ten interleaved rounds of N/10 frames each
//   nntop-bench --minibatch [SECONDS]  the minibatch workloads (Minibatch.swift: 2-W-W-1 tanh networks at batch 1
//                                  and 64, a 4-16-16-1 ReLU network on 1 M rows, a 30-16-1 cross-entropy network),
//                                  each loop timed for about SECONDS (default 0.75) after a warm-up; steps per
//                                  second as `swift_<name>_steps_per_second N`, the losses before and after the
//                                  warm-up on stderr
//   nntop-bench --workload NAME    only that workload (with --minibatch SECONDS to set its time)

// `swift package generate-manual` (scripts/manual.sh) asks every executable of the package for its help as
// swift-argument-parser's JSON; nntop-bench has no parser, so it answers with its name rather than benchmarking.
if CommandLine.arguments.dropFirst().first == "--experimental-dump-help" {
    print(#"{"serializationVersion":0,"command":{"commandName":"nntop-bench","abstract":"nntop's benchmarks."}}"#)
    exit(0)
}

func option(_ name: String, in arguments: [String] = Array(CommandLine.arguments.dropFirst())) -> String? {
    guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count else { return nil }
    return arguments[i + 1]
}

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = ContinuousClock.now
    try body()
    return (ContinuousClock.now - start).seconds
}

func stepsPerSecond(hidden: [Int], activation: Activation, steps: Int) -> (Double, Network) {
    var generator = SeededGenerator(seed: 1)
    var network = Network(inputCount: 2, hidden: hidden, hiddenActivation: activation, generator: &generator)
    var sgd = StochasticGradientDescent(network: network, learningRate: 0.1)
    sgd.train(&network, on: .tutorial, steps: steps / 100, generator: &generator)  // warm up
    let t = seconds { sgd.train(&network, on: .tutorial, steps: steps, generator: &generator) }
    return (Double(steps) / t, network)
}

if CommandLine.arguments.contains("--minibatch") || CommandLine.arguments.contains("--workload") {
    exit(runMinibatch(arguments: Array(CommandLine.arguments.dropFirst())))
}

if CommandLine.arguments.contains("--frames") {
    let frames = option("--frames").flatMap(Int.init) ?? 500
    var generator = SeededGenerator(seed: 7)
    let network = Network(inputCount: 2, hidden: [16, 16], hiddenActivation: .tanh, generator: &generator)
    let rows = (0..<200).map { _ in [generator.standardNormal() * 3, generator.standardNormal() * 3] }
    let data = Dataset(rows: rows, targets: rows.map { $0[0] * $0[1] > 0 ? 1 : 0 })
    let snapshot = Snapshot(
        version: 1, iteration: 1, limit: nil, state: .running, learningRate: 0.1, speed: .unlimited,
        batchSize: 1, stepsPerSecond: 0, seed: 7, loss: .crossEntropy, network: network,
        history: ErrorHistory(), events: [], reportInterval: 100)
    var sink = 0
    for (name, width) in [("frame_with_map", 120), ("frame_without_map", 99)] {
        var state = DashboardState(
            training: data, size: Size(width: width, height: 40), glyphs: .unicode, colours: .palette)
        // A frame as the program loop makes it: a snapshot taken (the readings made from it), then drawn.
        func frame() -> Int {
            _ = update(&state, .snapshot(snapshot))
            return render(state).cells.count
        }
        for _ in 0..<20 { sink &+= frame() }  // warm up
        let t = seconds { for _ in 0..<frames { sink &+= frame() } }
        print("\(name)_milliseconds \(t / Double(frames) * 1000)")
    }
    // The Network pane: the same frame with it and without it, alternately, so both see the same machine.
    let deep = Network(inputCount: 2, hidden: [8, 8], hiddenActivation: .tanh, generator: &generator)
    var deepSnapshot = snapshot
    deepSnapshot.network = deep
    var states = [true, false].map { shown in
        var state = DashboardState(
            training: data, size: Size(width: 120, height: 40), glyphs: .unicode, colours: .palette)
        state.networkShown = shown
        return state
    }
    var totals = [0.0, 0.0]
    let rounds = 10, perRound = max(frames / rounds, 1)
    for k in states.indices {
        for _ in 0..<20 {  // warm up
            _ = update(&states[k], .snapshot(deepSnapshot))
            sink &+= render(states[k]).cells.count
        }
    }
    for _ in 0..<rounds {
        for k in states.indices {
            totals[k] += seconds {
                for _ in 0..<perRound {
                    _ = update(&states[k], .snapshot(deepSnapshot))
                    sink &+= render(states[k]).cells.count
                }
            }
        }
    }
    let with = totals[0] / Double(rounds * perRound) * 1000, without = totals[1] / Double(rounds * perRound) * 1000
    print("frame_2_8_8_1_with_network_pane_milliseconds \(with)")
    print("frame_2_8_8_1_without_network_pane_milliseconds \(without)")
    print("frame_2_8_8_1_network_pane_ratio \(with / without)")
    FileHandle.standardError.write("checksum \(sink)\n".data(using: .utf8)!)
    exit(0)
}

if CommandLine.arguments.contains("--engine") {
    let duration = option("--engine").flatMap(Double.init) ?? 3
    // A million rows: the bare loop never evaluates, so the ratio is what the engine's reports and the chart's
    // samples cost against training alone.
    var rowGenerator = SeededGenerator(seed: 3)
    let millionRows = (0..<1_000_000).map { _ in [rowGenerator.standardNormal(), rowGenerator.standardNormal()] }
    let million = Dataset(rows: millionRows, targets: millionRows.map { $0[0] * $0[1] > 0 ? 1 : 0 })
    let cases: [(String, [Int], Dataset, Int)] = [
        ("tutorial", [], .tutorial, 100), ("2_8_8_1", [8, 8], .tutorial, 100),
        ("million_2_8_8_1", [8, 8], million, Int.max / 2)
    ]
    for (name, hidden, data, bareInterval) in cases {
        // The bare loop: Trainer.advance in large chunks, as fast as it goes.
        var generator = SeededGenerator(seed: 1)
        let network = Network(inputCount: 2, hidden: hidden, hiddenActivation: .tanh, generator: &generator)
        var trainer = Trainer(
            network: network, optimizer: StochasticGradientDescent(network: network, learningRate: 0.1),
            generator: generator, training: data, reportInterval: bareInterval)
        var bareSteps = 0
        let bareTime = seconds {
            let start = ContinuousClock.now
            while (ContinuousClock.now - start) < .milliseconds(Int(duration * 1000)) {
                trainer.advance(100_000)
                bareSteps += 100_000
            }
        }
        let bare = Double(bareSteps) / bareTime
        // The engine, unthrottled, read by a consumer 60 times a second.
        // As the dashboard runs it: with the loss chart's sample on large data.
        var configuration = SessionConfiguration(
            training: data, hidden: hidden, activation: .tanh, iterationLimit: nil, speed: .unlimited)
        configuration.drawsChart = true
        let session = TrainingSession(configuration)
        session.start()
        var version = 0, taken = 0
        var first: (snapshot: Snapshot, at: ContinuousClock.Instant)?
        var last: (snapshot: Snapshot, at: ContinuousClock.Instant)?
        let start = ContinuousClock.now
        while (ContinuousClock.now - start) < .milliseconds(Int(duration * 1000) + 250) {
            Thread.sleep(forTimeInterval: 1.0 / 60)
            if let s = session.channel.take(newerThan: version) {
                version = s.version
                taken += 1
                let now = ContinuousClock.now
                if first == nil, now - start > .milliseconds(250) { first = (s, now) }  // after warm-up
                last = (s, now)
            }
        }
        session.stop()
        guard let first, let last else { fatalError("the engine published no snapshot") }
        let window = (last.at - first.at)
        let engine = Double(last.snapshot.iteration - first.snapshot.iteration) / window.seconds
        print("bare_\(name)_steps_per_second \(bare)")
        print("engine_\(name)_steps_per_second \(engine)")
        print("engine_\(name)_ratio \(engine / bare)")
        print("engine_\(name)_snapshots_taken \(taken)")
    }
    exit(0)
}

if let seeds = option("--seeds").flatMap(Int.init) {
    var finals: [Double] = []
    for seed in 0..<seeds {
        var generator = SeededGenerator(seed: UInt64(seed))
        let network = Network(inputCount: 2, generator: &generator)
        var trainer = Trainer(
            network: network, optimizer: StochasticGradientDescent(network: network, learningRate: 0.1),
            generator: generator, training: .tutorial)
        var last = Double.nan
        trainer.advance(10_000) { last = $0.trainingError }
        finals.append(last)
    }
    let mean = finals.reduce(0, +) / Double(finals.count)
    let std = (finals.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(finals.count)).squareRoot()
    print("swift_final_error_mean \(mean)")
    print("swift_final_error_std \(std)")
    exit(0)
}

let steps = option("--steps").flatMap(Int.init) ?? 50_000_000
let (tutorialRate, tutorialNetwork) = stepsPerSecond(hidden: [], activation: .sigmoid, steps: steps)
print("swift_tutorial_steps_per_second \(tutorialRate)")
let (deepRate, deepNetwork) = stepsPerSecond(hidden: [8, 8], activation: .tanh, steps: max(steps / 25, 1000))
print("swift_2_8_8_1_steps_per_second \(deepRate)")
// Keep the trained parameters observable so the loops cannot be optimised away.
FileHandle.standardError.write(
    "checksum \(tutorialNetwork.parameters.reduce(0, +) + deepNetwork.parameters.reduce(0, +))\n".data(using: .utf8)!)

csvLoadBenchmarks()
