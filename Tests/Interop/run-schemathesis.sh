#!/usr/bin/env bash
# API fuzzing (issue 7): schemathesis generates requests from /openapi.json of a live
# `meshreg serve` (admin token) and checks that no answer is a 5xx and that every answer matches
# the documented status codes, content types and schemas.
# One worker: with several, hypothesis parses lambdas on concurrent threads and Python 3.11's
# ast module can fail with "AST constructor recursion depth mismatch" (CPython gh-106905).
# Usage: Tests/Interop/run-schemathesis.sh [max seconds, default 120]
set -euo pipefail
seconds="${1:-120}"
source "$(dirname "$0")/serve.sh"
start_meshreg run-schemathesis schemathesis
"$venv/bin/schemathesis" run "$url/openapi.json" \
  --header "Authorization: Bearer $admin_token" \
  --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance \
  --max-time "$seconds" --workers 1 --suppress-health-check all --warnings off
