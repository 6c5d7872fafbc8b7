// swift-tools-version: 6.1
import PackageDescription

// Every module is compiled for x86-64 with AVX2 and FMA (Haswell, 2013, and later; AMD since Zen): the training
// kernels are written as eight-wide vectors. AVX-512 (`-target-cpu native` on this machine) made the minibatch
// kernels up to 1.25x faster but the tutorial's loop 0.90x its C loop; Haswell's set keeps the tutorial at its C
// loop's speed, and wide layers go through OpenBLAS, which picks its kernels at run time. README says so.
let strict: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .unsafeFlags(["-target-cpu", "haswell"])
]

// Linux only: nntop is built and tested on Linux (Debian, glibc, ncursesw). No Apple platform is claimed, so
// there is no `platforms:` entry; the file I/O calls Glibc directly.
let package = Package(
    name: "nntop",
    products: [
        .executable(name: "nntop", targets: ["nntop"]),
        .executable(name: "nntop-bench", targets: ["nntop-bench"]),
        // The modules the fuzz package (fuzz/) instruments and drives; not a public API.
        .library(
            name: "NNTopCore",
            targets: ["NeuralCore", "SharedState", "DataFiles", "Training", "TerminalUI", "Dashboard"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-protobuf.git", from: "1.39.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0")
    ],
    targets: [
        // A value shared between threads behind a Mutex that ThreadSanitizer can see.
        .target(name: "SharedState", swiftSettings: strict),
        // The maths alone: network, passes, activations, losses, SGD, datasets as values, standardization. No I/O.
        .target(name: "NeuralCore", dependencies: ["COpenBLAS"], swiftSettings: strict),
        // OpenBLAS's C interface: the matrix products of wide layers (`WideProducts.swift`).
        .systemLibrary(name: "COpenBLAS", providers: [.apt(["libopenblas-dev"])]),
        // Data files: the CSV reader and its number parsers, the parallel loader, safe writes, model files.
        .target(name: "DataFiles", dependencies: ["NeuralCore", "SharedState"], swiftSettings: strict),
        // The training engine: a session on its own Dispatch queue, commands in, snapshots out.
        .target(name: "Training", dependencies: ["NeuralCore", "SharedState"], swiftSettings: strict),
        // ncursesw, the only C library: a module map and one accessor per macro.
        .systemLibrary(name: "CNCurses", providers: [.apt(["libncurses-dev"])]),
        // The only code that imports CNCurses: terminal setup and teardown, input decoding, flushing a buffer.
        .target(name: "CursesBackend", dependencies: ["CNCurses", "TerminalUI"], swiftSettings: strict),
        // Drawing without a terminal: geometry, cell buffer, glyphs, widgets. Knows nothing of curses.
        .target(name: "TerminalUI", swiftSettings: strict),
        // The dashboard as pure functions: state, update(state, event), render(state) into a buffer.
        .target(name: "Dashboard", dependencies: ["NeuralCore", "Training", "TerminalUI"], swiftSettings: strict),
        // The config file (TOML, read by TOMLKit): where it is, its settings and their defaults.
        .target(
            name: "Settings",
            dependencies: ["DataFiles", "Dashboard", "Training", .product(name: "TOMLKit", package: "TOMLKit")],
            swiftSettings: strict),
        // The command-line commands, as a library so tests can run them in process.
        .target(
            name: "NNTopCLI",
            dependencies: [
                "NeuralCore",
                "DataFiles",
                "Training",
                "TerminalUI",
                "Dashboard",
                "CursesBackend",
                "ONNXExport",
                "Settings",
                .product(name: "ArgumentParser", package: "swift-argument-parser")
            ],
            swiftSettings: strict
        ),
        // ONNX's schema (onnx.proto, kept as the spec) and the Swift generated from it by scripts/generate-onnx.sh.
        .target(
            name: "ONNXFormat",
            dependencies: [.product(name: "SwiftProtobuf", package: "swift-protobuf")],
            exclude: ["onnx.proto"], swiftSettings: strict),
        // A trained network, its input pipeline and its task's output as an ONNX graph.
        .target(
            name: "ONNXExport",
            dependencies: ["NeuralCore", "ONNXFormat", .product(name: "SwiftProtobuf", package: "swift-protobuf")],
            swiftSettings: strict),
        .executableTarget(name: "nntop", dependencies: ["NNTopCLI"], swiftSettings: strict),
        .executableTarget(
            name: "nntop-bench",
            dependencies: ["NeuralCore", "DataFiles", "Training", "Dashboard", "TerminalUI", "NNTopCLI"],
            swiftSettings: strict),
        .testTarget(
            name: "NeuralCoreTests", dependencies: ["NeuralCore"],
            // Read by path: reference numbers made by scripts/optimizer-reference.py.
            exclude: ["Fixtures"], swiftSettings: strict),
        .testTarget(
            name: "DataFilesTests", dependencies: ["DataFiles", "NeuralCore", "SharedState"], swiftSettings: strict),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI"], swiftSettings: strict),
        .testTarget(
            name: "DashboardTests", dependencies: ["Dashboard", "TerminalUI", "Training", "NeuralCore"],
            swiftSettings: strict),
        .testTarget(
            name: "TrainingTests", dependencies: ["Training", "NeuralCore", "SharedState"], swiftSettings: strict),
        .testTarget(
            name: "ONNXExportTests",
            dependencies: [
                "ONNXExport", "ONNXFormat", "NeuralCore", .product(name: "SwiftProtobuf", package: "swift-protobuf")
            ],
            swiftSettings: strict),
        .testTarget(
            name: "SettingsTests", dependencies: ["Settings", "Dashboard", "Training", "DataFiles"],
            swiftSettings: strict),
        .testTarget(
            name: "NNTopCLITests", dependencies: ["NNTopCLI", "NeuralCore", "DataFiles", "Training", "nntop"],
            swiftSettings: strict
        )
    ]
)
