// swift-tools-version: 6.1
// libFuzzer harnesses for nntop's two parsers of untrusted bytes, the CSV reader and the model-file loader, and
// for the dashboard's input handling: random key, mouse and host events through `update`, each drawn by `render`.
// Build and run them with scripts/fuzz.sh (it passes -sanitize=fuzzer,address; a plain `swift build` here
// does not make a fuzzer).
//
// The root package exports NeuralCore only inside itself (its products are the two executables), and SwiftPM
// lets another package use a target only through a library product. So this package compiles the same
// sources through symlinks, Sources/NeuralCore -> ../../Sources/NeuralCore and likewise SharedState, DataFiles,
// Training, TerminalUI and Dashboard: the code under test is the root package's, file for file, and it is instrumented for coverage
// together with the harnesses.
import PackageDescription

let settings: [SwiftSetting] = [.swiftLanguageMode(.v6)]

let package = Package(
    name: "nntop-fuzz",
    targets: [
        .target(name: "NeuralCore", swiftSettings: settings),
        .target(name: "SharedState", swiftSettings: settings),
        .target(name: "DataFiles", dependencies: ["NeuralCore", "SharedState"], swiftSettings: settings),
        .target(name: "Training", dependencies: ["NeuralCore", "SharedState"], swiftSettings: settings),
        .target(name: "TerminalUI", swiftSettings: settings),
        .target(name: "Dashboard", dependencies: ["NeuralCore", "Training", "TerminalUI"], swiftSettings: settings),
        .target(name: "CLibFuzzer"),
        .executableTarget(
            name: "FuzzCSV", dependencies: ["DataFiles", "NeuralCore", "CLibFuzzer"], swiftSettings: settings),
        .executableTarget(
            name: "FuzzModel", dependencies: ["DataFiles", "NeuralCore", "CLibFuzzer"], swiftSettings: settings),
        .executableTarget(
            name: "FuzzUpdate",
            dependencies: ["Dashboard", "Training", "TerminalUI", "NeuralCore", "DataFiles", "CLibFuzzer"],
            swiftSettings: settings)
    ]
)
