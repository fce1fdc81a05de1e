#!/usr/bin/env bash
# Formats the Swift sources with the toolchain's swift-format and the repository's
# .swift-format configuration, or checks them (--check: exits 1 and lists every place that
# is not formatted; CI runs this through scripts/test.sh).
#
#   bash scripts/format.sh           # rewrite files in place
#   bash scripts/format.sh --check   # report only
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v swift-format >/dev/null 2>&1; then
    echo "format: swift-format is not on PATH (it ships with Swift 6 toolchains); skipping" >&2
    exit 0
fi
paths=(Package.swift Sources Tests Benchmarks Fuzz/Package.swift Fuzz/Sources)
if [ "${1:-}" = "--check" ]; then
    # Generated files are written by scripts and are not held to the style.
    mapfile -t files < <(find "${paths[@]}" -name '*.swift' ! -name '*.generated.swift' | sort)
    swift-format lint --strict --parallel "${files[@]}"
    echo "format: ${#files[@]} files formatted as .swift-format says"
else
    mapfile -t files < <(find "${paths[@]}" -name '*.swift' ! -name '*.generated.swift' | sort)
    swift-format format --in-place --parallel "${files[@]}"
fi
