#!/usr/bin/env bash
# Interop test: runs Tests/Interop/confluent_contracts_interop.py (the real confluent-kafka Python
# client with its avro, protobuf and rules extras: schema references and a CEL rule the client
# enforces) against a fresh `meshreg serve`.
set -euo pipefail
source "$(dirname "$0")/serve.sh"
start_meshreg run-confluent-contracts "confluent-kafka[avro,protobuf,rules,schemaregistry]==2.16.2" "fastavro==1.12.1" "protobuf==7.36.2" "grpcio-tools==1.85.4"
MESHREG_URL="$url" MESHREG_ADMIN_TOKEN="$admin_token" "$venv/bin/python" Tests/Interop/confluent_contracts_interop.py
