#!/usr/bin/env bash
# Interop test: runs Tests/Interop/datacontract_interop.py (the real datacontract-cli, pinned) against
# a fresh `meshreg serve`: lint of every shipped contract as served, and jsonschema round trips.
# datacontract-cli brings many packages of its own, so it gets its own venv.
set -euo pipefail
source "$(dirname "$0")/serve.sh"
INTEROP_VENV="${DATACONTRACT_VENV:-.build/datacontract-venv}"
start_meshreg run-datacontract "datacontract-cli==1.2.8"
MESHREG_URL="$url" MESHREG_TOKEN="$admin_token" MESHREG_BINARY="$binary" DATACONTRACT="$venv/bin/datacontract" \
  "$venv/bin/python" Tests/Interop/datacontract_interop.py
