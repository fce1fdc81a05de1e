#!/usr/bin/env bash
# Makes sure the C libraries gongbu links are installed with their headers: libcmark (the
# CommonMark reference parser), Gumbo (an HTML5 parser, under the raw-HTML sanitizer) and
# SQLite (the Anki package's collection).
set -euo pipefail
missing=()
pkg-config --exists libcmark 2>/dev/null || missing+=(libcmark-dev)
pkg-config --exists gumbo 2>/dev/null || missing+=(libgumbo-dev)
pkg-config --exists sqlite3 2>/dev/null || missing+=(libsqlite3-dev)
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing ${missing[*]} with apt-get…" >&2
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" pkg-config >/dev/null
  exit 0
fi
echo "gongbu needs ${missing[*]}. Install with:" >&2
echo "    sudo apt-get install -y ${missing[*]} pkg-config" >&2
exit 1
