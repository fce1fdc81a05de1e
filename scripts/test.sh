#!/usr/bin/env bash
# The whole test suite: unit, golden-file and end-to-end tests (Swift Testing).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/ensure-libcmark.sh
swift test
