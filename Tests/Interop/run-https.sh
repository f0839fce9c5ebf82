#!/usr/bin/env bash
# Interop test: the remote CLI over https:// through a TLS proxy with a test CA
# (Tests/Interop/https_remote.py), against a fresh `meshreg serve` loaded with the shipped mesh.
set -euo pipefail
source "$(dirname "$0")/serve.sh"
start_meshreg run-https
python3 Tests/Interop/https_remote.py "$binary" "$url" "$admin_token"
