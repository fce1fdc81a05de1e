#!/usr/bin/env bash
# Makes sure libcmark (the CommonMark reference parser) and its headers are installed.
set -euo pipefail
if pkg-config --exists libcmark 2>/dev/null; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing libcmark-dev with apt-get…" >&2
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libcmark-dev pkg-config >/dev/null
  exit 0
fi
echo "gongbu needs libcmark. Install it with:" >&2
echo "    sudo apt-get install -y libcmark-dev pkg-config" >&2
exit 1
