// swift-tools-version: 6.1
// libFuzzer harnesses for nntop's two parsers of untrusted bytes, the CSV reader and the model-file loader, and
// for the dashboard's input handling: random key, mouse and host events through `update`, each drawn by `render`.
// Build and run them with scripts/fuzz.sh (it passes -sanitize=fuzzer,address; a plain `swift build` here
// does not make a fuzzer).
//
// The code under test comes from the root package through its `NNTopCore` library product; the sanitizer flags
// apply to every module of the build, so the root package's sources are instrumented for coverage together with
// the harnesses.
import Foundation
import PackageDescription

let settings: [SwiftSetting] = [.swiftLanguageMode(.v6)]
// SwiftPM names a path dependency after its directory, which is wherever the repository was cloned.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
let core: Target.Dependency = .product(name: "NNTopCore", package: root.lastPathComponent.lowercased())

let package = Package(
    name: "nntop-fuzz",
    dependencies: [.package(path: "..")],
    targets: [
        .target(name: "CLibFuzzer"),
        .executableTarget(name: "FuzzCSV", dependencies: [core, "CLibFuzzer"], swiftSettings: settings),
        .executableTarget(name: "FuzzModel", dependencies: [core, "CLibFuzzer"], swiftSettings: settings),
        .executableTarget(name: "FuzzUpdate", dependencies: [core, "CLibFuzzer"], swiftSettings: settings)
    ]
)
