#!/usr/bin/env bash
set -euo pipefail
NAME=${1:-web}  # 이름
if [ -z "$NAME" ]; then
  echo "이름이 없다: $NAME" >&2
  exit 1
fi
for node in $(kubectl get nodes -o name); do kubectl describe "$node" | grep -i taint; done
