#!/usr/bin/env bash
# Interop test: runs Tests/Interop/confluent_interop.py (the real confluent-kafka Python client)
# against a fresh `meshreg serve`. Creates a venv in .build/interop-venv (or $INTEROP_VENV) and
# installs confluent-kafka (with its avro and schemaregistry extras) and fastavro from PyPI: a failed install fails the run, never skips it.
set -euo pipefail
cd "$(dirname "$0")/../.."
venv="${INTEROP_VENV:-.build/interop-venv}"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv" || { echo "run-confluent: cannot create a venv at $venv (is python3-venv installed?)" >&2; exit 1; }
fi
"$venv/bin/pip" install --quiet --disable-pip-version-check "confluent-kafka[avro,schemaregistry]" fastavro \
  || { echo "run-confluent: pip install confluent-kafka fastavro failed" >&2; exit 1; }

# SWIFT_SCRATCH_PATH: build somewhere other than .build (e.g. beside another build in the same tree).
scratch=(); [ -n "${SWIFT_SCRATCH_PATH:-}" ] && scratch=(--scratch-path "$SWIFT_SCRATCH_PATH")
swift build "${scratch[@]}" --product meshreg >&2
binary="$(swift build "${scratch[@]}" --show-bin-path)/meshreg"
work=$(mktemp -d)
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

"$binary" serve --db "$work/interop.sqlite" --port 0 --domains Domains 2>"$work/serve.log" >/dev/null &
server=$!
url=""
for _ in $(seq 1 200); do
  url=$(grep -o 'listening on http://127.0.0.1:[0-9]*' "$work/serve.log" 2>/dev/null | head -1 | sed 's/listening on //') || true
  [ -n "$url" ] && break
  kill -0 "$server" 2>/dev/null || { cat "$work/serve.log" >&2; echo "run-confluent: meshreg serve exited" >&2; exit 1; }
  sleep 0.1
done
[ -n "$url" ] || { cat "$work/serve.log" >&2; echo "run-confluent: meshreg serve did not start" >&2; exit 1; }

admin_token=$(cat "$work/interop.sqlite.admin-token")
owner_token=$("$binary" token issue --user david.kim --db "$work/interop.sqlite" 2>/dev/null)
MESHREG_URL="$url" MESHREG_ADMIN_TOKEN="$admin_token" MESHREG_OWNER_TOKEN="$owner_token" \
  "$venv/bin/python" Tests/Interop/confluent_interop.py
