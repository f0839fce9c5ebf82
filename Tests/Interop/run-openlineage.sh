#!/usr/bin/env bash
# Interop test: runs Tests/Interop/openlineage_interop.py (the real openlineage-python client with
# its HttpTransport) against a fresh `meshreg serve` loaded with the shipped mesh.
set -euo pipefail
source "$(dirname "$0")/serve.sh"
start_meshreg run-openlineage openlineage-python
MESHREG_URL="$url" MESHREG_TOKEN="$admin_token" "$venv/bin/python" Tests/Interop/openlineage_interop.py
