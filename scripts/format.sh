#!/usr/bin/env bash
# Formats every Swift file of the project with the toolchain's swift-format and the repo's .swift-format
# (4-space indent, 120 columns, layout only: no rule that rewrites code). `scripts/format.sh --check` changes
# nothing and fails, naming the files, when any file is not formatted; .ci/run runs it.
set -euo pipefail
cd "$(dirname "$0")/.."

# Tracked files and new ones not yet added (but not those git ignores), less the code protoc generates
# (scripts/generate-onnx.sh): it is written as the generator writes it, and never edited by hand.
files=$(git ls-files --cached --others --exclude-standard '*.swift' ':!:*.pb.swift')

if [ "${1:-}" = "--check" ]; then
    scratch=$(mktemp -d)
    trap 'rm -rf "$scratch"' EXIT
    bad=()
    for f in $files; do
        swift format format --configuration .swift-format "$f" > "$scratch/out"
        cmp -s "$f" "$scratch/out" || bad+=("$f")
    done
    if [ ${#bad[@]} -gt 0 ]; then
        echo "format: ${#bad[@]} file(s) not formatted: ${bad[*]}; run scripts/format.sh" >&2
        exit 1
    fi
    echo "format: all $(echo "$files" | wc -l) Swift files formatted"
else
    # shellcheck disable=SC2086
    swift format format --configuration .swift-format -i $files
fi
