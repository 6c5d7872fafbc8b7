#!/usr/bin/env bash
# Regenerates Sources/ONNXFormat/onnx.pb.swift from Sources/ONNXFormat/onnx.proto (ONNX's own schema, kept as
# the format's spec). Run it only when the .proto or swift-protobuf changes: the generated file is committed,
# so a normal build never runs the generator (building it costs minutes).
# Needs protoc (`apt-get install protobuf-compiler`); protoc-gen-swift is built from the swift-protobuf the
# package resolves, into .build/protoc-gen-swift.
set -euo pipefail
cd "$(dirname "$0")/.."

command -v protoc >/dev/null 2>&1 || { echo "generate-onnx: protoc is missing; apt-get install protobuf-compiler" >&2; exit 1; }
swift package resolve
checkout=.build/checkouts/swift-protobuf
swift build -j 1 --package-path "$checkout" --scratch-path .build/protoc-gen-swift --product protoc-gen-swift
plugin=$(swift build --package-path "$checkout" --scratch-path .build/protoc-gen-swift --show-bin-path)/protoc-gen-swift

# Public: ONNXExport, another module, builds the messages.
protoc --plugin=protoc-gen-swift="$plugin" \
    --swift_opt=Visibility=Public \
    --swift_out=Sources/ONNXFormat \
    -I Sources/ONNXFormat onnx.proto
echo "generate-onnx: wrote Sources/ONNXFormat/onnx.pb.swift"
