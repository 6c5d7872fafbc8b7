import Foundation
import NeuralCore

// Release-mode benchmarks. Each figure is printed as one `name value` line so bench/run.sh can compute ratios
// against the C and NumPy references measured in the same run.
//
//   nntop-bench                    steps per second: tutorial network and a 2-8-8-1 network
//   nntop-bench --csv FILE         also the time to load FILE with the CSV reader (best of 3)
//   nntop-bench --seeds N          mean and spread of the final cumulative error over N seeds × 10 000 iterations
//   nntop-bench --steps N          steps for the tutorial figure (default 50 000 000)

func option(_ name: String, in arguments: [String] = Array(CommandLine.arguments.dropFirst())) -> String? {
    guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count else { return nil }
    return arguments[i + 1]
}

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = ContinuousClock.now
    try body()
    let (s, atto) = (ContinuousClock.now - start).components
    return Double(s) + Double(atto) * 1e-18
}

func stepsPerSecond(hidden: [Int], activation: Activation, steps: Int) -> (Double, Network) {
    var generator = SeededGenerator(seed: 1)
    var network = Network(inputCount: 2, hidden: hidden, hiddenActivation: activation, generator: &generator)
    var sgd = StochasticGradientDescent(network: network, learningRate: 0.1)
    sgd.train(&network, on: .tutorial, steps: steps / 100, generator: &generator)   // warm up
    let t = seconds { sgd.train(&network, on: .tutorial, steps: steps, generator: &generator) }
    return (Double(steps) / t, network)
}

if let seeds = option("--seeds").flatMap(Int.init) {
    var finals: [Double] = []
    for seed in 0..<seeds {
        var generator = SeededGenerator(seed: UInt64(seed))
        let network = Network(inputCount: 2, generator: &generator)
        var trainer = Trainer(network: network, optimizer: StochasticGradientDescent(network: network, learningRate: 0.1),
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
FileHandle.standardError.write("checksum \(tutorialNetwork.parameters.reduce(0, +) + deepNetwork.parameters.reduce(0, +))\n".data(using: .utf8)!)

if let path = option("--csv") {
    var best = Double.infinity
    var rows = 0
    for _ in 0..<3 {
        do {
            let t = try seconds { rows = try CSVReader.load(path: path).count }
            best = min(best, t)
        } catch {
            FileHandle.standardError.write("nntop-bench: \(error)\n".data(using: .utf8)!)
            exit(2)
        }
    }
    print("swift_csv_load_seconds \(best)")
    print("swift_csv_rows \(rows)")
}
