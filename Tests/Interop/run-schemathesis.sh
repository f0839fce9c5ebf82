#!/usr/bin/env bash
# API fuzzing (issue 7): schemathesis generates requests from /openapi.json of a live
# `meshreg serve` (admin token) and checks that no answer is a 5xx and that every answer matches
# the documented status codes, content types and schemas.
# Usage: Tests/Interop/run-schemathesis.sh [max seconds, default 120]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-120}"
venv=.build/interop-venv
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check schemathesis
swift build --product meshreg >&2
work=$(mktemp -d)
.build/debug/meshreg serve --db "$work/api.sqlite" --port 0 --domains Domains --policies Policies 2>"$work/serve.log" >/dev/null &
server=$!
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 300); do grep -q "listening on" "$work/serve.log" 2>/dev/null && break; sleep 0.1; done
port=$(sed -n 's/.*listening on http:\/\/127\.0\.0\.1:\([0-9]*\).*/\1/p' "$work/serve.log")
[ -n "$port" ] || { echo "meshreg serve did not start" >&2; cat "$work/serve.log" >&2; exit 1; }
token=$(cat "$work/api.sqlite.admin-token")
"$venv/bin/schemathesis" run "http://127.0.0.1:$port/openapi.json" \
  --header "Authorization: Bearer $token" \
  --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance \
  --max-time "$seconds" --workers 2 --suppress-health-check all --warnings off
