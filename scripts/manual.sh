#!/usr/bin/env bash
# docs/nntop.1, the man page, made from the commands' own help by swift-argument-parser's generate-manual plugin
# (offline: it builds from the package's checkout of swift-argument-parser).
#   scripts/manual.sh           write docs/nntop.1
#   scripts/manual.sh --check   fail when docs/nntop.1 is not what the commands give now (CI)
# Read it with `man ./docs/nntop.1`; install it with `cp docs/nntop.1 /usr/local/share/man/man1/`.
set -euo pipefail
cd "$(dirname "$0")/.."

# The page's date is fixed, so it changes only when the commands do; move it with NNTop.version.
date=2026-12-01
log=$(mktemp)
stamp=$(mktemp)
trap 'rm -f "$log" "$stamp"' EXIT
if ! swift package --disable-sandbox generate-manual --configuration debug --date "$date" >"$log" 2>&1; then
    cat "$log" >&2
    echo "manual: swift package generate-manual failed" >&2
    exit 1
fi
page=$(find .build/plugins/GenerateManual -path '*/nntop/nntop.1' -newer "$stamp" | head -n 1)
if [ -z "$page" ]; then
    cat "$log" >&2
    echo "manual: the plugin wrote no nntop.1" >&2
    exit 1
fi
if [ "${1:-}" = "--check" ]; then
    if ! diff -u docs/nntop.1 "$page"; then
        echo "manual: docs/nntop.1 is out of date with the commands' help; run scripts/manual.sh and commit it" >&2
        exit 1
    fi
    echo "manual: docs/nntop.1 is current"
else
    cp "$page" docs/nntop.1
    echo "manual: wrote docs/nntop.1"
fi
