#!/usr/bin/env bash
# The whole test suite: the formatting check, unit, golden-file, conformance and end-to-end
# tests (Swift Testing), then the real-browser test of the site's search box (installs Chromium and
# Selenium when missing).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/format.sh --check
scripts/ensure-libraries.sh
# The reference GFM implementation, the oracle of the differential Markdown test (which skips
# itself when this cannot be installed).
if ! command -v cmark-gfm >/dev/null 2>&1 && [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq cmark-gfm >/dev/null 2>&1 || echo "cmark-gfm not installed; the differential test is skipped" >&2
fi
swift test
swift build --product gongbu
# The bundled site, as a reader gets it: strict, so any problem in its examples fails CI.
.build/debug/gongbu build --strict --quiet --output .build/bundled-site
python3 scripts/browser-test.py --gongbu .build/debug/gongbu
