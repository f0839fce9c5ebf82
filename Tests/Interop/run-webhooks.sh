#!/usr/bin/env bash
# Interop test: runs Tests/Interop/webhooks_interop.py, which starts `meshreg serve` itself (it
# kills and restarts it), with a receiver verifying signatures with the real `standardwebhooks`
# library and parsing events with the `cloudevents` SDK.
set -euo pipefail
source "$(dirname "$0")/serve.sh"
start_meshreg run-webhooks standardwebhooks==1.1.0 cloudevents==2.2.0
kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true; server=""
"$venv/bin/python" Tests/Interop/webhooks_interop.py --meshreg "$binary"
