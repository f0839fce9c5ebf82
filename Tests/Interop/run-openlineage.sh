#!/usr/bin/env bash
# Interop test: runs Tests/Interop/openlineage_interop.py (the real openlineage-python client with
# its HttpTransport) against a fresh `meshreg serve` loaded with the shipped mesh; with
# MESHREG_INTEROP_POSTGRES=1, on PostgreSQL, then reads what it wrote through a second replica.
set -euo pipefail
source "$(dirname "$0")/serve.sh"
start_meshreg run-openlineage openlineage-python
MESHREG_URL="$url" MESHREG_TOKEN="$admin_token" "$venv/bin/python" Tests/Interop/openlineage_interop.py
if [ "$read_url" != "$url" ]; then
  python3 Tests/Interop/replica_check.py "$url" "$read_url" "$admin_token" 3 "/api/v1/events?after=0&limit=1000" "/api/v1/audit?limit=1000" /api/v1/audit/verify
fi
