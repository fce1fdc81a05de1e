#!/usr/bin/env bash
# Builds gongbu and the bundled Korean study notes into public/.
# Installs libcmark-dev, libgumbo-dev and libsqlite3-dev first when missing (with apt-get when run as root;
# otherwise prints the command to run).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/ensure-libraries.sh
swift build -c release --product gongbu
.build/release/gongbu build --strict "$@"
