#!/usr/bin/env bash
# Interop test: runs Tests/Interop/confluent_interop.py (the real confluent-kafka Python client,
# with its avro and schemaregistry extras, and fastavro) against a fresh `meshreg serve`; with
# MESHREG_INTEROP_POSTGRES=1, on PostgreSQL, then reads what it wrote through a second replica.
set -euo pipefail
source "$(dirname "$0")/serve.sh"
start_meshreg run-confluent "confluent-kafka[avro,rules,schemaregistry]==2.16.2" "fastavro==1.12.1"
owner_token=$("$binary" token issue --user david.kim --db "$database" 2>/dev/null)
MESHREG_URL="$url" MESHREG_ADMIN_TOKEN="$admin_token" MESHREG_OWNER_TOKEN="$owner_token" \
  "$venv/bin/python" Tests/Interop/confluent_interop.py
if [ "$read_url" != "$url" ]; then
  python3 Tests/Interop/replica_check.py "$url" "$read_url" "$admin_token" 4 /apis/ccompat/v7/subjects /apis/ccompat/v7/schemas/ids/1
fi
