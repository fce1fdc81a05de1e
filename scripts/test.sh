#!/usr/bin/env bash
# The whole test suite: the formatting check, unit, golden-file and end-to-end tests (Swift
# Testing), then the real-browser test of the site's search box (installs Chromium and
# Selenium when missing).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/format.sh --check
scripts/ensure-libraries.sh
swift test
swift build --product gongbu
# The bundled site, as a reader gets it: strict, so any problem in its examples fails CI.
.build/debug/gongbu build --strict --quiet --output .build/bundled-site
python3 scripts/browser-test.py --gongbu .build/debug/gongbu
